package org.delib.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.delib.deliberation.PackedResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #7, item 1: a run killed with SIGKILL at random points of its steps, then restarted (again and again if
 * killed again), publishes byte for byte what an uninterrupted run publishes, and no partial output file is ever
 * visible under {@code output/}.
 *
 * <p>Délib runs in a JVM of its own ({@link ForkedDelib}) on a generated cohort ({@link KillReference}, whose
 * uninterrupted run gives the expected files). Each kill is aimed at a part of the run by waiting for a line the
 * run prints (a step completed) and then a random delay drawn from a seeded {@link Random} — so the kills land in
 * the start-up, in import-marks, in the small imports and cross-checks, in deliberate and in the publication. Where
 * each kill actually landed is read from the job repository afterwards and printed; the seed is printed too, and
 * {@code -Ddelib.kill.seed=S} replays a sequence of delays. At every kill the output folder holds only complete,
 * published files (identical to the reference ones) and the hidden staging folder. Subclasses choose the database.
 */
abstract class KillRestartTestBase {

    static final long SEED = Long.getLong("delib.kill.seed", 20_260_707L);
    static final int KILLS = Integer.getInteger("delib.kill.count", 10);
    static final int MIN_KILLS = 10;

    @TempDir
    Path tmp;

    /** The database of one scenario: the command line's options for it, and a connection to look into it. */
    interface Database {
        List<String> options();

        Connection connect() throws SQLException;
    }

    /** A fresh, empty database for the scenario {@code name} (its embedded data folder is {@code dataDir}). */
    abstract Database freshDatabase(String name, Path dataDir) throws Exception;

    /** Where a kill is aimed: after which line of the run's console, and how long after it at most (ms). */
    enum Target {
        STARTUP(null, 200, 2_500, "start-up: JVM, Spring, Flyway, recovery"),
        RESUMED(null, 2_500, 4_500, "the step a restart resumes"),
        MARKS("import-students completed", 0, 120, "import-marks"),
        SMALL("import-marks completed", 0, 200, "small imports and cross-checks"),
        // Four partitions on two threads deliberate the 1,500 students in about a second.
        DELIBERATE(Target.DELIBERATING, 0, 150, "deliberate"),
        AFTER_IMPORTS("import-history completed", 0, 0, "just after the small imports"),
        DOCUMENTS("deliberate completed", 100, 3_000, "ranking and documents (PV, transcripts)"),
        PUBLISH(Target.PUBLISHING, 0, 40, "the publication");

        /** Not a console line: a part of decisions.csv committed by this process, so deliberate is under way. */
        static final String DELIBERATING = "deliberate writing";
        /** Not a console line: the session folder has appeared, so the publication is under way. */
        static final String PUBLISHING = "publish moving";

        final String anchor;
        final int minMs;
        final int maxMs;
        final String aim;

        Target(String anchor, int minMs, int maxMs, String aim) {
            this.anchor = anchor;
            this.minMs = minMs;
            this.maxMs = maxMs;
            this.aim = aim;
        }

        /** The step whose completion line is the anchor (or which the anchor shows under way). */
        String anchorStep() {
            return anchor == null ? null : anchor.substring(0, anchor.indexOf(' '));
        }
    }

    /** Where a kill landed, as the job repository tells it. */
    record Landing(String where, Set<String> completedSteps, int executions, boolean jobCompleted) {

        boolean jobExists() {
            return executions > 0;
        }
    }

    @Test
    @Timeout(300)
    void killedAtRandomPointsThenRestartedPublishesTheSameBytes() throws Exception {
        // The uninterrupted run goes on in the background, in a database of its own, while this one is killed.
        KillReference.start();
        Path data = tmp.resolve("data");
        Database db = freshDatabase("killed", data);
        Random random = new Random(SEED);
        System.out.printf("%s: seed %d (replay with -Ddelib.kill.seed=%d), %d kills planned%n",
                getClass().getSimpleName(), SEED, SEED, KILLS);
        Sequence kills = new Sequence();
        long start = System.nanoTime();
        // A run that completes before the last kill (a kill aimed at its end came too late) leaves the remaining
        // kills to a second run of the same inputs under another job name and output folder.
        for (int run = 1; kills.count < KILLS; run++) {
            assertThat(run).as("runs needed for %d kills:%n%s", KILLS, kills).isLessThanOrEqualTo(3);
            killAndRestartUntilComplete(run, db, data, random, kills);
        }
        System.out.printf("%s: %d kills in %.1f s:%n%s%n", getClass().getSimpleName(), kills.count,
                (System.nanoTime() - start) / 1e9, kills);
        assertThat(kills.count).as("kills that landed:%n%s", kills).isGreaterThanOrEqualTo(MIN_KILLS);
        assertThat(kills.stepsHit).as("where the kills landed:%n%s", kills).contains("in import-marks", "in deliberate");
    }

