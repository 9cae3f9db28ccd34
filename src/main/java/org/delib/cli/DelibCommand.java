package org.delib.cli;

import picocli.CommandLine.Command;

@Command(name = "delib", mixinStandardHelpOptions = true, version = "Délib 0.1",
        description = "Deliberates an LMD exam session: marks in, jury-ready results out.",
        subcommands = {RunCommand.class, RestartCommand.class, StatusCommand.class, ServeCommand.class,
                GenerateCommand.class, HashPasswordCommand.class})
public class DelibCommand {
}
