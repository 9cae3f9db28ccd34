package org.delib.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the run knows of one student for one year: marks by matière code and session, attendance,
 * sanctions, the elements the jury raised (rachats), the results of earlier years, and the debts owed from them.
 * The marks, attendance and sanctions of a debt matière are keyed by its code like this year's.
 */
public record StudentRecord(Student student, Map<String, MarkRow> sessionOne, Map<String, Entry> replacement,
                            Map<String, Entry> rattrapage, Map<String, Attendance> attendance,
                            List<Sanction> sanctions, Set<String> rachats, History history, Debts debts) {

    /** A student without debts. */
    public StudentRecord(Student student, Map<String, MarkRow> sessionOne, Map<String, Entry> replacement,
                         Map<String, Entry> rattrapage, Map<String, Attendance> attendance, List<Sanction> sanctions,
                         Set<String> rachats, History history) {
        this(student, sessionOne, replacement, rattrapage, attendance, sanctions, rachats, history, Debts.NONE);
    }

    public StudentRecord {
        sessionOne = Map.copyOf(sessionOne);
        replacement = Map.copyOf(replacement);
        rattrapage = Map.copyOf(rattrapage);
        attendance = Map.copyOf(attendance);
        sanctions = List.copyOf(sanctions);
        rachats = Set.copyOf(rachats);
    }
}
