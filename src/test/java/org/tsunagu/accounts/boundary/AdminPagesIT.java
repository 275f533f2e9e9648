package org.tsunagu.accounts.boundary;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.tsunagu.Api;
import org.tsunagu.FacesSession;
import org.tsunagu.FacesSession.Page;
import org.tsunagu.PortalIT;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin pages over HTTP: an admin registers a partner organisation and an employee's account
 * whose initial password must be replaced at the first login (the API refuses it with 403 until
 * then, the pages lead only to the password page, the policy applies); a reset forces a change
 * again; a disabled account cannot sign in anywhere. Area files uploaded on the page are checked
 * like the API's: a wrong line is named and nothing changes. Non-admins never see these pages.
 */
class AdminPagesIT extends PortalIT {

    FacesSession signIn(String user, String password) {
        return FacesSession.loggedIn(Api.loopback(base), user, password);
    }

    @Test
    void an_admin_creates_a_partner_and_an_account_that_must_change_its_password_and_later_disables_it() {
        FacesSession admin = signIn("admin", Api.DEMO_PASSWORD);
        Page partners = admin.get("admin/partners");
        assertEquals(200, partners.status());
        Page empty = admin.post(partners, "create", Map.of("create:name", "", "create:type", "", "create:municipality", ""), "create:go");
        assertNotNull(empty.text("create-errors"), empty::html);
        assertTrue(empty.contains("事業者名を入力してください") && empty.contains("業種を選んでください"), empty::html);

        String name = "テスト配送" + ThreadLocalRandom.current().nextInt(100000, 999999);
        Page registered = admin.post(partners, "create", Map.of("create:name", name, "create:type", "delivery",
                "create:municipality", "990001", "create:agreementDate", "2026-04-01"), "create:go");
        assertTrue(registered.contains("「" + name + "」を登録しました"), registered::html);
        assertTrue(registered.contains("<td>" + name + "</td><td>宅配・運送</td>"), registered::html);
        Page again = admin.post(partners, "create", Map.of("create:name", name, "create:type", "delivery",
                "create:municipality", "990001"), "create:go");
        assertTrue(again.contains("すでに登録されています"), again::html);
        long partnerId = anonymous.get("api/v1/partners?municipality=990001").array().stream().map(JsonObject.class::cast)
                .filter(p -> p.getString("name").equals(name)).findFirst().orElseThrow().getJsonNumber("id").longValue();

        String username = "driver" + ThreadLocalRandom.current().nextInt(100000, 999999);
        String initial = "Shokai-" + UUID.randomUUID();
        Page accounts = admin.get("admin/accounts");
        Map<String, String> form = new java.util.HashMap<>(Map.of("create:username", username, "create:password", "short",
                "create:mustChange", "on", "create:role", "partner", "create:partner", String.valueOf(partnerId),
                "create:displayName", "配達 一郎", "create:phone", "090-1234-5678"));
        Page weak = admin.post(accounts, "create", form, "create:go");
        assertTrue(weak.text("create-errors") != null && weak.contains("12文字以上"), weak::html);
        form.put("create:password", initial);
        Page created = admin.post(accounts, "create", form, "create:go");
        assertTrue(created.contains("アカウント「" + username + "」を作成しました"), created::html);
        assertTrue(created.text("account-" + username) != null, created::html);
        assertTrue(created.html().matches("(?s).*id=\"account-" + username + "\".*?次回ログイン時に変更.*"), "must change at first login");
        Page taken = admin.post(accounts, "create", form, "create:go");
        assertTrue(taken.contains("ユーザー名「" + username + "」はすでに使われています"), taken::html);

        // the API refuses the initial password until it is changed on the page
        Api.Reply refused = anonymous.as(username, initial).get("api/v1/alerts/mine");
        assertEquals(403, refused.status(), refused::toString);
        assertTrue(refused.isProblem() && refused.json().getString("detail").contains("パスワードを変更してください"), refused::toString);

        // the pages lead only to the password page
        FacesSession user = signIn(username, initial);
        Page forced = user.get("partner/");
        assertTrue(forced.uri().getPath().endsWith("/account/password"), forced.uri()::toString);
        assertNotNull(forced.text("forced"), forced::html);
        assertTrue(user.get("").uri().getPath().endsWith("/account/password"), "every page until the change");
        Page weakChange = user.post(forced, "change", Map.of("change:current", initial, "change:password", "password1234",
                "change:repeat", "password1234"), "change:go");
        assertTrue(weakChange.text("password-errors") != null && weakChange.contains("よく使われるパスワードは使えません"), weakChange::html);
        Page mismatch = user.post(forced, "change", Map.of("change:current", initial, "change:password", "Jibun-no-himitsu-1",
                "change:repeat", "Jibun-no-himitsu-2"), "change:go");
        assertTrue(mismatch.contains("一致しません"), mismatch::html);
        Page wrongCurrent = user.post(forced, "change", Map.of("change:current", "not-my-password", "change:password", "Jibun-no-himitsu-1",
                "change:repeat", "Jibun-no-himitsu-1"), "change:go");
        assertTrue(wrongCurrent.contains("現在のパスワードが正しくありません"), wrongCurrent::html);
        String own = "Jibun-" + UUID.randomUUID();
        Page changed = user.post(forced, "change", Map.of("change:current", initial, "change:password", own,
                "change:repeat", own), "change:go");
        assertTrue(changed.uri().getPath().endsWith("/partner/"), changed.uri()::toString);
        assertTrue(changed.contains("パスワードを変更しました"), changed::html);
        assertEquals(200, user.get("partner/report").status());
        assertEquals(200, anonymous.as(username, own).get("api/v1/alerts/mine").status());
        assertEquals(401, anonymous.as(username, initial).get("api/v1/alerts/mine").status(), "the initial password is gone");

        // a reset forces a change again
        Page reset = admin.post(admin.get("admin/accounts"), "reset", Map.of("reset:username", username,
                "reset:password", "Atarashii-" + initial), "reset:go");
        assertTrue(reset.contains("新しい初期パスワードを設定しました"), reset::html);
        assertEquals(403, anonymous.as(username, "Atarashii-" + initial).get("api/v1/alerts/mine").status());

        // disabled: no login on the page or the API
        Page list = admin.get("admin/accounts");
        String row = FacesSession.formContaining(list, "value=\"" + username + "\"");
        Page disabled = admin.post(list, row, Map.of(), row + ":go");
        assertTrue(disabled.contains("アカウント「" + username + "」を無効にしました"), disabled::html);
        assertTrue(disabled.html().matches("(?s).*id=\"account-" + username + "\".*?無効.*"));
        Page login = signIn(username, "Atarashii-" + initial).get("partner/");
        assertTrue(login.uri().getPath().endsWith("/login"), login.uri()::toString);
        assertEquals(401, anonymous.as(username, "Atarashii-" + initial).get("api/v1/alerts/mine").status());
        Page self = admin.post(disabled, FacesSession.formContaining(disabled, "value=\"admin\""), Map.of(),
                FacesSession.formContaining(disabled, "value=\"admin\"") + ":go");
        assertTrue(self.contains("ご自身のアカウントは無効にできません"), self::html);

        String audit = this.admin.get("api/v1/audit?actor=admin&size=100").body();
        assertTrue(audit.contains("partner.create") && audit.contains(username), audit);
    }

