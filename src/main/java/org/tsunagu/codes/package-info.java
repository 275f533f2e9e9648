/**
 * The API contract's code lists: enums whose codes are published (JSON, CSV, URLs) with their labels.
 *
 * <h2>Pages and API</h2>
 * <p>None of its own; the codes appear wherever their feature's API and pages do (api.md lists them).
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>A code is matched exactly ({@code Coded.ofCode}); callers normalise case and width first when
 *     they accept what people type.</li>
 * <li>Every code has a Japanese and an English label, so a page never shows a bare code.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>Nothing else of the portal: features' entities use it.
 *
 * <h2>Out of scope</h2>
 * <p>The lists themselves: {@code directory.entity.Category}, {@code accounts.entity.PartnerType} and the
 * other enums of their features.
 */
package org.tsunagu.codes;
