/**
 * The email outbox: every email to a center is written with what it announces, then delivered until it arrives.
 *
 * <h2>Pages and API</h2>
 * <ul>
 * <li>Page: {@code /staff/unsent} ({@code UnsentPage}, 「未送信」, core staff and admins).</li>
 * <li>API ({@code NotificationsResource}, core and admin): {@code GET /api/v1/notifications/unsent},
 *     {@code GET /api/v1/notifications/{id}}, {@code POST /api/v1/notifications/{id}/retry}.</li>
 * <li>Timer: {@code OutboxWorker} ({@code @Startup} singleton, every TSUNAGU_NOTIFICATIONS_INTERVAL).</li>
 * </ul>
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>Transactional outbox: {@code Notifications.enqueue} writes the email in the transaction of what it
 *     announces (a new or overdue alert: {@code alerts.control.AlertMail}; the monthly digest:
 *     {@code directory.freshness}), so nothing committed goes unannounced and nothing rolled back is sent.</li>
 * <li>{@code deliverDue} sends what is due and records every {@code NotificationAttempt}; every instance
 *     delivers, claiming due rows with {@code SELECT … FOR UPDATE SKIP LOCKED}, so each email goes once.
 *     Due emails go by {@code Notification.Priority} (emergencies and SOS first), then oldest first, in
 *     rounds of 20 over one SMTP session; the 未送信 page shows the backlog's size and age.</li>
 * <li>{@code Backoff} comes from configuration; the last step repeats forever: an email is never given
 *     up on, it stays on the 未送信 list until delivered. A malformed value stops the deployment.</li>
 * <li>A notification names what it is about by a label (受付番号, month) and, for an alert, its id; emails
 *     and the 未送信 list carry identifiers, the center and the mail error only — never personal data.
 *     Core staff see the notifications of their municipality's centers.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>{@code mail}, {@code accounts}, {@code areas.entity}, {@code audit.control}, {@code calendar.control},
 * {@code problems}, {@code web}. It knows no alerts: what an alert email says is {@code alerts}'.
 *
 * <h2>Out of scope</h2>
 * <p>SMTP itself: {@code mail}; what an alert email says and when an alert escalates: {@code alerts}
 * ({@code AlertMail}, {@code EscalationWorker}); the digest's content: {@code directory.freshness}.
 */
package org.tsunagu.notifications;