    @Test
    void an_area_file_with_an_error_changes_nothing_and_a_valid_one_is_imported() {
        int n = ThreadLocalRandom.current().nextInt(1000, 9999);
        String city = "97" + n;
        String cityName = "テスト" + n + "町";
        String core = "tt" + n + "-core";
        String east = "tt" + n + "-east";
        FacesSession admin = signIn("admin", Api.DEMO_PASSWORD);
        Page areas = admin.get("admin/areas");
        assertEquals(200, areas.status());
        assertFalse(areas.contains(">" + city + "<"));

        String centers = "center_code,name,kind,region,address,phone,email\n"
                + core + ",テスト町基幹型センター,core,中央,みらい県" + cityName + "本町1-1,099-000-0001,core" + n + "@example.invalid\n"
                + east + ",テスト町東センター,commissioned,東,みらい県" + cityName + "東町2-2,099-000-0002,\n";
        Page centersDone = admin.upload(areas, "centers", Map.of("centers:municipality", ""), "centers:file", "centers.csv",
                centers.getBytes(StandardCharsets.UTF_8), "centers:go");
        assertTrue(centersDone.contains("センターを取り込みました（新規 2 件"), centersDone::html);

        String lookup = "api/v1/centers/lookup?address=" + Api.q(cityName + "東町3-1");
        String before = anonymous.get(lookup).body();
        String header = "city_code,pref_name,city_name,town,koaza,lat,lon,center_code,town_kana\n";
        String broken = header
                + city + ",みらい県," + cityName + ",本町,,35.70,139.40," + core + ",ホンマチ\n"
                + city + ",みらい県," + cityName + ",東町,,35.71,139.41,no-such-center,ヒガシマチ\n";
        Page refused = admin.upload(centersDone, "towns", Map.of(), "towns:file", "towns.csv",
                broken.getBytes(StandardCharsets.UTF_8), "towns:go");
        String errors = refused.text("towns-errors");
        assertNotNull(errors, refused::html);
        assertTrue(refused.contains("3行目（center_code）: センター no-such-center は登録されていません"), refused::html);
        assertEquals(before, anonymous.get(lookup).body(), "nothing changed");
        assertFalse(admin.get("admin/areas").contains("id=\"towns-" + city + "\""), "no municipality created");

        Page none = admin.upload(refused, "towns", Map.of(), "towns:file", "", new byte[0], "towns:go");
        assertTrue(none.contains("取り込むCSVファイルを選んでください"), none::html);

        String valid = header
                + city + ",みらい県," + cityName + ",本町,,35.70,139.40," + core + ",ホンマチ\n"
                + city + ",みらい県," + cityName + ",東町,,35.71,139.41," + east + ",ヒガシマチ\n";
        Page imported = admin.upload(refused, "towns", Map.of(), "towns:file", "towns.csv",
                valid.getBytes(StandardCharsets.UTF_8), "towns:go");
        assertTrue(imported.contains("市区町村 " + city + " の担当地域を取り込みました（新規 2 件"), imported::html);
        assertEquals("2", imported.text("towns-" + city), imported::html);
        JsonObject found = anonymous.get(lookup).json();
        assertEquals("town", found.getString("matched"), found::toString);
        assertEquals(east, found.getJsonObject("center").getString("code"));

        Page centerList = admin.get("admin/centers");
        assertEquals(200, centerList.status());
        assertTrue(centerList.contains(east) && centerList.contains("core" + n + "@example.invalid") && centerList.contains("基幹型"),
                centerList::html);
        assertTrue(centerList.text("centers-help").contains("CSVの取り込み"), "edits go through the import");
    }

    @Test
    void only_admins_open_the_admin_pages() {
        FacesSession core = signIn("core", Api.DEMO_PASSWORD);
        for (String page : new String[]{"admin/", "admin/areas", "admin/centers", "admin/partners", "admin/accounts"}) {
            assertEquals(403, core.get(page).status(), page);
        }
        assertEquals(403, signIn("partner", Api.DEMO_PASSWORD).get("admin/accounts").status());
        Page anonymousPage = new FacesSession(Api.loopback(base)).get("admin/accounts");
        assertTrue(anonymousPage.uri().getPath().endsWith("/login"), anonymousPage.uri()::toString);
        Page staffHome = signIn("admin", Api.DEMO_PASSWORD).get("staff/");
        assertTrue(staffHome.contains("id=\"to-admin\""), "admins find the admin pages on their start page");
        assertFalse(core.get("staff/").contains("id=\"to-admin\""));
        assertEquals(200, core.get("account/password").status(), "anyone signed in may change their password");
    }
}
