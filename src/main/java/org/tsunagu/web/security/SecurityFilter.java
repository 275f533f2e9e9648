package org.tsunagu.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Puts {@link SecurityHeaders} on every response that passes the filter chain (pages, API, static
 * files, error pages); the {@link CsrfDefence} refuses cross-site state changes before anything else sees them.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR, DispatcherType.ASYNC})
public class SecurityFilter extends HttpFilter {

    @Inject
    SecurityHeaders headers;

    @Inject
    CsrfDefence csrf;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        headers.apply(request, response);
        if (csrf.refused(request)) {
            csrf.refuse(request, response);
            return;
        }
        if (malformedPagePost(request)) {
            // Faces would meet the broken body first, deep in restoring the view, and answer 500
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, headers.withNonceFromPrimeFaces(response));
    }

    /**
     * A multipart post to a page whose body cannot be read (a broken boundary, a cut-off upload): read
     * here, so it is a 400 with the portal's error page. The parts are kept by the container, so a
     * well-formed upload is read once. The API reads its own bodies (problem+json).
     */
    static boolean malformedPagePost(HttpServletRequest request) {
        String type = request.getContentType();
        if (!"POST".equals(request.getMethod()) || type == null
                || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return false;
        }
        try {
            request.getParts();
            return false;
        } catch (IOException | ServletException | IllegalStateException e) {
            return true;
        }
    }
}
