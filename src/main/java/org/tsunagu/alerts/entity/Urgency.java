package org.tsunagu.alerts.entity;

import java.util.Arrays;
import java.util.Optional;

/** How fast the center must look. Emergency means life at risk: 119/110 first, then report. */
public enum Urgency {
    EMERGENCY("emergency", "緊急"),
    URGENT("urgent", "当日中に確認"),
    INFO("info", "情報提供");

    private final String code;
    private final String label;

    Urgency(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<Urgency> ofCode(String code) {
        return Arrays.stream(values()).filter(u -> u.code.equals(code)).findFirst();
    }
}
