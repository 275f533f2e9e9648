package org.tsunagu.accounts.boundary;

import org.junit.jupiter.api.Test;
import org.tsunagu.Api;
import org.tsunagu.FacesSession;
import org.tsunagu.FacesSession.Page;
import org.tsunagu.PortalIT;
import org.tsunagu.RawHttp;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Page sessions in the production topology (issue 16): what an admin does to an account ends the
 * account's other open sessions at once (well within the 2 s re-check), an account told to change
 * its password is held to it on a live session, only canonical request paths are served, and
 * nothing with personal data may be cached. Each test creates its own account and alert.
 */
class LiveSessionsIT extends PortalIT {

    private static final String PASSWORD = "live-session-passphrase-1";

    private URI root() {
        return Api.loopback(base);
    }

    /** A new staff account of ひだまり市北第一 (the demo municipality). */
    private String newStaff() {
        String username = "live" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        Api.Reply created = admin.postJson("api/v1/accounts", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"staff\",\"centerCode\":\"hidamari-kita1\"}");
        assertEquals(201, created.status(), created::toString);
        return username;
    }

    /** An alert in the catchment of ひだまり市北第一, filed by the demo partner. */
    private long newAlert(String personName) {
        Api.Reply filed = anonymous.asDemo("partner").postJson("api/v1/alerts", "{\"address\":\"ひだまり市若葉2-3-5\","
                + "\"observedAt\":\"2026-11-23T09:40:00+09:00\",\"anomalies\":[\"unwell\"],\"urgency\":\"urgent\","
                + "\"personName\":\"" + personName + "\",\"reporterName\":\"配達員\",\"reporterPhone\":\"090-1111-2222\"}");
        assertEquals(201, filed.status(), filed::toString);
        return filed.json().getJsonNumber("id").longValue();
    }

    private static void assertSignedOut(Page page, String why) {
        assertTrue(page.uri().getPath().endsWith("/login"), why + ": " + page.uri());
    }

    @Test
    void disabling_an_account_ends_its_open_sessions_on_their_next_request() {
        String staff = newStaff();
        String person = "生存 " + ThreadLocalRandom.current().nextInt(1000, 9999);
        long id = newAlert(person);
        FacesSession browser = FacesSession.loggedIn(root(), staff, PASSWORD);
        assertTrue(browser.get("staff/alert?id=" + id).contains(person), "signed in, the detail shows the person");

        assertEquals(200, admin.patchJson("api/v1/accounts/" + staff, "{\"enabled\":false}").status());
        Page after = browser.get("staff/alert?id=" + id);
        assertFalse(after.contains(person), "the disabled account's open session reads nothing more");
        assertSignedOut(after, "sent to the login page");

        assertEquals(200, admin.patchJson("api/v1/accounts/" + staff, "{\"enabled\":true}").status());
        assertSignedOut(browser.get("staff/alert?id=" + id), "enabling the account again does not revive the old session");
        assertTrue(FacesSession.loggedIn(root(), staff, PASSWORD).get("staff/alert?id=" + id).contains(person),
                "a new login works again");
    }

    @Test
    void an_admins_password_reset_ends_open_sessions_and_the_new_login_must_change_it() {
        String staff = newStaff();
        FacesSession browser = FacesSession.loggedIn(root(), staff, PASSWORD);
        assertEquals(200, browser.get("staff/alerts").status());

        Api.Reply reset = admin.patchJson("api/v1/accounts/" + staff,
                "{\"password\":\"admin-chosen-passphrase-2\",\"mustChangePassword\":true}");
        assertEquals(200, reset.status(), reset::toString);
        assertSignedOut(browser.get("staff/alerts"), "the session of the old password is over");

        FacesSession again = FacesSession.loggedIn(root(), staff, "admin-chosen-passphrase-2");
        assertTrue(again.get("staff/alerts").uri().getPath().endsWith("/account/password"),
                "the admin-chosen password must be replaced first");
    }

    @Test
    void a_password_change_required_by_an_admin_holds_a_live_session_to_the_password_page() {
        String staff = newStaff();
        FacesSession browser = FacesSession.loggedIn(root(), staff, PASSWORD);
        assertTrue(browser.get("staff/alerts").uri().getPath().endsWith("/staff/alerts"), "signed in");
        assertEquals(200, admin.patchJson("api/v1/accounts/" + staff, "{\"mustChangePassword\":true}").status());
        assertTrue(browser.get("staff/alerts").uri().getPath().endsWith("/account/password"),
                "the open session may only change its password now");
    }

