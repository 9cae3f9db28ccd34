package org.delib.rules;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A course of the maquette. {@code weights} holds only the components the matière has (Art. 22): a component
 * absent from it does not exist for this matière.
 */
public record Matiere(String code, String title, BigDecimal coefficient, BigDecimal credits,
                      Map<Component, BigDecimal> weights, int tpSessions) {

    public Matiere {
        weights = Map.copyOf(weights);
    }

    public boolean has(Component component) {
        return weights.containsKey(component);
    }
}
