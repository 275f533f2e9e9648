/**
 * The monthly stale-resource reminder to each center.
 *
 * <h2>Pages and API</h2>
 * <p>None. Timer: {@code StaleDigestWorker} ({@code @Startup} singleton, every TSUNAGU_DIGEST_INTERVAL,
 * default PT6H, under a lease).
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>Once a month each center gets an email listing the resources it maintains that nobody has
 *     confirmed for TSUNAGU_STALE_AFTER: a salon that stopped meeting is the entry residents walk to
 *     in vain.</li>
 * <li>A (month, center) row is claimed before sending, so each center gets one digest a month; a failed
 *     send releases the claim for the next round.</li>
 * <li>Resource names and links only — public data.</li>
 * <li>The claims and the stale query run in transactions of their own ({@code StaleDigest.DigestClaims}),
 *     because the worker runs outside one.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>{@code directory.control}, {@code directory.entity}, {@code areas}, {@code mail}, {@code jobs},
 * {@code calendar.control}.
 *
 * <h2>Out of scope</h2>
 * <p>The staff list of stale entries and 「内容を確認しました」: {@code directory}; SMTP: {@code mail}.
 */
package org.tsunagu.directory.freshness;
