package org.tsunagu.directory.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives every resource a readable address, /resources/42 (and its printable sheet /resources/42/print):
 * the filter forwards it to the detail page. Other paths under /resources (the style sheets) pass.
 */
@WebFilter("/resources/*")
public class ResourcePages extends HttpFilter {

    static final Pattern PAGE = Pattern.compile("/resources/([0-9]{1,18})(/print)?/?");
    public static final String ID = "org.tsunagu.resource.id";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher m = PAGE.matcher(path);
        if (!m.matches()) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(ID, m.group(1));
        String view = m.group(2) != null ? "/resource-print.xhtml" : "/resource.xhtml";
        request.getRequestDispatcher(view).forward(request, response);
    }
}
