package org.delib.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** What the commands on one job share: the job definition file and the database. */
abstract class JobCommand {

    @Parameters(paramLabel = "JOBFILE", description = "job definition, e.g. jobs/demo-session1.yml")
    Path jobFile;

    @Mixin
    Database database;

    @Spec
    CommandSpec spec;
}
