package org.delib.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.delib.importing.InputFile;

/**
 * A digest of everything a run reads: the programme, every input file present, the rules profile file and the
 * export profile. It is part of a run's identity, so changed inputs make a new run and unchanged ones find the
 * completed one.
 */
public final class Fingerprint {

    private Fingerprint() {}

    public static String of(JobDefinition job) {
        Path inputDir = Path.of(job.input());
        List<Path> files = new ArrayList<>();
        files.add(inputDir.resolve("programme.yaml"));
        for (InputFile f : InputFile.values()) {
            for (String ext : List.of(".csv", ".xlsx")) {
                Path p = inputDir.resolve(f.baseName() + ext);
                if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        }
        if (job.rulesFile() != null) {
            files.add(Path.of(job.rulesFile()));
        }
        if (job.export() != null && Files.isRegularFile(Path.of(job.export()))) {
            files.add(Path.of(job.export()));
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.valueOf(job.export()).getBytes(StandardCharsets.UTF_8)); // a shipped profile, by name
            for (Path p : files) {
                if (!Files.isRegularFile(p)) {
                    continue; // a missing required file is reported by the run itself
                }
                sha.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                try (InputStream in = new DigestInputStream(Files.newInputStream(p), sha)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
