package org.delib.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.delib.importing.InputException;
import org.delib.importing.InputFile;
import org.delib.importing.InputRow;
import org.delib.importing.ProgrammeFile;
import org.delib.importing.Reject;
import org.delib.importing.RowChecks;
import org.delib.importing.Staged;
import org.delib.importing.TableItemReader;
import org.delib.rules.Programme;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * The import layer as the job's import steps use it — {@link TableItemReader} then {@link RowChecks} — run over one
 * file, with what an administrator would see checked: every row read is accepted or rejected, each reject has a
 * readable one-line reason, and the only failure is an {@link InputException} with a one-line message.
 */
final class ImportFuzz {

    static final Path DEMO = Path.of("input/demo");
    /** Where a failing mutant is kept, to be read again by hand. */
    static final Path FAILURES = Path.of("target/fuzz-failures");
    /** A reason or message naming a Java type, package or exception is for a developer, not an administrator. */
    static final Pattern JAVA = Pattern.compile("Exception|Throwable|StackOverflow|OutOfMemory|\\bat [\\w$.]+\\("
            + "|\\b(java|javax|jdk|sun|org|com|tools)\\.[a-z]|\\w+\\$\\w+|For input string");

    final Programme programme;
    final Map<String, String> levels = new HashMap<>();

    ImportFuzz() throws IOException {
        programme = ProgrammeFile.load(DEMO.resolve("programme.yaml")).programme();
        for (String line : Files.readAllLines(DEMO.resolve("students.csv")).subList(1, 301)) {
            String[] f = line.split(";");
            levels.put(f[0], f[3]);
        }
    }

    /** The good file a format's mutants are made from: the demo cohort's, or a valid one made up when it has none. */
    List<String> good(InputFile file) throws IOException {
        Path demo = DEMO.resolve(file.baseName() + ".csv");
        // The demo's sanctions are too few to mutate: a made-up valid file instead.
        if (file != InputFile.SANCTIONS && Files.exists(demo)) {
            return Files.readAllLines(demo, StandardCharsets.UTF_8);
        }
        Random r = new Random(7);
        List<String> lines = new ArrayList<>();
        lines.add(String.join(";", file.columns()));
        List<String> matieres = new ArrayList<>(programme.matieres().keySet());
        List<String> ues = List.of("UEF11", "UEM11", "UED11", "UET11", "UEF21", "UEM21", "UED21", "UET21");
        for (int i = 0; i < 300; i++) {
            String student = String.format("E%05d", 1 + r.nextInt(300));
            lines.add(switch (file) {
                case SANCTIONS -> switch (r.nextInt(4)) {
                    case 0 -> student + ";" + matieres.get(r.nextInt(matieres.size())) + ";ZERO;" + (1 + r.nextInt(2));
                    case 1 -> student + ";" + matieres.get(r.nextInt(matieres.size())) + ";EXCLUSION_MATIERE;1";
                    case 2 -> student + ";S" + (1 + r.nextInt(2)) + ";NON_VALIDATION_SEMESTRE;" + (1 + r.nextInt(2));
                    default -> student + ";L1;NON_VALIDATION_ANNEE;2";
                };
                case JURY -> student + ";" + (r.nextBoolean() ? matieres.get(r.nextInt(matieres.size()))
                        : ues.get(r.nextInt(ues.size()))) + ";Délibération du jury, " + "point de jury n°" + i;
                case PFE -> student + ";" + (r.nextBoolean() ? "JULY" : "SEPTEMBER");
                case HISTORY -> student + ";2024-2025;" + ues.get(r.nextInt(ues.size())) + ";"
                        + (r.nextInt(20) + "," + r.nextInt(100)) + ";" + r.nextInt(31) + ";"
                        + List.of("ADM", "CMP", "AJ", "ADJ").get(r.nextInt(4)) + ";" + (1 + r.nextInt(2));
                default -> throw new IllegalArgumentException(file.toString());
            });
        }
        return lines;
    }

    /** What reading and checking one file gave. */
    static final class Outcome {
        long read;
        long accepted;
        long rejected;
        /** The reader's own count, saved in the step context: what the run's summary is made of. */
        long countedByReader = -1;
        final List<Long> lines = new ArrayList<>();
        final List<Reject> rejects = new ArrayList<>();
        /** The run's failure, if the file cannot be read at all. */
        String inputFailure;
    }

