package org.tsunagu.accounts.boundary;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.tsunagu.Api;
import org.tsunagu.FacesSession;
import org.tsunagu.FacesSession.Page;
import org.tsunagu.PortalIT;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web layer's access control, black-box: security headers and the Content-Security-Policy on
 * every kind of response, CSRF (forged, missing and cross-site form posts change nothing and answer
 * a readable page), the API refusing the page session, session id renewal and cookie flags, the
 * account lockout and the login throttle per (address, username) — parallel guesses included —, the
 * audit of authentication events, and unknown users looking like wrong passwords. The failsafe
 * environment (pom.xml) sets small login limits for it: an account locks after 7 failures for 4 s,
 * an address and username are throttled after 5 failures within 6 s, and
 * X-Forwarded-For names the client so that one test can play many addresses.
 */
class WebSecurityIT extends PortalIT {

    static final int ACCOUNT_FAILURES = 7;
    static final Duration LOCK = Duration.ofSeconds(4);
    static final int ADDRESS_FAILURES = 5;
    static final Duration ADDRESS_WINDOW = Duration.ofSeconds(6);

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    URI root() {
        return Api.loopback(base);
    }

    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(root().resolve(path)).timeout(Duration.ofSeconds(60)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A Basic-authenticated API GET from the given client address (X-Forwarded-For). */
    HttpResponse<String> apiAs(String user, String password, String address) {
        return send(HttpRequest.newBuilder(root().resolve("api/v1/audit")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("X-Forwarded-For", address).GET().build());
    }

    static String randomAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    /** A new admin account (GET api/v1/audit answers it 200) with its own password. */
    String newAccount(String password) {
        String username = "sec" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        Api.Reply created = admin.postJson("api/v1/accounts", "{\"username\":\"" + username + "\",\"password\":\""
                + password + "\",\"role\":\"admin\"}");
        assertEquals(201, created.status(), created::toString);
        return username;
    }

    static void assertHeaders(String what, HttpResponse<String> r) {
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), what);
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), what);
        assertEquals("strict-origin-when-cross-origin", r.headers().firstValue("Referrer-Policy").orElse(null), what);
        List<String> policies = r.headers().allValues("Content-Security-Policy");
        assertEquals(1, policies.size(), () -> what + ": exactly one policy " + policies);
        String csp = policies.get(0);
        for (String directive : List.of("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'",
                "base-uri 'self'", "form-action 'self'", "img-src 'self' data: https://cyberjapandata.gsi.go.jp")) {
            assertTrue(csp.contains(directive), () -> what + ": " + directive + " in " + csp);
        }
        String scripts = directive(csp, "script-src");
        assertTrue(scripts.startsWith("script-src 'self'"), () -> what + ": " + csp);
        assertFalse(scripts.contains("unsafe-inline") || scripts.contains("unsafe-eval") || scripts.contains("*"),
                () -> what + ": scripts only from us or with the nonce: " + csp);
        assertTrue(r.headers().firstValue("Strict-Transport-Security").isEmpty(), () -> what + ": no HSTS over plain http");
    }

    static String directive(String csp, String name) {
        for (String d : csp.split(";")) {
            if (d.strip().startsWith(name + " ")) {
                return d.strip();
            }
        }
        throw new AssertionError("no " + name + " in " + csp);
    }

    /** Every script element of a page carries the response's nonce, and no element has an inline event handler. */
    static void assertScriptsNonced(String what, String csp, String html) {
        Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(directive(csp, "script-src"));
        assertTrue(nonce.find(), () -> what + ": a page policy has a nonce: " + csp);
        Matcher scripts = Pattern.compile("<script\\b[^>]*>").matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            String tag = scripts.group();
            assertTrue(tag.contains("nonce=\"" + nonce.group(1) + "\""), () -> what + ": " + tag);
        }
        assertTrue(count > 0, what + " has scripts");
        Matcher handler = Pattern.compile("<[a-zA-Z][^>]*\\son[a-z]+=\"", Pattern.DOTALL).matcher(html);
        assertFalse(handler.find(), () -> what + ": an inline event handler: " + (handler.find(0) ? handler.group() : ""));
    }

    @Test
    void every_response_carries_the_security_headers_and_pages_allow_only_nonced_scripts() {
        Map<String, HttpResponse<String>> responses = new java.util.LinkedHashMap<>();
        responses.put("resident page", get(""));
        responses.put("login page", get("login"));
        responses.put("protected page (redirect)", get("staff/"));
        responses.put("not found page", get("no-such-page"));
        responses.put("style sheet", get("jakarta.faces.resource/css/tsunagu.css.xhtml"));
        responses.put("Leaflet (webjar)", get("webjars/leaflet/1.9.4/dist/leaflet.js"));
        responses.put("script file", get("resources/js/map.js"));
        responses.put("API JSON", get("api/v1/categories"));
        responses.put("API 401", get("api/v1/audit"));
        responses.forEach((what, r) -> assertHeaders(what, r));
        assertEquals(200, responses.get("Leaflet (webjar)").statusCode());
        assertEquals(404, responses.get("not found page").statusCode());
        assertEquals(401, responses.get("API 401").statusCode());

        HttpResponse<String> search = responses.get("resident page");
        assertScriptsNonced("resident page", search.headers().firstValue("Content-Security-Policy").orElseThrow(), search.body());
        String other = directive(get("").headers().firstValue("Content-Security-Policy").orElseThrow(), "script-src");
        assertNotEquals(directive(search.headers().firstValue("Content-Security-Policy").orElseThrow(), "script-src"), other,
                "a new nonce for every response");

        // the pages with PrimeFaces (the chart) and with Faces ajax (the schedule preview), signed in
        FacesSession core = FacesSession.loggedIn(root(), "core", Api.DEMO_PASSWORD);
        for (String path : List.of("staff/stats?from=2026-04&to=2026-09", "staff/resource", "staff/alerts")) {
            HttpResponse<String> r = core.raw(path);
            assertEquals(200, r.statusCode(), path);
            assertHeaders(path, r);
            assertScriptsNonced(path, r.headers().firstValue("Content-Security-Policy").orElseThrow(), r.body());
        }
    }

    @Test
    void hsts_only_when_the_request_came_over_tls() {
        assertTrue(get("").headers().firstValue("Strict-Transport-Security").isEmpty());
        HttpResponse<String> tls = get("", "X-Forwarded-Proto", "https");
        assertEquals("max-age=31536000", tls.headers().firstValue("Strict-Transport-Security").orElse(null));
        HttpResponse<String> api = get("api/v1/categories", "X-Forwarded-Proto", "https");
        assertTrue(api.headers().firstValue("Strict-Transport-Security").isPresent());
    }

    @Test
    void forged_missing_and_cross_site_form_posts_change_nothing_and_answer_a_readable_page() {
        FacesSession admin = FacesSession.loggedIn(root(), "admin", Api.DEMO_PASSWORD);
        Page partners = admin.get("admin/partners");
        assertEquals(200, partners.status());
        String viewState = hidden(partners, "jakarta.faces.ViewState");
        assertTrue(viewState.length() >= 20, viewState);

        String forgedName = unique("偽造");
        Page forged = admin.post(partners, "create", partner(forgedName, "jakarta.faces.ViewState", "-1234567890123456789:987654321"),
                "create:go");
        assertEquals(200, forged.status(), forged::html);
        assertTrue(forged.uri().getPath().endsWith("/expired"), forged.uri()::toString);
        assertTrue(forged.contains("ページの有効期限が切れました"), forged::html);
        assertReadable(forged);

        String missingName = unique("欠落");
        Map<String, String> noState = partner(missingName, "jakarta.faces.ViewState", null);
        Page missing = admin.post(partners, "create", noState, "create:go");
        assertTrue(missing.status() == 200 || missing.status() == 400, missing::html);
        assertReadable(missing);

        String crossName = unique("他サイト");
        Page cross = admin.post(partners, "create", partner(crossName), "create:go",
                Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"));
        assertEquals(403, cross.status(), cross::html);
        assertReadable(cross);
        assertTrue(cross.contains("ほかのサイトから送られたフォームは処理しません"), cross::html);
        Page foreignOrigin = admin.post(partners, "create", partner(crossName), "create:go", Map.of("Origin", "https://evil.example"));
        assertEquals(403, foreignOrigin.status(), foreignOrigin::html);

        // the control: the same post, same-origin with the real view state, does change something
        String realName = unique("本物");
        Page real = admin.post(partners, "create", partner(realName), "create:go",
                Map.of("Origin", "http://127.0.0.1:" + root().getPort(), "Sec-Fetch-Site", "same-origin"));
        assertTrue(real.contains("「" + realName + "」を登録しました"), real::html);

        List<String> names = anonymous.get("api/v1/partners?municipality=990001").array().stream()
                .map(JsonObject.class::cast).map(p -> p.getString("name")).toList();
        assertTrue(names.contains(realName), names::toString);
        for (String name : List.of(forgedName, missingName, crossName)) {
            assertFalse(names.contains(name), name + " must not have been created");
        }

        // a cross-site request to the API is refused as well (a browser may hold cached Basic credentials)
        HttpResponse<String> api = send(HttpRequest.newBuilder(root().resolve("api/v1/accounts"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:tsunagu-demo-2026".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(403, api.statusCode(), api.body());
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        // each refusal is audited, with who was signed in and the path (no query, no body)
        List<String> refusals = this.admin.get("api/v1/audit?size=100&action=csrf.refused").json().getJsonArray("items").stream()
                .map(JsonObject.class::cast).map(e -> e.getString("actor") + " " + e.getString("targetId", "")).toList();
        assertTrue(refusals.contains("admin /api/v1/accounts"), refusals::toString);
        assertTrue(refusals.stream().anyMatch(r -> r.startsWith("admin /admin/partners")), refusals::toString);
    }

    static String unique(String prefix) {
        return prefix + ThreadLocalRandom.current().nextInt(100000, 999999);
    }

    static Map<String, String> partner(String name, String... extra) {
        Map<String, String> f = new HashMap<>(Map.of("create:name", name, "create:type", "delivery",
                "create:municipality", "990001", "create:agreementDate", "2026-04-01"));
        for (int i = 0; i < extra.length; i += 2) {
            f.put(extra[i], extra[i + 1]);
        }
        return f;
    }

    static String hidden(Page page, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"").matcher(page.html());
        assertTrue(m.find(), page::html);
        return m.group(1);
    }

    static void assertReadable(Page page) {
        assertTrue(page.contains("<html") && page.contains("lang=\"ja\""), page::html);
        assertFalse(page.contains("Exception") || page.contains("at org.") || page.contains("at com.sun"), page::html);
        assertFalse(page.contains("申し訳ありません。処理中にエラーが発生しました"), () -> "not the 500 page: " + page.html());
    }

    @Test
    void the_api_accepts_basic_credentials_only_never_the_page_session() {
        FacesSession signedIn = FacesSession.loggedIn(root(), "admin", Api.DEMO_PASSWORD);
        assertTrue(signedIn.get("admin/accounts").contains("<form id=\"create\""), "the session is signed in");
        HttpResponse<String> api = signedIn.raw("api/v1/audit");
        assertEquals(401, api.statusCode(), api.body());
        assertTrue(api.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertEquals(200, admin.get("api/v1/audit").status(), "the same account with Basic credentials");
    }

    @Test
    void login_renews_the_session_id_and_the_session_cookie_is_httponly_samesite_and_secure_over_tls() {
        FacesSession s = new FacesSession(root());
        Page login = s.get("login");
        String before = s.cookie("JSESSIONID");
        assertNotNull(before, "the login form already has a session (its view state)");
        s.post(login, "login", Map.of("username", "core", "password", Api.DEMO_PASSWORD), "submit");
        String after = s.cookie("JSESSIONID");
        assertNotNull(after);
        assertNotEquals(before, after, "a new session id at login (no session fixation)");
        assertTrue(s.get("staff/").contains("<strong id=\"caller\">core</strong>"), "signed in with the new id");

        String cookie = setCookie(get("login"));
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
        assertFalse(cookie.contains("Secure"), () -> "plain http: " + cookie);
        String tls = setCookie(get("login", "X-Forwarded-Proto", "https"));
        assertTrue(tls.contains("Secure") && tls.contains("HttpOnly") && tls.toLowerCase().contains("samesite=lax"), tls);
    }

    static String setCookie(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + r.headers().map()));
    }

    @Test
    void an_account_locks_after_repeated_failures_and_unlocks_by_time_or_when_an_admin_enables_it() throws InterruptedException {
        String password = "Kagi-" + UUID.randomUUID();
        String user = newAccount(password);
        assertEquals(200, apiAs(user, password, randomAddress()).statusCode());
        for (int i = 0; i < ACCOUNT_FAILURES; i++) {
            // each from another address, so the address throttle does not step in first
            assertEquals(401, apiAs(user, "wrong-" + i, randomAddress()).statusCode());
        }
        assertEquals(401, apiAs(user, password, randomAddress()).statusCode(), "locked: even the right password is refused");
        Thread.sleep(LOCK.toMillis() + 500);
        assertEquals(200, apiAs(user, password, randomAddress()).statusCode(), "the lock ends by itself");

        for (int i = 0; i < ACCOUNT_FAILURES; i++) {
            apiAs(user, "wrong-" + i, randomAddress());
        }
        assertEquals(401, apiAs(user, password, randomAddress()).statusCode(), "locked again");
        Api.Reply enabled = admin.patchJson("api/v1/accounts/" + user, "{\"enabled\":true}");
        assertEquals(200, enabled.status(), enabled::toString);
        assertEquals(200, apiAs(user, password, randomAddress()).statusCode(), "an admin enabling the account lifts the lock");
    }

    /** A Basic-authenticated GET of {@code path} from the given client address (X-Forwarded-For). */
    HttpResponse<String> apiAs(String user, String password, String address, String path) {
        return send(HttpRequest.newBuilder(root().resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("X-Forwarded-For", address).GET().build());
    }

    @Test
    void a_throttled_address_and_user_still_signs_in_with_the_right_password() throws InterruptedException {
        String password = "Kagi-" + UUID.randomUUID();
        String user = newAccount(password);
        String attacker = randomAddress();
        for (int i = 0; i < ADDRESS_FAILURES; i++) {
            assertEquals(401, apiAs(user, "guess-" + i, attacker).statusCode());
        }
        HttpResponse<String> throttled = apiAs(user, "guess-more", attacker);
        assertEquals(429, throttled.statusCode(), throttled.body());
        long retry = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retry >= 1 && retry <= ADDRESS_WINDOW.toSeconds() + 1, () -> "Retry-After " + retry);
        assertTrue(throttled.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

        // 6 failures, one short of the lock: credentials that verify are never refused (a user behind the attacker's NAT)
        assertEquals(200, apiAs(user, password, attacker).statusCode(), "the right password signs in, throttled or not");

        // the login page: a wrong password from the throttled pair gets the message (and 429), the right one signs in
        FacesSession page = new FacesSession(root());
        Page refused = page.post(page.get("login"), "login", Map.of("username", user, "password", "guess-page"), "submit",
                Map.of("X-Forwarded-For", attacker));
        assertEquals(429, refused.status(), refused::html);
        assertTrue(refused.contains("ログインの失敗が続いたため"), refused::html);
        page.post(page.get("login"), "login", Map.of("username", user, "password", password), "submit",
                Map.of("X-Forwarded-For", attacker));
        assertTrue(page.get("staff/").contains("<strong id=\"caller\">" + user + "</strong>"), "signed in on the page too");

        Thread.sleep(ADDRESS_WINDOW.toMillis() + 500);
        assertEquals(401, apiAs(user, "guess-later", attacker).statusCode(), "after the window: an ordinary 401 again");
    }

    @Test
    void wrong_passwords_for_one_user_never_stop_other_users_behind_the_same_address() {
        String victim = newAccount("Kagi-" + UUID.randomUUID());
        String otherPassword = "Kagi-" + UUID.randomUUID();
        String other = newAccount(otherPassword);
        String nat = randomAddress();
        for (int i = 0; i < 12; i++) {
            int status = apiAs(victim, "guess-" + i, nat).statusCode();
            assertTrue(i < ADDRESS_FAILURES ? status == 401 : status == 429, "attempt " + i + ": " + status);
        }
        HttpResponse<String> partner = apiAs("partner", Api.DEMO_PASSWORD, nat, "api/v1/alerts/mine");
        assertEquals(200, partner.statusCode(), () -> "a partner behind the same address: " + partner.body());
        assertEquals(200, apiAs(other, otherPassword, nat).statusCode(), "another staff member behind the same address");
    }

    @Test
    void thirty_parallel_wrong_passwords_are_checked_at_most_the_limit_answer_no_5xx_and_lock_the_account() throws Exception {
        String password = "Kagi-" + UUID.randomUUID();
        String user = newAccount(password);
        String attacker = randomAddress();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(30);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                String guess = "guess-" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return apiAs(user, guess, attacker).statusCode();
                }));
            }
            start.countDown();
            Map<Integer, Integer> counts = new java.util.TreeMap<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                counts.merge(answer.get(90, java.util.concurrent.TimeUnit.SECONDS), 1, Integer::sum);
            }
            System.out.println("30 parallel wrong passwords answered: " + counts);
            assertTrue(counts.getOrDefault(401, 0) <= ADDRESS_FAILURES, () -> "at most the limit checked as 401: " + counts);
            assertEquals(30, counts.getOrDefault(401, 0) + counts.getOrDefault(429, 0), () -> "only 401 and 429: " + counts);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(401, apiAs(user, password, randomAddress()).statusCode(), "the account is locked: even the right password");

        JsonObject audit = admin.get("api/v1/audit?size=100&actor=" + user).json();
        List<String> actions = audit.getJsonArray("items").stream().map(JsonObject.class::cast)
                .map(e -> e.getString("action")).toList();
        assertTrue(actions.contains("login.lockout"), actions::toString);
        assertTrue(actions.contains("login.throttled"), actions::toString);
        assertTrue(actions.contains("login.failed"), actions::toString);
    }

    @Test
    void sign_ins_failures_and_logouts_are_audited_for_admins_without_the_password() {
        String password = "Kagi-" + UUID.randomUUID();
        String user = newAccount(password);
        assertEquals(401, apiAs(user, "Falsch-" + password, randomAddress()).statusCode());
        assertEquals(200, apiAs(user, password, randomAddress()).statusCode());
        FacesSession page = FacesSession.loggedIn(root(), user, password);
        Page staff = page.get("staff/");
        assertTrue(staff.contains("<strong id=\"caller\">" + user + "</strong>"), staff::html);
        Matcher button = Pattern.compile("<form id=\"logout\".*?<input[^>]*type=\"submit\"[^>]*name=\"([^\"]+)\"", Pattern.DOTALL)
                .matcher(staff.html());
        assertTrue(button.find(), staff::html);
        page.post(staff, "logout", Map.of(), button.group(1));

        Api.Reply reply = admin.get("api/v1/audit?size=100&actor=" + user);
        assertEquals(200, reply.status(), reply::toString);
        List<JsonObject> entries = reply.json().getJsonArray("items").stream().map(JsonObject.class::cast).toList();
        List<String> actions = entries.stream().map(e -> e.getString("action") + "/" + e.getString("detail", "")).toList();
        assertTrue(actions.contains("login.failed/api"), actions::toString);
        assertTrue(actions.contains("login/api"), actions::toString);
        assertTrue(actions.contains("login/page"), actions::toString);
        assertTrue(actions.contains("logout/page"), actions::toString);
        assertFalse(reply.body().contains(password), "never the password, right or wrong");
    }

    @Test
    void an_unknown_user_looks_like_a_wrong_password_in_answer_and_time() {
        String password = "Kagi-" + UUID.randomUUID();
        String user = newAccount(password);
        HttpResponse<String> unknown = apiAs("nobody" + UUID.randomUUID().toString().substring(0, 8), "whatever-1", randomAddress());
        HttpResponse<String> wrong = apiAs(user, "whatever-1", randomAddress());
        assertEquals(401, unknown.statusCode());
        assertEquals(401, wrong.statusCode());
        assertEquals(wrong.body(), unknown.body());

        FacesSession page = new FacesSession(root());
        Page a = page.post(page.get("login"), "login", Map.of("username", "nobody-at-all", "password", "whatever-1"), "submit",
                Map.of("X-Forwarded-For", randomAddress()));
        Page b = page.post(page.get("login"), "login", Map.of("username", user, "password", "whatever-1"), "submit",
                Map.of("X-Forwarded-For", randomAddress()));
        for (Page p : List.of(a, b)) {
            assertEquals(200, p.status());
            assertTrue(p.contains("ユーザー名またはパスワードが正しくありません"), p::html);
        }

        // timing: the unknown user costs a PBKDF2 verification too (one wrong password already counted above)
        List<Long> unknownTimes = new ArrayList<>();
        List<Long> wrongTimes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            unknownTimes.add(timed(() -> apiAs("nobody" + UUID.randomUUID().toString().substring(0, 8), "whatever-2", randomAddress())));
            wrongTimes.add(timed(() -> apiAs(user, "whatever-2", randomAddress())));
        }
        long unknownMedian = median(unknownTimes);
        long wrongMedian = median(wrongTimes);
        System.out.println("login timing (ms, median of 4): unknown user " + unknownMedian + ", wrong password " + wrongMedian);
        assertTrue(unknownMedian * 2 >= wrongMedian,
                () -> "an unknown user answers much faster than a wrong password: " + unknownTimes + " vs " + wrongTimes);
    }

    static long timed(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }
}
