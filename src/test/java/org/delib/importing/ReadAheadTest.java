package org.delib.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ReadAheadTest {

    @Test
    void everyItemTransformedInOrderThenTheEnd() throws Exception {
        AtomicInteger n = new AtomicInteger();
        List<String> taken = new ArrayList<>();
        try (ReadAhead<Integer, String> ahead = new ReadAhead<>("test", () -> n.get() < 2345 ? n.incrementAndGet()
                : null, i -> "row " + i)) {
            for (String s = ahead.next(); s != null; s = ahead.next()) {
                taken.add(s);
            }
            assertThat(ahead.next()).isNull();
        }
        assertThat(taken).hasSize(2345).startsWith("row 1", "row 2").endsWith("row 2345");
    }

    @Test
    void whatReadingThrowsComesAfterTheRowsBeforeIt() throws Exception {
        AtomicInteger n = new AtomicInteger();
        try (ReadAhead<Integer, Integer> ahead = new ReadAhead<>("test", () -> {
            if (n.get() == 1200) {
                throw new IllegalStateException("line 1201 unreadable");
            }
            return n.incrementAndGet();
        }, i -> i)) {
            for (int i = 1; i <= 1200; i++) {
                assertThat(ahead.next()).isEqualTo(i);
            }
            assertThatThrownBy(ahead::next).isInstanceOf(IllegalStateException.class)
                    .hasMessage("line 1201 unreadable");
            assertThat(ahead.next()).isNull();
        }
    }

    /** An error (out of memory, say) in the reading thread reaches the step instead of leaving it waiting. */
    @Test
    @Timeout(10)
    void anErrorInTheReadingThreadReachesTheTaker() throws Exception {
        try (ReadAhead<Integer, Integer> ahead = new ReadAhead<>("test", () -> 1, i -> {
            throw new OutOfMemoryError("simulated");
        })) {
            assertThatThrownBy(ahead::next).isInstanceOf(OutOfMemoryError.class).hasMessage("simulated");
        }
    }

    /** A step stopped or failed mid-file closes it while the thread waits for room: the thread ends. */
    @Test
    @Timeout(10)
    void closingStopsTheReadingThread() throws Exception {
        AtomicInteger n = new AtomicInteger();
        ReadAhead<Integer, Integer> ahead = new ReadAhead<>("test", n::incrementAndGet, i -> i); // never ends
        assertThat(ahead.next()).isEqualTo(1);
        ahead.close();
        int read = n.get();
        Thread.sleep(50);
        assertThat(n.get()).isEqualTo(read); // reads no more once closed
    }
}
