/**
 * Run-once-per-cluster leases for scheduled jobs.
 *
 * <h2>Pages and API</h2>
 * <p>None. Used by the timers of {@code alerts} (escalation), {@code alerts.privacy},
 * {@code directory.freshness} and {@code search}.
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>Several portals share one database, and a job such as escalation must not run on two of them at
 *     once (two emails): before a round a worker takes or renews the job's {@code JobLease}; only the
 *     holder runs the round.</li>
 * <li>Taken and renewed with a conditional UPDATE, so the database decides; each {@code Leases} call is a
 *     transaction of its own, so the lease is visible to the others before the job starts.</li>
 * <li>The holder renews while it lives and releases its leases when it stops; when it dies the lease runs
 *     out and another instance takes over.</li>
 * <li>Lease times are the instances' clocks: keep them in time (NTP).</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>No other feature.
 *
 * <h2>Out of scope</h2>
 * <p>The jobs themselves and their timers: the boundary of each feature that runs one.
 */
package org.tsunagu.jobs;
