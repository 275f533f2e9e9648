package org.tsunagu.notifications.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tsunagu.notifications.control.Notifications;
import org.tsunagu.notifications.entity.Backoff;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every few seconds (TSUNAGU_NOTIFICATIONS_INTERVAL, default 5 s) delivers the notification outbox.
 * It reads the back-off at start, so a malformed TSUNAGU_NOTIFICATIONS_BACKOFF stops the deployment
 * instead of the first failed email. Every instance delivers: the outbox rows are claimed with row
 * locks, so no email goes out twice. Each round (one transaction) sends up to {@link #BATCH} mails,
 * most urgent first; rounds follow each other while they come back full, all over one SMTP session.
 */
@Singleton
@Startup
@DependsOn("Database")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Notifications notifications;

    @Inject
    @ConfigProperty(name = "tsunagu.notifications.interval", defaultValue = "5")
    int intervalSeconds;

    /** Mails per round: one transaction and one SMTP session (the rows stay locked until it ends). */
    static final int BATCH = 20;

    /** Rounds of failures per tick while the server is unreachable (BATCH each): a bound, not a target. */
    static final int FAILING_ROUNDS = 10;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        Backoff backoff = notifications.backoff(); // reads and checks TSUNAGU_NOTIFICATIONS_BACKOFF now
        LOG.info(() -> "notification outbox: every " + intervalSeconds + " s, back-off " + backoff);
        task = scheduler.scheduleWithFixedDelay(this::deliver, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    void deliver() {
        try {
            try (org.tsunagu.mail.Mail.Batch session = notifications.session()) {
                int failing = 0;
                while (notifications.deliverDue(session, BATCH) == BATCH
                        || session.isUnreachable() && ++failing < FAILING_ROUNDS) {
                    // keep going while full rounds are delivered: a backlog over one SMTP connection.
                    // While the server is unreachable every due mail still gets its attempt this tick (no
                    // network, only the record): otherwise a backlog of urgent mails, due again and again,
                    // would keep the information mails from ever being tried and listed as unsent
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "notification delivery round failed; the next round retries", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
