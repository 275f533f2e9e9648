package org.tsunagu.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.tsunagu.audit.entity.AuditEvent;

import java.time.Instant;

/**
 * Appends to the audit trail inside the caller's transaction: no audit entry, no change. Events that
 * are refusals themselves (a forged request, a failed login) are recorded apart, in their own
 * transaction, so that the entry stays whatever becomes of the request.
 */
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

    /** As {@link #record(String, String, String, String, String)}, in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordApart(String actor, String action, String targetType, String targetId, String detail) {
        record(actor, action, targetType, targetId, detail);
    }

    /** Whether an entry of this action on this target was recorded after {@code since} (a notice written once per window). */
    public boolean recordedSince(String action, String targetType, String targetId, Instant since) {
        return em.createNamedQuery(AuditEvent.COUNT_SINCE, Long.class).setParameter("action", action)
                .setParameter("type", targetType).setParameter("id", targetId).setParameter("since", since)
                .getSingleResult() > 0;
    }
}
