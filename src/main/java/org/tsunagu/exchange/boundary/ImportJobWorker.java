package org.tsunagu.exchange.boundary;

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
import org.tsunagu.exchange.control.ImportJobs;
import org.tsunagu.exchange.control.ImportSubmission;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the import jobs in the background and keeps them alive: every few seconds it beats the
 * heartbeat of the jobs this instance holds and adopts the jobs whose instance died (right after a
 * restart: the jobs this instance ran before it was killed), so that a job ends done or failed after
 * any crash (the start-up hook and the timer are entry points, so they sit in boundary).
 */
@Singleton
@Startup
@DependsOn("Database")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImportJobWorker {

    private static final Logger LOG = Logger.getLogger(ImportJobWorker.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ImportJobs jobs;

    @Inject
    ImportSubmission submission;

    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        long every = Math.max(1000, jobs.orphanedAfter().toMillis() / 5);
        task = scheduler.scheduleWithFixedDelay(this::round, 0, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    void round() {
        try {
            jobs.beat();
            jobs.adoptOrphans().forEach(submission::dispatch);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "import jobs round failed; the next round retries", e);
        }
    }
}
