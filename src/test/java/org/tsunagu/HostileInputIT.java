package org.tsunagu;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input over every endpoint and page (issue 8): malformed and deeply nested JSON, wrong
 * types, bodies over the 1 MiB limit, huge parameters and headers, invalid UTF-8, control and bidi
 * characters, Lucene and SQL syntax in {@code q}, path traversal, non-numeric and overflowing ids,
 * unknown codes, broken and mis-encoded CSV files, XML and multipart where JSON belongs, wrong
 * content types. The cases are a table (one record each, named in every failure); each must answer
 * in its expected range, never 5xx, the API with {@code application/problem+json} for every error
 * and the pages with a readable page without a stack trace; and nothing may have changed afterwards.
 */
class HostileInputIT extends PortalIT {

    /**
     * Where a case goes: the API (errors are problem+json), a page (HTML, no stack trace), or a
     * request the HTTP layer (Grizzly) refuses before any servlet sees it — a NUL or invalid UTF-8
     * in the path, request headers over 8 KiB, TRACE —, which may answer a 4xx without a body (if
     * it has one under /api/, it must still be a problem).
     */
    enum Kind { API, PAGE, HTTP }

    /** One hostile request. {@code as} is a demo user, {@code "session:<user>"} a signed-in page session, or null. */
    record Case(String name, Kind kind, String as, String method, String path, List<String[]> headers, byte[] body,
                int min, int max) {
    }

    static final List<String[]> NONE = List.of();
    static final String JSON = "application/json";
    static final String CSV = "text/csv";

    // --- payloads ------------------------------------------------------------------------------

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static String nested(String open, String close, int depth) {
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    /** Malformed JSON bodies, each named. */
    static Map<String, byte[]> malformedJson() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("empty body", new byte[0]);
        m.put("unclosed object", utf8("{\"name\":"));
        m.put("trailing comma", utf8("{\"name\":\"a\",}"));
        m.put("array instead of object", utf8("[1,2,3]"));
        m.put("bare string", utf8("\"hello\""));
        m.put("bare null", utf8("null"));
        m.put("two objects", utf8("{\"a\":1}{\"b\":2}"));
        m.put("single quotes", utf8("{'name':'a'}"));
        m.put("NaN literal", utf8("{\"lat\":NaN}"));
        m.put("10,000 nested arrays", utf8(nested("[", "]", 10_000)));
        m.put("10,000 nested objects", utf8(nested("{\"a\":", "}", 10_000)));
        m.put("invalid UTF-8 in a string", concat(utf8("{\"name\":\""), bytes(0xff, 0xfe, 0xc3, 0x28), utf8("\"}")));
        m.put("lone surrogate escape", utf8("{\"name\":\"\\ud800\",\"address\":\"\\udfff\",\"note\":\"\\ud800\",\"username\":\"\\ud800\"}"));
        m.put("NUL character escape", utf8("{\"name\":\"a\\u0000b\",\"address\":\"a\\u0000\",\"note\":\"\\u0000\",\"username\":\"a\\u0000\"}"));
        m.put("number 1e999999", utf8("{\"lat\":1e999999,\"version\":1e999999,\"partnerId\":1e999999}"));
        return m;
    }

    static String bigJson() {
        return "{\"name\":\"" + "あ".repeat(400_000) + "\"}"; // 1.2 MB of UTF-8
    }

    static final int SUGGEST_MAX = 50;
    static final String[] Q_SYNTAX = {"\"*:*", "*:*", "a AND (", "\\", "' OR 1=1 --", "~", "^", "/regex/", "name:*",
            "a~100000", "[a TO z]", "((((((((((", "\"", "*", "?", "a^999999999", "{!xmlparser}", "'; DROP TABLE resource; --",
            "%", "_", "NOT", "OR OR OR", "&&||!", "<script>alert(1)</script>", "a\u200Bb",
            "𠮷野家", "ｱｲｳ".repeat(60), "a/b/c", "../../etc/passwd"};

    // --- the table -----------------------------------------------------------------------------

    List<Case> cases(String resourceId, String alertId) {
        return cases(resourceId, alertId, "1");
    }

