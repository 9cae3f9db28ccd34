package org.delib.rules;

/** One marks.csv row's cells for a student and a matière in one session. */
public record MarkRow(Entry exam, Entry cc, Entry tp) {

    public static MarkRow examOnly(Entry exam) {
        return new MarkRow(exam, Entry.EMPTY, Entry.EMPTY);
    }

    public Entry get(Component component) {
        return switch (component) {
            case EXAM -> exam;
            case CC -> cc;
            case TP -> tp;
        };
    }
}
