/**
 * Resource lists moved in or out as files, in every format.
 *
 * <h2>Pages and API</h2>
 * <ul>
 * <li>Page: {@code /staff/import} ({@code ResourceImportPage}, 一括取込: check first, then import the very
 *     file previewed).</li>
 * <li>API: {@code POST /api/v1/imports/resources?format=…} ({@code ResourceImportsResource}),
 *     {@code GET /api/v1/exports/resources?format=csv|geojson|hsds} ({@code ResourceExportsResource});
 *     staff, core, admin.</li>
 * </ul>
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>One pipeline, several column mappings ({@code ResourceFormat}: Tsunagu, jp-medical, jp-care,
 *     mhlw-care). A {@code ColumnMapping} only translates a row and never rejects one, so every rule of
 *     the import lives in {@code ResourceImport}: validation, geocoding to the Town's point, the center
 *     of the catchment, schedule parsing, upsert by external id, all or nothing or skip bad rows, dry run.</li>
 * <li>External ids of the open-data formats carry the format as a prefix ({@code jp-medical:…}): one
 *     namespace for every source.</li>
 * <li>Rows that would change nothing are counted as unchanged and not written, so a Tsunagu CSV export
 *     ({@code TsunaguColumns}) imported back touches nothing.</li>
 * <li>{@code ResourceExport} reads in keyset pages and streams outside a transaction, so memory does not
 *     grow with 100,000 resources (not a snapshot); {@code HsdsExport} writes Open Referral HSDS 3.0.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>{@code directory.control}, {@code directory.entity}, {@code csv}, {@code calendar}, {@code japanese},
 * {@code areas}, {@code addresses.control}, {@code accounts}, {@code audit.control}, {@code problems},
 * {@code web}.
 *
 * <h2>Out of scope</h2>
 * <p>Single edits and history: {@code directory}; towns and centers files: {@code areas}.
 */
package org.tsunagu.exchange;
