package org.tsunagu.alerts.notifications.boundary;

import org.tsunagu.alerts.notifications.control.Notifications;
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
import org.tsunagu.alerts.notifications.entity.Backoff;
import org.tsunagu.jobs.Leases;

import java.time.Duration;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every few seconds (TSUNAGU_NOTIFICATIONS_INTERVAL, default 5 s): escalates alerts past their
 * acknowledgement SLA, then delivers the notification outbox. It reads the back-off at start, so a
 * malformed TSUNAGU_NOTIFICATIONS_BACKOFF stops the deployment instead of the first failed email.
 * With several instances, escalation runs on the one holding the {@value #ESCALATION_LEASE} lease
 * (an alert is escalated once); every instance delivers, the outbox rows being claimed with row locks.
 */
@Singleton
@Startup
@DependsOn("Database")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotificationWorker {

    private static final Logger LOG = Logger.getLogger(NotificationWorker.class.getName());
    static final String ESCALATION_LEASE = "alerts.escalation";

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Notifications notifications;

    @Inject
    Leases leases;

    @Inject
    @ConfigProperty(name = "tsunagu.notifications.interval", defaultValue = "5")
    int intervalSeconds;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        Backoff backoff = notifications.backoff(); // reads and checks TSUNAGU_NOTIFICATIONS_BACKOFF now
        LOG.info(() -> "notification outbox: every " + intervalSeconds + " s, back-off " + backoff);
        task = scheduler.scheduleWithFixedDelay(this::deliver, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    void deliver() {
        try {
            if (leases.acquire(ESCALATION_LEASE, Leases.forInterval(Duration.ofSeconds(intervalSeconds)))) {
                notifications.escalateOverdue();
            }
            while (notifications.deliverDue(20) == 20) {
                // keep going while full batches are delivered
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "notification delivery round failed; the next round retries", e);
        }
    }

    @PreDestroy
    void stop() {
        Leases.stop(task, leases); // another instance takes over the escalation at once
    }
}
