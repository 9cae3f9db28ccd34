package org.delib.importing;

/**
 * A user's input makes the run impossible: an inconsistent programme, a missing file or column, too many rejects.
 * The message is one line an administrator can act on; no stack trace is shown for it.
 */
public class InputException extends RuntimeException {

    public InputException(String message) {
        super(message);
    }
}
