/**
 * The one error shape: RFC 9457 problems, input checks, error pages.
 *
 * <h2>Pages and API</h2>
 * <p>The web.xml error pages ({@code ErrorPages} at {@code /error}: a problem under /api/, the portal's
 * page elsewhere) and {@code UnavailablePages} (503 「保守中」 page). Used by every boundary.
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>{@code ProblemException} / {@code Problems} / {@code ProblemMappers}: client mistakes become 4xx
 *     {@code application/problem+json} with a readable detail; anything unexpected a 500 whose detail
 *     reveals nothing (the log has the stack).</li>
 * <li>{@code JsonInput} and {@code QueryParameters}: collect every mistake, then one 400 naming each
 *     field ({@code FieldError}), instead of class-cast 500s.</li>
 * <li>{@code JsonBodies}: exactly one JSON value and nothing after it; {@code BodyLimit}: bodies over
 *     1 MiB → 413, except for methods marked {@code LargeBody} (streamed file imports, up to
 *     {@code tsunagu.import.max.bytes}; {@code LargeBodyGuard} checks the mark after matching);
 *     {@code LimitedInputStream}: the limit counted while reading, for bodies without a length and for
 *     the uploads and ZIP entries of {@code csv}.</li>
 * <li>{@code DatabaseUnavailable}: an unreachable database is temporary, so it is 503 with
 *     {@code Retry-After}, not a 500 that pages the developers.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>No other feature.
 *
 * <h2>Out of scope</h2>
 * <p>The Faces validator for typed text: {@code web} ({@code SafeText}); security headers and CSRF:
 * {@code web.security}.
 */
package org.tsunagu.problems;
