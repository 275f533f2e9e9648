package org.tsunagu;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small black-box HTTP client for the ITs: plain JDK HttpClient, JSON parsed with Jakarta JSON-P. */
public final class Api {

    public static final String DEMO_PASSWORD = "tsunagu-demo-2026";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private String authorization;

    public Api(URI base) {
        this.base = base;
    }

    /**
     * Payara Micro reports its URL with the machine's host name, but the servers of this project
     * listen on loopback only (config/pre-boot-commands.asadmin): talk to 127.0.0.1 on the same port.
     */
    public static URI loopback(java.net.URL url) {
        try {
            URI u = url.toURI();
            String path = u.getPath() == null || u.getPath().isEmpty() ? "/" : u.getPath();
            return new URI("http", null, "127.0.0.1", u.getPort(), path.endsWith("/") ? path : path + "/", null, null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public Api as(String user, String password) {
        Api api = new Api(base);
        api.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return api;
    }

    public Api asDemo(String user) {
        return as(user, DEMO_PASSWORD);
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply post(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public Reply postJson(String path, String json) {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public Reply patchJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST with one extra header (e.g. Idempotency-Key). */
    public Reply send(String path, String contentType, String body, String header, String value) {
        return send(request(path).header("Content-Type", contentType).header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply putJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    /**
     * A fresh word that the search analyzer keeps as one token (ASCII letters only, no digits that
     * would split it): {@code prefix} + ten random letters g–v.
     */
    public static String token(String prefix) {
        StringBuilder w = new StringBuilder(prefix);
        java.util.UUID.randomUUID().toString().replace("-", "").chars().limit(10)
                .forEach(c -> w.append((char) ('g' + Character.digit(c, 16))));
        return w.toString();
    }

    public static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private Reply send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, content type and body, with JSON accessors. */
    public record Reply(int status, String contentType, String body, HttpResponse<String> raw) {

        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray array() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
        }
    }
}
