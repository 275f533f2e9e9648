/**
 * The 社会資源 (Resource) entries themselves: their content, lifecycle, edits, corrections.
 *
 * <h2>Pages and API</h2>
 * <ul>
 * <li>Pages: {@code /resources/{id}} and {@code /resources/{id}/print} ({@code ResourcePage}, forwarded by
 *     {@code ResourcePages}), {@code /correction?resource=…} and {@code /staff/corrections}
 *     ({@code CorrectionPage}), {@code /staff/resources} ({@code ResourceListPage}), {@code /staff/resource}
 *     ({@code ResourceEditorPage}).</li>
 * <li>API ({@code ResourcesResource}): {@code GET /api/v1/resources} (search), {@code GET /{id}},
 *     {@code GET /{id}/calendar.ics}, {@code POST}, {@code PUT /{id}}, {@code DELETE /{id}},
 *     {@code POST /{id}/verify}, {@code POST /{id}/corrections}, {@code GET /{id}/history};
 *     {@code GET /api/v1/corrections}, {@code POST /api/v1/corrections/{id}/close};
 *     {@code GET /api/v1/categories}.</li>
 * </ul>
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>{@code Resource}: lifecycle draft → published → archived (only published ones are visible to
 *     residents) and freshness ({@code verifiedAt}); the optimistic version makes concurrent edits fail
 *     loudly instead of silently overwriting each other.</li>
 * <li>{@code ResourceEdits}, the same for the API and the staff pages: staff edit their own catchment,
 *     core staff their municipality; every change writes field-level history ({@code ResourceChange});
 *     「内容を確認しました」 sets {@code verifiedAt}.</li>
 * <li>{@code Corrections} (「情報が違う・古い」): anyone may report without an account, nothing personal is
 *     asked, and the door is rate-limited per client address held only in memory.</li>
 * <li>{@code ResourcesChanged} is fired for every edit so the index never holds what rolled back.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>{@code search.control} (the one documented cycle: {@code GET /api/v1/resources} shares its
 * {@code @Path} with the CRUD), {@code exchange.control} ({@code ResourceImport}: one validation for
 * rows and edits), {@code calendar}, {@code areas}, {@code addresses.control}, {@code accounts},
 * {@code audit.control}, {@code problems}, {@code web}.
 *
 * <h2>Out of scope</h2>
 * <p>The index and queries: {@code search}; file imports and exports: {@code exchange}; the monthly
 * reminder: {@code directory.freshness}; the PDF: {@code booklet}.
 */
package org.tsunagu.directory;
