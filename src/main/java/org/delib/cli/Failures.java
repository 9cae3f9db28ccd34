package org.delib.cli;

import org.apache.commons.logging.LogFactory;
import org.delib.importing.InputException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** A failure is one line for the user (exit 1); the stack trace goes to the log file, never to the console. */
class Failures implements IExecutionExceptionHandler {

    /** The innermost cause's message, first line only. */
    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse("");
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        InputException input = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InputException i && input == null) {
                input = i;
            }
        }
        if (input != null) {
            cmd.getErr().println("error: " + input.getMessage());
        } else {
            // Not under org.delib: that logger also writes to the console, and a stack trace is for the log file.
            LogFactory.getLog("delib.failures").error("delib failed", e);
            cmd.getErr().println("error: " + oneLine(e) + " (details in " + Database.dataDir().resolve("delib.log") + ")");
        }
        return 1;
    }
}
