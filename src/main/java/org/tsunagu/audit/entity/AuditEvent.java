package org.tsunagu.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * Who did what to which record, and when: reads of personal alert data, imports, account changes.
 * Append-only; the detail never holds personal data itself, only identifiers.
 */
@Entity
@Table(name = "audit_event")
@NamedQuery(name = AuditEvent.FIND_BY_TARGET,
        query = "SELECT e FROM AuditEvent e WHERE e.targetType = :type AND e.targetId = :id ORDER BY e.occurredAt")
@NamedQuery(name = AuditEvent.COUNT_SINCE,
        query = "SELECT COUNT(e) FROM AuditEvent e WHERE e.action = :action AND e.targetType = :type AND e.targetId = :id"
                + " AND e.occurredAt > :since")
@NamedQuery(name = AuditEvent.ACTIONS, query = "SELECT DISTINCT e.action FROM AuditEvent e ORDER BY e.action")
public class AuditEvent {

    /** Every action recorded so far (for the audit log's filter). */
    public static final String ACTIONS = "AuditEvent.actions";

    public static final String FIND_BY_TARGET = "AuditEvent.findByTarget";

    /** How many entries of one action on one target were recorded after a time (a notice written once per window). */
    public static final String COUNT_SINCE = "AuditEvent.countSince";

    @Id
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String action;

    @Column(name = "target_type", nullable = false)
    private String targetType;

    @Column(name = "target_id")
    private String targetId;

    private String detail;

    /** What the target is called for people, e.g. an alert's 受付番号 (null when it has no such name). */
    private String label;

    protected AuditEvent() {
        // JPA
    }

    public AuditEvent(Instant occurredAt, String actor, String action, String targetType, String targetId,
                      String detail) {
        this(occurredAt, actor, action, targetType, targetId, detail, null);
    }

    public AuditEvent(Instant occurredAt, String actor, String action, String targetType, String targetId,
                      String detail, String label) {
        this.label = label;
        this.occurredAt = occurredAt;
        this.actor = actor == null ? "anonymous" : actor;
        this.action = action;
        this.targetType = targetType;
        this.targetId = targetId;
        this.detail = detail;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getTargetType() {
        return targetType;
    }

    public String getTargetId() {
        return targetId;
    }

    public String getDetail() {
        return detail;
    }

    public String getLabel() {
        return label;
    }
}
