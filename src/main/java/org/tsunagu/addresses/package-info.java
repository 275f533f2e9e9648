/**
 * Address lookup: from a written address to its Town (町丁目) to the responsible Center.
 *
 * <h2>Pages and API</h2>
 * <ul>
 * <li>Page: {@code /centers/lookup?address=…} ({@code CenterLookupPage}, 「担当の地域包括支援センターを調べる」,
 *     a GET page so a center can hand out the link).</li>
 * <li>API: {@code GET /api/v1/centers/lookup} (public, {@code CenterLookupResource}; its own root resource,
 *     matched before areas' {@code centers} because the literal path is longer).</li>
 * </ul>
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>{@code AddressMatcher} finds the known town (町丁目 / 大字・小字) a free-text address lies in,
 *     tolerating the usual notation variants, so residents are routed without picking the town by hand;
 *     it is immutable and thread-safe and is rebuilt when the town list changes.</li>
 * <li>{@code AddressMatch}: one town (with the 番地 that follows, for a block/lot override), several
 *     towns of the same name in different municipalities (ambiguous), or none.</li>
 * <li>{@code AreaLookup} is the routing every other feature relies on (resident "my center", alert
 *     routing, geocoding of imported resources); it drops its matcher after a towns import commits
 *     ({@code TownsChanged}).</li>
 * <li>{@code AreaLookup.route} is the one routing rule with its fallbacks: the address's town (or 番地
 *     override), else the town nearest a point within 3 km in the reporter's municipality, else that
 *     municipality's core center, else the first core center — with the reason in words for staff.</li>
 * <li>{@code CenterLocations} places centers on the map from their address after a towns import, in its
 *     transaction.</li>
 * <li>{@code KnownTown} keeps the matcher free of persistence, so it is tested without a database.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>{@code areas.entity} (towns, centers, municipalities), {@code areas.control} ({@code Centers},
 * {@code TownsChanged}), {@code problems}.
 *
 * <h2>Out of scope</h2>
 * <ul>
 * <li>The towns, centers and their imports: {@code areas}; the routing decision of one town
 *     ({@code Town.centerFor}) is the entity's.</li>
 * <li>What an alert stores of its route: {@code alerts.intake}.</li>
 * </ul>
 */
package org.tsunagu.addresses;
