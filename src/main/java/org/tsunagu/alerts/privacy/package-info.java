/**
 * Personal data protection (個人情報の保護) of stored alerts: retention, sealing at rest.
 *
 * <h2>Pages and API</h2>
 * <p>None. Two start-up workers in boundary: {@code RetentionWorker} (every TSUNAGU_RETENTION_INTERVAL,
 * under a lease) and {@code SealingWorker} (one background pass per start).
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>保存期間 ({@code AlertRetention}): personal data of an alert is kept only as long as the
 *     municipality's rules say (TSUNAGU_ALERT_RETENTION, default five years after resolution); then
 *     {@code Alert.anonymise} erases it while everything the statistics count stays. Open alerts are
 *     never touched; each erasure is audited (actor {@code system}).</li>
 * <li>An invalid retention setting stops the deployment rather than erasing by a wrong rule.</li>
 * <li>Sealing ({@code AlertSealing}): legacy plaintext and values under an older key of
 *     TSUNAGU_ALERT_KEYS are sealed under the current key, with JDBC compare-and-set updates so a
 *     concurrent write (retention, another instance) wins and several instances may run at once.</li>
 * <li>The sealing worker loads the key ring at deployment, so an unusable ring stops the start.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>{@code alerts.entity}, {@code persistence} ({@code Database}, {@code EncryptedText},
 * {@code FieldCipher}), {@code jobs}, {@code audit.control}, {@code calendar.control}.
 *
 * <h2>Out of scope</h2>
 * <p>The cipher itself: {@code persistence}; which fields are personal: {@code alerts} (entity).
 */
package org.tsunagu.alerts.privacy;