    /** Reads and checks every row of {@code path} as an import step would; only InputException is expected. */
    Outcome run(InputFile file, Path path) throws Exception {
        Outcome o = new Outcome();
        TableItemReader reader = new TableItemReader(file, path);
        ExecutionContext context = new ExecutionContext();
        try {
            reader.open(context);
        } catch (ItemStreamException e) {
            // Spring Batch wraps what the reader's doOpen throws; the job looks through the causes, as we do.
            if (e.getCause() instanceof InputException input) {
                o.inputFailure = input.getMessage();
                return o;
            }
            throw e;
        } catch (InputException e) {
            o.inputFailure = e.getMessage();
            return o;
        }
        try {
            Function<InputRow, Staged> check = new RowChecks(programme, levels, Map.of()).of(file, path.getFileName().toString());
            for (InputRow row; (row = reader.read()) != null; ) {
                o.read++;
                Staged staged = check.apply(row);
                if ((staged.reject() == null) == (staged.values() == null)) {
                    throw new AssertionError("row " + row.line() + " is neither accepted nor rejected: " + staged);
                }
                if (staged.reject() != null) {
                    o.rejected++;
                    o.rejects.add(staged.reject());
                } else {
                    o.accepted++;
                }
                o.lines.add(staged.line());
            }
            reader.update(context);
            o.countedByReader = context.getLong(TableItemReader.rowsKey(file), -1);
        } finally {
            reader.close();
        }
        return o;
    }

    /**
     * What is wrong with a reject as an administrator reads it in rejects.csv (empty or several-line reason, Java
     * internals, a column that is not the file's, a line before the first data line); null when nothing is.
     */
    static String problemOf(InputFile file, Reject r) {
        String text = contract(r.reason(), "reason");
        if (text != null) {
            return text + " (column " + r.column() + ", value " + CsvMutant.escape(CsvMutant.abbreviate(r.value())) + ")";
        }
        if (!r.column().isEmpty() && !file.columns().contains(r.column())) {
            return "column " + r.column() + " is not a column of " + file.baseName();
        }
        if (r.value().length() > 1000) {
            return "value of " + r.value().length() + " characters";
        }
        if (r.line() < 2) {
            return "line " + r.line() + " (the header is line 1)";
        }
        return null;
    }

    /** Null when {@code text} is one non-empty line naming nothing of Java; else what is wrong. */
    static String contract(String text, String what) {
        if (text == null || text.isBlank()) {
            return what + " is empty";
        }
        if (text.contains("\n") || text.contains("\r")) {
            return what + " is not one line: " + CsvMutant.abbreviate2(text);
        }
        if (JAVA.matcher(text).find()) {
            return what + " names Java internals: " + CsvMutant.abbreviate2(text);
        }
        return null;
    }

    /**
     * Null when {@code text} can be read on a screen: no control, invisible or replacement character, at most 500
     * characters; else what is wrong.
     */
    static String legibility(String text, String what) {
        if (text == null) {
            return null;
        }
        int bad = text.codePoints().filter(c -> switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE,
                    Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
            default -> c == 0xFFFD;
        }).findFirst().orElse(-1);
        if (bad >= 0) {
            return what + " has an unprintable character U+" + String.format("%04X", bad) + ": "
                    + CsvMutant.abbreviate2(text);
        }
        if (text.length() > 500) {
            return what + " of " + text.length() + " characters: " + CsvMutant.abbreviate2(text);
        }
        return null;
    }

    /**
     * The data lines a reader must hand out, worked out independently for a file without any quote character
     * (each record is then one physical line): after the header, every line with a cell that is not blank.
     * Null when the file has quotes.
     */
    static List<Long> dataLines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8); // invalid bytes become U+FFFD, as the reader does
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('"') >= 0) {
            return null;
        }
        String[] physical = text.split("\r\n|\r|\n", -1);
        char separator = ';';
        for (String line : physical) {
            if (line.chars().anyMatch(c -> !Character.isWhitespace(c))) {
                if (line.length() > 60_000) {
                    return null; // beyond the separator sniffing window
                }
                long commas = line.chars().filter(c -> c == ',').count();
                long semicolons = line.chars().filter(c -> c == ';').count();
                separator = commas > semicolons ? ',' : ';';
                break;
            }
        }
        List<Long> lines = new ArrayList<>();
        boolean header = true;
        for (int i = 0; i < physical.length; i++) {
            boolean blank = true;
            for (String cell : physical[i].split(Pattern.quote(String.valueOf(separator)), -1)) {
                blank &= cell.isBlank();
            }
            if (blank) {
                continue;
            }
            if (header) {
                header = false;
            } else {
                lines.add(i + 1L);
            }
        }
        return lines;
    }

    /** An exception's causes, each with where it was thrown from in Délib's code. */
    static String trace(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(b.length() == 0 ? "" : " <- caused by ").append(c.getClass().getName()).append(": ")
                    .append(CsvMutant.abbreviate2(String.valueOf(c.getMessage())));
            for (StackTraceElement e : c.getStackTrace()) {
                if (e.getClassName().startsWith("org.delib")) {
                    b.append(" (at ").append(e).append(")");
                    break;
                }
            }
        }
        return b.toString();
    }

    static void keep(String name, byte[] bytes) {
        try {
            Files.createDirectories(FAILURES);
            Files.write(FAILURES.resolve(name), bytes);
        } catch (IOException e) {
            // only a convenience
        }
    }
}
