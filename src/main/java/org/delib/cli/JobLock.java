package org.delib.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One process at a time per job: held for the whole run or restart, released by the operating system when the
 * process ends, even by SIGKILL. So a run found "STARTED" by the holder of the lock was killed, and can be
 * recovered safely.
 */
public final class JobLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private JobLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock of job {@code name}, or null when another process holds it. */
    public static JobLock tryAcquire(Path dataDir, String name) {
        try {
            Path dir = dataDir.resolve("locks");
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(dir.resolve(name + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return null;
            }
            return new JobLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock job " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
