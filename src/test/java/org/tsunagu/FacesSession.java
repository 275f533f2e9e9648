package org.tsunagu;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser for page tests: keeps the session cookie, follows redirects, and
 * posts a Faces form the way a browser would (its hidden fields, the view state, the pressed
 * button). Used where a real browser cannot do what is tested, e.g. posting the same form twice.
 */
public final class FacesSession {

    /** A page as received: where it ended up and its HTML. */
    public record Page(int status, URI uri, String html) {

        public boolean contains(String text) {
            return html.contains(text);
        }

        /** The text of the element with this id (tags stripped), or null. */
        public String text(String id) {
            Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</", Pattern.DOTALL).matcher(html);
            return m.find() ? m.group(1).replaceAll("<[^>]+>", "").strip() : null;
        }
    }

    private final URI root;
    private final CookieManager cookies;
    private final HttpClient http;

    public FacesSession(URI root) {
        this(root, new CookieManager());
    }

    public FacesSession(URI root, CookieManager cookies) {
        this.root = root;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * The same browser (its cookies) talking to another server of the same host, as behind a load
     * balancer that moved it to another instance.
     */
    public FacesSession at(URI otherRoot) {
        return new FacesSession(otherRoot, cookies);
    }

    public static FacesSession loggedIn(URI root, String user, String password) {
        FacesSession s = new FacesSession(root);
        Page login = s.get("login");
        s.post(login, "login", Map.of("username", user, "password", password), "submit");
        return s;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(root.resolve(path)).GET());
    }

    /** Posts form {@code formId} of {@code page} with its hidden fields, the given fields and the pressed button. */
    public Page post(Page page, String formId, Map<String, ?> fields, String button) {
        return post(page, formId, fields, button, Map.of());
    }

    /**
     * Posts like {@link #post(Page, String, Map, String)} with extra request headers (e.g. Origin);
     * a field given as null is left out (e.g. no jakarta.faces.ViewState).
     */
    public Page post(Page page, String formId, Map<String, ?> fields, String button, Map<String, String> headers) {
        Matcher form = form(page, formId);
        String action = attribute(form.group(0), "action").replace("&amp;", "&");
        Map<String, Object> data = hiddenFields(form);
        data.putAll(fields);
        data.values().removeIf(java.util.Objects::isNull);
        data.put(button, "x");
        String body = data.entrySet().stream().flatMap(e -> (e.getValue() instanceof List<?> l ? l : List.of(String.valueOf(e.getValue())))
                        .stream().map(v -> enc(e.getKey()) + "=" + enc(String.valueOf(v))))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(page.uri().resolve(action))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    /** A GET with this browser's cookies, as received (headers included), redirects followed. */
    public HttpResponse<String> raw(String path) {
        try {
            return http.send(HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of a cookie this browser holds for the server (e.g. JSESSIONID), or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().get(root).stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /**
     * Posts a {@code multipart/form-data} form (h:inputFile) the way a browser does: its hidden fields,
     * the given fields, one file and the pressed button.
     */
    public Page upload(Page page, String formId, Map<String, String> fields, String fileField, String fileName,
                       byte[] content, String button) {
        Matcher form = form(page, formId);
        String action = attribute(form.group(0), "action").replace("&amp;", "&");
        Map<String, Object> data = hiddenFields(form);
        data.putAll(fields);
        data.put(button, "x");
        String boundary = "----tsunagu" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        data.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(page.uri().resolve(action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The id of the first form on the page whose HTML contains {@code text} (e.g. a form per table row). */
    public static String formContaining(Page page, String text) {
        Matcher form = Pattern.compile("<form id=\"([^\"]+)\"(?:(?!</form>).)*?" + Pattern.quote(text), Pattern.DOTALL).matcher(page.html());
        if (!form.find()) {
            throw new AssertionError("no form with " + text + " on " + page.uri());
        }
        return form.group(1);
    }

    private static Matcher form(Page page, String formId) {
        Matcher form = Pattern.compile("<form id=\"" + Pattern.quote(formId) + "\"(.*?)</form>", Pattern.DOTALL).matcher(page.html());
        if (!form.find()) {
            throw new AssertionError("no form " + formId + " on " + page.uri());
        }
        return form;
    }

    private static Map<String, Object> hiddenFields(Matcher form) {
        Map<String, Object> data = new LinkedHashMap<>();
        Matcher hidden = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>").matcher(form.group(1));
        while (hidden.find()) {
            String name = attribute(hidden.group(), "name");
            if (name != null) {
                data.put(name, attribute(hidden.group(), "value"));
            }
        }
        return data;
    }

    /** The current values of a form's text inputs, checked boxes, selects and text areas — what a browser sends back. */
    public static Map<String, Object> values(Page page, String formId) {
        Map<String, Object> f = new LinkedHashMap<>();
        Matcher form = Pattern.compile("<form id=\"" + Pattern.quote(formId) + "\"(.*?)</form>", Pattern.DOTALL).matcher(page.html());
        if (!form.find()) {
            throw new AssertionError("no form " + formId);
        }
        String html = form.group(1);
        Matcher inputs = Pattern.compile("<input[^>]*>").matcher(html);
        while (inputs.find()) {
            String tag = inputs.group();
            String type = attribute(tag, "type");
            String name = attribute(tag, "name");
            if (name == null || "submit".equals(type) || "hidden".equals(type)
                    || (("checkbox".equals(type) || "radio".equals(type)) && !tag.contains("checked"))) {
                continue;
            }
            String value = attribute(tag, "value");
            f.put(name, value == null ? ("checkbox".equals(type) ? "on" : "") : unescape(value));
        }
        Matcher selects = Pattern.compile("<select[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(html);
        while (selects.find()) {
            Matcher selected = Pattern.compile("<option value=\"([^\"]*)\" selected").matcher(selects.group(2));
            f.put(selects.group(1), selected.find() ? unescape(selected.group(1)) : "");
        }
        Matcher areas = Pattern.compile("<textarea[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", Pattern.DOTALL).matcher(html);
        while (areas.find()) {
            f.put(areas.group(1), unescape(areas.group(2)));
        }
        return f;
    }

    static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(r.statusCode(), r.uri(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1) : null;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
