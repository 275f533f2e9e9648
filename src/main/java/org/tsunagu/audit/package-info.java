/**
 * The audit trail: who read or changed what, when.
 *
 * <h2>Pages and API</h2>
 * <ul>
 * <li>Page: {@code /staff/audit} ({@code AuditPage}, 監査ログ; core and admin only, web.xml).</li>
 * <li>API: {@code GET /api/v1/audit} (core, admin; {@code AuditResource}).</li>
 * </ul>
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>{@code Audit.record} appends inside the caller's transaction: no audit entry, no change.</li>
 * <li>{@code AuditEvent} is append-only and holds identifiers, never personal data; alerts are named by
 *     their 受付番号, so reading the trail reveals nobody's personal data.</li>
 * <li>{@code AuditLog}: admins see everything; core staff see what the accounts of their
 *     municipality's centers did (only they may see the municipality's alerts); admin and
 *     {@code system} entries are left out for them. Newest first, days in Japan time.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>{@code accounts}, {@code alerts.entity} (the 受付番号), {@code calendar.control}, {@code problems}.
 *
 * <h2>Out of scope</h2>
 * <p>Deciding what to audit is the calling feature's: each control records its own actions
 * (e.g. {@code alerts.triage}, {@code accounts}, {@code directory}).
 */
package org.tsunagu.audit;
