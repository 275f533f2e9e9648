package org.tsunagu.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Run-once-per-cluster for scheduled jobs: before a round, a worker takes (or renews) the job's
 * {@link JobLease} for a while; only the instance that holds it runs the round. The holder keeps
 * renewing while it lives, so one instance stays in charge; when it stops it releases its leases,
 * and when it dies the lease runs out and another instance takes over. Each call is a transaction
 * of its own, so the lease is visible to the others before the job starts. Instants are the
 * instances' clocks: they must be kept in time (NTP), within much less than a lease.
 */
@ApplicationScoped
public class Leases {

    /** This instance, as lease rows name it: process id and a random part (several per host). */
    static final String HOLDER = ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);

    @PersistenceContext
    EntityManager em;

    /** Takes or renews the lease {@code name} for {@code length}; true when this instance holds it now. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean acquire(String name, Duration length) {
        Instant now = Instant.now();
        int updated = em.createNamedQuery(JobLease.ACQUIRE).setParameter("holder", HOLDER)
                .setParameter("until", now.plus(length)).setParameter("name", name).setParameter("now", now)
                .executeUpdate();
        if (updated == 1) {
            return true;
        }
        if (em.find(JobLease.class, name) == null) {
            // a job the migrations did not list: the first instance creates its row (a concurrent
            // creator fails on the primary key and tries again next round)
            em.persist(new JobLease(name, HOLDER, now.plus(length)));
            return true;
        }
        return false;
    }

    /** Gives up every lease this instance holds (at shutdown), so another instance takes over at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int releaseAll() {
        return em.createNamedQuery(JobLease.RELEASE).setParameter("holder", HOLDER).setParameter("now", Instant.now())
                .executeUpdate();
    }

    /**
     * Ends a leased job at shutdown: cancels its timer and gives up this instance's leases, so another
     * instance takes over at once; a database that is already gone is only logged (leases run out).
     * Static, with the injected {@code leases}, so the release runs through its transactional proxy.
     */
    public static void stop(java.util.concurrent.Future<?> task, Leases leases) {
        if (task != null) {
            task.cancel(false);
        }
        try {
            leases.releaseAll();
        } catch (RuntimeException e) {
            java.util.logging.Logger.getLogger(Leases.class.getName())
                    .info(() -> "leases not released (" + e + "); they run out by themselves");
        }
    }

    /** The length of a lease for a job run every {@code interval}: three rounds, at least 10 s. */
    public static Duration forInterval(Duration interval) {
        Duration three = interval.multipliedBy(3);
        return three.compareTo(Duration.ofSeconds(10)) < 0 ? Duration.ofSeconds(10) : three;
    }
}
