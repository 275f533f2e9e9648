package org.tsunagu.directory.freshness.boundary;

import org.tsunagu.directory.freshness.control.StaleDigest;
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
 * Looks every few hours (TSUNAGU_DIGEST_INTERVAL, default PT6H) whether this month's stale digest
 * is still due for a center; the first look of a month sends it. With several instances, only the
 * one holding the {@value #LEASE} lease looks (the per-center claim rows keep it once a month anyway).
 */
@Singleton
@Startup
@DependsOn("Database")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StaleDigestWorker {

    private static final Logger LOG = Logger.getLogger(StaleDigestWorker.class.getName());
    static final String LEASE = "directory.stale-digest";

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    StaleDigest digest;

    @Inject
    Leases leases;

    @Inject
    @ConfigProperty(name = "tsunagu.digest.interval", defaultValue = "PT6H")
    Duration interval;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        long seconds = Math.max(60, interval.toSeconds());
        task = scheduler.scheduleWithFixedDelay(this::round, 120, seconds, TimeUnit.SECONDS);
    }

    void round() {
        try {
            if (leases.acquire(LEASE, Leases.forInterval(Duration.ofSeconds(Math.max(60, interval.toSeconds()))))) {
                digest.sendDue(Instant.now());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "stale digest round failed; the next round retries", e);
        }
    }

    @PreDestroy
    void stop() {
        Leases.stop(task, leases);
    }
}
