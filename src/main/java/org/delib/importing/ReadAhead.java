package org.delib.importing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * Reads items and transforms them in a thread of its own, ahead of whoever takes them, in order: an import step's
 * rows are read and checked on one core while the step stages the rows before on the other (staging a million marks
 * on H2 took a core; reading and checking them was a fifth of the step). What the reading throws is thrown to the
 * taker at the row where it happened, after the rows before it.
 */
public final class ReadAhead<I, O> implements AutoCloseable {

    /** Items handed over at a time, and batches held ahead: a few thousand rows at most. */
    private static final int BATCH = 500;
    private static final int BATCHES = 8;
    private static final Object END = new Object();

    private final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(BATCHES);
    private final Thread thread;
    private Iterator<Object> batch = Collections.emptyIterator();
    private boolean ended;
    /** Set by {@link #close}, which another thread may call while the taker waits (a job being stopped). */
    private volatile boolean closed;

    /** Starts reading {@code reader}, already open, and transforming its items, in a thread named {@code name}. */
    public ReadAhead(String name, ItemReader<I> reader, Function<I, O> transform) {
        thread = new Thread(() -> run(reader, transform), name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(ItemReader<I> reader, Function<I, O> transform) {
        List<Object> out = new ArrayList<>(BATCH);
        try {
            for (I item = reader.read(); item != null; item = reader.read()) {
                out.add(Objects.requireNonNull(transform.apply(item), "a row transformed to nothing"));
                if (out.size() == BATCH) {
                    queue.put(out);
                    out = new ArrayList<>(BATCH);
                }
            }
            out.add(END);
        } catch (InterruptedException e) {
            return; // closed: nobody takes more
        } catch (Exception | Error e) {
            out.add(e); // an Error too: the taker would otherwise wait for ever
        }
        try {
            queue.put(out);
        } catch (InterruptedException e) {
            // closed: nobody takes more
        }
    }

    /** The next item, or null after the last; throws what reading it threw. */
    @SuppressWarnings("unchecked")
    public O next() throws Exception {
        if (ended) {
            return null;
        }
        if (!batch.hasNext()) {
            List<Object> next;
            // Closed meanwhile, or its thread interrupted, the reading hands nothing more: waiting for it would be
            // for ever (a scheduled job being stopped hung there, holding its lock).
            while ((next = queue.poll(100, TimeUnit.MILLISECONDS)) == null) {
                if (closed || !thread.isAlive() && queue.isEmpty()) {
                    throw new IllegalStateException("the reading of this file was stopped (the step was closed)");
                }
            }
            batch = next.iterator();
        }
        Object next = batch.next();
        if (next == END || next instanceof Throwable) {
            ended = true;
            if (next instanceof Error e) {
                throw e;
            }
            if (next instanceof Exception e) {
                throw e;
            }
            return null;
        }
        return (O) next;
    }

    /** Stops reading, and waits until the thread has: the reader can then be closed. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.interrupt();
        thread.join();
    }
}