    @Test
    void changing_the_own_password_keeps_this_session_and_ends_the_others() {
        String staff = newStaff();
        FacesSession phone = FacesSession.loggedIn(root(), staff, PASSWORD);
        FacesSession desk = FacesSession.loggedIn(root(), staff, PASSWORD);
        assertEquals(200, phone.get("staff/alerts").status());

        Page form = desk.get("account/password");
        Page changed = desk.post(form, "change", Map.of("change:current", PASSWORD, "change:password", "a-new-own-passphrase-3",
                "change:repeat", "a-new-own-passphrase-3"), "change:go");
        assertFalse(changed.uri().getPath().endsWith("/login"), changed::html);
        assertEquals(200, desk.get("staff/alerts").status(), "the session that changed it goes on");
        assertFalse(desk.get("staff/alerts").uri().getPath().endsWith("/login"));
        assertSignedOut(phone.get("staff/alerts"), "the other session, under the old password, is over");
    }

    @Test
    void other_spellings_of_a_path_are_refused_before_any_decision_is_taken_on_them() {
        RawHttp raw = new RawHttp(base.getPort());
        String app = base.getPath().replaceAll("/$", ""); // the context path, e.g. /tsunagu
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + Api.DEMO_PASSWORD).getBytes());
        for (String target : List.of("//api/v1/audit", "/api//v1/audit", "/api/v1/./audit", "/api;a=b/v1/audit")) {
            RawHttp.Response r = raw.send("GET", app + target, List.<String[]>of(new String[] {"Authorization", basic}), null);
            assertEquals(400, r.status(), target + ": " + r);
            assertTrue(r.contentType().startsWith("application/problem+json"), target + ": " + r);
        }
        for (String target : List.of("/resources/%2e%2e/staff/alerts", "/resources/../staff/alerts", "//staff/alerts",
                "/account/password;x/../../staff/alerts", "/jakarta.faces.resource/%2e%2e/staff/alerts")) {
            RawHttp.Response r = raw.send("GET", app + target, List.of(), null);
            assertEquals(400, r.status(), target + ": " + r);
            assertFalse(r.text().contains("Exception"), target + ": a readable page");
        }
        assertEquals(200, raw.send("GET", app + "/api/v1/audit", List.<String[]>of(new String[] {"Authorization", basic}), null).status());
    }

    @Test
    void a_malformed_query_does_not_fail_a_page() {
        RawHttp raw = new RawHttp(base.getPort());
        String app = base.getPath().replaceAll("/$", "");
        for (String target : List.of("/?%zz=1", "/search?q=%E3%82&%zz", "/login?%")) {
            RawHttp.Response r = raw.send("GET", app + target, List.of(), null);
            assertTrue(r.status() < 500, target + ": " + r);
        }
    }

    @Test
    void answers_with_personal_or_own_data_may_not_be_cached() {
        String person = "控え " + ThreadLocalRandom.current().nextInt(1000, 9999);
        long id = newAlert(person);
        FacesSession core = FacesSession.loggedIn(root(), "core", Api.DEMO_PASSWORD);
        for (String path : List.of("staff/alert?id=" + id, "staff/alerts", "admin/accounts", "account/password")) {
            HttpResponse<String> r = core.raw(path);
            assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null), path);
        }
        Api.Reply detail = anonymous.asDemo("core").get("api/v1/alerts/" + id);
        assertEquals(200, detail.status(), detail::toString);
        assertEquals("no-store", detail.raw().headers().firstValue("Cache-Control").orElse(null), "the API answer with the person's details");
        assertEquals("no-store", anonymous.asDemo("partner").get("api/v1/alerts/mine").raw().headers()
                .firstValue("Cache-Control").orElse(null));
        HttpResponse<String> css = core.raw("jakarta.faces.resource/css/tsunagu.css.xhtml");
        assertNull(css.headers().firstValue("Cache-Control").filter("no-store"::equals).orElse(null),
                "style sheets stay cacheable");
    }
}
