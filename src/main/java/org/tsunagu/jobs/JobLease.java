package org.tsunagu.jobs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The right of one instance to run a scheduled job (escalation, retention, stale digest) until a
 * moment: several portals share one database, and a job such as escalation must not run on two of
 * them at once (two emails). Taken and renewed with a conditional UPDATE, so the database decides.
 */
@Entity
@Table(name = "job_lease")
@NamedQuery(name = JobLease.ACQUIRE, query = "UPDATE JobLease l SET l.holder = :holder, l.heldUntil = :until"
        + " WHERE l.name = :name AND (l.heldUntil < :now OR l.holder = :holder)")
@NamedQuery(name = JobLease.RELEASE, query = "UPDATE JobLease l SET l.heldUntil = :now"
        + " WHERE l.holder = :holder AND l.heldUntil > :now")
public class JobLease {

    public static final String ACQUIRE = "JobLease.acquire";
    public static final String RELEASE = "JobLease.release";

    @Id
    private String name;

    private String holder;

    @Column(name = "held_until", nullable = false)
    private Instant heldUntil;

    protected JobLease() {
        // JPA
    }

    public JobLease(String name, String holder, Instant heldUntil) {
        this.name = name;
        this.holder = holder;
        this.heldUntil = heldUntil;
    }

    public String getName() {
        return name;
    }

    public String getHolder() {
        return holder;
    }

    public Instant getHeldUntil() {
        return heldUntil;
    }
}
