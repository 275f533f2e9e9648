/**
 * The watch alert (見守り通報, Alert) itself, shared by the alert sub-features.
 *
 * <h2>Pages and API</h2>
 * <p>None of its own: the pages and endpoints belong to the sub-features {@code alerts.intake},
 * {@code alerts.triage}, {@code alerts.stats} and {@code alerts.privacy}.
 * {@code IllegalTransitionMapper} (boundary) answers an {@code IllegalTransitionException} with a 409 problem;
 * {@code EscalationWorker} (boundary, a timer) escalates overdue alerts.
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>{@code Alert} owns its lifecycle 受付 → 確認中 → 対応中 → 対応完了 (received → acknowledged →
 *     in_progress → resolved, plus transferred between centers) and refuses illegal transitions
 *     itself, so the rule lives in one place and every change leaves an {@code AlertEvent} in the timeline.</li>
 * <li>{@code Report}: the rules of a complete report, so the API and the partner form refuse exactly
 *     the same things and no alert exists without the facts a center needs.</li>
 * <li>{@code Urgency}: emergency means life at risk (119/110 first, then report); {@code Anomaly} is the
 *     municipalities' checklist; {@code Routing} says how the center was found.</li>
 * <li>{@code AlertSla} (control): by when a center must acknowledge before the core (基幹型) center is
 *     told — emergency and urgent within a configured time, 情報提供 by 17:00 of the next business day.</li>
 * <li>{@code AlertMail} (control): what the emails to centers say — a new alert to its center (or the core
 *     center when it has no address), an overdue one to the core center — written into the
 *     {@code notifications} outbox in the alert's own transaction; 受付番号, urgency, center and a link only.</li>
 * <li>{@code PersonSeen} and the other personal fields are never logged and are sealed at rest
 *     ({@code persistence.EncryptedText}).</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>{@code accounts.entity}, {@code areas.entity}, {@code calendar.control} ({@code JapanTime},
 * {@code JapaneseHolidays}), {@code persistence} ({@code EncryptedText}), {@code notifications.control}
 * (the outbox), {@code addresses.control} (core centers), {@code jobs}, {@code mail} (links), {@code problems}.
 *
 * <h2>Out of scope</h2>
 * <p>Filing and routing: {@code alerts.intake}; the center's work: {@code alerts.triage}; figures:
 * {@code alerts.stats}; delivering emails: {@code notifications}; retention and sealing: {@code alerts.privacy}.
 */
package org.tsunagu.alerts;
