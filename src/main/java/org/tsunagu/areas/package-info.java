/**
 * The municipality's geography of care: municipalities, 圏域, centers, towns.
 *
 * <h2>Pages and API</h2>
 * <ul>
 * <li>Pages: {@code /centers/} ({@code CentersPage}), {@code /admin/areas} ({@code AdminAreasPage}),
 *     {@code /admin/centers} ({@code AdminCentersPage}); {@code SiteMunicipality} names the portal's
 *     municipality in every page header.</li>
 * <li>API: {@code GET /api/v1/centers}, {@code GET /api/v1/centers/{code}} (public, {@code CenterView}
 *     without the notification email); {@code POST /api/v1/imports/towns},
 *     {@code POST /api/v1/imports/centers} (admin, core).</li>
 * </ul>
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>{@code Town} (町丁目 or 小字) is the unit of routing: every town has a responsible Center, and
 *     {@code centerFor(block)} is the one place that decides (a 番地 {@code BlockRange} first).</li>
 * <li>{@code Municipality}: one 6-digit 全国地方公共団体コード; one deployment may serve several.</li>
 * <li>{@code TownImport} / {@code CenterImport}: every row is checked first and any error changes
 *     nothing; towns are updated in place by (name, 小字) so resources and alerts keep pointing at them;
 *     a municipality ends up with exactly one core (基幹型) center for unroutable alerts.</li>
 * <li>Core staff load only their own municipality: the towns decide where its alerts are routed.</li>
 * <li>{@code TownsChanged} is fired after an import so others rebuild what they derived.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>{@code addresses.control} ({@code AddressMatcher}, {@code KnownTown}), {@code accounts},
 * {@code audit.control}, {@code csv}, {@code japanese}, {@code problems}, {@code web}.
 *
 * <h2>Out of scope</h2>
 * <p>Address → center lookup: {@code addresses}; resources in a town: {@code directory}; the printed
 * map of a 圏域: {@code booklet}.
 */
package org.tsunagu.areas;
