package org.delib.rules;

import java.math.BigDecimal;
import java.util.List;

/** A semester of one year level, with its UEs (Art. 17). */
public record Semester(String code, String level, List<Ue> ues) {

    public Semester {
        ues = List.copyOf(ues);
    }

    public BigDecimal credits() {
        return ues.stream().map(Ue::credits).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
