package org.delib.cli;

import org.apache.commons.logging.LogFactory;
import org.delib.importing.InputException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** A failure is one line for the user (exit 1); the stack trace goes to the log file, never to the console. */
class Failures implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        Throwable root = e;
        InputException input = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            root = t;
            if (t instanceof InputException i && input == null) {
                input = i;
            }
        }
        if (input != null) {
            cmd.getErr().println("error: " + input.getMessage());
        } else {
            LogFactory.getLog(Failures.class).error("delib failed", e);
            String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            cmd.getErr().println("error: " + message.lines().findFirst().orElse("") + " (details in "
                    + Database.dataDir().resolve("delib.log") + ")");
        }
        return 1;
    }
}
