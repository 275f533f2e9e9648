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
        chain.doFilter(request, headers.withNonceFromPrimeFaces(response));
    }
}
