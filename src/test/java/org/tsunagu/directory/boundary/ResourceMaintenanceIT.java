package org.tsunagu.directory.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.tsunagu.Api;
import org.tsunagu.FacesSession;
import org.tsunagu.FacesSession.Page;
import org.tsunagu.PortalIT;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeping the map true: field-level history of every edit, 「内容を確認しました」, the stale list,
 * the editor refusing to overwrite a colleague's newer version, and residents' corrections with
 * their rate limit and the center's queue.
 */
class ResourceMaintenanceIT extends PortalIT {

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 6);
    }

    long create(Api as, String name) {
        Api.Reply created = as.postJson("api/v1/resources", "{\"name\":\"" + name + "\",\"category\":\"salon\","
                + "\"address\":\"ひだまり市緑が丘二丁目3-3\",\"schedule\":\"毎週水曜日 10:00〜11:30\",\"phone\":\"03-0000-1111\"}");
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    @Test
    void every_edit_is_in_the_history_with_who_and_what() {
        Api core = anonymous.asDemo("core");
        String name = unique("履歴サロン");
        long id = create(core, name);
        JsonObject detail = core.get("api/v1/resources/" + id).json();
        Api.Reply updated = core.putJson("api/v1/resources/" + id, "{\"version\":" + detail.getJsonNumber("version") + ","
                + "\"name\":\"" + name + "\",\"category\":\"salon\",\"address\":\"ひだまり市緑が丘二丁目3-3\","
                + "\"schedule\":\"毎月第2水曜日 10:00〜11:30\",\"phone\":\"03-0000-2222\"}");
        assertEquals(200, updated.status(), updated::toString);
        JsonArray history = core.get("api/v1/resources/" + id + "/history").json().getJsonArray("items");
        assertEquals("phone", history.getJsonObject(0).getString("field").equals("phone") ? "phone"
                : history.getJsonObject(1).getString("field"), history.toString());
        assertTrue(history.toString().contains("\"from\":\"03-0000-1111\",\"to\":\"03-0000-2222\""), history.toString());
        assertTrue(history.toString().contains("\"field\":\"schedule\""), "the schedule change is recorded");
        assertFalse(history.toString().contains("\"field\":\"name\""), "unchanged fields are not");
        assertTrue(history.toString().contains("\"field\":\"*created\""), "the creation is the first entry");
        assertTrue(history.stream().allMatch(v -> v.asJsonObject().getString("actor").equals("core")));
        assertEquals(401, anonymous.get("api/v1/resources/" + id + "/history").status());

        Api.Reply verified = core.postJson("api/v1/resources/" + id + "/verify", "{}");
        assertEquals(200, verified.status(), verified::toString);
        assertTrue(verified.json().containsKey("verifiedAt"), verified::toString);
    }

    @Test
    void the_editor_never_overwrites_a_newer_version_and_lists_stale_entries() {
        String name = unique("編集サロン");
        long id = create(anonymous.asDemo("core"), name);
        FacesSession first = FacesSession.loggedIn(Api.loopback(base), "core", Api.DEMO_PASSWORD);
        FacesSession second = FacesSession.loggedIn(Api.loopback(base), "core", Api.DEMO_PASSWORD);
        Page mine = first.get("staff/resource?id=" + id);
        Page theirs = second.get("staff/resource?id=" + id);
        assertTrue(mine.contains(name), mine::html);
        assertTrue(mine.contains("次の予定"), "the schedule preview shows the next dates");

        Page saved = second.post(theirs, "editor", editorFields(theirs, name + "（同僚）"), "editor:save");
        assertTrue(saved.contains("保存しました"), saved::html);
        Page refused = first.post(mine, "editor", editorFields(mine, name + "（私）"), "editor:save");
        assertTrue(refused.contains("他の職員が更新しました"), refused::html);
        assertEquals(name + "（同僚）", anonymous.get("api/v1/resources/" + id).json().getString("name"), "nothing was overwritten");
        assertTrue(saved.contains("（同僚）") && saved.contains("id=\"history\""), "the history is on the editor page");

        Page bad = second.post(saved, "editor", Map.of("editor:name", ""), "editor:save");
        assertTrue(bad.contains("名称"), "a missing name is named on the page");

        Page stale = first.get("staff/resources?stale=true");
        assertFalse(stale.contains(name), "a new entry is not stale");
        assertTrue(first.get("staff/resources").contains(name));
    }

    /** The form's current values (what a browser would send back), with a new name. */
    static Map<String, Object> editorFields(Page page, String name) {
        Map<String, Object> f = FacesSession.values(page, "editor");
        f.put("editor:name", name);
        return f;
    }

    @Test
    void a_file_is_checked_row_by_row_before_it_is_imported() {
        FacesSession core = FacesSession.loggedIn(Api.loopback(base), "core", Api.DEMO_PASSWORD);
        String good = unique("取込サロン");
        String id = unique("page-import-");
        String header = "external_id,name,category,address,schedule\r\n";
        byte[] file = (header + id + "-1," + good + ",salon,ひだまり市緑が丘二丁目3-3,毎月第2水曜日 10:00〜11:30\r\n"
                + id + "-2," + unique("不定期サロン") + ",salon,ひだまり市緑が丘二丁目3-4,気が向いたとき\r\n"
                + id + "-3,,spa,ひだまり市緑が丘二丁目3-3,\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Page form = core.get("staff/import");
        assertEquals(200, form.status());
        Page preview = core.upload(form, "upload", Map.of("upload:format", "tsunagu"), "upload:file", "salons.csv", file, "upload:check");
        assertTrue(preview.contains("id=\"preview-errors\"") && preview.contains("id=\"preview-warnings\""), preview::html);
        assertTrue(preview.text("preview-counts").contains("誤りのある行 1"), preview.text("preview-counts"));
        assertTrue(preview.contains("not-importable"), "with an error and without skipping, nothing can be imported");
        assertEquals(0, anonymous.get("api/v1/resources?q=" + Api.q(good)).json().getInt("total"), "the check changed nothing");

        Page skipping = core.upload(preview, "upload", Map.of("upload:format", "tsunagu", "upload:skip", "true"), "upload:file",
                "salons.csv", file, "upload:check");
        assertTrue(skipping.text("preview-counts").contains("新規 2"), skipping.text("preview-counts"));
        Page done = core.post(skipping, "confirm", Map.of(), "confirm:go");
        assertTrue(done.contains("id=\"import-done\""), done::html);
        assertEquals(1, anonymous.get("api/v1/resources?q=" + Api.q(good)).json().getInt("total"), "the good rows are in");
    }

    @Test
    void residents_report_wrong_information_and_the_center_closes_it() {
        String name = unique("訂正サロン");
        long id = create(anonymous.asDemo("core"), name);
        Api.Reply reported = anonymous.postJson("api/v1/resources/" + id + "/corrections",
                "{\"kind\":\"schedule\",\"message\":\"第3木曜日に変わりました\"}");
        assertEquals(201, reported.status(), reported::toString);
        long correction = reported.json().getJsonNumber("id").longValue();
        assertEquals(400, anonymous.postJson("api/v1/resources/" + id + "/corrections", "{\"kind\":\"rumour\"}").status());
        assertEquals(400, anonymous.postJson("api/v1/resources/" + id + "/corrections", "{\"kind\":\"other\"}").status(),
                "「その他」 needs words");
        assertEquals(404, anonymous.postJson("api/v1/resources/999999999/corrections", "{\"kind\":\"ended\"}").status());

        // the resident's page: no login, a short form, thanks on the resource page
        FacesSession resident = new FacesSession(Api.loopback(base));
        Page form = resident.get("correction?resource=" + id);
        assertTrue(form.contains(name) && form.contains("お名前や連絡先は書かないでください"), form::html);
        Page thanks = resident.post(form, "correction", Map.of("correction:kind", "ended", "correction:message", "閉店の張り紙がありました"),
                "correction:send");
        assertTrue(thanks.contains("お知らせありがとうございました"), thanks::html);

        Api core = anonymous.asDemo("core");
        String open = core.get("api/v1/corrections").body();
        assertTrue(open.contains("第3木曜日に変わりました") && open.contains("閉店の張り紙がありました"), open);
        assertEquals(401, anonymous.get("api/v1/corrections").status());
        Api.Reply closed = core.postJson("api/v1/corrections/" + correction + "/close", "{\"note\":\"日程を修正\"}");
        assertEquals(200, closed.status(), closed::toString);
        assertEquals(409, core.postJson("api/v1/corrections/" + correction + "/close", "{}").status());
        assertFalse(core.get("api/v1/corrections").body().contains("第3木曜日に変わりました"));

        // the door is rate-limited per client (TSUNAGU_CORRECTIONS_PER_HOUR in the ITs): the client as the
        // balancer names it (X-Forwarded-For, TSUNAGU_LOGIN_ADDRESS_HEADER in the ITs), not the balancer itself
        int status = 0;
        for (int i = 0; i < 10 && status != 429; i++) {
            status = anonymous.send("api/v1/resources/" + id + "/corrections", "application/json", "{\"kind\":\"place\"}",
                    "X-Forwarded-For", "192.0.2.77").status();
        }
        assertEquals(429, status, "too many reports from one client");
        Api.Reply neighbour = anonymous.send("api/v1/resources/" + id + "/corrections", "application/json",
                "{\"kind\":\"place\"}", "X-Forwarded-For", "192.0.2.78");
        assertEquals(201, neighbour.status(), () -> "another resident behind the same balancer may still report: " + neighbour);
    }
}
