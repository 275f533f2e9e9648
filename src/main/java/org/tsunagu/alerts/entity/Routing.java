package org.tsunagu.alerts.entity;

/** How the responsible center was found: by town, by a 番地 override, or not at all (core triage). */
public enum Routing {
    TOWN("town"), BLOCK("block"), NONE("none"), TRANSFER("transfer");

    private final String code;

    Routing(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
