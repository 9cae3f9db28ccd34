package org.delib.rules;

/** The parts of a matière mark (Art. 22): final exam, continuous assessment, practical work. */
public enum Component {
    EXAM("exam"), CC("cc"), TP("tp");

    private final String column;

    Component(String column) {
        this.column = column;
    }

    /** The name used in input columns, programme weights and missing.csv. */
    public String column() {
        return column;
    }
}
