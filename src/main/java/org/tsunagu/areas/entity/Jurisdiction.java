package org.tsunagu.areas.entity;

/**
 * Whose areas a signed-in person answers for: everything (an administrator), one municipality (core
 * staff of its 基幹型 center), one center (staff of a commissioned center) or none (a partner). A
 * value, so that areas and audit can scope what they show and change without knowing accounts or
 * roles; {@code accounts}' {@code Caller} makes it from the account of the request.
 */
public record Jurisdiction(Scope scope, String municipalityCode, String centerCode) {

    public enum Scope { ALL, MUNICIPALITY, CENTER, NONE }

    public static Jurisdiction all() {
        return new Jurisdiction(Scope.ALL, null, null);
    }

    public static Jurisdiction municipality(String code) {
        return new Jurisdiction(Scope.MUNICIPALITY, code, null);
    }

    public static Jurisdiction center(String municipalityCode, String centerCode) {
        return new Jurisdiction(Scope.CENTER, municipalityCode, centerCode);
    }

    public static Jurisdiction none() {
        return new Jurisdiction(Scope.NONE, null, null);
    }

    public boolean isAll() {
        return scope == Scope.ALL;
    }

    /** Core staff: the whole of one municipality. */
    public boolean isMunicipality() {
        return scope == Scope.MUNICIPALITY;
    }
}
