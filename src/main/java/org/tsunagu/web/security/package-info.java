/**
 * The browser-side defences on every response: security headers, CSP, the CSRF check.
 *
 * <h2>Pages and API</h2>
 * <p>None of its own: {@code SecurityFilter} ({@code @WebFilter("/*")}) covers pages, API, static files
 * and error pages.
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>{@code SecurityHeaders}: no MIME sniffing, no framing, a referrer that never leaks paths to other
 *     sites, HSTS when the request came over TLS, and a Content-Security-Policy: scripts only from our
 *     origin or with the response's nonce.</li>
 * <li>{@code CsrfDefence}, the CSRF defence: a state-changing request that the browser marks as coming
 *     from another site (Sec-Fetch-Site, or an Origin that is not ours) is refused with 403 before anything
 *     else sees it — beside the Faces view state, the SameSite cookie and the API's Basic-only login.</li>
 * <li>{@code SecurityFilter} puts the headers on every response and asks the CSRF defence first.</li>
 * <li>{@code CspNonceField} writes the page's CSP nonce into every Faces form, because PrimeFaces accepts
 *     a post only with it and forms must also work without any script.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>{@code problems} ({@code Problems}), {@code web} ({@code MapSettings}, for the tile origin).
 *
 * <h2>Out of scope</h2>
 * <p>Authentication and login throttling: {@code accounts}; the Faces view state as CSRF token and its
 * expiry: {@code web} ({@code ExpiredViews}). Details: docs/security.md.
 */
package org.tsunagu.web.security;
