/**
 * The email outbox of alerts: telling the center, escalating, retrying until delivered.
 *
 * <h2>Pages and API</h2>
 * <ul>
 * <li>Page: {@code /staff/unsent} ({@code UnsentPage}, 「未送信」, core staff and admins).</li>
 * <li>API ({@code NotificationsResource}, core and admin): {@code GET /api/v1/notifications/unsent},
 *     {@code GET /api/v1/notifications/{id}}, {@code POST /api/v1/notifications/{id}/retry}.</li>
 * <li>Timer: {@code NotificationWorker} ({@code @Startup} singleton, every TSUNAGU_NOTIFICATIONS_INTERVAL).</li>
 * </ul>
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>Transactional outbox: {@code Notifications.announce} writes the email in the alert's own
 *     transaction; {@code deliverDue} sends what is due and records every {@code NotificationAttempt}.</li>
 * <li>{@code Backoff} comes from configuration; the last step repeats forever: an alert email is never
 *     given up on, it stays on the 未送信 list until delivered. A malformed value stops the deployment.</li>
 * <li>Each round first escalates alerts not acknowledged within their {@code AlertSla} to the core
 *     (基幹型) center; escalation runs only on the instance holding the lease, while every instance
 *     delivers, claiming due rows with {@code SELECT … FOR UPDATE SKIP LOCKED}, so each email goes once.</li>
 * <li>Emails and the 未送信 list carry identifiers, the center and the mail error only — never the
 *     alert's personal data.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>{@code alerts.entity}, {@code alerts.control}, {@code mail}, {@code jobs}, {@code accounts},
 * {@code addresses.control}, {@code areas.entity}, {@code audit.control}, {@code calendar.control},
 * {@code problems}, {@code web}.
 *
 * <h2>Out of scope</h2>
 * <p>SMTP itself: {@code mail}; who is notified for a new alert (routing): {@code alerts.intake}.
 */
package org.tsunagu.alerts.notifications;
