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
 * <li>A (month, center) row is claimed and the email written into the {@code notifications} outbox in one
 *     transaction, so each center gets one digest a month, delivered with the outbox's retries and on the
 *     core center's 未送信 list while it fails.</li>
 * <li>Resource names and links only — public data.</li>
 * <li>The claims and the stale query run in transactions of their own ({@code StaleDigest.DigestClaims}),
 *     because the worker runs outside one.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>{@code directory.control}, {@code directory.entity}, {@code areas}, {@code notifications.control}
 * (the outbox), {@code mail} (links), {@code jobs}, {@code calendar.control}.
 *
 * <h2>Out of scope</h2>
 * <p>The staff list of stale entries and 「内容を確認しました」: {@code directory}; delivery and retries: {@code notifications}.
 */
package org.tsunagu.directory.freshness;