    /** The kills so far, and where they landed. */
    static final class Sequence {
        int count;
        final List<String> table = new ArrayList<>();
        final Set<String> stepsHit = new LinkedHashSet<>();

        @Override
        public String toString() {
            return String.join("\n", table);
        }
    }

    /**
     * Runs the job named {@code kill-<run>}, killing it at the planned points and restarting it until it completes,
     * then checks what it published and stored against the uninterrupted run.
     */
    private void killAndRestartUntilComplete(int run, Database db, Path data, Random random, Sequence kills)
            throws Exception {
        Path out = tmp.resolve("out-" + run);
        Path job = ForkedDelib.jobFile(tmp.resolve("jobs"), "kill-" + run, KillReference.cohort(), out);
        /** What the output folder held at each kill, checked against the reference once it is there. */
        Map<String, Map<String, byte[]>> snapshots = new LinkedHashMap<>();
        Landing state = new Landing("nothing yet", Set.of(), 0, false);
        int executionsBefore = 0;
        try (Connection c = db.connect()) {
            executionsBefore = longs(c, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION").get(0).intValue();
            state = new Landing("nothing yet", Set.of(), executionsBefore, false);
        } catch (SQLException e) {
            // no schema yet
        }
        boolean exists = false;
        ForkedDelib.Launch last = null;
        for (int attempt = 1; ; attempt++) {
            assertThat(attempt).as("attempts before completion; kills so far:%n%s", kills).isLessThanOrEqualTo(KILLS + 8);
            List<String> args = new ArrayList<>();
            if (exists) {
                args.addAll(List.of("restart", job.toString()));
            } else {
                args.addAll(List.of("run", job.toString(), "--output", out.toString()));
            }
            args.addAll(db.options());
            ForkedDelib.Launch launch = ForkedDelib.start(tmp, data, args.toArray(String[]::new));
            last = launch;
            if (kills.count < KILLS) {
                Target target = pick(state, kills.count, exists);
                long delay = target.minMs + (long) random.nextInt(target.maxMs - target.minMs + 1);
                String aim = "(" + (target.anchor == null ? "process start" : target.anchor) + " + " + delay + " ms)";
                if (killAfter(launch, target, delay, out)) {
                    kills.count++;
                    state = landing(db, state);
                    exists |= state.executions() > executionsBefore;
                    kills.stepsHit.add(state.where().replaceFirst(" \\(.*", "").replaceFirst(" \\[.*", ""));
                    String printed = launch.out().lines().reduce((a, b) -> b).orElse("(nothing)")
                            .replaceFirst("^\\d\\d:\\d\\d:\\d\\d ", "").replaceFirst(":.*", "");
                    kills.table.add(String.format("  kill %2d: %-8s %-40s -> landed %s; last printed: %s", kills.count,
                            args.get(0), aim, state.where(), printed));
                    snapshots.put("kill " + kills.count + " (" + state.where() + ")", snapshot(out));
                    continue;
                }
                kills.table.add("  attempt " + attempt + " of kill-" + run + " ended by itself before its kill "
                        + aim);
            }
            int code = launch.waitFor(180);
            assertThat(code).as("kill-%d attempt %d (%s) after %d kills:%n%s%nkills:%n%s%nthe job repository:%n%s",
                    run, attempt, args.get(0), kills.count, launch.console(), kills, repository(db)).isZero();
            break;
        }
        KillReference reference = KillReference.get();
        kills.table.add("  kill-" + run + " completed: " + last.out().lines().filter(l -> l.startsWith("Completed"))
                .findFirst().orElse(last.out().strip()) + " (uninterrupted run: " + reference.seconds + " s)");

        for (var snapshot : snapshots.entrySet()) {
            assertOnlyCompleteFilesPublished(snapshot.getValue(), reference, snapshot.getKey());
        }
        // Byte for byte what the uninterrupted run published, and nothing else: no staging folder left.
        Path session = out.resolve(KillReference.SESSION_DIR);
        assertSamePublication(reference, session, "after " + kills.count + " kills and restarts (seed " + SEED
                + "):\n" + kills);
        // The database holds this run once, with each student decided once.
        try (Connection c = db.connect()) {
            assertThat(longs(c, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).containsExactly((long) run);
            long id = longs(c, "SELECT MAX(JOB_INSTANCE_ID) FROM BATCH_JOB_INSTANCE").get(0);
            assertThat(longs(c, "SELECT COUNT(*) FROM delib_decision WHERE run_id = " + id))
                    .containsExactly((long) KillReference.STUDENTS);
            long resultLines = new String(reference.files.get("results.csv")).lines().count() - 1;
            // A first session keeps its results packed with the decisions: each student's once, every element.
            long packed = 0;
            try (PreparedStatement s = c.prepareStatement("SELECT results FROM delib_decision WHERE run_id = " + id);
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    packed += PackedResults.unpack(rs.getString(1)).size();
                }
            }
            assertThat(packed).isEqualTo(resultLines);
            assertThat(longs(c, "SELECT COUNT(*) FROM delib_run")).containsExactly((long) run);
        }
    }

    /**
     * Killed just after it published its files: the restart completes, and the files are still those of the
     * uninterrupted run.
     */
    @Test
    @Timeout(180)
    void killedJustAfterPublishingThenRestartedCompletes() throws Exception {
        var uninterrupted = KillReference.start();
        Path data = tmp.resolve("data");
        Path out = tmp.resolve("out");
        Database db = freshDatabase("published", data);
        Path job = ForkedDelib.jobFile(tmp.resolve("jobs"), "published", KillReference.cohort(), out);
        List<String> args = new ArrayList<>(List.of("run", job.toString()));
        args.addAll(db.options());
        ForkedDelib.Launch launch = ForkedDelib.start(tmp, data, args.toArray(String[]::new));
        Path session = out.resolve(KillReference.SESSION_DIR);
        while (!(Files.exists(session.resolve("rattrapage.csv")) && Files.exists(session.resolve("rejects.csv")))) {
            assertThat(launch.process().isAlive()).as("the run ended before it was killed: %s", launch.console())
                    .isTrue();
            Thread.sleep(2);
        }
        launch.process().destroyForcibly();
        launch.process().waitFor();
        String before = landing(db, new Landing("", Set.of(), 0, false)).where();

        List<String> restart = new ArrayList<>(List.of("restart", job.toString()));
        restart.addAll(db.options());
        ForkedDelib.Launch again = ForkedDelib.start(tmp, data, restart.toArray(String[]::new));
        int code = again.waitFor(120);
        assertThat(code).as("restart after a kill just after the publication (the repository said: %s):%n%s",
                before, again.console()).isZero();
        KillReference reference = uninterrupted.get(300, java.util.concurrent.TimeUnit.SECONDS);
        assertSamePublication(reference, session, "after a kill just after the publication");
    }

    /**
     * Every file under the output folder at this moment, by path relative to it: a CSV's bytes (checked against
     * the reference once it is there), or for a document (PV, transcript) a one-byte mark if it is whole and what
     * is wrong with it if not, checked now.
     */
    private static Map<String, byte[]> snapshot(Path out) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (Files.exists(out)) {
            try (Stream<Path> all = Files.walk(out)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    if (Files.isRegularFile(p)) {
                        String name = out.relativize(p).toString();
                        String incomplete = name.endsWith(".csv") ? null : KillReference.incomplete(p);
                        files.put(name, name.endsWith(".csv") ? Files.readAllBytes(p)
                                : incomplete == null ? WHOLE : incomplete.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return files;
    }

    private static final byte[] WHOLE = {1};

    /**
     * The k-th kill's aim: through the run in order (the start-up of the first run, import-marks, the small imports,
     * deliberate, the step a restart resumes), kills in a restart's start-up between them (they make no progress, so
     * the run cannot finish before the last kill), the publication last (a kill after it completes ends the
     * sequence). An aim this attempt cannot reach (its step is done) becomes a start-up kill.
     */
    private static final List<Target> PLAN = List.of(Target.STARTUP, Target.MARKS, Target.SMALL, Target.DELIBERATE,
            Target.STARTUP, Target.RESUMED, Target.DELIBERATE, Target.DOCUMENTS, Target.STARTUP, Target.PUBLISH,
            Target.STARTUP, Target.PUBLISH);

    private static Target pick(Landing state, int kills, boolean exists) {
        Target t = PLAN.get(Math.min(kills, PLAN.size() - 1));
        boolean reachable = t.anchor == null ? t != Target.RESUMED || exists
                : !exists || !state.completedSteps().contains(t.anchorStep());
        return reachable ? t : Target.STARTUP;
    }

    /** Kills the run {@code delayMs} after its anchor; false if the run ended first. */
    static boolean killAfter(ForkedDelib.Launch launch, Target target, long delayMs, Path out)
            throws Exception {
        if (target.anchor != null) {
            while (!reached(launch, target, out)) {
                if (!launch.process().isAlive()) {
                    return false;
                }
                Thread.sleep(5);
            }
        }
        if (launch.process().waitFor(delayMs, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            return false;
        }
        launch.process().destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
        launch.process().waitFor();
        return true;
    }

    private static boolean reached(ForkedDelib.Launch launch, Target target, Path out) throws IOException {
        if (target.anchor.equals(Target.PUBLISHING)) {
            return Files.exists(out.resolve(KillReference.SESSION_DIR));
        }
        if (!target.anchor.equals(Target.DELIBERATING)) {
            return launch.out().contains(target.anchor);
        }
        Path years = out.resolve(KillReference.SESSION_DIR).getParent();
        if (!Files.isDirectory(years)) {
            return false;
        }
        try (Stream<Path> dirs = Files.list(years)) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                // Each partition of deliberate writes its part of decisions.csv in parts/<k>/.
                Path parts = dir.resolve("parts");
                if (dir.getFileName().toString().startsWith(".session-1.run-") && Files.isDirectory(parts)) {
                    try (Stream<Path> each = Files.list(parts)) {
                        for (Path part : (Iterable<Path>) each::iterator) {
                            // Written at each commit: not empty once a chunk of students is committed.
                            Path decisions = part.resolve("decisions.csv");
                            if (Files.exists(decisions) && Files.size(decisions) > 0
                                    && Files.getLastModifiedTime(decisions).toMillis() >= launch.startMillis()) {
                                return true;
                            }
                        }
                    }
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return false; // moved by the publication meanwhile
        }
        return false;
    }

    /** Where the last kill landed, from the job repository as the killed process left it. */
    private static Landing landing(Database db, Landing before) throws SQLException {
        try (Connection c = db.connect()) {
            List<Long> executions;
            try {
                executions = longs(c, "SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID");
            } catch (SQLException e) { // killed before or while Flyway created the schema
                return new Landing("before the job started, the schema not (fully) created: " + tables(c),
                        Set.of(), 0, false);
            }
            if (executions.isEmpty()) {
                return new Landing("before the job started (JVM, Spring, Flyway)", Set.of(), 0, false);
            }
            long execution = executions.get(executions.size() - 1);
            Set<String> completed = new LinkedHashSet<>();
            String running = null;
            String lastStep = null;
            try (PreparedStatement s = c.prepareStatement("SELECT s.STEP_NAME, s.STATUS, s.COMMIT_COUNT, "
                    + "s.JOB_EXECUTION_ID FROM BATCH_STEP_EXECUTION s JOIN BATCH_JOB_EXECUTION e "
                    + "ON e.JOB_EXECUTION_ID = s.JOB_EXECUTION_ID WHERE e.JOB_INSTANCE_ID = (SELECT JOB_INSTANCE_ID "
                    + "FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = " + execution + ") ORDER BY s.STEP_EXECUTION_ID");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if ("COMPLETED".equals(rs.getString(2))) {
                        completed.add(rs.getString(1));
                    }
                    if (rs.getLong(4) == execution) {
                        lastStep = rs.getString(1);
                        if ("STARTED".equals(rs.getString(2))) {
                            // A partition of deliberate ("deliberate-part:partition2") is told as deliberate.
                            String[] step = rs.getString(1).split("-part:");
                            running = step[0] + " (" + (step.length > 1 ? step[1] + ", " : "") + rs.getLong(3)
                                    + " chunks committed)";
                        }
                    }
                }
            }
            String status;
            try (PreparedStatement s = c.prepareStatement("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?")) {
                s.setLong(1, execution);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    status = rs.getString(1);
                }
            }
            String where = executions.size() == before.executions()
                    ? "in the restart's start-up, before its execution (the last one, " + execution + ", is " + status + ")"
                    : running != null ? "in " + running
                    : "COMPLETED".equals(status) ? "after the job completed"
                    : lastStep == null ? "at the start of execution " + execution + " (" + status + ")"
                    : "between steps, after " + lastStep + " (" + status + ")";
            return new Landing(where + " [execution " + execution + "]", completed, executions.size(),
                    "COMPLETED".equals(status));
        }
    }

    /**
     * Published whole or not at all: under the output folder only the session folder and its hidden staging
     * folder hold files, and every file in the session folder is complete (the bytes of the uninterrupted run's).
     */
    private static void assertOnlyCompleteFilesPublished(Map<String, byte[]> files, KillReference reference,
                                                         String when) {
        String inSession = KillReference.SESSION_DIR + "/";
        files.forEach((path, bytes) -> {
            if (path.startsWith(inSession) && !path.contains("/.")) {
                String name = path.substring(inSession.length());
                assertThat(reference.files).as("%s: unexpected published file %s", when, path).containsKey(name);
                if (name.endsWith(".csv")) {
                    assertThat(bytes).as("%s: published %s is not complete", when, path)
                            .isEqualTo(reference.files.get(name));
                } else {
                    assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8))
                            .as("%s: published %s is not whole", when, path).isEqualTo(new String(WHOLE,
                                    java.nio.charset.StandardCharsets.UTF_8));
                }
            } else {
                // The hidden staging folder, or the transcripts folder set aside while a new one replaces it.
                assertThat(path).as("%s: a file outside the session folder and its hidden folders", when)
                        .matches("LIC-INFO/2025-2026/(\\.session-1\\.run-\\d+|session-1/\\.releves\\.old)/.+");
            }
        });
    }

    /** Every step execution of the job repository with its counts and context, for a failure message. */
    static String repository(Database db) {
        StringBuilder b = new StringBuilder();
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("SELECT s.STEP_EXECUTION_ID, "
                + "s.JOB_EXECUTION_ID, s.STEP_NAME, s.STATUS, s.READ_COUNT, s.WRITE_COUNT, s.COMMIT_COUNT, "
                + "x.SHORT_CONTEXT FROM BATCH_STEP_EXECUTION s LEFT JOIN BATCH_STEP_EXECUTION_CONTEXT x "
                + "ON x.STEP_EXECUTION_ID = s.STEP_EXECUTION_ID ORDER BY s.STEP_EXECUTION_ID");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String context = context(rs.getString(8));
                b.append(String.format("  step %d (execution %d) %-18s %-9s read %d written %d commits %d  %s%n",
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7), context.length() > 400 ? context.substring(0, 400) + "..." : context));
            }
            for (String table : List.of("delib_decision", "delib_mark")) {
                b.append("  ").append(table).append(": ").append(longs(c, "SELECT COUNT(*) FROM " + table)).append('\n');
            }
        } catch (SQLException e) {
            b.append(e.getMessage());
        }
        return b.toString();
    }

    /** A step's saved context, decoded (Spring Batch stores it Java-serialised in base 64), without batch.* keys. */
    static String context(String stored) {
        if (stored == null) {
            return "(no context)";
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(stored)))) {
            Map<String, Object> shown = new java.util.TreeMap<>();
            ((Map<?, ?>) in.readObject()).forEach((k, v) -> {
                if (!k.toString().startsWith("batch.")) {
                    shown.put(k.toString(), v);
                }
            });
            return "context " + shown;
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return stored;
        }
    }

    /** The tables of the database, for a message. */
    private static List<String> tables(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                if (!"INFORMATION_SCHEMA".equalsIgnoreCase(rs.getString("TABLE_SCHEM"))
                        && !"pg_catalog".equals(rs.getString("TABLE_SCHEM"))) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
        }
        return tables.size() > 8 ? List.of(tables.size() + " tables") : tables;
    }

    /**
     * The session folder holds the files the uninterrupted run published, byte for byte — the documents too: a PDF's
     * /ID and the workbook's creation date come from the run, not from the clock — and no hidden folder is left
     * beside it or in it.
     */
    static void assertSamePublication(KillReference reference, Path session, String when) throws IOException {
        Map<String, byte[]> actual = KillReference.contents(session);
        assertThat(actual.keySet()).as("files published %s", when).containsExactlyElementsOf(reference.files.keySet());
        for (var e : reference.files.entrySet()) {
            assertThat(Arrays.equals(actual.get(e.getKey()), e.getValue()))
                    .as("%s %s: the bytes of the uninterrupted run's", e.getKey(), when).isTrue();
        }
        assertThat(names(session.getParent())).as("beside the session folder %s", when).containsExactly("session-1");
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static List<Long> longs(Connection c, String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values;
    }
}
