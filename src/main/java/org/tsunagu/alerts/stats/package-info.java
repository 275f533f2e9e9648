/**
 * The monthly alert statistics (事業報告) the municipality asks every center for.
 *
 * <h2>Pages and API</h2>
 * <ul>
 * <li>Page: {@code /staff/stats} ({@code AlertStatsPage}, 通報の統計: GET form, chart and table) and
 *     its download {@code /staff/stats.csv} ({@code AlertStatsDownload}, a servlet under the
 *     {@code /staff/*} constraint, because the API takes Basic only and never the page session).</li>
 * <li>API: {@code GET /api/v1/stats/alerts} (staff, core, admin), JSON or, with
 *     {@code Accept: text/csv}, CSV ({@code StatsCsv}).</li>
 * </ul>
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>{@code AlertStatistics}: how many alerts, about what, from which kind of partner, how they
 *     ended, and the median minutes from filing to acknowledgement; months are Japan time.</li>
 * <li>Computed from a projection that holds nothing personal, so the figures are the same before and
 *     after retention erased an alert's personal fields.</li>
 * <li>The caller's role decides the centers counted: staff their own, core every center of the
 *     municipality, admin every center (the figures hold no personal data).</li>
 * <li>{@code StatsCsv}: UTF-8 with BOM (Excel), CRLF, Japanese header; formula-like cells get a leading
 *     apostrophe against CSV injection.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>{@code alerts.entity}, {@code accounts}, {@code areas}, {@code calendar.control}, {@code problems}.
 *
 * <h2>Out of scope</h2>
 * <p>Acting on alerts: {@code alerts.triage}; erasing personal data: {@code alerts.privacy}.
 */
package org.tsunagu.alerts.stats;
