/**
 * The printed 社会資源マップ: a PDF booklet of a center's or a 圏域's resources.
 *
 * <h2>Pages and API</h2>
 * <ul>
 * <li>Page: {@code /centers/booklet} ({@code BookletPage}, 「冊子（PDF）を作る」): composes the API address
 *     and redirects there, so the PDF has one source.</li>
 * <li>API: {@code GET /api/v1/booklets} (public; {@code center} or {@code region}, {@code municipality},
 *     {@code category}).</li>
 * </ul>
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>For residents who do not use the internet: what centers otherwise compile by hand every year.</li>
 * <li>{@code Booklets} chooses the published resources with the same membership rules as the search's
 *     {@code center} and {@code region} filters, so paper and web agree; it hands a plain
 *     {@code Booklet.Model} on, so the PDF is drawn outside any transaction.</li>
 * <li>{@code Booklet} is a pure function of the model: A4, every text ≥ 12 pt, BIZ UDPGothic embedded as a
 *     subset, a cover with the centers to call, QR codes back to each resource's page.</li>
 * <li>{@code BookletLines}: Japanese line breaking with 行頭禁則 / 行末禁則 and 追い出し.</li>
 * <li>Nothing matching is not an error: the answer is still a PDF whose cover says so.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>{@code directory.entity}, {@code areas}, {@code calendar.control} ({@code Recurrence} for the next
 * dates), {@code web} ({@code QrCode}, {@code PageText}), {@code problems}.
 *
 * <h2>Out of scope</h2>
 * <p>The resources themselves: {@code directory}; the online search: {@code search}.
 */
package org.tsunagu.booklet;
