package org.delib.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.delib.cli.JobDefinition;

/** The job definitions of the folder {@code serve} was given, found by name only: a request never names a path. */
final class JobFiles {

    private final Path dir;

    JobFiles(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** Every {@code .yml}/{@code .yaml} of the folder, by name. */
    List<Path> all() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> Files.isRegularFile(f)
                    && (f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The definition named {@code name}, if the folder holds one. */
    Optional<Path> byName(String name) {
        return all().stream().filter(f -> JobDefinition.nameOf(f).equals(name)).findFirst();
    }
}
