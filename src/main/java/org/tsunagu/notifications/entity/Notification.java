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
import jakarta.persistence.Version;
import org.tsunagu.areas.entity.Center;

import java.time.Instant;

/**
 * One email that must reach a center: written in the same transaction as what it announces
 * (transactional outbox: a committed alert always has its notification, a claimed monthly digest
 * its email), and delivered by a worker at least once. It holds identifiers, the center and a link —
 * never personal data. What it is about is named by a label (an alert's 受付番号, a digest's month)
 * and, for an alert, the alert's id, so the 未送信 list can link to it; the outbox knows no alerts.
 * Each attempt returns a {@link NotificationAttempt} for the history; a failed one schedules the
 * next by the configured {@link Backoff} (default 1, 5, 30 minutes, then every 30 minutes), and the
 * notification stays on the 未送信 list until the mail server takes it. Staff can make it due at once
 * ({@link #retryNow}) when they know the server is back. Due notifications go out by {@link Priority}
 * first (an emergency before a backlog of information mails), then oldest first.
 */
@Entity
@Table(name = "notification")
@NamedQuery(name = Notification.FIND_DUE,
        query = "SELECT n FROM Notification n WHERE n.sentAt IS NULL AND n.nextAttemptAt <= :now"
                + " ORDER BY n.priority, n.nextAttemptAt, n.id")
@NamedQuery(name = Notification.FIND_DUE_IDS,
        query = "SELECT n.id FROM Notification n WHERE n.sentAt IS NULL AND n.nextAttemptAt <= :now"
                + " ORDER BY n.priority, n.nextAttemptAt, n.id")
@NamedQuery(name = Notification.BRING_FORWARD,
        query = "UPDATE Notification n SET n.nextAttemptAt = :now WHERE n.sentAt IS NULL AND n.nextAttemptAt > :now"
                + " AND n.lastError LIKE 'MailConnectException%'")
@NamedQuery(name = Notification.FIND_UNSENT,
        query = "SELECT n FROM Notification n WHERE n.sentAt IS NULL AND n.attempts > 0 ORDER BY n.createdAt, n.id")
@NamedQuery(name = Notification.FIND_UNSENT_IN_MUNICIPALITY,
        query = "SELECT n FROM Notification n WHERE n.sentAt IS NULL AND n.attempts > 0"
                + " AND n.center.municipality = :municipality ORDER BY n.createdAt, n.id")
@NamedQuery(name = Notification.BACKLOG,
        query = "SELECT COUNT(n), MIN(n.createdAt) FROM Notification n WHERE n.sentAt IS NULL")
@NamedQuery(name = Notification.BACKLOG_IN_MUNICIPALITY,
        query = "SELECT COUNT(n), MIN(n.createdAt) FROM Notification n WHERE n.sentAt IS NULL"
                + " AND n.center.municipality = :municipality")
public class Notification {

    public static final String FIND_DUE = "Notification.findDue";
    /** Ids only: the rows are locked (and then read) by {@code Notifications#deliverDue}. */
    public static final String FIND_DUE_IDS = "Notification.findDueIds";
    /** Mails waiting out a back-off only because the server was unreachable: due again once it answers. */
    public static final String BRING_FORWARD = "Notification.bringForward";
    public static final String FIND_UNSENT = "Notification.findUnsent";
    public static final String FIND_UNSENT_IN_MUNICIPALITY = "Notification.findUnsentInMunicipality";
    /** How many are not delivered yet (failed or still due) and since when: the size and age of the backlog. */
    public static final String BACKLOG = "Notification.backlog";
    public static final String BACKLOG_IN_MUNICIPALITY = "Notification.backlogInMunicipality";

    /**
     * What goes out first after an SMTP outage (column {@code priority}, lowest first). Alerts rank by
     * their urgency; an SOS call's mail ranks with emergencies; mails about no one in danger (a monthly
     * digest) come last. The ranks are stored, so new kinds can be placed between them.
     */
    public enum Priority {
        /** Life at risk: emergency alerts, their escalations, SOS calls. */
        EMERGENCY(0),
        URGENT(10),
        INFO(20),
        /** Nobody waits on it (the monthly stale digest). */
        ROUTINE(30);

        private final int rank;

        Priority(int rank) {
            this.rank = rank;
        }

        public int rank() {
            return rank;
        }
    }
    /** Longest error text kept (column size). */
    public static final int MAX_ERROR = 500;

    @Id
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    private Long id;

    /** The alert this announces, when it announces one (its id only). */
    @Column(name = "alert_id")
    private Long alertId;

    /** What it is about, for people: an alert's 受付番号, a digest's month. */
    private String label;

    @Column(nullable = false)
    private String kind;

    /** The center whose address the email goes to (null only on rows older than V5 that could not be matched). */
    @ManyToOne
    @JoinColumn(name = "center_id")
    private Center center;

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

    /** {@link Priority#rank()}: the due notifications are sent lowest first. */
    private int priority = Priority.ROUTINE.rank();

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    private long version;

    protected Notification() {
        // JPA
    }

    /**
     * A notification due now.
     *
     * @param kind what it is ({@code new}, {@code escalation}, {@code stale_digest}: the 未送信 list names it)
     * @param alertId the alert it announces, or null
     * @param label what it is about, for people (受付番号, month)
     * @param priority how soon it must go out compared with the rest of a backlog
     */
    public Notification(String kind, Center center, String recipient, String subject, String body, Long alertId,
                        String label, Priority priority, Instant now) {
        this.priority = priority.rank();
        this.alertId = alertId;
        this.label = label;
        this.kind = kind;
        this.center = center;
        this.recipient = recipient == null || recipient.isBlank() ? null : recipient.strip();
        this.subject = subject;
        this.body = body;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** Delivered: never tried again. Returns the attempt to record. */
    public NotificationAttempt sent(Instant at) {
        if (sentAt != null) {
            throw new AlreadySent();
        }
        this.sentAt = at;
        this.attempts++;
        this.lastError = null;
        return new NotificationAttempt(this, attempts, at, NotificationAttempt.Outcome.SENT, null);
    }

    /**
     * A failed attempt: counted, its error kept (whitespace folded, cut to {@value #MAX_ERROR}
     * characters), and the next one scheduled by the back-off. Returns the attempt to record.
     */
    public NotificationAttempt failed(Instant at, String error, Backoff backoff) {
        if (sentAt != null) {
            throw new AlreadySent();
        }
        this.attempts++;
        this.lastError = clean(error);
        this.nextAttemptAt = at.plus(backoff.after(attempts));
        return new NotificationAttempt(this, attempts, at, NotificationAttempt.Outcome.FAILED, lastError);
    }

    /** Staff know the mail server is back: due at once instead of after the back-off. 409 once sent. */
    public void retryNow(Instant now) {
        if (sentAt != null) {
            throw new AlreadySent();
        }
        this.nextAttemptAt = now;
    }

    public boolean isSent() {
        return sentAt != null;
    }

    static String clean(String error) {
        if (error == null || error.isBlank()) {
            return "unknown";
        }
        String oneLine = error.replaceAll("\\s+", " ").strip();
        return oneLine.length() > MAX_ERROR ? oneLine.substring(0, MAX_ERROR) : oneLine;
    }

    public Long getId() {
        return id;
    }

    public Long getAlertId() {
        return alertId;
    }

    public String getLabel() {
        return label;
    }

    public String getKind() {
        return kind;
    }

    public Center getCenter() {
        return center;
    }

    public Instant getCreatedAt() {
        return createdAt;
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

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public int getPriority() {
        return priority;
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
