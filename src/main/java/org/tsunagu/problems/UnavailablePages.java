package org.tsunagu.problems;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The pages' side of {@link DatabaseUnavailable}: a page that fails because the database cannot be
 * reached answers 503 with {@code Retry-After} and a short page 「ただいま混み合っているか、保守中です」
 * instead of the 500 error page. The page is written here, without Faces: the site template itself
 * reads the database (the municipality's name), so a Faces error page would fail the same way.
 * Texts come from the messages bundle (error.503*), in the visitor's language cookie.
 */
@WebFilter(urlPatterns = "/*", filterName = "UnavailablePages")
public class UnavailablePages extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted() || !DatabaseUnavailable.in(e)) {
                throw e;
            }
            DatabaseUnavailable.log("page " + request.getRequestURI(), e);
            response.reset();
            write(request, response);
        }
    }

    /** Writes the 503 page (also used by the login, which fails before any filter runs). */
    public static void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = Locale.JAPANESE;
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (c.getName().equals("tsunagu-lang") && c.getValue().equals("en")) {
                    locale = Locale.ENGLISH;
                }
            }
        }
        ResourceBundle msg = ResourceBundle.getBundle("org.tsunagu.i18n.messages", locale);
        response.setStatus(503);
        response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        String css = request.getContextPath() + "/jakarta.faces.resource/css/tsunagu.css.xhtml";
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\"/>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
                + "<title>" + html(msg.getString("error.503")) + " | " + html(msg.getString("site.name")) + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + html(css) + "\"/></head><body>"
                + "<header class=\"site-header\"><div class=\"wrap\"><a class=\"site-name\" href=\""
                + html(request.getContextPath()) + "/\">" + html(msg.getString("site.name")) + "</a></div></header>"
                + "<main id=\"main\" class=\"wrap\"><h1>" + html(msg.getString("error.503")) + "</h1>"
                + "<p>" + html(msg.getString("error.503.detail")) + "</p>"
                + "<p>" + html(msg.getString("error.503.urgent")) + "</p>"
                + "<p><a href=\"" + html(request.getRequestURI()) + "\">" + html(msg.getString("error.503.again")) + "</a></p>"
                + "</main></body></html>\n");
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
