package org.delib.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.delib.generate.CohortGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate", description = "Writes a synthetic cohort in the contract's formats (for tests and benchmarks).")
public class GenerateCommand implements Callable<Integer> {

    @Option(names = "--students", required = true, description = "number of students")
    int students;

    @Option(names = "--seed", defaultValue = "1", description = "random seed: the same seed gives the same files")
    long seed;

    @Option(names = "--year", defaultValue = "2025-2026", description = "academic year")
    String year;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write into")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        CohortGenerator.Summary s = CohortGenerator.write(out, new CohortGenerator.Options(students, seed, year));
        spec.commandLine().getOut().printf("%d students, %d mark rows, %d attendance rows, %d sanctions in %s (%.1f s)%n",
                s.students(), s.markRows(), s.attendanceRows(), s.sanctionRows(), out, (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
