package org.tsunagu.alerts.boundary;

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
import org.tsunagu.alerts.control.AlertMail;
import org.tsunagu.jobs.Leases;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every few seconds (TSUNAGU_NOTIFICATIONS_INTERVAL, the outbox's rhythm) escalates alerts past their
 * acknowledgement deadline: each is marked escalated and the core center's email is written to the
 * outbox in the same transaction. With several instances only the one holding the
 * {@value #ESCALATION_LEASE} lease runs it, so an alert is escalated once.
 */
@Singleton
@Startup
@DependsOn("Database")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EscalationWorker {

    private static final Logger LOG = Logger.getLogger(EscalationWorker.class.getName());
    static final String ESCALATION_LEASE = "alerts.escalation";

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    AlertMail mail;

    @Inject
    Leases leases;

    @Inject
    @ConfigProperty(name = "tsunagu.notifications.interval", defaultValue = "5")
    int intervalSeconds;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = scheduler.scheduleWithFixedDelay(this::escalate, intervalSeconds, intervalSeconds, TimeUnit.SECONDS);
    }

    void escalate() {
        try {
            if (leases.acquire(ESCALATION_LEASE, Leases.forInterval(Duration.ofSeconds(intervalSeconds)))) {
                mail.escalateOverdue();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "escalation round failed; the next round retries", e);
        }
    }

    @PreDestroy
    void stop() {
        Leases.stop(task, leases); // another instance takes over the escalation at once
    }
}
