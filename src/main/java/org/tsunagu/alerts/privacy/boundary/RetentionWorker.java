package org.tsunagu.alerts.privacy.boundary;

import org.tsunagu.alerts.privacy.control.AlertRetention;
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
import org.tsunagu.jobs.Leases;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs {@link AlertRetention} shortly after start (after one interval, at most one minute) and then
 * every TSUNAGU_RETENTION_INTERVAL (ISO-8601 duration, default PT1H): erasure is not urgent to the
 * second, but a portal that restarts often must still get to it. An invalid retention setting stops
 * the deployment rather than erasing by a wrong rule. With several instances, only the one holding
 * the {@value #LEASE} lease runs it.
 */
@Singleton
@Startup
@DependsOn("Database")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionWorker {

    private static final Logger LOG = Logger.getLogger(RetentionWorker.class.getName());
    static final String LEASE = "alerts.retention";

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    AlertRetention retention;

    @Inject
    Leases leases;

    @Inject
    @ConfigProperty(name = "tsunagu.retention.interval", defaultValue = "PT1H")
    Duration interval;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("TSUNAGU_RETENTION_INTERVAL must be positive: " + interval);
        }
        AlertRetention.Limit limit = retention.limit();
        long every = Math.max(1, interval.toMillis());
        long first = Math.min(every, Duration.ofMinutes(1).toMillis());
        task = scheduler.scheduleWithFixedDelay(this::run, first, every, TimeUnit.MILLISECONDS);
        LOG.info(() -> "retention: personal fields of resolved alerts are kept " + limit.text() + ", checked every " + interval);
    }

    void run() {
        try {
            if (!leases.acquire(LEASE, Leases.forInterval(interval))) {
                return;
            }
            int done;
            do {
                done = retention.anonymiseDue(Instant.now());
            } while (done == AlertRetention.BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "retention round failed; the next round retries", e);
        }
    }

    @PreDestroy
    void stop() {
        Leases.stop(task, leases);
    }
}
