/**
 * Taking a watch partner's alert in: the partner's form, routing to a center, the partner's history.
 *
 * <h2>Pages and API</h2>
 * <ul>
 * <li>Pages: {@code /partner/report} ({@code ReportPage}: form, confirmation, filing),
 *     {@code /partner/receipt?no=…} and {@code /partner/} (「通報履歴」) ({@code PartnerAlertsPage}).</li>
 * <li>API: {@code POST /api/v1/alerts} and {@code GET /api/v1/alerts/mine} are answered by
 *     {@code alerts.triage}'s {@code AlertsResource} (one {@code @Path("alerts")} class), which files
 *     through {@code AlertFiling} here.</li>
 * </ul>
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>Routing ({@code AlertIntake}) takes addresses' one rule ({@code AreaLookup.route}: the town or 番地
 *     override of the address, else the nearest town of the point, else the core (基幹型) center's
 *     triage — an alert never goes nowhere) and stores how and why on the alert.</li>
 * <li>Idempotent filing, one rule for the API and the form ({@code AlertFiling}): the same
 *     {@code Idempotency-Key} from the same partner returns the alert already filed, also when two copies
 *     race (the loser waits for the winner's commit, 409 only if it never shows); the alert is committed
 *     before any answer announces it. {@code ReportPage} makes the key when the form is first shown, so a
 *     double tap or a reload of the confirmation files nothing twice.</li>
 * <li>Flood limit ({@code AlertIntake.admit}): an organisation files at most TSUNAGU_ALERTS_PER_HOUR
 *     alerts within any hour, counted in the database (every instance sees one count); beyond it 429
 *     with Retry-After, and {@code AlertFiling} writes one {@code alert.rate_limited} audit entry per
 *     organisation and hour for admins. A retry of an alert already filed is never counted.</li>
 * <li>The report's limits and required facts are declared once, on the {@code Report} record
 *     ({@code problems}), and both the API and the form show its messages.</li>
 * <li>The partner sees the 受付番号, the center and the status only — never staff notes, assignees or
 *     outcomes, and never other organisations' alerts.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>{@code alerts.entity}, {@code alerts.control} ({@code AlertMail.announce}: the email
 * is written in the alert's transaction), {@code addresses.control}, {@code areas}, {@code accounts},
 * {@code calendar.control}, {@code audit.control} (the limit's notice), {@code problems}, {@code web}.
 *
 * <h2>Out of scope</h2>
 * <p>What happens after filing: {@code alerts.triage}; delivering the email: {@code notifications}.
 */
package org.tsunagu.alerts.intake;
