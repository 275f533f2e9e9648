package org.tsunagu.alerts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;

/**
 * One email that must reach a center: written in the same transaction as the alert it announces
 * (transactional outbox), so a committed alert always has its notification, and delivered by a
 * worker at least once. It holds the receipt number, urgency, center and a link — never personal
 * data. Failed attempts back off 1, 5, 30 minutes, then every 30 minutes, each recorded.
 */
@Entity
@Table(name = "notification")
@NamedQuery(name = Notification.FIND_DUE,
        query = "SELECT n FROM Notification n WHERE n.sentAt IS NULL AND n.nextAttemptAt <= :now ORDER BY n.nextAttemptAt")
@NamedQuery(name = Notification.FIND_UNSENT,
        query = "SELECT n FROM Notification n WHERE n.sentAt IS NULL AND n.attempts > 0 ORDER BY n.createdAt")
public class Notification {

    public static final String FIND_DUE = "Notification.findDue";
    public static final String FIND_UNSENT = "Notification.findUnsent";
    static final Duration[] BACKOFF = {Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30)};

    @Id
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "alert_id")
    private Alert alert;

    @Column(nullable = false)
    private String kind;

    private String recipient;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    private long version;

    protected Notification() {
        // JPA
    }

    public Notification(Alert alert, String kind, String recipient, String subject, String body, Instant now) {
        this.alert = alert;
        this.kind = kind;
        this.recipient = recipient == null || recipient.isBlank() ? null : recipient.strip();
        this.subject = subject;
        this.body = body;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** Delivered: never tried again. */
    public void sent(Instant at) {
        this.sentAt = at;
        this.attempts++;
        this.lastError = null;
    }

    /** A failed attempt: recorded, and the next one scheduled by the back-off. */
    public void failed(Instant at, String error) {
        this.attempts++;
        this.lastError = error == null ? "unknown" : error.length() > 500 ? error.substring(0, 500) : error;
        this.nextAttemptAt = at.plus(BACKOFF[Math.min(attempts - 1, BACKOFF.length - 1)]);
    }

    public Long getId() {
        return id;
    }

    public Alert getAlert() {
        return alert;
    }

    public String getKind() {
        return kind;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
