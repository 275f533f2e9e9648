package org.tsunagu.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a visitor chose for reading the pages: language (日本語 default, English), large text and
 * high contrast. Chosen with plain links (?lang=en, ?size=large, ?contrast=high, no JavaScript
 * needed) and remembered in cookies for a year, so an elderly reader sets it once. Nothing personal
 * is stored.
 */
@Named
@RequestScoped
public class Preferences {

    static final int ONE_YEAR = 365 * 24 * 3600;
    static final String LANG = "tsunagu-lang";
    static final String SIZE = "tsunagu-size";
    static final String CONTRAST = "tsunagu-contrast";

    private String lang;
    private String size;
    private String contrast;

    private void read() {
        if (lang != null) {
            return;
        }
        ExternalContext ctx = FacesContext.getCurrentInstance().getExternalContext();
        Map<String, String> params = ctx.getRequestParameterMap();
        Map<String, String> cookies = new HashMap<>();
        Cookie[] all = ((HttpServletRequest) ctx.getRequest()).getCookies();
        if (all != null) {
            for (Cookie c : all) {
                cookies.put(c.getName(), c.getValue());
            }
        }
        lang = choose(ctx, params.get("lang"), cookies.get(LANG), LANG, "ja", "en");
        size = choose(ctx, params.get("size"), cookies.get(SIZE), SIZE, "normal", "large");
        contrast = choose(ctx, params.get("contrast"), cookies.get(CONTRAST), CONTRAST, "normal", "high");
    }

    /** A parameter that names a known value wins and is remembered; else the cookie; else the default. */
    private static String choose(ExternalContext ctx, String param, String cookie, String name, String... known) {
        if (param != null && java.util.List.of(known).contains(param)) {
            Map<String, Object> props = new HashMap<>();
            props.put("maxAge", ONE_YEAR);
            props.put("path", ctx.getRequestContextPath().isEmpty() ? "/" : ctx.getRequestContextPath());
            props.put("httpOnly", Boolean.TRUE);
            props.put("SameSite", "Lax");
            ctx.addResponseCookie(name, param, props);
            return param;
        }
        return cookie != null && java.util.List.of(known).contains(cookie) ? cookie : known[0];
    }

    public Locale getLocale() {
        read();
        return "en".equals(lang) ? Locale.ENGLISH : Locale.JAPANESE;
    }

    public boolean isEnglish() {
        read();
        return "en".equals(lang);
    }

    public boolean isLargeText() {
        read();
        return "large".equals(size);
    }

    public boolean isHighContrast() {
        read();
        return "high".equals(contrast);
    }

    /** This page's URL with one option changed: switching language keeps the search on screen. */
    public String link(String name, String value) {
        // only the URL's own query: form fields of a POST (personal data in the alert form) never end up in a link
        return link(((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()).getQueryString(),
                name, value);
    }

    /**
     * The query with {@code name} set to {@code value}. A pair that is not valid percent-encoding
     * ({@code ?%zz=1}) is left out: it meant nothing to the page either, and must not fail it.
     */
    static String link(String query, String name, String value) {
        StringBuilder b = new StringBuilder("?");
        if (query != null) {
            for (String pair : query.split("&")) {
                String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                String decoded;
                try {
                    decoded = java.net.URLDecoder.decode(key, java.nio.charset.StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    continue;
                }
                if (!pair.isEmpty() && !decoded.equals(name)) {
                    b.append(pair).append('&');
                }
            }
        }
        return b.append(encode(name)).append('=').append(encode(value)).toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** CSS classes for the page body. */
    public String getBodyClass() {
        return (isLargeText() ? "large-text " : "") + (isHighContrast() ? "high-contrast" : "");
    }
}
