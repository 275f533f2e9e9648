package org.tsunagu.web.security;

import org.tsunagu.web.MapSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browser-side defences every response carries (pages, API, static files, error pages): no
 * MIME sniffing, no framing (clickjacking), a referrer that never leaks paths to other sites, HSTS
 * when the request came over TLS (directly, or at the load balancer: the production pre-boot file
 * maps X-Forwarded-Proto to the request scheme), and a Content-Security-Policy.
 * <p>
 * Scripts run only from our own origin or with the nonce of the response. The nonce comes from
 * PrimeFaces (context parameter {@code primefaces.CSP}): while it renders a page it puts the nonce
 * on every {@code <script>} and moves inline event handlers (also Faces' own) into one nonce'd
 * block, and announces the nonce in a {@code Content-Security-Policy} header of its own. That
 * header is caught here and replaced by the full policy with the same nonce, so a page has exactly
 * one policy. Map tiles come from an external tile server: its origin is allowed as an image source.
 * Inline {@code style} attributes stay allowed (PrimeFaces and the templates use them; a style cannot
 * run code).
 * <p>
 * Cross-site state changes are refused by {@link CsrfDefence}, before this.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CSP = "Content-Security-Policy";
    static final String HSTS = "max-age=31536000";
    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=_-]+)'");

    @Inject
    MapSettings map;

    private volatile String tileOrigin;

    /**
     * Sets the headers on a response (idempotent). Called by {@link SecurityFilter} for every request
     * and by the authentication mechanism, which answers some requests (401, 429, the redirect to the
     * login page) before any filter runs.
     */
    public void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader(CSP, policy(tileOrigin(), null));
        if (request.isSecure() || "https".equalsIgnoreCase(request.getScheme())) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        if (mayHoldPersonalData(request)) {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        }
    }

    /**
     * Whether the answer may be someone's own or personal data, which no browser, proxy or shared
     * computer at a center may keep: anything asked for with credentials (Basic, or a session, which
     * only signed-in users and forms in progress have) and every page and API path of staff,
     * partners, admins and accounts. Style sheets, scripts and images stay cacheable.
     */
    static boolean mayHoldPersonalData(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/")) {
            return false;
        }
        for (String prefix : PRIVATE_PATHS) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return request.getHeader("Authorization") != null || request.getSession(false) != null;
    }

    private static final List<String> PRIVATE_PATHS = List.of("/staff", "/partner/", "/admin", "/account",
            "/api/v1/alerts", "/api/v1/accounts", "/api/v1/audit", "/api/v1/notifications", "/api/v1/corrections");

    /** The response as Faces renders into it: PrimeFaces' policy header becomes the whole policy with its nonce. */
    public HttpServletResponse withNonceFromPrimeFaces(HttpServletResponse response) {
        String tiles = tileOrigin();
        return new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, CSP.equalsIgnoreCase(name) ? policy(tiles, nonce(value)) : value);
            }

            @Override
            public void addHeader(String name, String value) {
                if (CSP.equalsIgnoreCase(name)) {
                    setHeader(name, value);
                } else {
                    super.addHeader(name, value);
                }
            }
        };
    }

    /**
     * The whole policy; with a nonce, inline scripts that carry it may run. {@code tileOrigin} is the
     * scheme and host of the map tile server (null: tiles from our own origin).
     */
    static String policy(String tileOrigin, String nonce) {
        return "default-src 'self'; "
                + "script-src 'self'" + (nonce == null ? "" : " 'nonce-" + nonce + "'") + "; "
                + "style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:" + (tileOrigin == null ? "" : " " + tileOrigin) + "; "
                + "font-src 'self' data:; "
                + "connect-src 'self'; "
                + "object-src 'none'; "
                + "base-uri 'self'; "
                + "form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    /** The nonce PrimeFaces put in its own policy header, or null. */
    static String nonce(String policy) {
        Matcher m = policy == null ? null : NONCE.matcher(policy);
        return m != null && m.find() ? m.group(1) : null;
    }

    /**
     * The origin (scheme://host[:port]) of a tile URL template such as
     * {@code https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png}; a {@code {s}} subdomain
     * placeholder becomes a {@code *} wildcard. Null for a relative template (our own origin) or one
     * that cannot be a CSP source.
     */
    static String tileOrigin(String template) {
        if (template == null) {
            return null;
        }
        int scheme = template.indexOf("://");
        if (scheme <= 0) {
            return null;
        }
        int end = template.indexOf('/', scheme + 3);
        String origin = (end < 0 ? template : template.substring(0, end)).replace("{s}", "*");
        String host = origin.substring(scheme + 3);
        if (!origin.substring(0, scheme).matches("(?i)https?") || !host.matches("(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
            return null;
        }
        return origin.toLowerCase(Locale.ROOT);
    }

    private String tileOrigin() {
        String t = tileOrigin;
        if (t == null) {
            String o = map == null ? null : tileOrigin(map.getTiles());
            t = o == null ? "" : o;
            tileOrigin = t;
        }
        return t.isEmpty() ? null : t;
    }
}
