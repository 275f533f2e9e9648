package org.tsunagu.web.security;

import org.tsunagu.web.MapSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tsunagu.problems.Problems;

import java.io.IOException;
import java.net.URI;
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
 * It also refuses state-changing requests that a browser marks as coming from another site
 * (Sec-Fetch-Site, or an Origin that is not ours): defence in depth beside the Faces view state,
 * the SameSite session cookie and the API's Basic-only authentication.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CSP = "Content-Security-Policy";
    static final String HSTS = "max-age=31536000";
    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=_-]+)'");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Inject
    MapSettings map;

    @Inject
    @ConfigProperty(name = "tsunagu.base.url", defaultValue = "http://127.0.0.1:8080")
    String baseUrl;

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
    }

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

    /** Whether this request is a cross-site state change to refuse (see {@link #crossSite(HttpServletRequest, String)}). */
    public boolean refused(HttpServletRequest request) {
        return request.getDispatcherType() == DispatcherType.REQUEST && crossSite(request, publicHost(baseUrl));
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

    /**
     * A state-changing request that the browser says comes from another site (Sec-Fetch-Site), or
     * whose Origin is not this server's. Requests without either header (curl, API clients, old
     * browsers) pass: what protects them is the view state (pages) and Basic credentials (API).
     */
    static boolean crossSite(HttpServletRequest request, String publicHost) {
        if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return false;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return !site.equals("same-origin") && !site.equals("none");
        }
        String origin = request.getHeader("Origin");
        return origin != null && !ourHost(origin, request.getServerName(), publicHost);
    }

    /**
     * Whether an Origin names this server: the host the request was sent to, or the public host of
     * {@code tsunagu.base.url} (a load balancer may rewrite the Host header). Only the host is
     * compared: ports and schemes differ legitimately behind a TLS-terminating balancer.
     */
    static boolean ourHost(String origin, String serverName, String publicHost) {
        try {
            String host = URI.create(origin.strip()).getHost();
            return host != null && (host.equalsIgnoreCase(serverName) || host.equalsIgnoreCase(publicHost));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String publicHost(String baseUrl) {
        try {
            return baseUrl == null ? null : URI.create(baseUrl.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Answers a refused cross-site request: a problem on the API, a short Japanese page elsewhere. */
    public void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setStatus(403);
            response.setContentType(Problems.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Problems.document(403, "Forbidden",
                    "他のサイトから送られた要求は受け付けません。", null).toString());
        } else {
            // written here, not by the Faces error page: Faces would take the refused post for a postback
            ResourceBundle msg = ResourceBundle.getBundle("org.tsunagu.i18n.messages", Locale.JAPANESE);
            response.setStatus(403);
            response.setContentType("text/html");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"UTF-8\"><title>"
                    + msg.getString("error.crossSite") + "</title></head><body><main><h1 id=\"cross-site\">"
                    + msg.getString("error.crossSite") + "</h1><p>" + msg.getString("error.crossSite.help")
                    + "</p><p><a href=\"" + request.getContextPath() + "/\">" + msg.getString("error.home")
                    + "</a></p></main></body></html>");
        }
    }
}
