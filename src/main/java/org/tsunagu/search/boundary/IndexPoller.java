package org.tsunagu.search.boundary;

import org.tsunagu.search.control.ResourceSearch;
import org.tsunagu.search.sync.control.IndexOutbox;
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
 * Brings edits made on other instances into this instance's search index: every
 * TSUNAGU_INDEX_POLL (default PT1S) it applies the index change log entries it has not applied
 * ({@link ResourceSearch#poll()}). Edits made here reach the index at once through the after-commit
 * event; the poll is what the other instances see of them. Once an hour one instance (under a lease)
 * prunes entries older than TSUNAGU_INDEX_LOG_RETENTION (default P7D); an instance that was down
 * longer than that rebuilds its index when it starts.
 */
@Singleton
@Startup
@DependsOn("SearchStartup")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IndexPoller {

    private static final Logger LOG = Logger.getLogger(IndexPoller.class.getName());
    static final String PRUNE_LEASE = "directory.change-log-prune";
    static final Duration PRUNE_EVERY = Duration.ofHours(1);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ResourceSearch search;

    @Inject
    IndexOutbox log;

    @Inject
    Leases leases;

    @Inject
    @ConfigProperty(name = "tsunagu.index.poll", defaultValue = "PT1S")
    Duration interval;

    @Inject
    @ConfigProperty(name = "tsunagu.index.log.retention", defaultValue = "P7D")
    Duration retention;

    private ScheduledFuture<?> polling;
    private ScheduledFuture<?> pruning;

    @PostConstruct
    void start() {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("TSUNAGU_INDEX_POLL must be positive: " + interval);
        }
        if (retention.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("TSUNAGU_INDEX_LOG_RETENTION must be at least PT1H: " + retention);
        }
        long every = Math.max(10, interval.toMillis());
        polling = scheduler.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
        pruning = scheduler.scheduleWithFixedDelay(this::prune, 5, PRUNE_EVERY.toMinutes(), TimeUnit.MINUTES);
        LOG.info(() -> "index change log: polled every " + interval + ", kept " + retention);
    }

    void poll() {
        try {
            while (search.poll()) {
                // a full batch may have more behind it
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "index change log poll failed; the next poll retries", e);
        }
    }

    void prune() {
        try {
            if (leases.acquire(PRUNE_LEASE, PRUNE_EVERY.multipliedBy(3))) {
                int pruned = log.prune(Instant.now().minus(retention));
                if (pruned > 0) {
                    LOG.info(() -> "index change log: " + pruned + " entries older than " + retention + " pruned");
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "index change log pruning failed; the next round retries", e);
        }
    }

    @PreDestroy
    void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
        if (pruning != null) {
            pruning.cancel(false);
        }
    }
}
