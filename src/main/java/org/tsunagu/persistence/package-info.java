/**
 * The one database of the portal: datasource, schema, session settings, column converters.
 *
 * <h2>Pages and API</h2>
 * <p>None. {@code Database} is a {@code @Startup @Singleton}; {@code DatabaseHealth} is the readiness check
 * ({@code /health/ready}).
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>{@code Database} defines the datasource with MicroProfile Config placeholders, so H2 (default) and
 *     PostgreSQL (production) differ only in environment variables; Flyway migrates at boot before
 *     anything else touches the database.</li>
 * <li>{@code StartGuard} refuses a production start (PostgreSQL or {@code TSUNAGU_DEMO=false}) with a
 *     public default secret, because every default is in this repository; {@code RefuseDefaultSecrets}
 *     applies it before JPA's first login, {@code Database} again before Flyway.</li>
 * <li>{@code DatabaseSession} (EclipseLink session customizer): one immediate retry of a failed read
 *     instead of three times five seconds, so an unreachable database is reported at once.</li>
 * <li>{@code FieldCipher} / {@code EncryptedText}: AES-GCM for personal text columns with a key ring
 *     (TSUNAGU_ALERT_KEYS), so a copy of the database does not give away who was seen where; legacy
 *     plaintext is read as it is. {@code InstantColumns} stores {@code Instant} as SQL TIMESTAMP.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>No other feature.
 *
 * <h2>Out of scope</h2>
 * <p>Which fields are sealed: {@code alerts}; sealing old rows: {@code alerts.privacy}; the 503 answers
 * while the database is down: {@code problems}.
 */
package org.tsunagu.persistence;
