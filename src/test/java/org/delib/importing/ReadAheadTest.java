package org.delib.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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

    /**
     * Closed by another thread (a job stopped) while the taker waits and the reading thread is inside a read that
     * does not answer interruption: the taker is told, instead of waiting for ever for rows that will not come.
     */
    @Test
    @Timeout(10)
    void closingFromAnotherThreadReleasesTheTakerWaiting() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ReadAhead<Integer, Integer> ahead = new ReadAhead<>("test", () -> {
            reading.countDown();
            boolean interrupted = false;
            while (release.getCount() > 0) { // as a blocking file read: deaf to interruption, which stays set
                try {
                    release.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return 1;
        }, i -> i);
        CompletableFuture<Integer> taker = CompletableFuture.supplyAsync(() -> {
            try {
                return ahead.next();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        reading.await();
        Thread closer = new Thread(() -> {
            try {
                ahead.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        closer.start();
        Thread.sleep(100); // the interruption lands while the thread reads
        release.countDown();
        closer.join();
        assertThatThrownBy(() -> taker.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class).hasRootCauseMessage(
                        "the reading of this file was stopped (the step was closed)");
    }
}
