/**
 * The center's side of a watch alert: who sees it, what staff do with it.
 *
 * <h2>Pages and API</h2>
 * <ul>
 * <li>Pages: {@code /staff/alerts} ({@code AlertBoardPage}, 通報ボード), {@code /staff/alert?id=…}
 *     ({@code AlertDetailPage}).</li>
 * <li>API ({@code AlertsResource}): {@code GET /api/v1/alerts}, {@code GET /api/v1/alerts/{id}},
 *     {@code POST /api/v1/alerts/{id}/events} (staff, core); the same class also takes the partners'
 *     {@code POST /api/v1/alerts} and {@code GET /api/v1/alerts/mine} and hands filing to
 *     {@code alerts.intake}.</li>
 * </ul>
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>{@code Triage} is shared by the API and the board, so both enforce the same rule of who sees
 *     what: staff their own center's alerts, core staff every center of their municipality, nobody
 *     else any; a center that transferred an alert away keeps reading it but cannot act.</li>
 * <li>Reading the personal fields and every action are audited, once, in {@code Triage}.</li>
 * <li>Each action (確認, 担当者, 対応記録, 転送, 対応完了) is applied all or nothing and the page
 *     redirects afterwards, so a reload repeats nothing; the transitions themselves are {@code Alert}'s.</li>
 * <li>The board shows towns only and the time left before escalation; names and addresses are on the
 *     audited detail page.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>{@code alerts.entity}, {@code alerts.control} ({@code AlertSla}), {@code alerts.intake.control},
 * {@code alerts.control} ({@code AlertMail.sla}), {@code accounts}, {@code areas}, {@code audit.control},
 * {@code calendar.control}, {@code problems}, {@code web}.
 *
 * <h2>Out of scope</h2>
 * <p>Escalation: {@code alerts} ({@code EscalationWorker}); delivering emails: {@code notifications}; the monthly figures: {@code alerts.stats};
 * the audit log pages: {@code audit}.
 */
package org.tsunagu.alerts.triage;