    /** @param correctionId a correction that is already closed: a well-formed close is a 409, never a change */
    List<Case> cases(String resourceId, String alertId, String correctionId) {
        List<Case> c = new ArrayList<>();
        // JSON endpoints: who may call them (so the body, not the role, is what is refused)
        record Endpoint(String name, String as, String method, String path) {
        }
        List<Endpoint> jsonEndpoints = List.of(
                new Endpoint("file alert", "partner", "POST", "api/v1/alerts"),
                new Endpoint("alert event", "core", "POST", "api/v1/alerts/" + alertId + "/events"),
                new Endpoint("create resource", "core", "POST", "api/v1/resources"),
                new Endpoint("replace resource", "core", "PUT", "api/v1/resources/" + resourceId),
                new Endpoint("report correction", null, "POST", "api/v1/resources/" + resourceId + "/corrections"),
                new Endpoint("close correction", "core", "POST", "api/v1/corrections/" + correctionId + "/close"),
                new Endpoint("create partner", "admin", "POST", "api/v1/partners"),
                new Endpoint("create account", "admin", "POST", "api/v1/accounts"),
                new Endpoint("patch account", "admin", "PATCH", "api/v1/accounts/staff"),
                new Endpoint("add synonyms", "admin", "POST", "api/v1/search/synonyms"));
        for (Endpoint e : jsonEndpoints) {
            malformedJson().forEach((what, body) ->
                    c.add(new Case(e.name + ": " + what, Kind.API, e.as, e.method, e.path, List.<String[]>of(new String[]{"Content-Type", JSON}), body, 400, 429)));
            c.add(new Case(e.name + ": body over 1 MiB", Kind.API, e.as, e.method, e.path,
                    List.<String[]>of(new String[]{"Content-Type", JSON}), utf8(bigJson()), 413, 413));
            c.add(new Case(e.name + ": XML body", Kind.API, e.as, e.method, e.path,
                    List.<String[]>of(new String[]{"Content-Type", "application/xml"}),
                    utf8("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"), 415, 415));
            c.add(new Case(e.name + ": multipart nonsense", Kind.API, e.as, e.method, e.path,
                    List.<String[]>of(new String[]{"Content-Type", "multipart/form-data; boundary=zzz"}),
                    utf8("--zzz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--yyy--"), 415, 415));
            c.add(new Case(e.name + ": text/plain", Kind.API, e.as, e.method, e.path,
                    List.<String[]>of(new String[]{"Content-Type", "text/plain"}), utf8("{\"a\":1}"), 415, 415));
            c.add(new Case(e.name + ": JSON in an unknown charset", Kind.API, e.as, e.method, e.path,
                    List.<String[]>of(new String[]{"Content-Type", "application/json; charset=x-no-such-charset"}), utf8("{\"a\":1}"), 400, 415));
            c.add(new Case(e.name + ": garbage content type", Kind.API, e.as, e.method, e.path,
                    List.<String[]>of(new String[]{"Content-Type", "%%%;;;=="}), utf8("{\"a\":1}"), 400, 415));
        }
        // wrong types and unknown codes, per endpoint
        String j = JSON;
        addJson(c, "file alert: wrong types", "partner", "POST", "api/v1/alerts",
                "{\"address\":12,\"lat\":\"north\",\"lon\":[1],\"observedAt\":42,\"anomalies\":7,\"urgency\":[\"urgent\"],\"reporterName\":{},\"reporterPhone\":true}");
        addJson(c, "file alert: unknown urgency and anomaly", "partner", "POST", "api/v1/alerts",
                "{\"address\":\"ひだまり市若葉2-3-5\",\"observedAt\":\"2026-11-23T09:40:00+09:00\",\"anomalies\":[\"alien_abduction\"],\"urgency\":\"apocalypse\",\"reporterName\":\"a\",\"reporterPhone\":\"1\"}");
        addJson(c, "file alert: lat 1e308 and lon -Infinity-ish", "partner", "POST", "api/v1/alerts",
                "{\"lat\":1e308,\"lon\":-1e308,\"observedAt\":\"2026-11-23T09:40:00+09:00\",\"anomalies\":[\"other\"],\"urgency\":\"info\",\"reporterName\":\"a\",\"reporterPhone\":\"1\"}");
        addJson(c, "file alert: observedAt year 999999999", "partner", "POST", "api/v1/alerts",
                "{\"address\":\"ひだまり市若葉2-3-5\",\"observedAt\":\"+999999999-01-01T00:00:00Z\",\"anomalies\":[\"other\"],\"urgency\":\"info\",\"reporterName\":\"a\",\"reporterPhone\":\"1\"}");
        addJson(c, "file alert: RLO and NUL in names", "partner", "POST", "api/v1/alerts",
                "{\"address\":\"ひだまり市若葉2-3-5\",\"observedAt\":\"2026-11-23T09:40:00+09:00\",\"anomalies\":[\"other\"],\"urgency\":\"info\",\"reporterName\":\"\\u202Egnp.exe\",\"reporterPhone\":\"1\\u0000\"}");
        addJson(c, "file alert: 10,000 anomalies", "partner", "POST", "api/v1/alerts",
                "{\"anomalies\":[" + "\"other\",".repeat(9_999) + "\"other\"]}");
        c.add(new Case("file alert: Idempotency-Key of 101 characters", Kind.API, "partner", "POST", "api/v1/alerts",
                List.of(new String[]{"Content-Type", j}, new String[]{"Idempotency-Key", "k".repeat(101)}), utf8("{}"), 400, 400));
        c.add(new Case("file alert: Idempotency-Key of 10,000 characters", Kind.HTTP, "partner", "POST", "api/v1/alerts",
                List.of(new String[]{"Content-Type", j}, new String[]{"Idempotency-Key", "k".repeat(10_000)}), utf8("{}"), 400, 400));
        addJson(c, "alert event: unknown type", "core", "POST", "api/v1/alerts/" + alertId + "/events", "{\"type\":\"explode\"}");
        addJson(c, "alert event: unknown outcome", "core", "POST", "api/v1/alerts/" + alertId + "/events", "{\"type\":\"resolve\",\"outcome\":\"vanished\"}");
        addJson(c, "alert event: transfer to a traversal", "core", "POST", "api/v1/alerts/" + alertId + "/events", "{\"type\":\"transfer\",\"toCenter\":\"../../etc/passwd\",\"note\":\"x\"}");
        addJson(c, "alert event: wrong types", "core", "POST", "api/v1/alerts/" + alertId + "/events", "{\"type\":1,\"note\":[],\"assignee\":{}}");
        addJson(c, "alert event: note over 4,000 characters", "core", "POST", "api/v1/alerts/" + alertId + "/events", "{\"type\":\"note\",\"note\":\"" + "x".repeat(4_001) + "\"}");
        addJson(c, "create resource: wrong types", "core", "POST", "api/v1/resources",
                "{\"name\":12,\"category\":[\"salon\"],\"homeVisit\":\"yes\",\"lat\":\"north\",\"lon\":{},\"accessibility\":{\"a\":1},\"departments\":5}");
        addJson(c, "create resource: unknown category and status", "core", "POST", "api/v1/resources",
                "{\"name\":\"x\",\"category\":\"casino\",\"address\":\"ひだまり市若葉2-3-5\",\"status\":\"secret\"}");
        addJson(c, "create resource: lat 91, lon 181", "core", "POST", "api/v1/resources",
                "{\"name\":\"x\",\"category\":\"salon\",\"address\":\"ひだまり市若葉2-3-5\",\"lat\":91,\"lon\":181}");
        addJson(c, "create resource: javascript: URL and bad email", "core", "POST", "api/v1/resources",
                "{\"name\":\"x\",\"category\":\"salon\",\"address\":\"ひだまり市若葉2-3-5\",\"url\":\"javascript:alert(1)\",\"email\":\"<script>@x\"}");
        addJson(c, "create resource: center traversal", "core", "POST", "api/v1/resources",
                "{\"name\":\"x\",\"category\":\"salon\",\"address\":\"ひだまり市若葉2-3-5\",\"centerCode\":\"../../../etc/passwd\"}");
        addJson(c, "create resource: name over 200 characters", "core", "POST", "api/v1/resources",
                "{\"name\":\"" + "名".repeat(201) + "\",\"category\":\"salon\",\"address\":\"ひだまり市若葉2-3-5\"}");
        addJson(c, "create resource: RLO in the name", "core", "POST", "api/v1/resources",
                "{\"name\":\"\\u202Eパッサ\",\"category\":\"salon\",\"address\":\"ひだまり市若葉2-3-5\"}");
        addJson(c, "create resource: 10,000 accessibility items", "core", "POST", "api/v1/resources",
                "{\"name\":\"x\",\"category\":\"salon\",\"accessibility\":[" + "\"a\",".repeat(9_999) + "\"a\"]}");
        addJson(c, "replace resource: version a string", "core", "PUT", "api/v1/resources/" + resourceId, "{\"name\":\"x\",\"version\":\"one\"}");
        addJson(c, "replace resource: version 2^64", "core", "PUT", "api/v1/resources/" + resourceId, "{\"name\":\"x\",\"version\":18446744073709551616}");
        addJson(c, "replace resource: version -1", "core", "PUT", "api/v1/resources/" + resourceId, "{\"name\":\"x\",\"category\":\"salon\",\"address\":\"ひだまり市若葉2-3-5\",\"version\":-1}");
        addJson(c, "replace resource: version 1.5", "core", "PUT", "api/v1/resources/" + resourceId, "{\"name\":\"x\",\"version\":1.5}");
        c.add(new Case("replace resource: If-Match garbage", Kind.API, "core", "PUT", "api/v1/resources/" + resourceId,
                List.of(new String[]{"Content-Type", j}, new String[]{"If-Match", "\"not-a-version\""}), utf8("{\"name\":\"x\"}"), 400, 412));
        c.add(new Case("replace resource: If-Match with UTF-8 bytes", Kind.HTTP, "core", "PUT", "api/v1/resources/" + resourceId,
                List.of(new String[]{"Content-Type", j}, new String[]{"If-Match", "\"1\u202E\""}), utf8("{\"name\":\"x\"}"), 400, 412));
        c.add(new Case("replace resource: If-Match 99999999999999999999", Kind.API, "core", "PUT", "api/v1/resources/" + resourceId,
                List.of(new String[]{"Content-Type", j}, new String[]{"If-Match", "\"99999999999999999999\""}), utf8("{\"name\":\"x\"}"), 400, 412));
        addJson(c, "report correction: unknown kind", null, "POST", "api/v1/resources/" + resourceId + "/corrections", "{\"kind\":\"lies\"}");
        addJson(c, "report correction: kind a number", null, "POST", "api/v1/resources/" + resourceId + "/corrections", "{\"kind\":5,\"message\":[]}");
        addJson(c, "close correction: wrong type", "core", "POST", "api/v1/corrections/" + correctionId + "/close", "{\"note\":42}");
        addJson(c, "create partner: unknown type, bad municipality and date", "admin", "POST", "api/v1/partners",
                "{\"name\":\"x\",\"type\":\"mafia\",\"municipality\":\"' OR 1=1 --\",\"agreementDate\":\"2026-02-30\"}");
        addJson(c, "create partner: wrong types", "admin", "POST", "api/v1/partners", "{\"name\":[],\"type\":1,\"municipality\":990001}");
        addJson(c, "create account: unknown role", "admin", "POST", "api/v1/accounts",
                "{\"username\":\"hostile-root\",\"password\":\"correct horse battery staple 9\",\"role\":\"root\"}");
        addJson(c, "create account: partnerId 2^63", "admin", "POST", "api/v1/accounts",
                "{\"username\":\"hostile-p\",\"password\":\"correct horse battery staple 9\",\"role\":\"partner\",\"partnerId\":9223372036854775808}");
        addJson(c, "create account: username with traversal and NUL", "admin", "POST", "api/v1/accounts",
                "{\"username\":\"../admin\\u0000\",\"password\":\"correct horse battery staple 9\",\"role\":\"staff\",\"centerCode\":\"x\"}");
        addJson(c, "create account: mustChangePassword a string", "admin", "POST", "api/v1/accounts",
                "{\"username\":\"hostile-m\",\"password\":\"correct horse battery staple 9\",\"role\":\"admin\",\"mustChangePassword\":\"yes\"}");
        addJson(c, "patch account: enabled a string", "admin", "PATCH", "api/v1/accounts/staff", "{\"enabled\":\"no\"}");
        addJson(c, "patch account: weak password", "admin", "PATCH", "api/v1/accounts/staff", "{\"password\":\"123\"}");
        addJson(c, "add synonyms: one term", "admin", "POST", "api/v1/search/synonyms", "{\"terms\":[\"a\"]}");
        addJson(c, "add synonyms: 10,000 terms", "admin", "POST", "api/v1/search/synonyms", "{\"terms\":[" + "\"a\",".repeat(9_999) + "\"b\"]}");
        addJson(c, "add synonyms: Solr syntax", "admin", "POST", "api/v1/search/synonyms", "{\"terms\":[\"a => b\",\"c,d\"]}");

        // a declared length far over the limit is refused before reading; a chunked one while reading
        c.add(new Case("create resource: declared 20 MB", Kind.API, "core", "POST", "api/v1/resources",
                List.of(new String[]{"Content-Type", j}, new String[]{"Content-Length", "20000000"}), utf8("{}"), 413, 413));
        c.add(new Case("file alert: chunked 1.2 MB", Kind.API, "partner", "POST", "api/v1/alerts",
                List.of(new String[]{"Content-Type", j}, new String[]{"Transfer-Encoding", "chunked"}), utf8(bigJson()), 413, 413));

        // search: Lucene and SQL syntax are text (200), broken parameters 400
        for (String q : Q_SYNTAX) {
            c.add(get("search q=" + q, null, "api/v1/resources?q=" + Api.q(q), 200, 200));
            int suggest = q.length() > SUGGEST_MAX ? 400 : 200;
            c.add(get("suggest q=" + q, null, "api/v1/suggest?q=" + Api.q(q), suggest, suggest));
        }
        String[][] badSearch = {{"page=-1", "page=-1"}, {"size=0", "size=0"}, {"size=101", "size=101"},
                {"size=2^31", "size=2147483648"}, {"page=2^31-1", "page=2147483647"}, {"page=1e3", "page=1e3"},
                {"size=abc", "size=abc"}, {"size=-2^63", "size=-9223372036854775808"}, {"date=2026-13-45", "date=2026-13-45"},
                {"date=+999999999-01-01", "date=%2B999999999-01-01"}, {"lat=NaN", "lat=NaN&lon=1"},
                {"lat=Infinity", "lat=Infinity&lon=0"}, {"lat only", "lat=35"}, {"radius=-1", "lat=35&lon=139&radius=-1"},
                {"radius=1e309", "lat=35&lon=139&radius=1e309"}, {"sort=evil", "sort=evil"}, {"sort=distance without point", "sort=distance"},
                {"category=casino", "category=casino"}, {"weekday=funday", "weekday=funday"}, {"municipality=abc", "municipality=abc"},
                {"municipality=SQL", "municipality=" + Api.q("' OR 1=1 --")}, {"homeVisit=maybe", "homeVisit=maybe"},
                {"free=1", "free=1"}, {"q with NUL", "q=a%00b"}, {"q with ESC", "q=%1B%5B31m"}, 
                {"q with RLO", "q=%E2%80%AEgnp.exe"}, {"near of 1,000 characters", "near=" + "若".repeat(1_000)},
                {"near NUL", "near=%00"}, {"highlight=yes", "highlight=yes"}};
        for (String[] b : badSearch) {
            c.add(get("search " + b[0], null, "api/v1/resources?" + b[1], 400, 400));
        }
        c.add(get("search q invalid UTF-8 (read as U+FFFD)", null, "api/v1/resources?q=%FF%FE%C3%28", 200, 400));
        c.add(get("search q with a lone surrogate (read as U+FFFD)", null, "api/v1/resources?q=%ED%A0%80", 200, 400));
        c.add(get("search q broken percent escape", null, "api/v1/resources?q=%ZZ%", 200, 400));
        c.add(get("search q of 7,000 characters", null, "api/v1/resources?q=" + "a".repeat(7_000), 400, 400));
        c.add(http("suggest q of 10,000 characters", null, "api/v1/suggest?q=" + "a".repeat(10_000), 400, 400));
        c.add(get("suggest municipality=x", null, "api/v1/suggest?q=a&municipality=x", 400, 400));
        c.add(http("search 40 KB query string", null, "api/v1/resources?q=" + "b".repeat(40_000), 400, 431));
        // ids: non-numeric, overflowing, negative, traversal
        String[] badIds = {"abc", "-1", "0", "99999999999999999999", "1e3", "1%00", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "1%3BDROP", "%E2%80%AE1", "%FF"};
        for (String id : badIds) {
            // NUL and invalid UTF-8 in a path are refused by the HTTP layer
            Kind kind = id.contains("%00") || id.contains("%FF") ? Kind.HTTP : Kind.API;
            c.add(get(kind, "resource id " + id, null, "api/v1/resources/" + id, 400, 404));
            c.add(get(kind, "calendar id " + id, null, "api/v1/resources/" + id + "/calendar.ics", 400, 404));
            c.add(get(kind, "history id " + id, "core", "api/v1/resources/" + id + "/history", 400, 404));
            c.add(get(kind, "alert id " + id, "core", "api/v1/alerts/" + id, 400, 404));
            c.add(get(kind, "notification id " + id, "core", "api/v1/notifications/" + id, 400, 404));
            c.add(get(kind, "center code " + id, null, "api/v1/centers/" + id, 400, 404));
            c.add(new Case("delete resource " + id, kind, "core", "DELETE", "api/v1/resources/" + id, NONE, null, 400, 404));
            c.add(new Case("verify resource " + id, kind, "core", "POST", "api/v1/resources/" + id + "/verify", NONE, null, 400, 404));
            c.add(new Case("retry notification " + id, kind, "core", "POST", "api/v1/notifications/" + id + "/retry", NONE, null, 400, 404));
            c.add(new Case("delete synonyms " + id, kind, "admin", "DELETE", "api/v1/search/synonyms/" + id, NONE, null, 400, 404));
            c.add(new Case("alert event on " + id, kind, "core", "POST", "api/v1/alerts/" + id + "/events",
                    List.<String[]>of(new String[]{"Content-Type", j}), utf8("{\"type\":\"note\",\"note\":\"x\"}"), 400, 404));
            c.add(new Case("close correction " + id, kind, "core", "POST", "api/v1/corrections/" + id + "/close",
                    List.<String[]>of(new String[]{"Content-Type", j}), utf8("{}"), 400, 404));
        }
        c.add(new Case("patch unknown account with a long name", Kind.API, "admin", "PATCH", "api/v1/accounts/" + "u".repeat(5_000),
                List.<String[]>of(new String[]{"Content-Type", j}), utf8("{\"enabled\":false}"), 400, 404));
        // path traversal outside the API
        String[] traversals = {"/api/v1/../../../../etc/passwd", "/api/v1/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                "/api/v1/resources/..%2f..%2f..%2fetc%2fpasswd", "/api/v1/..;/WEB-INF/web.xml", "/api/v1/%2e%2e%2fWEB-INF%2fweb.xml"};
        for (String t : traversals) {
            c.add(new Case("traversal " + t, t.contains("/../") || t.contains("%2e%2e/") ? Kind.HTTP : Kind.API, null, "GET", t, NONE, null, 400, 404));
        }
        String[] pageTraversals = {"/WEB-INF/web.xml", "/resources/css/../../WEB-INF/web.xml", "/resources/%2e%2e/WEB-INF/web.xml",
                "/jakarta.faces.resource/..%2f..%2fWEB-INF%2fweb.xml.xhtml", "/jakarta.faces.resource/web.xml.xhtml?ln=..",
                "/jakarta.faces.resource/web.xml.xhtml?ln=../WEB-INF", "/resources/..%5c..%5cWEB-INF%5cweb.xml",
                "/%2e%2e/%2e%2e/etc/passwd", "/index.xhtml%00.txt", "/WEB-INF/templates/page.xhtml"};
        for (String t : pageTraversals) {
            // the Faces resource handler answers an unknown resource with a bare 404, as the HTTP layer does
            boolean bare = t.contains("%5c") || t.contains("%00") || t.startsWith("/%2e") || t.contains("ln=");
            c.add(new Case("page traversal " + t, bare ? Kind.HTTP : Kind.PAGE, null, "GET", t, NONE, null, 302, 404));
        }
        // other query parameters
        c.add(get("centers municipality=abc", null, "api/v1/centers?municipality=abc", 400, 400));
        c.add(get("lookup without address", null, "api/v1/centers/lookup", 400, 400));
        c.add(get("lookup address of 5,000 characters", null, "api/v1/centers/lookup?address=" + "若".repeat(5_000), 400, 400));
        c.add(get("lookup address with NUL", null, "api/v1/centers/lookup?address=%00%00", 400, 400));
        c.add(get("lookup municipality SQL", null, "api/v1/centers/lookup?address=a&municipality=" + Api.q("1' OR '1'='1"), 400, 400));
        c.add(get("partners municipality=../..", null, "api/v1/partners?municipality=" + Api.q("../.."), 400, 400));
        c.add(get("alerts status=burning", "core", "api/v1/alerts?status=burning", 400, 400));
        c.add(get("alerts urgency=x", "core", "api/v1/alerts?urgency=x", 400, 400));
        c.add(get("alerts page=-1", "core", "api/v1/alerts?page=-1", 400, 400));
        c.add(get("alerts size=1000000", "core", "api/v1/alerts?size=1000000", 400, 400));
        c.add(get("alerts page=2^31 size=100", "core", "api/v1/alerts?page=2147483647&size=100", 400, 400));
        c.add(get("alerts center=unknown", "core", "api/v1/alerts?center=" + Api.q("<x>"), 400, 400));
        c.add(get("audit from=yesterday", "admin", "api/v1/audit?from=yesterday", 400, 400));
        c.add(get("audit size=-5", "admin", "api/v1/audit?size=-5", 400, 400));
        c.add(get("audit page=99999999999", "admin", "api/v1/audit?page=99999999999", 400, 400));
        c.add(get("stats from=2026-13", "core", "api/v1/stats/alerts?from=2026-13", 400, 400));
        c.add(get("stats groupBy=password", "core", "api/v1/stats/alerts?groupBy=password", 400, 400));
        c.add(get("stats from after to", "core", "api/v1/stats/alerts?from=2026-09&to=2026-04", 400, 400));
        c.add(get("stats year 99999", "core", "api/v1/stats/alerts?from=99999-01", 400, 400));
        c.add(get("export format=../../etc/passwd", "core", "api/v1/exports/resources?format=" + Api.q("../../etc/passwd"), 400, 400));
        c.add(get("export format=xml", "core", "api/v1/exports/resources?format=xml", 400, 400));
        c.add(get("export category=casino", "core", "api/v1/exports/resources?format=csv&category=casino", 400, 400));
        c.add(get("booklet without center or region", null, "api/v1/booklets", 400, 400));
        c.add(get("booklet center and region", null, "api/v1/booklets?center=x&region=y", 400, 400));
        c.add(get("booklet unknown center", null, "api/v1/booklets?center=" + Api.q("<script>"), 400, 404));
        c.add(get("booklet category=casino", null, "api/v1/booklets?region=" + Api.q("北部") + "&category=casino", 400, 400));
        c.add(http("booklet 10,000 categories", null, "api/v1/booklets?region=" + Api.q("北部") + "&category=" + "salon,".repeat(2_000), 400, 400));
        // headers
        c.add(new Case("Accept: application/xml", Kind.API, null, "GET", "api/v1/categories",
                List.<String[]>of(new String[]{"Accept", "application/xml"}), null, 406, 406));
        c.add(new Case("Accept: garbage", Kind.API, null, "GET", "api/v1/categories",
                List.<String[]>of(new String[]{"Accept", "%%%/;;q=zz"}), null, 200, 406));
        c.add(new Case("Authorization: not base64", Kind.API, null, "GET", "api/v1/alerts/mine",
                List.<String[]>of(new String[]{"Authorization", "Basic !!!***"}), null, 401, 401));
        c.add(new Case("Authorization: no colon", Kind.API, null, "GET", "api/v1/alerts/mine",
                List.<String[]>of(new String[]{"Authorization", "Basic " + Base64.getEncoder().encodeToString(utf8("nocolon"))}), null, 401, 401));
        c.add(new Case("Authorization: NUL in the user", Kind.API, null, "GET", "api/v1/alerts/mine",
                List.<String[]>of(new String[]{"Authorization", "Basic " + Base64.getEncoder().encodeToString(utf8("adm\u0000in:x"))}), null, 401, 401));
        c.add(new Case("Authorization: invalid UTF-8", Kind.API, null, "GET", "api/v1/alerts/mine",
                List.<String[]>of(new String[]{"Authorization", "Basic " + Base64.getEncoder().encodeToString(bytes(0xff, 0x3a, 0xfe))}), null, 401, 401));
        c.add(new Case("Authorization: 6 KB user name", Kind.API, null, "GET", "api/v1/alerts/mine",
                List.<String[]>of(new String[]{"Authorization", "Basic " + Base64.getEncoder().encodeToString(utf8("u".repeat(4_000) + ":p"))}), null, 401, 401));
        c.add(new Case("Authorization: Bearer", Kind.API, null, "GET", "api/v1/alerts/mine",
                List.<String[]>of(new String[]{"Authorization", "Bearer eyJhbGciOiJub25lIn0.e30."}), null, 401, 401));
        c.add(new Case("Authorization: SQL as user", Kind.API, null, "GET", "api/v1/alerts/mine",
                List.<String[]>of(new String[]{"Authorization", "Basic " + Base64.getEncoder().encodeToString(utf8("' OR 1=1 --:x"))}), null, 401, 401));
        c.add(new Case("header of 64 KB", Kind.HTTP, null, "GET", "api/v1/categories",
                List.<String[]>of(new String[]{"X-Filler", "x".repeat(65_536)}), null, 400, 431));
        c.add(new Case("X-HTTP-Method-Override DELETE", Kind.API, "core", "POST", "api/v1/resources/" + resourceId + "/verify",
                List.<String[]>of(new String[]{"X-HTTP-Method-Override", "DELETE"}), null, 200, 200));
        c.add(new Case("method TRACE", Kind.HTTP, null, "TRACE", "api/v1/categories", NONE, null, 400, 405));
        c.add(new Case("method PROPFIND", Kind.API, null, "PROPFIND", "api/v1/categories", NONE, null, 400, 405));
        c.add(new Case("PUT on a collection", Kind.API, "core", "PUT", "api/v1/resources",
                List.<String[]>of(new String[]{"Content-Type", j}), utf8("{}"), 405, 405));
        // CSV imports: broken and mis-encoded files
        Map<String, byte[]> csv = new LinkedHashMap<>();
        csv.put("empty file", new byte[0]);
        csv.put("only a BOM", bytes(0xef, 0xbb, 0xbf));
        csv.put("binary (PNG header)", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0, 0xfe));
        csv.put("unbalanced quote", utf8("name,category\n\"never closed,salon\n"));
        csv.put("UTF-16LE", "name,category\r\nサロン,salon\r\n".getBytes(StandardCharsets.UTF_16LE));
        csv.put("invalid UTF-8 and Shift_JIS mixed", concat(utf8("name,category\n"), bytes(0x83, 0x54, 0xe3, 0x81, 0xff, 0x2c, 0x73, 0x0a)));
        csv.put("10,000 columns", utf8("a,".repeat(10_000) + "b\n1\n"));
        csv.put("NUL bytes", utf8("name\u0000,category\nx\u0000,salon\n"));
        csv.put("header only garbage", utf8("<?xml version=\"1.0\"?><x/>"));
        csv.put("formula injection with a broken row", utf8("external_id,name,category,address\nh-1,\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",casino,\n"));
        for (String importPath : List.of("api/v1/imports/towns", "api/v1/imports/centers", "api/v1/imports/resources?format=tsunagu",
                "api/v1/imports/resources?format=jp-medical", "api/v1/imports/resources?format=jp-care", "api/v1/imports/resources?format=mhlw-care")) {
            csv.forEach((what, body) -> c.add(new Case(importPath + ": " + what, Kind.API, "admin", "POST", importPath,
                    List.<String[]>of(new String[]{"Content-Type", CSV}), body, 400, 400)));
            c.add(new Case(importPath + ": JSON instead of CSV", Kind.API, "admin", "POST", importPath,
                    List.<String[]>of(new String[]{"Content-Type", JSON}), utf8("{}"), 415, 415));
            // resource and town imports take the national files (TSUNAGU_IMPORT_MAX_BYTES): 2 MB is read, and refused for
            // its content; a centers file is a municipality's own short list, 1 MiB at most
            int twoMb = importPath.contains("centers") ? 413 : 400;
            c.add(new Case(importPath + ": 2 MB without the format's columns", Kind.API, "admin", "POST", importPath,
                    List.<String[]>of(new String[]{"Content-Type", CSV}), utf8("a,b\n" + "x,y\n".repeat(500_000)), twoMb, twoMb));
            c.add(new Case(importPath + ": declared larger than the import limit", Kind.API, "admin", "POST", importPath,
                    List.of(new String[]{"Content-Type", CSV}, new String[]{"Content-Length", "3000000000"}), utf8("a,b\n"), 413, 413));
        }
        c.add(new Case("resource import: format=../../etc", Kind.API, "admin", "POST", "api/v1/imports/resources?format=" + Api.q("../../etc"),
                List.<String[]>of(new String[]{"Content-Type", CSV}), utf8("a\n"), 400, 400));
        c.add(new Case("resource import: dryRun=maybe", Kind.API, "admin", "POST", "api/v1/imports/resources?format=tsunagu&dryRun=maybe",
                List.<String[]>of(new String[]{"Content-Type", CSV}), utf8("a\n"), 400, 400));
        c.add(new Case("resource import: formula cells, dry run", Kind.API, "core", "POST", "api/v1/imports/resources?format=tsunagu&dryRun=true",
                List.<String[]>of(new String[]{"Content-Type", CSV}), utf8("external_id,name,category,address\nh-2,=cmd|' /C calc'!A0,salon,+SUM(1)\nh-3,@SUM(1+1),salon,-2+3\n"), 200, 400));
        c.add(new Case("centers import: municipality SQL", Kind.API, "admin", "POST", "api/v1/imports/centers?municipality=" + Api.q("'; DROP TABLE center; --"),
                List.<String[]>of(new String[]{"Content-Type", CSV}), utf8("a\n"), 400, 400));
        c.add(new Case("centers import: address of 150 characters", Kind.API, "admin", "POST", "api/v1/imports/centers",
                List.<String[]>of(new String[]{"Content-Type", CSV}), utf8("center_code,name,kind,address,phone,city_code\nh-c,x,commissioned,"
                        + "若".repeat(150) + ",099,990001\n"), 400, 400));
        c.add(new Case("centers import: name, region, phone over their columns", Kind.API, "admin", "POST", "api/v1/imports/centers",
                List.<String[]>of(new String[]{"Content-Type", CSV}), utf8("center_code,name,kind,region,address,phone,city_code\nh-c,"
                        + "名".repeat(201) + ",commissioned," + "圏".repeat(101) + ",若葉," + "0".repeat(41) + ",990001\n"), 400, 400));
        c.add(new Case("towns import: names over their columns", Kind.API, "admin", "POST", "api/v1/imports/towns",
                List.<String[]>of(new String[]{"Content-Type", CSV}), utf8("city_code,pref_name,city_name,town,lat,lon,center_code\n990001,"
                        + "県".repeat(300) + "," + "市".repeat(300) + "," + "町".repeat(300) + ",35.7,139.4,hidamari-core\n"), 400, 400));
        c.add(new Case("towns import: NaN and 1e999 coordinates", Kind.API, "admin", "POST", "api/v1/imports/towns",
                List.<String[]>of(new String[]{"Content-Type", CSV}), utf8("city_code,pref_name,city_name,town,lat,lon,center_code\n990001,"
                        + "みらい県,ひだまり市,若葉,NaN,1e999,hidamari-core\n"), 400, 400));
        c.add(new Case("towns import: Shift_JIS declared, UTF-8 sent", Kind.API, "admin", "POST", "api/v1/imports/towns",
                List.<String[]>of(new String[]{"Content-Type", "text/csv; charset=Shift_JIS"}), utf8("市区町村コード,町名\n990001,若葉\u202E\n"), 400, 400));
        // pages: hostile query strings give a readable page, never an error trace
        String[] searchPage = {"q=" + Api.q("\"*:* AND ("), "q=" + Api.q("' OR 1=1 --"), "q=%00%1B", "q=" + "a".repeat(5_000),
                "date=2026-99-99", "lat=NaN&lon=NaN", "lat=1e999&lon=1", "page=-1", "page=99999999999", "size=999999",
                "sort=%3Cscript%3E", "category=casino&weekday=funday", "near=%E2%80%AE", "radius=-5&lat=35&lon=139", "q=%FF%FE"};
        for (String qs : searchPage) {
            c.add(new Case("search page ?" + RawHttp.abbreviated(qs), Kind.PAGE, null, "GET", "/?" + qs, NONE, null, 200, 400));
        }
        String[][] pages = {
                {null, "/resources/99999999999999999999"}, {null, "/resources/0"}, {null, "/resources/abc"}, {null, "/resources/-1/print"},
                {null, "/resources/1%00"}, {null, "/centers/lookup?address=%00%1B%E2%80%AE"}, {null, "/centers/lookup?address=" + "若".repeat(3_000)},
                {null, "/correction?resource=abc"}, {null, "/correction?resource=99999999999999999999"}, {null, "/login?next=" + Api.q("https://evil.example/")},
                {null, "/login?next=" + Api.q("javascript:alert(1)")}, {null, "/centers/booklet?municipality=x"},
                {"session:core", "/staff/alert?id=abc"}, {"session:core", "/staff/alert?id=99999999999999999999"},
                {"session:core", "/staff/resources?status=bogus&category=casino&stale=maybe"}, {"session:core", "/staff/alerts?show=all%00&center=..%2F.."},
                {"session:core", "/staff/stats?from=2026-99&to=x&groupBy=password"}, {"session:core", "/staff/stats.csv?from=x"},
                {"session:core", "/staff/audit?page=-1&size=abc&from=yesterday"}, {"session:core", "/staff/resource?id=abc"},
                {"session:core", "/staff/resource?id=99999999999999999999"}, {"session:core", "/staff/unsent?notification=abc"},
                {"session:partner", "/partner/receipt?no=" + Api.q("<script>alert(1)</script>")}, {"session:admin", "/admin/accounts?edit=" + Api.q("../../x")},
                {null, "/staff/alerts"}, {null, "/?lang=%3Cscript%3E&size=huge&contrast=%00"}};
        for (String[] p : pages) {
            c.add(new Case("page " + RawHttp.abbreviated(p[1]), p[1].contains("%00") && !p[1].contains("?") ? Kind.HTTP : Kind.PAGE, p[0], "GET", p[1], NONE, null, 200, 404));
        }
        // posting to a page without a view state, or a forged one
        c.add(new Case("page post without view state", Kind.PAGE, null, "POST", "/login",
                List.<String[]>of(new String[]{"Content-Type", "application/x-www-form-urlencoded"}), utf8("login=login&username=a&password=b&submit=x"), 200, 400));
        c.add(new Case("page post with a forged view state", Kind.PAGE, null, "POST", "/login",
                List.<String[]>of(new String[]{"Content-Type", "application/x-www-form-urlencoded"}),
                utf8("login=login&username=a&password=b&submit=x&jakarta.faces.ViewState=" + Api.q("rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcA==")), 200, 400));
        c.add(new Case("page post of 2 MB", Kind.PAGE, null, "POST", "/login",
                List.<String[]>of(new String[]{"Content-Type", "application/x-www-form-urlencoded"}), utf8("username=" + "a".repeat(2_000_000)), 200, 413));
        c.add(new Case("page multipart nonsense", Kind.PAGE, "session:core", "POST", "/staff/import",
                List.<String[]>of(new String[]{"Content-Type", "multipart/form-data; boundary=zzz"}), utf8("--zzz\r\nContent-Disposition: form-data\r\n\r\n--"), 200, 400));
        return c;
    }

    static void addJson(List<Case> c, String name, String as, String method, String path, String json) {
        c.add(new Case(name, Kind.API, as, method, path, List.<String[]>of(new String[]{"Content-Type", JSON}), utf8(json), 400, 429));
    }

    static Case get(String name, String as, String path, int min, int max) {
        return get(Kind.API, name, as, path, min, max);
    }

    static Case get(Kind kind, String name, String as, String path, int min, int max) {
        return new Case(name, kind, as, "GET", path, NONE, null, min, max);
    }

    static Case http(String name, String as, String path, int min, int max) {
        return get(Kind.HTTP, name, as, path, min, max);
    }

    // --- running them --------------------------------------------------------------------------

    static final Pattern STACK_TRACE = Pattern.compile("Exception|\\bat [a-z]+\\.[a-z]+\\.|Caused by|\\.java:\\d+");

    /** What must stay as it was: every resource (the export), alerts and their status, partners, centers, synonyms, corrections. */
    String snapshot() {
        Api core = anonymous.asDemo("core");
        StringBuilder s = new StringBuilder();
        s.append(ok(core.get("api/v1/exports/resources?format=csv")).body());
        s.append(ok(admin.get("api/v1/exports/resources?format=hsds")).body().length());
        for (JsonObject a : ok(core.get("api/v1/alerts?size=100")).json().getJsonArray("items").getValuesAs(JsonObject.class)) {
            s.append(a.getInt("id")).append(a.getString("status")).append(';');
        }
        s.append(ok(anonymous.get("api/v1/partners")).body());
        s.append(ok(anonymous.get("api/v1/centers")).body());
        s.append(ok(admin.get("api/v1/search/synonyms")).body());
        s.append(ok(core.get("api/v1/corrections")).body());
        return s.toString();
    }

    /** Names the lines that differ, instead of printing two whole exports. */
    static void assertUnchanged(String before, String after) {
        List<String> was = List.of(before.split("\n"));
        List<String> is = List.of(after.split("\n"));
        List<String> gone = was.stream().filter(l -> !is.contains(l)).limit(5).toList();
        List<String> added = is.stream().filter(l -> !was.contains(l)).limit(5).toList();
        assertTrue(before.equals(after), "a hostile request changed something; before: " + gone + " after: " + added);
    }

    static Api.Reply ok(Api.Reply r) {
        assertEquals(200, r.status(), r::toString);
        return r;
    }

    String sessionCookie(String user) {
        CookieManager cookies = new CookieManager();
        FacesSession s = new FacesSession(Api.loopback(base), cookies);
        FacesSession.Page login = s.get("login");
        s.post(login, "login", Map.of("username", user, "password", Api.DEMO_PASSWORD), "submit");
        return cookies.getCookieStore().getCookies().stream().filter(k -> k.getName().equals("JSESSIONID"))
                .map(HttpCookie::toString).findFirst().orElseThrow(() -> new AssertionError("no session for " + user));
    }

    @Test
    void every_hostile_request_is_a_client_error_with_a_problem_or_a_readable_page_and_changes_nothing() {
        Api core = anonymous.asDemo("core");
        String resourceId = String.valueOf(ok(anonymous.get("api/v1/resources?size=1")).json()
                .getJsonArray("items").getJsonObject(0).getInt("id"));
        // an alert to act on (info: nothing escalates it while the cases run)
        Api.Reply filed = anonymous.asDemo("partner").postJson("api/v1/alerts", "{\"address\":\"ひだまり市若葉2-3-5\","
                + "\"observedAt\":\"2026-11-23T09:40:00+09:00\",\"anomalies\":[\"not_seen\"],\"urgency\":\"info\","
                + "\"reporterName\":\"見守 花子\",\"reporterPhone\":\"090-0000-0000\"}");
        assertEquals(201, filed.status(), filed::toString);
        String alertId = String.valueOf(filed.json().getInt("id"));
        ok(core.get("api/v1/alerts/" + alertId));
        // a correction of its own, closed: the hostile closes must not depend on what other ITs left
        // in the shared database (an open correction 1 would simply be closed by a well-formed body)
        Api.Reply reported = anonymous.postJson("api/v1/resources/" + resourceId + "/corrections",
                "{\"kind\":\"other\",\"message\":\"hostile suite\"}");
        assertEquals(201, reported.status(), reported::toString);
        String correctionId = String.valueOf(reported.json().getJsonNumber("id").longValue());
        ok(core.postJson("api/v1/corrections/" + correctionId + "/close", "{}"));

        List<Case> cases = cases(resourceId, alertId, correctionId);
        Map<String, String> cookies = new LinkedHashMap<>();
        String before = snapshot();
        RawHttp raw = new RawHttp(Api.loopback(base).getPort());
        String context = Api.loopback(base).getPath(); // "/" or "/tsunagu/"
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (Case k : cases) {
            List<String[]> headers = new ArrayList<>(k.headers());
            if (k.as() != null && k.as().startsWith("session:")) {
                String cookie = cookies.computeIfAbsent(k.as(), u -> sessionCookie(u.substring("session:".length())));
                headers.add(new String[]{"Cookie", cookie});
            } else if (k.as() != null) {
                headers.add(new String[]{"Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(utf8(k.as() + ":" + Api.DEMO_PASSWORD))});
            }
            String target = k.path().startsWith("/") ? context.substring(0, context.length() - 1) + k.path() : context + k.path();
            RawHttp.Response r;
            try {
                r = raw.send(k.method(), target, headers, k.body());
            } catch (RuntimeException e) {
                failures.add(k.name() + ": " + e);
                continue;
            }
            statuses.merge(r.status(), 1, Integer::sum);
            String problem = check(k, r);
            if (problem != null) {
                failures.add(k.name() + " → " + problem + " | " + r);
            }
        }
        System.out.println("HostileInputIT: " + cases.size() + " cases, statuses " + statuses + ", by kind "
                + cases.stream().collect(java.util.stream.Collectors.groupingBy(Case::kind, java.util.TreeMap::new, java.util.stream.Collectors.counting())));
        assertTrue(cases.size() >= 200, "at least 200 hostile cases, not " + cases.size());
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " cases failed:\n" + String.join("\n", failures));
        assertUnchanged(before, snapshot());
    }

    /** Null when the answer is right, else why not. */
    static String check(Case k, RawHttp.Response r) {
        if (r.status() >= 500 || r.status() == 0) {
            return "server error or no answer";
        }
        if (r.status() < k.min() || r.status() > k.max()) {
            return "expected " + k.min() + "–" + k.max();
        }
        String text = r.text();
        if (text.contains("root:x:0:0") || text.contains("<web-app") || text.contains("ui:composition")) {
            return "leaked a file";
        }
        if (STACK_TRACE.matcher(text).find()) {
            return "stack trace in the answer";
        }
        if (r.status() >= 400 && (k.kind() == Kind.API
                || (k.kind() == Kind.HTTP && !r.contentType().isEmpty() && k.path().startsWith("api/")))) {
            if (!r.contentType().startsWith("application/problem+json")) {
                return "not application/problem+json";
            }
            try (var reader = Json.createReader(new StringReader(text))) {
                JsonObject p = reader.readObject();
                if (p.getInt("status") != r.status()) {
                    return "problem status differs";
                }
            } catch (RuntimeException e) {
                return "problem is not JSON";
            }
        }
        if (k.kind() == Kind.PAGE) {
            if (r.status() != 302 && r.status() != 303 && !r.contentType().startsWith("text/html")
                    && !r.contentType().startsWith("application/xhtml+xml") && !r.contentType().startsWith("text/plain")) {
                return "not a page";
            }
        }
        return null;
    }

    // --- the same through the pages' forms ---------------------------------------------------------

    /** One hostile form post: as whom, which page and form, the fields (names without the form prefix), an optional CSV file. */
    record FormCase(String name, String as, String page, String form, Map<String, Object> fields, String button, byte[] file) {
    }

    static Map<String, Object> fields(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static List<FormCase> formCases() {
        List<FormCase> c = new ArrayList<>();
        // what no form may store: NUL, a bidi override, 100,000 characters
        String[] refused = {"a\u0000b", "\u202Egnp.exe", "x".repeat(100_000)};
        for (String h : refused) {
            String shown = RawHttp.abbreviated(h.replace("\u0000", "\\0"));
            c.add(new FormCase("admin partner name " + shown, "admin", "admin/partners", "create",
                    fields("name", h, "type", "other", "municipality", "990001", "agreementDate", ""), "go", null));
            c.add(new FormCase("admin account username " + shown, "admin", "admin/accounts", "create",
                    fields("username", h, "password", "correct horse battery staple 9", "role", "staff"), "go", null));
            c.add(new FormCase("resource editor name " + shown, "core", "staff/resource", "editor",
                    fields("name", h, "category", "salon", "address", "ひだまり市若葉2-3-5"), "save", null));
            c.add(new FormCase("resource editor description " + shown, "core", "staff/resource", "editor",
                    fields("name", "x", "description", h, "category", "salon", "address", "ひだまり市若葉2-3-5"), "save", null));
        }
        // forms that store nothing even when the text is fine: anything goes, nothing may break
        String[] anything = {"a\u0000b", "\u202Egnp.exe", "x".repeat(100_000), "' OR 1=1 --", "<script>alert(1)</script>", "\"*:* AND ("};
        for (String h : anything) {
            String shown = RawHttp.abbreviated(h.replace("\u0000", "\\0"));
            c.add(new FormCase("login username " + shown, null, "login", "login", fields("username", h, "password", h), "submit", null));
            c.add(new FormCase("report form details " + shown, "partner", "partner/report", "report",
                    fields("urgency", "info", "anomalies", "other", "address", "ひだまり市若葉2-3-5", "details", h, "otherAnomaly", h), "review", null));
        }
        c.add(new FormCase("admin partner: unknown type, bad date", "admin", "admin/partners", "create",
                fields("name", "x", "type", "mafia", "municipality", "../..", "agreementDate", "2026-02-30"), "go", null));
        c.add(new FormCase("admin account: role root", "admin", "admin/accounts", "create",
                fields("username", "hostile-root", "password", "correct horse battery staple 9", "role", "root", "center", "<x>"), "go", null));
        c.add(new FormCase("resource editor: lat 1e999, category casino", "core", "staff/resource", "editor",
                fields("name", "x", "category", "casino", "lat", "1e999", "lon", "NaN", "address", "ひだまり市若葉2-3-5"), "save", null));
        c.add(new FormCase("report form: unknown urgency and anomaly, lat NaN", "partner", "partner/report", "report",
                fields("urgency", "apocalypse", "anomalies", List.of("alien", "other"), "lat", "NaN", "lon", "1e999", "observedAt", "+99999-99-99T99:99"), "review", null));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("empty file", new byte[0]);
        files.put("binary", bytes(0x89, 0x50, 0x4e, 0x47, 0, 0xff, 0xfe, 0x00, 0x0d, 0x0a));
        files.put("unbalanced quote", utf8("external_id,name,category\n\"x,salon\n"));
        files.put("UTF-16LE", "external_id,name,category\r\nh-9,サロン,salon\r\n".getBytes(StandardCharsets.UTF_16LE));
        files.put("NUL and RLO cells", utf8("external_id,name,category,address\nh-8,a\u0000\u202Eb,salon,ひだまり市若葉2-3-5\n"));
        files.put("formula cells and an unknown category", utf8("external_id,name,category,address\nh-7,=HYPERLINK(\"http://evil\"),casino,@SUM(1)\n"));
        files.put("1.5 MB", utf8("external_id,name,category\n" + "h-1,x,salon\n".repeat(130_000)));
        for (String format : List.of("tsunagu", "jp-medical")) {
            files.forEach((what, bytes) -> c.add(new FormCase("import page (" + format + "): " + what, "core", "staff/import", "upload",
                    fields("format", format), "check", bytes)));
        }
        c.add(new FormCase("import page: format ../../etc", "core", "staff/import", "upload", fields("format", "../../etc"), "check", utf8("a\n")));
        return c;
    }

    @Test
    void hostile_form_posts_give_a_readable_page_and_change_nothing() {
        List<FormCase> cases = formCases();
        String before = snapshot();
        Map<String, FacesSession> sessions = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (FormCase k : cases) {
            FacesSession s = sessions.computeIfAbsent(String.valueOf(k.as()), u -> u.equals("null")
                    ? new FacesSession(Api.loopback(base)) : FacesSession.loggedIn(Api.loopback(base), u, Api.DEMO_PASSWORD));
            FacesSession.Page page = s.get(k.page());
            if (page.status() != 200) {
                failures.add(k.name() + ": page " + k.page() + " answered " + page.status());
                continue;
            }
            String prefix = k.form().equals("login") ? "" : k.form() + ":";
            Map<String, Object> fields = new LinkedHashMap<>();
            k.fields().forEach((name, value) -> fields.put(prefix + name, value));
            FacesSession.Page after;
            try {
                after = k.file() == null ? s.post(page, k.form(), fields, prefix + k.button())
                        : s.upload(page, k.form(), fields.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                                Map.Entry::getKey, e -> String.valueOf(e.getValue()))), prefix + "file", "hostile.csv", k.file(), prefix + k.button());
            } catch (RuntimeException e) {
                failures.add(k.name() + ": " + e);
                continue;
            }
            if (after.status() >= 500 || STACK_TRACE.matcher(after.html()).find() || !after.html().contains("</html>")) {
                failures.add(k.name() + " → " + after.status() + " " + RawHttp.abbreviated(after.html()));
            }
        }
        System.out.println("HostileInputIT: " + cases.size() + " form cases");
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " form cases failed:\n" + String.join("\n", failures));
        assertUnchanged(before, snapshot());
    }

    @Test
    void the_table_has_at_least_200_cases() {
        int total = cases("1", "1").size() + formCases().size();
        assertTrue(total >= 200, "at least 200 hostile cases, not " + total);
    }
}
