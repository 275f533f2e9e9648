package org.tsunagu.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tsunagu.audit.control.Audit;
import org.tsunagu.problems.Problems;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The CSRF defence: refuses state-changing requests that a browser marks as coming from another site
 * (Sec-Fetch-Site, or an Origin that is not ours) before anything else sees them. Defence in depth
 * beside the Faces view state (every page form carries an unguessable one), the SameSite session
 * cookie and the API's Basic-only authentication (a page session cookie never authenticates /api).
 */
@ApplicationScoped
public class CsrfDefence {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Inject
    @ConfigProperty(name = "tsunagu.base.url", defaultValue = "http://127.0.0.1:8080")
    String baseUrl;

    @Inject
    Audit audit;

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(CsrfDefence.class.getName());

    /** Whether this request is a cross-site state change to refuse (see {@link #crossSite(HttpServletRequest, String)}). */
    public boolean refused(HttpServletRequest request) {
        return request.getDispatcherType() == DispatcherType.REQUEST && crossSite(request, publicHost(baseUrl));
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

    /**
     * Answers a refused cross-site request: a problem on the API, a short Japanese page elsewhere; and
     * audits it ({@code csrf.refused}: who was signed in, the path without its query, the method).
     */
    public void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try {
            String who = request.getRemoteUser();
            audit.recordApart(who == null ? "anonymous" : who, "csrf.refused", "request",
                    path.length() > 200 ? path.substring(0, 200) : path, request.getMethod());
        } catch (RuntimeException e) {
            LOG.warning(() -> "a refused cross-site request could not be audited (" + e.getClass().getSimpleName() + ")");
        }
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
