package org.tsunagu.alerts.entity;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of entries in an alert's timeline. */
public enum AlertEventType {
    FILED("filed"), ACKNOWLEDGE("acknowledge"), ASSIGN("assign"), NOTE("note"), TRANSFER("transfer"),
    RESOLVE("resolve"), ESCALATE("escalate");

    private final String code;

    AlertEventType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<AlertEventType> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
