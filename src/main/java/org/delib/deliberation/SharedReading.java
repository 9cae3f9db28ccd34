package org.delib.deliberation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One reading of a sequence shared by several consumers, each in a thread of its own, a page of items at a time.
 * The documents read a run's results once for the PV workbook, the PV PDF and the transcripts: reading them three
 * times, from H2's indexes, was a quarter of the PV's time.
 *
 * <p>A consumer that fails stops taking items, but the others go on; the first failure is thrown once every
 * consumer has finished. Memory stays flat: each consumer has {@value #PAGES_AHEAD} pages waiting at most, and the
 * reading waits for the slowest.
 */
final class SharedReading<T> {

    /** What a consumer does with the items, in order, as they come. */
    interface Consumer<T> {
        void consume(Iterable<T> items) throws Exception;
    }

    private static final int PAGE = 250;
    /**
     * Pages a consumer may be behind the reading: 10,000 students, a few tens of MB. The documents do not go at one
     * pace: the workbook fills its other sheets before its students' rows, then overtakes the transcripts; with 4
     * pages, its last second and more came after everything else with one core idle.
     */
    private static final int PAGES_AHEAD = 40;

    private final Iterable<T> source;

    SharedReading(Iterable<T> source) {
        this.source = source;
    }

    /** Reads the source once, giving every item to each of {@code consumers}; returns when all are done. */
    void feed(List<Consumer<T>> consumers) throws Exception {
        List<Feed<T>> feeds = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(consumers.size(), task -> {
            Thread t = new Thread(task, "documents");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Consumer<T> consumer : consumers) {
                Feed<T> feed = new Feed<>();
                feeds.add(feed);
                done.add(threads.submit(() -> {
                    try {
                        consumer.consume(feed);
                    } finally {
                        feed.closed = true; // whatever it left unread, the reading must not wait for it
                        feed.pages.clear();
                    }
                    return null;
                }));
            }
            Exception failure = null;
            try {
                List<T> page = new ArrayList<>(PAGE);
                for (T item : source) {
                    page.add(item);
                    if (page.size() == PAGE) {
                        give(feeds, page);
                        page = new ArrayList<>(PAGE);
                    }
                }
                if (!page.isEmpty()) {
                    give(feeds, page);
                }
            } catch (Exception e) {
                failure = e;
                feeds.forEach(f -> f.failed = true);
            }
            give(feeds, List.of());
            for (Future<?> consumer : done) {
                try {
                    consumer.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof Exception cause ? cause : e;
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            threads.shutdownNow();
            threads.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    /** Gives {@code page} to every consumer still taking items (an empty page ends the items). */
    private static <T> void give(List<Feed<T>> feeds, List<T> page) throws InterruptedException {
        for (Feed<T> feed : feeds) {
            while (!feed.closed && !feed.pages.offer(page, 100, TimeUnit.MILLISECONDS)) {
                // the consumer is busy; it may also stop, which closed tells
            }
        }
    }

    /** The items of one consumer: the pages given to it, in order, until an empty one. */
    private static final class Feed<T> implements Iterable<T> {
        private final BlockingQueue<List<T>> pages = new ArrayBlockingQueue<>(PAGES_AHEAD);
        private volatile boolean closed;
        private volatile boolean failed;
        private boolean iterated;

        /** The items, once: they are not kept. */
        @Override
        public Iterator<T> iterator() {
            if (iterated) {
                throw new IllegalStateException("the results are read once");
            }
            iterated = true;
            return new Iterator<>() {
                private Iterator<T> page = List.<T>of().iterator();
                private boolean end;

                @Override
                public boolean hasNext() {
                    while (!page.hasNext() && !end) {
                        List<T> next;
                        try {
                            next = pages.take();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException("interrupted while waiting for results", e);
                        }
                        if (next.isEmpty()) {
                            end = true;
                            if (failed) {
                                throw new IllegalStateException("reading the results failed");
                            }
                        }
                        page = next.iterator();
                    }
                    return page.hasNext();
                }

                @Override
                public T next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return page.next();
                }
            };
        }
    }
}
