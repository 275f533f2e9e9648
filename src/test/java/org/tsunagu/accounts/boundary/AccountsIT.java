package org.tsunagu.accounts.boundary;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.tsunagu.Api;
import org.tsunagu.PortalIT;

import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Black-box tests of partners, accounts and categories, plus the first pages: admins register partners
 * and accounts, new accounts can sign in with Basic on the API, bad input is a 400/409 problem that
 * changes nothing, the public partner list never shows contacts, and the Japanese pages render.
 */
class AccountsIT extends PortalIT {

    static String unique(String prefix) {
        return prefix + ThreadLocalRandom.current().nextInt(100000, 999999);
    }

    long createPartner(String name) {
        Api.Reply r = admin.postJson("api/v1/partners",
                "{\"name\":\"" + name + "\",\"type\":\"convenience_store\",\"municipality\":\"990001\",\"agreementDate\":\"2026-04-01\"}");
        assertEquals(201, r.status(), r::toString);
        assertTrue(r.raw().headers().firstValue("Location").isPresent());
        return r.json().getJsonNumber("id").longValue();
    }

    @Test
    void admin_registers_a_partner_and_its_employee_who_can_then_sign_in() {
        String name = unique("テストマート");
        long id = createPartner(name);
        Api.Reply list = anonymous.get("api/v1/partners?municipality=990001");
        assertEquals(200, list.status());
        JsonObject mine = list.array().stream().map(JsonObject.class::cast)
                .filter(p -> p.getString("name").equals(name)).findFirst().orElseThrow();
        assertEquals("convenience_store", mine.getJsonObject("type").getString("code"));
        assertEquals("コンビニ・スーパー・商店", mine.getJsonObject("type").getString("ja"));
        assertFalse(list.body().contains("contact"), "public list shows no contacts");

        String username = unique("driver");
        Api.Reply created = admin.postJson("api/v1/accounts", "{\"username\":\"" + username
                + "\",\"password\":\"correct-horse-battery\",\"role\":\"partner\",\"partnerId\":" + id + "}");
        assertEquals(201, created.status(), created::toString);
        Api employee = anonymous.as(username, "correct-horse-battery");
        assertEquals(403, employee.postJson("api/v1/partners", "{}").status(), "partners cannot register partners");
        assertEquals(401, anonymous.as(username, "wrong-password-123").postJson("api/v1/partners", "{}").status());

        assertEquals(409, admin.postJson("api/v1/accounts", "{\"username\":\"" + username
                + "\",\"password\":\"another-good-passphrase\",\"role\":\"admin\"}").status(), "username taken");

        Api.Reply disabled = admin.patchJson("api/v1/accounts/" + username, "{\"enabled\":false}");
        assertEquals(200, disabled.status(), disabled::toString);
        assertEquals(401, employee.postJson("api/v1/partners", "{}").status(), "disabled accounts cannot sign in");
    }

