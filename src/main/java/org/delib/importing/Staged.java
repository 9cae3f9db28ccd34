package org.delib.importing;

/** The outcome of checking one input row: the values to stage with its line, or the reason it is rejected. */
public record Staged(long line, Object[] values, Reject reject) {

    public static Staged accepted(long line, Object... values) {
        return new Staged(line, values, null);
    }

    public static Staged rejected(Reject reject) {
        return new Staged(reject.line(), null, reject);
    }
}
