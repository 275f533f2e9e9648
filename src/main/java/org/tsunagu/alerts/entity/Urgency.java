package org.tsunagu.alerts.entity;

import java.util.Optional;
import org.tsunagu.codes.Term;
import org.tsunagu.codes.Termed;

/** How fast the center must look. Emergency means life at risk: 119/110 first, then report. */
public enum Urgency implements Termed {
    EMERGENCY("emergency", "緊急"),
    URGENT("urgent", "当日中に確認"),
    INFO("info", "情報提供");

    private final Term term;

    Urgency(String code, String label) {
        this.term = new Term(code, label);
    }

    @Override
    public Term term() {
        return term;
    }

    public static Optional<Urgency> ofCode(String code) {
        return Termed.ofCode(Urgency.class, code);
    }
}