    @Test
    void staff_accounts_need_a_center_and_weak_passwords_are_refused() {
        String username = unique("staff");
        Api.Reply weak = admin.postJson("api/v1/accounts",
                "{\"username\":\"" + username + "\",\"password\":\"short\",\"role\":\"staff\",\"centerCode\":\"hidamari-kita1\"}");
        assertEquals(400, weak.status(), weak::toString);
        assertEquals("password", weak.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Api.Reply common = admin.postJson("api/v1/accounts",
                "{\"username\":\"" + username + "\",\"password\":\"password1234\",\"role\":\"staff\",\"centerCode\":\"hidamari-kita1\"}");
        assertEquals(400, common.status(), common::toString);
        Api.Reply noCenter = admin.postJson("api/v1/accounts",
                "{\"username\":\"" + username + "\",\"password\":\"a-long-enough-secret\",\"role\":\"staff\"}");
        assertEquals(400, noCenter.status());
        assertEquals("centerCode", noCenter.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Api.Reply unknownRole = admin.postJson("api/v1/accounts",
                "{\"username\":\"" + username + "\",\"password\":\"a-long-enough-secret\",\"role\":\"boss\"}");
        assertEquals(400, unknownRole.status());
        Api.Reply ok = admin.postJson("api/v1/accounts",
                "{\"username\":\"" + username + "\",\"password\":\"a-long-enough-secret\",\"role\":\"staff\",\"centerCode\":\"hidamari-kita1\"}");
        assertEquals(201, ok.status(), ok::toString);
        assertEquals("staff", ok.json().getString("role"));
    }

    @Test
    void malformed_and_mistyped_json_are_400_problems() {
        Api.Reply malformed = admin.postJson("api/v1/partners", "{\"name\": ");
        assertEquals(400, malformed.status(), malformed::toString);
        assertTrue(malformed.isProblem());
        Api.Reply array = admin.postJson("api/v1/partners", "[1,2]");
        assertEquals(400, array.status(), array::toString);
        Api.Reply wrongTypes = admin.postJson("api/v1/partners", "{\"name\": 5, \"type\": true, \"municipality\": []}");
        assertEquals(400, wrongTypes.status(), wrongTypes::toString);
        assertEquals(3, wrongTypes.json().getJsonArray("errors").size(), wrongTypes::toString);
        Api.Reply badDate = admin.postJson("api/v1/partners",
                "{\"name\":\"x\",\"type\":\"newspaper\",\"municipality\":\"990001\",\"agreementDate\":\"2026-13-01\"}");
        assertEquals(400, badDate.status());
        Api.Reply unknownMunicipality = admin.postJson("api/v1/partners",
                "{\"name\":\"x\",\"type\":\"newspaper\",\"municipality\":\"000000\"}");
        assertEquals(400, unknownMunicipality.status());
        String name = unique("重複テスト");
        createPartner(name);
        Api.Reply duplicate = admin.postJson("api/v1/partners",
                "{\"name\":\"" + name + "\",\"type\":\"newspaper\",\"municipality\":\"990001\"}");
        assertEquals(409, duplicate.status(), duplicate::toString);
        Api.Reply noAccount = admin.patchJson("api/v1/accounts/nobody-here", "{\"enabled\":false}");
        assertEquals(404, noAccount.status());
        Api.Reply emptyPatch = admin.patchJson("api/v1/accounts/admin", "{}");
        assertEquals(400, emptyPatch.status());
    }

    /** A browser-like client: keeps cookies, submits the Faces login form with its hidden fields. */
    static final class Browser {
        final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager()).build();
        final java.net.URI base;

        Browser(java.net.URI base) {
            this.base = base;
        }

        java.net.http.HttpResponse<String> get(String path) throws Exception {
            return http.send(java.net.http.HttpRequest.newBuilder(base.resolve(path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        }

        java.net.http.HttpResponse<String> login(String user, String password) throws Exception {
            String page = get("login?next=" + Api.q("/staff/")).body();
            java.util.regex.Matcher form = java.util.regex.Pattern
                    .compile("<form id=\"login\"[^>]*action=\"([^\"]+)\"").matcher(page);
            assertTrue(form.find(), page);
            StringBuilder body = new StringBuilder();
            java.util.regex.Matcher hidden = java.util.regex.Pattern
                    .compile("<input[^>]*type=\"hidden\"[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"").matcher(page);
            while (hidden.find()) {
                body.append(Api.q(hidden.group(1))).append('=')
                        .append(Api.q(hidden.group(2).replace("&#47;", "/").replace("&amp;", "&"))).append('&');
            }
            body.append("username=").append(Api.q(user)).append("&password=").append(Api.q(password))
                    .append("&submit=").append(Api.q("ログイン"));
            java.net.URI action = base.resolve(form.group(1).replace("&amp;", "&"));
            return http.send(java.net.http.HttpRequest.newBuilder(action)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void staff_sign_in_with_the_login_form_and_the_session_keeps_them_signed_in() throws Exception {
        java.net.URI root = Api.loopback(base);
        Browser wrong = new Browser(root);
        var refused = wrong.login("core", "not-the-password");
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("ユーザー名またはパスワードが正しくありません"), refused.body());
        assertEquals(302, wrong.get("staff/").statusCode(), "still not signed in");

        Browser browser = new Browser(root);
        var signedIn = browser.login("core", Api.DEMO_PASSWORD);
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        assertTrue(signedIn.headers().firstValue("Location").orElse("").endsWith("/staff/"));
        var staffPage = browser.get("staff/");
        assertEquals(200, staffPage.statusCode());
        assertTrue(staffPage.body().contains("<strong id=\"caller\">core</strong>"), staffPage.body());

        var api = browser.http.send(java.net.http.HttpRequest.newBuilder(root.resolve("api/v1/accounts"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, api.statusCode(), "the API never accepts the page session cookie");
    }

    @Test
    void categories_list_all_twelve_codes() {
        Api.Reply r = anonymous.get("api/v1/categories");
        assertEquals(200, r.status());
        assertEquals(12, r.array().size());
        assertEquals("salon", r.array().getJsonObject(0).getString("code"));
    }

    @Test
    void the_centers_page_and_the_lookup_page_render_in_japanese() {
        Api.Reply page = anonymous.get("centers/");
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains("lang=\"ja\""), "Japanese by default");
        assertTrue(page.body().contains("担当の地域包括支援センターを調べる"));
        assertTrue(page.body().contains("ひだまり市地域包括支援センター（基幹型）"));
        assertTrue(page.body().contains("ひだまり市（デモ）"));

        Api.Reply lookup = anonymous.get("centers/lookup?address=" + Api.q("ひだまり市若葉２丁目３－５"));
        assertEquals(200, lookup.status());
        assertTrue(lookup.body().contains("ひだまり市若葉地域包括支援センター"), lookup::toString);
        assertTrue(lookup.body().contains("若葉二丁目"));

        Api.Reply blank = anonymous.get("centers/lookup?address=");
        assertEquals(200, blank.status());
        assertTrue(blank.body().contains("住所を入力してください"));

        Api.Reply staff = anonymous.get("staff/");
        assertEquals(302, staff.status(), "staff pages ask for the login form");
        assertTrue(staff.raw().headers().firstValue("Location").orElse("").contains("/login?next="));
        assertEquals(200, anonymous.get("login").status());
    }
}
