package org.tsunagu.areas.entity;

import java.util.Arrays;
import java.util.Optional;

/** How a center is run. The core (基幹型) center oversees the others and receives unroutable alerts. */
public enum CenterKind {
    CORE("core", "基幹型"),
    COMMISSIONED("commissioned", "委託"),
    DIRECT("direct", "直営");

    private final String code;
    private final String label;

    CenterKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Optional<CenterKind> ofCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
