package org.tsunagu.audit.control;

import java.util.Set;

/**
 * Whose entries a reader of the audit trail may see: all (administrators), those of a set of actors
 * (core staff: the accounts of their municipality's centers), or none. Made by accounts for the
 * calling account, so the audit feature knows no accounts or roles and stays a leaf that every
 * feature records into.
 */
public record AuditScope(boolean all, Set<String> actors) {

    public AuditScope {
        actors = actors == null ? Set.of() : Set.copyOf(actors);
    }

    public static AuditScope everything() {
        return new AuditScope(true, Set.of());
    }

    public static AuditScope actors(Set<String> actors) {
        return new AuditScope(false, actors);
    }

    public static AuditScope none() {
        return new AuditScope(false, Set.of());
    }

    /** Nothing at all to show: the caller may not read the trail. */
    public boolean refused() {
        return !all && actors.isEmpty();
    }
}
