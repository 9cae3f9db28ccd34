package org.delib.rules;

import java.math.BigDecimal;
import java.util.List;

/** A speciality students are oriented into (Art. 57), with its capacity and entry conditions. */
public record Speciality(String code, String title, int capacity, List<String> requiredUes, BigDecimal minMark) {

    public Speciality {
        requiredUes = List.copyOf(requiredUes);
    }
}
