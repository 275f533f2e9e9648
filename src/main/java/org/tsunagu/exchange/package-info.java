/**
 * Resource lists moved in or out as files, in every format.
 *
 * <h2>Pages and API</h2>
 * <ul>
 * <li>Page: {@code /staff/import} ({@code ResourceImportPage}, 一括取込: check first, then import the very
 *     file previewed; a progress bar while a large file runs; the vanished resources to confirm 掲載終了).</li>
 * <li>API: {@code POST /api/v1/imports/resources?format=…&municipality=…} ({@code ResourceImportsResource}: a CSV,
 *     a ZIP or multipart parts), {@code GET /api/v1/import-jobs/{id}} and {@code GET|POST …/vanished}
 *     ({@code ImportJobsResource}),
 *     {@code GET /api/v1/exports/resources?format=csv|geojson|hsds} ({@code ResourceExportsResource});
 *     staff, core, admin.</li>
 * </ul>
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>Every upload is a job ({@code ImportJob}, {@code ImportSubmission}, {@code ImportRun}): streamed to a
 *     spool folder, run while the request waits when small and in the background when large, one per
 *     municipality and format at a time (409), applied in one transaction with its end (never
 *     half-applied), taken over or failed when its instance dies.</li>
 * <li>Rows of other municipalities are skipped and counted ({@code MunicipalityScope}, {@code ImportFiles});
 *     open data imports its valid rows and lists the others; an empty cell never erases what staff entered;
 *     what vanished from a source is listed, never withdrawn by the import.</li>
 * <li>One pipeline, several column mappings ({@code ResourceFormat}: Tsunagu, jp-medical, jp-care,
 *     mhlw-care, navii — ナビイ's files are joined by {@code NaviiFiles} first). A {@code ColumnMapping}
 *     only translates a row and never rejects one, so every rule of the import lives in
 *     {@code ResourceImport}: validation, geocoding to the Town's point, the center of the catchment,
 *     schedule parsing, upsert by external id, all or nothing or skip bad rows (Tsunagu) or skip and list
 *     them (open data), dry run.</li>
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
