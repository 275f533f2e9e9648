package org.tsunagu.notifications.entity;

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

import java.time.Instant;

/**
 * One try at delivering a {@link Notification}: its number, when, whether the mail server took
 * it, and why not. The notification only keeps the latest error; when a center asks "did the
 * email for W-2026-000123 really go out, and what happened before?" the answer is this history.
 * Created only by {@link Notification#sent} and {@link Notification#failed}; never changed.
 * The error is the mail system's message, which names servers and addresses of centers, never
 * the person an alert is about (the email itself holds no personal data).
 */
@Entity
@Table(name = "notification_attempt")
@NamedQuery(name = NotificationAttempt.FIND_BY_NOTIFICATION,
        query = "SELECT t FROM NotificationAttempt t WHERE t.notification = :notification ORDER BY t.number")
public class NotificationAttempt {

    public static final String FIND_BY_NOTIFICATION = "NotificationAttempt.findByNotification";

    /** Whether the mail server accepted the message. */
    public enum Outcome {
        SENT, FAILED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Id
    @SequenceGenerator(name = "notification_attempt_seq", sequenceName = "notification_attempt_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_attempt_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "notification_id")
    private Notification notification;

    @Column(name = "attempt_no", nullable = false)
    private int number;

    @Column(name = "attempted_at", nullable = false)
    private Instant at;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Outcome outcome;

    private String error;

    protected NotificationAttempt() {
        // JPA
    }

    NotificationAttempt(Notification notification, int number, Instant at, Outcome outcome, String error) {
        this.notification = notification;
        this.number = number;
        this.at = at;
        this.outcome = outcome;
        this.error = error;
    }

    public Long getId() {
        return id;
    }

    public Notification getNotification() {
        return notification;
    }

    public int getNumber() {
        return number;
    }

    public Instant getAt() {
        return at;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getError() {
        return error;
    }
}
