package org.delib.rules;

import java.math.BigDecimal;
import java.util.List;

/** A course unit (UE): its matières, weighed by their coefficients; its credits are theirs (Art. 16). */
public record Ue(String code, String title, Nature nature, BigDecimal coefficient, boolean required,
                 List<Matiere> matieres) {

    public Ue {
        matieres = List.copyOf(matieres);
    }

    public BigDecimal credits() {
        return matieres.stream().map(Matiere::credits).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
