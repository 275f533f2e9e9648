/**
 * Page-level helpers every Faces page shares.
 *
 * <h2>Pages and API</h2>
 * <p>{@code /expired} (after {@code ExpiredViews}); {@code Preferences} and {@code MapSettings} are
 * {@code @Named} beans used by the page template and the map pages.
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>{@code Preferences}: language, large text and high contrast chosen by plain links and remembered
 *     in cookies, so an elderly reader sets it once; nothing personal is stored.</li>
 * <li>{@code PageTransaction}: one page action, all or nothing — the exception leaves the transaction
 *     first (rolling it back) and the page shows it as a message afterwards.</li>
 * <li>{@code ExpiredViews}: a post whose view state is unknown (expired, restarted, forged) changes
 *     nothing and leads to a plain page instead of the 500 page.</li>
 * <li>{@code SafeText}: the default Faces validator, the same rule for typed text as the API's
 *     {@code JsonInput.unsafe}, so no form can forget it.</li>
 * <li>{@code QrCode} (resource sheet and booklet), {@code PageText} (the {@code msg} bundle),
 *     {@code MapSettings} (地理院タイル by default; the list works without tiles).</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>{@code problems} ({@code JsonInput}).
 *
 * <h2>Out of scope</h2>
 * <p>Headers, CSP and CSRF: {@code web.security}; sign-in: {@code accounts}.
 */
package org.tsunagu.web;
