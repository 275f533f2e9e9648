/**
 * Sending one plain-text email through the configured SMTP server.
 *
 * <h2>Pages and API</h2>
 * <p>None.
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>{@code Mail}: one place for the TSUNAGU_SMTP_* settings and time-outs, used by the alert
 *     notifications and the monthly stale digest.</li>
 * <li>What is written in the mail, and whether it may hold personal data (never), is the caller's rule.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>{@code web} ({@code PublicAddress}: links in emails lead to the configured public address).
 *
 * <h2>Out of scope</h2>
 * <p>The outbox, retries and the 未送信 list: {@code notifications}; the stale digest:
 * {@code directory.freshness}.
 */
package org.tsunagu.mail;
