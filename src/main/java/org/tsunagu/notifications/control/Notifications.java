package org.tsunagu.notifications.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tsunagu.notifications.entity.Backoff;
import org.tsunagu.notifications.entity.Notification;
import org.tsunagu.notifications.entity.NotificationAttempt;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.mail.Mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The notification outbox: {@link #enqueue} writes an email in the transaction of what it announces
 * (an alert, a monthly digest); {@link #deliverDue} (called by the worker) sends what is due through Jakarta Mail,
 * records every attempt ({@link NotificationAttempt}) and backs off on failure by the configured
 * {@link Backoff} (TSUNAGU_NOTIFICATIONS_BACKOFF). What has failed and is still not delivered is the
 * 未送信 list ({@link #unsent(Municipality)}), which the core center watches and can push again
 * ({@link #retryNow}). Several instances may deliver the same outbox: each claims the due rows
 * with {@code SELECT ... FOR UPDATE SKIP LOCKED} (PostgreSQL, and H2 2.2) and holds the locks
 * until its attempts are recorded, so no email is sent by two instances. After an outage the
 * backlog goes out by priority (emergencies and SOS first) through one SMTP session per round, and its
 * size and age are on the 未送信 page ({@link #backlog}). Emails carry identifiers,
 * the center and a link, never personal data, and logs name only the label (receipt number, month).
 */
@ApplicationScoped
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class.getName());
    static final int MAX_UNSENT = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Mail mail;

    @Inject
    @ConfigProperty(name = "tsunagu.notifications.backoff", defaultValue = "PT1M,PT5M,PT30M")
    String backoffSetting;

    private Backoff backoff;

    @PostConstruct
    void configure() {
        try {
            backoff = Backoff.parse(backoffSetting);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tsunagu.notifications.backoff (TSUNAGU_NOTIFICATIONS_BACKOFF): " + e.getMessage(), e);
        }
    }

    /** An SMTP session for {@link #deliverDue(Mail.Batch, int)}; the caller closes it. */
    public Mail.Batch session() {
        return mail.batch();
    }

    /** The configured back-off (read at start: a malformed value stops the deployment, see OutboxWorker). */
    public Backoff backoff() {
        return backoff;
    }

    /**
     * Writes an email to be delivered, in the caller's transaction: it is sent only if that commits.
     *
     * @param kind what it is ({@code new}, {@code escalation}, {@code stale_digest}), named on the 未送信 list
     * @param to the center it is for (its municipality's core staff see it when it fails)
     * @param recipient the address; null when the center has none (the attempt fails and is listed)
     * @param alertId the alert it announces, or null
     * @param label what it is about, for people (受付番号, month); also all that logs name
     */
    public Notification enqueue(String kind, Center to, String recipient, String subject, String body, Long alertId,
                                String label) {
        return enqueue(kind, to, recipient, subject, body, alertId, label, Notification.Priority.ROUTINE);
    }

    /**
     * {@link #enqueue(String, Center, String, String, String, Long, String)} with the priority it goes out
     * with after an outage: an alert's follows its urgency, an SOS call's is {@code EMERGENCY}.
     */
    public Notification enqueue(String kind, Center to, String recipient, String subject, String body, Long alertId,
                                String label, Notification.Priority priority) {
        Notification n = new Notification(kind, to, recipient, subject, body, alertId, label, priority, Instant.now());
        em.persist(n);
        return n;
    }

    /**
     * Sends what is due (at most {@code max}), most urgent first ({@link Notification.Priority}, then
     * the oldest), through one SMTP session of its own, recording each attempt; returns how many were delivered.
     * The due rows are locked first, skipping those another instance holds, and read after the lock,
     * so a row another instance sent or rescheduled meanwhile is left alone. When the server cannot be
     * reached, every mail of the round fails with that one connection error (one attempt, one log line
     * after the first few), and each is rescheduled by the back-off.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deliverDue(int max) {
        try (Mail.Batch batch = mail.batch()) {
            return deliverDue(batch, max);
        }
    }

    /**
     * {@link #deliverDue(int)} through a session the caller holds across rounds (the worker: a whole
     * backlog over one SMTP connection, each round still its own transaction of at most {@code max}).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deliverDue(Mail.Batch batch, int max) {
        // to the millisecond: a time the database stores exactly, so a mail brought forward to "now" is
        // due in the same round (a nanosecond instant may be rounded up by the column, then it is not)
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        List<Long> candidates = em.createNamedQuery(Notification.FIND_DUE_IDS, Long.class)
                .setParameter("now", now).setMaxResults(max).getResultList();
        if (!candidates.isEmpty() && !batch.isUnreachable() && batch.reachable()
                && em.createNamedQuery(Notification.BRING_FORWARD).setParameter("now", now).executeUpdate() > 0) {
            // the server answers again: mails that waited out a back-off only for the outage are due now,
            // so this round picks by priority among all of them (an emergency before the backlog)
            candidates = em.createNamedQuery(Notification.FIND_DUE_IDS, Long.class)
                    .setParameter("now", now).setMaxResults(max).getResultList();
        }
        java.util.Set<Long> claimed = new java.util.HashSet<>(claim(candidates));
        int sent = 0;
        int failed = 0;
        String lastError = null;
        for (Long id : candidates) { // in the due order; the claim only says which are ours
            Notification n = claimed.contains(id) ? em.find(Notification.class, id) : null;
            if (n == null || n.isSent() || n.getNextAttemptAt().isAfter(now)) {
                continue;
            }
            try {
                send(batch, n);
                em.persist(n.sent(Instant.now()));
                sent++;
            } catch (MessagingException | RuntimeException e) {
                em.persist(n.failed(Instant.now(), describe(e), backoff));
                lastError = n.getLastError();
                if (++failed <= LOGGED_FAILURES) {
                    LOG.warning(() -> "notification for " + n.getLabel() + " not sent (attempt "
                            + n.getAttempts() + "): " + n.getLastError());
                }
            }
        }
        if (failed > LOGGED_FAILURES) {
            int more = failed - LOGGED_FAILURES;
            String error = lastError;
            LOG.warning(() -> more + " more notifications not sent in this round; last error: " + error);
        }
        return sent;
    }

    /** Failed mails of one round logged one by one; the rest are counted in one line (an outage is one event). */
    static final int LOGGED_FAILURES = 3;

    /**
     * The backlog: how many notifications are not delivered yet (due, or waiting for their next
     * attempt) and when the oldest of them was written. Read-only.
     *
     * @param municipality only its centers' notifications; null: every municipality (admins)
     */
    public Backlog backlog(Municipality municipality) {
        Object[] row = (municipality == null ? em.createNamedQuery(Notification.BACKLOG, Object[].class)
                : em.createNamedQuery(Notification.BACKLOG_IN_MUNICIPALITY, Object[].class)
                        .setParameter("municipality", municipality)).getSingleResult();
        return new Backlog(row[0] == null ? 0 : ((Number) row[0]).longValue(), (Instant) row[1]);
    }

    /** Size and age of the outbox's backlog: {@code oldest} is null when nothing waits. */
    public record Backlog(long size, Instant oldest) {
    }

    /**
     * The 未送信 list of one municipality: its notifications that failed at least once and are still
     * not delivered, oldest first (at most 500). This is what a core center watches: an alert whose
     * email did not arrive must be phoned through. Read-only; joins the caller's transaction if any.
     *
     * @param municipality the municipality whose alerts' notifications to list (a core account's own)
     * @return the notifications, each with its alert, center, attempt count, last error and next attempt
     */
    public List<Notification> unsent(Municipality municipality) {
        return em.createNamedQuery(Notification.FIND_UNSENT_IN_MUNICIPALITY, Notification.class)
                .setParameter("municipality", municipality).setMaxResults(MAX_UNSENT).getResultList();
    }

    /** The 未送信 list of every municipality (for admins), oldest first, at most 500. */
    public List<Notification> unsent() {
        return em.createNamedQuery(Notification.FIND_UNSENT, Notification.class).setMaxResults(MAX_UNSENT).getResultList();
    }

    /** One notification by id, sent or not. */
    public Optional<Notification> find(long id) {
        return Optional.ofNullable(em.find(Notification.class, id));
    }

    /** Every delivery attempt of a notification, first to last. */
    public List<NotificationAttempt> attempts(Notification n) {
        return em.createNamedQuery(NotificationAttempt.FIND_BY_NOTIFICATION, NotificationAttempt.class)
                .setParameter("notification", n).getResultList();
    }

    /**
     * Makes an unsent notification due at once (the worker picks it up within its interval), in the
     * caller's transaction. Whether the caller may do so (its municipality) is the caller's check.
     *
     * @throws org.tsunagu.alerts.entity.IllegalTransitionException when it was already sent (409)
     */
    public void retryNow(Notification n) {
        n.retryNow(Instant.now());
    }

    /**
     * Locks the still unsent rows among {@code ids} for this transaction, skipping rows locked by
     * another (instance's) transaction; returns the ids locked. A native query: JPA has no SKIP
     * LOCKED. The ids are numbers from the database, so they are written into the statement.
     */
    private List<Long> claim(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<?> locked = em.createNativeQuery(claimSql(ids)).getResultList();
        return locked.stream().map(o -> ((Number) o).longValue()).toList();
    }

    /** The claiming statement; the same on PostgreSQL and H2 2.2 (both know SKIP LOCKED). */
    static String claimSql(List<Long> ids) {
        String in = ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        return "SELECT id FROM notification WHERE id IN (" + in + ") AND sent_at IS NULL ORDER BY id FOR UPDATE SKIP LOCKED";
    }

    /** The failure as the mail system put it (exception types and messages, with the cause): no email content. */
    static String describe(Exception e) {
        StringBuilder b = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        Throwable cause = e instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : e.getCause();
        if (cause != null && cause != e) {
            b.append(" (").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(')');
        }
        return b.toString();
    }

    private static void send(Mail.Batch batch, Notification n) throws MessagingException {
        if (n.getRecipient() == null) {
            throw new MessagingException("the center has no notification address");
        }
        batch.send(n.getRecipient(), n.getSubject(), n.getBody());
    }
}
