package org.tsunagu.web.security;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Locale;
import java.util.Optional;

/**
 * The request's path inside the application, only if it is written the one way the application
 * means it. Decisions taken on the raw URI — API or page, which pages an account that must change
 * its password may open, which paths are private — are fooled by other spellings of a path that the
 * container still maps to the same servlet: {@code //api/v1/…} (not "under /api/"), {@code
 * /resources/%2e%2e/staff/…} (looks like a style sheet), {@code ;} path parameters, encoded slashes.
 * No link of the portal ever produces such a URI, so instead of normalising them (and guessing what
 * a proxy in front did) the portal refuses them with 400. Some proxies merge {@code //} themselves;
 * this does not rely on it.
 */
public final class CanonicalPaths {

    private CanonicalPaths() {
    }

    /** The path after the context path, or empty when the raw URI is not canonical. */
    public static Optional<String> of(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        if (uri == null || !uri.startsWith(context)) {
            return Optional.empty();
        }
        String path = uri.substring(context.length());
        return isCanonical(path) ? Optional.of(path.isEmpty() ? "/" : path) : Optional.empty();
    }

    /** Whether a raw (still percent-encoded) path has no empty, dot or encoded-separator segments. */
    static boolean isCanonical(String path) {
        if (path.isEmpty()) {
            return true;
        }
        if (path.charAt(0) != '/' || path.contains("//") || path.indexOf(';') >= 0 || path.indexOf('\\') >= 0) {
            return false;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")
                || lower.contains("%25")) {
            return false;
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
