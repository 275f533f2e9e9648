package org.tsunagu.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tsunagu.audit.entity.AuditEvent;

import java.time.Instant;

/** Appends to the audit trail inside the caller's transaction: no audit entry, no change. */
@ApplicationScoped
public class Audit {

    @PersistenceContext
    EntityManager em;

    public void record(String actor, String action, String targetType, String targetId, String detail) {
        em.persist(new AuditEvent(Instant.now(), actor, action, targetType, targetId, detail));
    }

    /** As {@link #record(String, String, String, String, String)}, with the target's label (an alert's 受付番号). */
    public void record(String actor, String action, String targetType, String targetId, String detail, String label) {
        em.persist(new AuditEvent(Instant.now(), actor, action, targetType, targetId, detail, label));
    }

    /** Whether an entry of this action on this target was recorded after {@code since} (a notice written once per window). */
    public boolean recordedSince(String action, String targetType, String targetId, Instant since) {
        return em.createNamedQuery(AuditEvent.COUNT_SINCE, Long.class).setParameter("action", action)
                .setParameter("type", targetType).setParameter("id", targetId).setParameter("since", since)
                .getSingleResult() > 0;
    }
}
