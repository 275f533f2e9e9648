package org.tsunagu.alerts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.persistence.EncryptedText;

import java.time.Instant;

/**
 * One entry of an alert's timeline. Written only by {@link Alert}; never changed afterwards, except that
 * its note is erased when the alert's retention period is over.
 */
@Entity
@Table(name = "alert_event")
public class AlertEvent {

    /** The table of the sealed note; {@code AlertSealing} names the same. */
    public static final String TABLE = "alert_event";

    @Id
    @SequenceGenerator(name = "alert_event_seq", sequenceName = "alert_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alert_event_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "alert_id")
    private Alert alert;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AlertEventType type;

    @Column(nullable = false)
    private String actor;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    /**
     * May name the person or describe the visit: holds the sealed text ({@link EncryptedText}), bound
     * to this column and the alert's receipt number, so a note cannot be moved to another person's alert.
     */
    private String note;
    private String assignee;

    @ManyToOne
    @JoinColumn(name = "from_center_id")
    private Center fromCenter;

    @ManyToOne
    @JoinColumn(name = "to_center_id")
    private Center toCenter;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    protected AlertEvent() {
        // JPA
    }

    AlertEvent(Alert alert, AlertEventType type, String actor, Instant occurredAt) {
        this.alert = alert;
        this.type = type;
        this.actor = actor;
        this.occurredAt = occurredAt;
    }

    AlertEvent withNote(String note) {
        this.note = note == null || note.isBlank() ? null
                : EncryptedText.seal(note.strip(), TABLE, "note", alert.getReceiptNo());
        return this;
    }

    AlertEvent withAssignee(String assignee) {
        this.assignee = assignee;
        return this;
    }

    AlertEvent withTransfer(Center from, Center to) {
        this.fromCenter = from;
        this.toCenter = to;
        return this;
    }

    AlertEvent withOutcome(Outcome outcome) {
        this.outcome = outcome;
        return this;
    }

    /** The note may name the person or describe the visit: erased with the alert's personal fields. */
    void erase() {
        note = null;
    }

    public Long getId() {
        return id;
    }

    public Alert getAlert() {
        return alert;
    }

    public AlertEventType getType() {
        return type;
    }

    public String getActor() {
        return actor;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getNote() {
        return EncryptedText.open(note, TABLE, "note", alert.getReceiptNo());
    }

    public String getAssignee() {
        return assignee;
    }

    public Center getFromCenter() {
        return fromCenter;
    }

    public Center getToCenter() {
        return toCenter;
    }

    public Outcome getOutcome() {
        return outcome;
    }
}
