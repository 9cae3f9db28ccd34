package org.delib.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One reading of the results for the three documents: every consumer gets every item, in order, and none hangs. */
class SharedReadingTest {

    private static final Duration AT_MOST = Duration.ofSeconds(20);
    private static final List<Integer> ITEMS = IntStream.range(0, 1234).boxed().toList();

    /** A consumer that keeps what it is given. */
    private static SharedReading.Consumer<Integer> into(List<Integer> kept) {
        return items -> items.forEach(kept::add);
    }

    @Test
    void everyConsumerGetsEveryItemInOrder() {
        List<List<Integer>> got = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        assertTimeoutPreemptively(AT_MOST, () -> new SharedReading<>(ITEMS).feed(List.of(into(got.get(0)),
                into(got.get(1)), into(got.get(2)))));
        assertThat(got).allSatisfy(kept -> assertThat(kept).isEqualTo(ITEMS));
    }

    @Test
    void aSourceReadOnceWhateverTheConsumers() {
        int[] reads = new int[1];
        Iterable<Integer> source = () -> {
            reads[0]++;
            return ITEMS.iterator();
        };
        assertTimeoutPreemptively(AT_MOST, () -> new SharedReading<>(source).feed(List.of(into(new ArrayList<>()),
                into(new ArrayList<>()))));
        assertThat(reads[0]).isEqualTo(1);
    }

    @Test
    void aFailingConsumerFailsTheWholeOnceTheOthersHaveFinished() {
        List<Integer> other = Collections.synchronizedList(new ArrayList<>());
        SharedReading.Consumer<Integer> failing = items -> {
            int n = 0;
            for (Integer ignored : items) {
                if (++n == 10) {
                    throw new IllegalArgumentException("disk full");
                }
            }
        };
        assertTimeoutPreemptively(AT_MOST, () -> assertThatThrownBy(() -> new SharedReading<>(ITEMS)
                .feed(List.of(failing, into(other)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("disk full"));
        assertThat(other).isEqualTo(ITEMS);
    }

    @Test
    void aFailingReadingFailsTheWholeAndNoConsumerWaitsForever() {
        Iterable<Integer> source = () -> new Iterator<>() {
            private int n;

            @Override
            public boolean hasNext() {
                if (n == 600) {
                    throw new IllegalStateException("connection lost");
                }
                return true;
            }

            @Override
            public Integer next() {
                return n++;
            }
        };
        List<Integer> kept = new ArrayList<>();
        assertTimeoutPreemptively(AT_MOST, () -> assertThatThrownBy(() -> new SharedReading<>(source)
                .feed(List.of(into(kept), into(new ArrayList<>())))).isInstanceOf(IllegalStateException.class)
                .hasMessage("connection lost"));
        assertThat(kept).hasSizeLessThanOrEqualTo(600);
    }
}
