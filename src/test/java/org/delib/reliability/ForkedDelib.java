package org.delib.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Délib's command line in a JVM of its own, as an administrator starts it: {@code java -cp ... org.delib.cli.Main
 * ARGS} with {@code -Ddelib.data=DIR}, so that it can be killed (SIGKILL on Linux) or raced against another.
 * The class path is the test's own (target/classes and every dependency). The JVM is tuned to start fast (C1 only,
 * serial GC): on two cores a Spring context starts in about 2 s instead of 5.
 */
final class ForkedDelib {

    private static final AtomicInteger COUNT = new AtomicInteger();

    /** A started command: its process and where its console goes. */
    record Launch(Process process, Path outFile, Path errFile, long startNanos, long startMillis) {

        /** Exit code, or throws if it has not ended within {@code seconds} (and kills it). */
        int waitFor(long seconds) throws InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("delib did not end within " + seconds + " s; console:\n" + console());
            }
            return process.exitValue();
        }

        String out() {
            return read(outFile);
        }

        String err() {
            return read(errFile);
        }

        String console() {
            return "--- out:\n" + out() + "--- err:\n" + err();
        }

        double seconds() {
            return (System.nanoTime() - startNanos) / 1e9;
        }

        private static String read(Path file) {
            try {
                return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private ForkedDelib() {}

    /** The java command running Délib's Main with {@code args}. */
    static List<String> command(Path dataDir, List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m", "-Xss1m",
                "-Dfile.encoding=UTF-8", "-Ddelib.data=" + dataDir,
                "-cp", classPath(), "org.delib.cli.Main"));
        command.addAll(args);
        return command;
    }

    /** Surefire sets java.class.path to the test class path (target/test-classes, target/classes, dependencies). */
    static String classPath() {
        String cp = System.getProperty("java.class.path");
        boolean hasMain = Stream.of(cp.split(File.pathSeparator))
                .anyMatch(p -> p.endsWith("classes") || p.endsWith("classes/"));
        if (!hasMain) {
            throw new IllegalStateException("java.class.path does not hold target/classes: " + cp);
        }
        return cp;
    }

    /** Starts Délib in {@code workDir} with the console going to files beside it. */
    static Launch start(Path workDir, Path dataDir, String... args) throws IOException {
        int n = COUNT.incrementAndGet();
        Path out = workDir.resolve("console-" + n + ".out");
        Path err = workDir.resolve("console-" + n + ".err");
        ProcessBuilder builder = new ProcessBuilder(command(dataDir, List.of(args)))
                .directory(workDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        // The database is the embedded one unless the test names another: nothing from the environment.
        builder.environment().keySet().removeIf(k -> k.startsWith("DELIB_"));
        long millis = System.currentTimeMillis();
        return new Launch(builder.start(), out, err, System.nanoTime(), millis);
    }

    /** Writes a job definition. */
    static Path jobFile(Path dir, String name, Path input, Path output) throws IOException {
        Path file = dir.resolve(name + ".yml");
        Files.createDirectories(dir);
        Files.writeString(file, String.join("\n",
                "programme: LIC-INFO",
                "academic_year: 2025-2026",
                "session: 1",
                "input: " + input.toAbsolutePath(),
                "output: " + output.toAbsolutePath(),
                "jury_date: 2026-01-30",
                ""));
        return file;
    }
}
