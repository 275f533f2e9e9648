package org.tsunagu.directory.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.tsunagu.Api;
import org.tsunagu.PortalIT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Black-box tests of the resources API on the real WAR (demo profile): search with readings,
 * facets and filters, every kind of bad parameter as a 400 problem, detail and calendar, and the
 * promise that an edit made through the API is searchable — or gone — within one second.
 */
class ResourcesIT extends PortalIT {

    static final Duration VISIBLE_WITHIN = Duration.ofSeconds(1);

    JsonObject search(String query) {
        Api.Reply r = anonymous.get("api/v1/resources?" + query);
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    static List<String> names(JsonObject result) {
        return result.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(i -> i.getString("name")).toList();
    }

    /** Polls a search until the condition holds; returns how long it took, or fails after the limit. */
    Duration until(String query, Predicate<JsonObject> condition, Duration limit) {
        long started = System.nanoTime();
        while (true) {
            JsonObject r = search(query);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            if (condition.test(r)) {
                return took;
            }
            if (took.compareTo(limit) > 0) {
                throw new AssertionError("not within " + limit + ": " + query + " → " + r);
            }
            sleep(25);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void hiragana_finds_salons_with_facets_that_respect_other_filters() {
        JsonObject r = search("q=" + Api.q("さろん") + "&municipality=990001");
        assertTrue(r.getInt("total") > 10, r::toString);
        JsonObject first = r.getJsonArray("items").getJsonObject(0);
        for (String field : List.of("id", "externalId", "name", "nameKana", "category", "summary", "address", "town",
                "lat", "lon", "distanceKm", "centerCode", "schedule", "nextDates", "homeVisit", "highlight")) {
            assertTrue(first.containsKey(field), () -> field + " missing in " + first);
        }
        JsonObject facets = r.getJsonObject("facets");
        assertTrue(facets.getJsonObject("category").getInt("salon") > 10, facets::toString);
        int wednesdays = facets.getJsonObject("weekday").getInt("wed");
        JsonObject onlyWednesday = search("q=" + Api.q("さろん") + "&municipality=990001&weekday=wed&size=100");
        assertEquals(wednesdays, onlyWednesday.getInt("total"));
        assertEquals(facets.getJsonObject("weekday"), onlyWednesday.getJsonObject("facets").getJsonObject("weekday"),
                "a weekday facet keeps counting the other weekdays (drill sideways)");
        for (JsonObject item : onlyWednesday.getJsonArray("items").getValuesAs(JsonObject.class)) {
            assertTrue(item.getJsonArray("nextDates").size() > 0, item::toString);
        }
    }

    @Test
    void distance_sort_and_radius_from_an_address() {
        JsonObject r = search("category=pharmacy&near=" + Api.q("ひだまり市緑が丘二丁目") + "&radius=2&sort=distance&size=100");
        JsonArray items = r.getJsonArray("items");
        assertTrue(items.size() > 0, r::toString);
        double last = 0;
        for (JsonObject i : items.getValuesAs(JsonObject.class)) {
            double d = i.getJsonNumber("distanceKm").doubleValue();
            assertTrue(d >= last && d <= 2.0, r::toString);
            last = d;
        }
    }

    @Test
    void bad_parameters_are_400_problems_naming_the_field() {
        String[][] cases = {{"size=0", "size"}, {"size=101", "size"}, {"page=-1", "page"}, {"page=abc", "page"},
                {"page=9999&size=100", "page"}, {"page=2147483647", "page"}, {"category=bogus", "category"}, {"weekday=xyz", "weekday"},
                {"date=2026-02-30", "date"}, {"date=tomorrow", "date"}, {"radius=5", "radius"},
                {"lat=35.7", "lon"}, {"lat=95&lon=139", "lat"}, {"lat=35&lon=139&radius=51", "radius"},
                {"lat=35&lon=139&radius=-1", "radius"}, {"sort=bogus", "sort"}, {"sort=distance", "sort"},
                {"homeVisit=maybe", "homeVisit"}, {"free=yes", "free"}, {"municipality=12", "municipality"},
                {"near=" + Api.q("どこにもない町99"), "near"}, {"q=" + "あ".repeat(201), "q"}, {"lat=NaN&lon=139", "lat"}};
        for (String[] c : cases) {
            Api.Reply r = anonymous.get("api/v1/resources?" + c[0]);
            assertEquals(400, r.status(), () -> c[0] + " → " + r);
            assertTrue(r.isProblem(), r::toString);
            assertTrue(r.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                    .anyMatch(e -> e.getString("field").equals(c[1])), () -> c[0] + " → " + r.body());
        }
        assertEquals(404, anonymous.get("api/v1/resources/abc").status());
        assertEquals(404, anonymous.get("api/v1/resources/999999999").status());
        Api.Reply lucene = anonymous.get("api/v1/resources?q=" + Api.q("title:(\"a\" AND b*) OR ~ ^2 \\ ' ; DROP TABLE resource"));
        assertEquals(200, lucene.status(), "query syntax is just text: " + lucene);
    }

    @Test
    void detail_and_calendar_of_a_published_resource() {
        JsonObject hit = search("q=" + Api.q("毎月") + "&category=salon&size=1").getJsonArray("items").getJsonObject(0);
        long id = hit.getJsonNumber("id").longValue();
        Api.Reply detail = anonymous.get("api/v1/resources/" + id);
        assertEquals(200, detail.status(), detail::toString);
        JsonObject d = detail.json();
        for (String field : List.of("description", "phone", "url", "email", "cost", "reservation", "target",
                "accessibility", "departments", "organizer", "center", "updatedAt", "verifiedAt", "nextDates")) {
            assertTrue(d.containsKey(field), () -> field + " missing in " + d);
        }
        Api.Reply ics = anonymous.get("api/v1/resources/" + id + "/calendar.ics");
        assertEquals(200, ics.status(), ics::toString);
        assertTrue(ics.contentType().startsWith("text/calendar"), ics::toString);
        assertTrue(ics.body().contains("BEGIN:VCALENDAR") && ics.body().contains("RRULE:FREQ=MONTHLY"), ics.body());
        // the configured public address (tsunagu.base.url, its default in the ITs), not this request's Host and port
        assertTrue(ics.body().contains("URL:http://127.0.0.1:8080/resources/" + id + "\r\n"), ics.body());
    }

    @Test
    void an_edit_is_searchable_within_one_second_and_gone_after_delete() {
        Api core = anonymous.asDemo("core");
        String name = unique("つなぐ検証サロン");
        Api.Reply created = core.postJson("api/v1/resources", "{\"name\":\"" + name + "\",\"category\":\"salon\","
                + "\"address\":\"ひだまり市緑が丘二丁目3-3\",\"schedule\":\"毎週水曜日 10:00〜11:30\",\"cost\":\"無料\","
                + "\"description\":\"検証用のサロンです\"}");
        assertEquals(201, created.status(), created::toString);
        long id = created.json().getJsonNumber("id").longValue();
        assertEquals("緑が丘二丁目", created.json().getString("town"));
        assertTrue(created.json().getBoolean("scheduleParsed"));
        String byName = "q=" + Api.q(name);
        assertEquals(1, search(byName).getInt("total"), "the answer to the change comes after the index has it");
        Duration visible = until(byName, r -> r.getInt("total") == 1, VISIBLE_WITHIN);
        JsonObject hit = search(byName + "&weekday=wed&free=true").getJsonArray("items").getJsonObject(0);
        assertEquals(id, hit.getJsonNumber("id").longValue());

        String renamed = unique("つなぐ改名サロン");
        long version = created.json().getJsonNumber("version").longValue();
        Api.Reply put = core.putJson("api/v1/resources/" + id, "{\"name\":\"" + renamed + "\",\"category\":\"salon\","
                + "\"address\":\"ひだまり市緑が丘二丁目3-3\",\"version\":" + version + "}");
        assertEquals(200, put.status(), put::toString);
        until("q=" + Api.q(renamed), r -> r.getInt("total") == 1, VISIBLE_WITHIN);
        until(byName, r -> r.getInt("total") == 0, VISIBLE_WITHIN);
        Api.Reply stale = core.putJson("api/v1/resources/" + id, "{\"name\":\"x\",\"category\":\"salon\","
                + "\"address\":\"ひだまり市緑が丘二丁目3-3\",\"version\":" + version + "}");
        assertEquals(409, stale.status(), "a stale version loses: " + stale);

        assertEquals(204, core.delete("api/v1/resources/" + id).status());
        until("q=" + Api.q(renamed), r -> r.getInt("total") == 0, VISIBLE_WITHIN);
        assertEquals(404, anonymous.get("api/v1/resources/" + id).status());
        System.out.println("created resource searchable after " + visible.toMillis() + " ms");
    }

    JsonObject indexStatus() {
        Api.Reply r = admin.get("api/v1/search/index");
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    long latestChange() {
        JsonObject s = indexStatus();
        return s.isNull("latestChange") ? 0 : s.getJsonNumber("latestChange").longValue();
    }

    /** Waits until the poller has applied every change log entry (lastAppliedChange == latestChange). */
    JsonObject untilCaughtUp() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            JsonObject s = indexStatus();
            if (!s.isNull("latestChange")
                    && s.getJsonNumber("lastAppliedChange").longValue() == s.getJsonNumber("latestChange").longValue()) {
                return s;
            }
            assertTrue(System.nanoTime() < deadline, () -> "the index did not catch up with the change log: " + s);
            sleep(100);
        }
    }

    @Test
    void every_edit_writes_the_index_change_log_and_the_index_keeps_up_with_it() {
        Api core = anonymous.asDemo("core");
        long before = latestChange();
        String name = unique("つなぐ変更記録サロン");
        Api.Reply created = core.postJson("api/v1/resources", "{\"name\":\"" + name + "\",\"category\":\"salon\","
                + "\"address\":\"ひだまり市緑が丘二丁目3-3\"}");
        assertEquals(201, created.status(), created::toString);
        long id = created.json().getJsonNumber("id").longValue();
        long afterCreate = latestChange();
        assertTrue(afterCreate > before, "a create writes a change log entry: " + before + " → " + afterCreate);

        Api.Reply put = core.putJson("api/v1/resources/" + id, "{\"name\":\"" + name + "改\",\"category\":\"salon\","
                + "\"address\":\"ひだまり市緑が丘二丁目3-3\",\"version\":" + created.json().getJsonNumber("version") + "}");
        assertEquals(200, put.status(), put::toString);
        long afterUpdate = latestChange();
        assertTrue(afterUpdate > afterCreate, "an update writes a change log entry");

        Api.Reply invalid = core.putJson("api/v1/resources/" + id, "{\"name\":\"\",\"category\":\"salon\","
                + "\"address\":\"ひだまり市緑が丘二丁目3-3\",\"version\":" + put.json().getJsonNumber("version") + "}");
        assertEquals(400, invalid.status(), invalid::toString);
        assertEquals(afterUpdate, latestChange(), "a refused edit writes nothing");

        assertEquals(204, core.delete("api/v1/resources/" + id).status());
        long afterArchive = latestChange();
        assertTrue(afterArchive > afterUpdate, "an archive writes a change log entry");

        Api.Reply imported = core.post("api/v1/imports/resources?format=tsunagu", "text/csv",
                ("external_id,name,category,address\n" + unique("it-clog-") + "," + unique("つなぐ取込記録")
                        + ",salon,ひだまり市緑が丘二丁目3-3\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, imported.status(), imported::toString);
        assertTrue(latestChange() > afterArchive, "an import writes a change log entry");

        JsonObject caughtUp = untilCaughtUp();
        assertTrue(caughtUp.getJsonNumber("rememberedChange").longValue()
                <= caughtUp.getJsonNumber("lastAppliedChange").longValue(), caughtUp::toString);
        sleep(2_500); // a few polls later nothing has drifted
        JsonObject later = indexStatus();
        assertEquals(later.getJsonNumber("latestChange").longValue(), later.getJsonNumber("lastAppliedChange").longValue(),
                later::toString);
        assertEquals(later.getInt("published"), later.getInt("documents"), later::toString);
    }

    @Test
    void drafts_stay_hidden_and_staff_edit_only_their_catchment() {
        String username = unique("minami");
        String password = "Minami-" + UUID.randomUUID();
        assertEquals(201, admin.postJson("api/v1/accounts", "{\"username\":\"" + username + "\",\"password\":\""
                + password + "\",\"role\":\"staff\",\"centerCode\":\"hidamari-minami1\"}").status());
        Api minami = anonymous.as(username, password);
        String name = unique("南台下書きサロン");
        Api.Reply draft = minami.postJson("api/v1/resources", "{\"name\":\"" + name + "\",\"category\":\"salon\","
                + "\"address\":\"ひだまり市大原100\",\"status\":\"draft\"}");
        assertEquals(201, draft.status(), draft::toString);
        long id = draft.json().getJsonNumber("id").longValue();
        sleep(VISIBLE_WITHIN.toMillis());
        assertEquals(0, search("q=" + Api.q(name)).getInt("total"), "a draft is never shown");
        assertEquals(404, anonymous.get("api/v1/resources/" + id).status());

        Api.Reply elsewhere = minami.postJson("api/v1/resources", "{\"name\":\"" + unique("越境サロン") + "\","
                + "\"category\":\"salon\",\"address\":\"ひだまり市緑が丘二丁目3-3\"}");
        assertEquals(403, elsewhere.status(), "another center's catchment: " + elsewhere);
        long kita = search("q=" + Api.q("緑が丘") + "&size=1").getJsonArray("items").getJsonObject(0)
                .getJsonNumber("id").longValue();
        assertEquals(403, minami.delete("api/v1/resources/" + kita).status());
        assertEquals(401, anonymous.delete("api/v1/resources/" + kita).status());
        assertEquals(403, anonymous.asDemo("partner").delete("api/v1/resources/" + kita).status());
        Api.Reply invalid = minami.postJson("api/v1/resources", "{\"name\":\"\",\"category\":\"spa\",\"lat\":\"north\"}");
        assertEquals(400, invalid.status(), invalid::toString);
        assertTrue(invalid.body().contains("category") && invalid.body().contains("address"), invalid.body());
    }

    @Test
    void csv_import_dry_run_changes_nothing_then_imports_searchably() {
        String id = unique("it-import-");
        String name = unique("取込オレンジカフェ");
        String csv = "external_id,name,category,address,schedule,cost\n"
                + id + "," + name + ",dementia_cafe,ひだまり市緑が丘一丁目2-2,毎月第1土曜日 13:00〜15:00,無料\n";
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);
        Api core = anonymous.asDemo("core");
        Api.Reply dry = core.post("api/v1/imports/resources?format=tsunagu&dryRun=true", "text/csv", file);
        assertEquals(200, dry.status(), dry::toString);
        assertEquals(1, dry.json().getInt("created"));
        sleep(VISIBLE_WITHIN.toMillis());
        assertEquals(0, search("q=" + Api.q(name)).getInt("total"), "a dry run imports nothing");
        Api.Reply real = core.post("api/v1/imports/resources?format=tsunagu", "text/csv", file);
        assertEquals(200, real.status(), real::toString);
        assertEquals(1, search("q=" + Api.q(name)).getInt("total"), "imported rows are searchable when the import answers");
        until("q=" + Api.q(name), r -> r.getInt("total") == 1, VISIBLE_WITHIN);
        until("q=" + Api.q("認知症カフェ") + "&category=dementia_cafe&size=100",
                r -> names(r).contains(name), VISIBLE_WITHIN);
        Api.Reply broken = core.post("api/v1/imports/resources?format=tsunagu", "text/csv",
                ("external_id,name,category,address\n" + unique("x") + ",名前,nocategory,ひだまり市緑が丘一丁目\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(400, broken.status(), broken::toString);
        assertEquals(400, core.post("api/v1/imports/resources?format=excel", "text/csv", file).status());
        assertEquals(403, anonymous.asDemo("partner").post("api/v1/imports/resources", "text/csv", file).status());
    }

    @Test
    void suggestions_by_reading() {
        Api.Reply r = anonymous.get("api/v1/suggest?q=" + Api.q("みどり"));
        assertEquals(200, r.status(), r::toString);
        JsonArray s = r.json().getJsonArray("suggestions");
        assertTrue(s.size() > 0 && s.size() <= 10, r::toString);
        assertTrue(s.getValuesAs(JsonObject.class).stream().anyMatch(i -> i.getString("text").equals("緑が丘")), r::toString);
        assertEquals(400, anonymous.get("api/v1/suggest").status());
    }

    @Test
    void synonyms_added_by_an_admin_apply_after_the_automatic_rebuild_and_search_never_fails_meanwhile() {
        String name = unique("ぽかぽか広場");
        String nickname = unique("ぽかひろ");
        Api core = anonymous.asDemo("core");
        assertEquals(201, core.postJson("api/v1/resources", "{\"name\":\"" + name + "\",\"category\":\"salon\","
                + "\"address\":\"ひだまり市緑が丘三丁目1\"}").status());
        until("q=" + Api.q(name), r -> r.getInt("total") == 1, VISIBLE_WITHIN);
        assertEquals(0, search("q=" + Api.q(nickname)).getInt("total"));
        assertEquals(403, core.postJson("api/v1/search/synonyms", "{\"terms\":[\"a\",\"b\"]}").status());
        assertEquals(400, admin.postJson("api/v1/search/synonyms", "{\"terms\":[\"ひとつ\"]}").status());
        Api.Reply added = admin.postJson("api/v1/search/synonyms", "{\"terms\":[\"" + nickname + "\",\"" + name + "\"]}");
        assertEquals(201, added.status(), added::toString);
        for (int i = 0; i < 20; i++) {
            search("q=" + Api.q("サロン")); // searches keep answering during the rebuild
        }
        until("q=" + Api.q(nickname), r -> names(r).contains(name), Duration.ofSeconds(30));
        Api.Reply status = admin.get("api/v1/search/index");
        assertEquals(200, status.status(), status::toString);
        assertEquals(403, core.get("api/v1/search/index").status());
        Api.Reply rebuild = admin.post("api/v1/search/index/rebuild", "application/json", new byte[0]);
        assertEquals(202, rebuild.status(), rebuild::toString);
        long total = search("q=" + Api.q("サロン")).getInt("total");
        assertTrue(total > 0);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (admin.get("api/v1/search/index").json().getBoolean("rebuilding") && System.nanoTime() < deadline) {
            assertEquals(total, search("q=" + Api.q("サロン")).getInt("total"), "the old index answers meanwhile");
        }
        JsonObject after = admin.get("api/v1/search/index").json();
        assertFalse(after.getBoolean("rebuilding"), after::toString);
        assertEquals(after.getInt("published"), after.getInt("documents"), after::toString);
        assertEquals(JsonValue.ValueType.STRING, after.get("lastRebuildAt").getValueType());
    }
}
