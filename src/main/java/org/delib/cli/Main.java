package org.delib.cli;

import picocli.CommandLine;

/** {@code java -jar delib.jar COMMAND}: exit 0 when done, 1 when the run failed, 2 for a usage error. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new DelibCommand()).setExecutionExceptionHandler(new Failures());
    }
}
