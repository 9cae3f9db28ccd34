package org.delib.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * FORMATS: a file is published whole or not at all. Outputs are written aside, in a staging folder next to the
 * target, and renamed into place: a reader of {@code output/} sees the old file or the new one, never half of one.
 */
public final class Publisher {

    private Publisher() {}

    /** Moves {@code name} from {@code staging} into {@code target}; idempotent, so a restart may call it again. */
    public static void publish(Path staging, Path target, String name) {
        Path from = staging.resolve(name);
        if (!Files.exists(from)) {
            return; // already published by an earlier attempt
        }
        try {
            Files.createDirectories(target);
            Files.move(from, target.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + target.resolve(name), e);
        }
    }

    /**
     * Moves the folder {@code name} (the transcripts) from {@code staging} into {@code target}: the previous one is
     * renamed aside first, then removed, so the folder in place is always whole.
     */
    public static void publishFolder(Path staging, Path target, String name) {
        Path from = staging.resolve(name);
        if (!Files.exists(from)) {
            return;
        }
        Path to = target.resolve(name);
        Path old = target.resolve("." + name + ".old");
        try {
            Files.createDirectories(target);
            delete(old);
            if (Files.exists(to)) {
                Files.move(to, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            delete(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + to, e);
        }
    }

    /** Removes the staging folder once everything in it is published. */
    public static void clean(Path staging) {
        try {
            delete(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + staging, e);
        }
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var all = Files.walk(path)) {
            for (Path p : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
