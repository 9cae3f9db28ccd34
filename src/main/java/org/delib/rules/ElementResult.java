package org.delib.rules;

import java.math.BigDecimal;

/**
 * One line of a student's results: a matière, UE, semester or year with its mark (null when it cannot be computed),
 * result, credits earned and the session of the mark kept (RULES §12.7, §12.11).
 */
public record ElementResult(String code, ElementKind kind, BigDecimal mark, Result result, BigDecimal credits,
                            int session) {}
