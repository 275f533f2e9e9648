package org.tsunagu.areas.entity;

import java.util.Optional;
import org.tsunagu.codes.Term;
import org.tsunagu.codes.Termed;

/** How a center is run. The core (基幹型) center oversees the others and receives unroutable alerts. */
public enum CenterKind implements Termed {
    CORE("core", "基幹型"),
    COMMISSIONED("commissioned", "委託"),
    DIRECT("direct", "直営");

    private final Term term;

    CenterKind(String code, String label) {
        this.term = new Term(code, label);
    }

    @Override
    public Term term() {
        return term;
    }

    public static Optional<CenterKind> ofCode(String code) {
        return Termed.ofCode(CenterKind.class, code);
    }
}
