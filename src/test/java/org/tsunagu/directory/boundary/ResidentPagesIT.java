package org.tsunagu.directory.boundary;

import org.junit.jupiter.api.Test;
import org.tsunagu.Api;
import org.tsunagu.PortalIT;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The resident pages as HTML over HTTP (the real WAR, demo data): the search page keeps its state in
 * the URL, turns bad input into readable messages, escapes what centers typed, and every published
 * resource has a page at /resources/{id}.
 */
class ResidentPagesIT extends PortalIT {

    /** The context path the WAR was deployed under, with a trailing slash. */
    String context() {
        return Api.loopback(base).getPath();
    }

    @Test
    void the_search_page_finds_by_reading_and_keeps_its_state_in_the_url() {
        Api.Reply page = anonymous.get("?q=" + Api.q("さろん") + "&weekday=wed&category=salon");
        assertEquals(200, page.status(), page::toString);
        String html = page.body();
        assertTrue(html.contains("lang=\"ja\""));
        assertTrue(html.matches("(?s).*[0-9]+件中 1〜[0-9]+件目を表示.*"), "a result count");
        assertTrue(html.contains("value=\"さろん\""), "the keyword stays in the box");
        assertTrue(html.matches("(?s).*value=\"wed\"\\s+checked=\"checked\".*"), "the weekday stays chosen");
        assertTrue(html.contains("href=\"" + context() + "resources/"), "results link to their pages");
        assertTrue(html.contains("<mark>") || html.contains("サロン"), "names or snippets of salons");
        assertTrue(html.contains("id=\"map\"") && html.contains("data-lat=\""), "a map beside the list, markers from the list");
        assertTrue(html.contains("地図をとばす"), "the map can be skipped");
        assertEquals(200, anonymous.get("webjars/leaflet/1.9.4/dist/leaflet.js").status(), "Leaflet is served by the portal");
        assertTrue(html.contains("このサイトのデモ自治体「ひだまり市」は架空のものです。"),
                "the demo municipality is loaded here: the footer says it is fictional (SiteMunicipalityTest: only then)");
    }

    @Test
    void language_and_large_text_are_chosen_by_links_and_remembered() throws Exception {
        java.net.CookieManager cookies = new java.net.CookieManager();
        java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
        java.net.URI root = Api.loopback(base);
        var english = browser.send(java.net.http.HttpRequest.newBuilder(root.resolve("?lang=en&size=large")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, english.statusCode());
        assertTrue(english.body().contains("lang=\"en\"") && english.body().contains("Find local resources"), english.body());
        assertTrue(english.body().contains("class=\"large-text"), "large text");
        var later = browser.send(java.net.http.HttpRequest.newBuilder(root.resolve("centers/")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(later.body().contains("lang=\"en\"") && later.body().contains("large-text"), "remembered");
        var back = browser.send(java.net.http.HttpRequest.newBuilder(root.resolve("?lang=ja")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(back.body().contains("地域の社会資源をさがす"));
        assertTrue(anonymous.get("?lang=xx").body().contains("lang=\"ja\""), "unknown languages are ignored");
    }

    @Test
    void the_watch_partners_are_listed_by_type_without_contacts() {
        Api.Reply page = anonymous.get("partners");
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains("見守り協定を結んだ事業者") && page.body().contains("119番"), page.body());
        assertTrue(page.body().contains("コンビニ"), "grouped by type with the type's label");
        assertFalse(page.body().contains("@example"), "no contact addresses");
    }

    @Test
    void center_filter_and_device_location() {
        Api.Reply center = anonymous.get("?center=hidamari-kita1&category=salon");
        assertEquals(200, center.status());
        assertTrue(center.body().matches("(?s).*value=\"hidamari-kita1\"\s+selected=\"selected\".*"), "the center stays chosen");
        Api.Reply located = anonymous.get("?lat=35.7748&lon=139.4183&radius=1&sort=distance&category=pharmacy");
        assertEquals(200, located.status());
        assertTrue(located.body().contains("現在地からの距離"), located.body());
        assertTrue(located.body().contains(" km"), "distances are shown");
        assertTrue(anonymous.get("?lat=999&lon=abc").body().contains("位置情報が正しくない"));
    }

    @Test
    void bad_input_becomes_a_message_and_an_empty_result_suggests_wider_searches() {
        Api.Reply page = anonymous.get("?date=2026-02-30&near=" + Api.q("どこにもない町") + "&page=abc&category=bogus");
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.body().contains("日付が正しくないため"));
        assertTrue(page.body().contains("その住所の場所が分からないため"));
        Api.Reply none = anonymous.get("?q=" + Api.q("存在しないはずの名前ぬぬぬ") + "&category=dental");
        assertEquals(200, none.status());
        assertTrue(none.body().contains("条件に合う場所は見つかりませんでした"));
        assertTrue(none.body().contains("キーワードを外す") && none.body().contains("種類の指定を外す"), none.body());
    }

    @Test
    void a_resource_page_shows_next_dates_and_escapes_what_was_typed() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String name = "<script>alert('" + marker + "')</script>サロン";
        Api core = anonymous.asDemo("core");
        Api.Reply created = core.postJson("api/v1/resources", "{\"name\":\"" + name.replace("'", "\\u0027") + "\","
                + "\"category\":\"salon\",\"address\":\"ひだまり市緑が丘二丁目3-3\",\"schedule\":\"毎週水曜日 10:00〜11:30\","
                + "\"description\":\"<img src=x onerror=alert(1)> " + marker + " のお茶会\"}");
        assertEquals(201, created.status(), created::toString);
        long id = created.json().getJsonNumber("id").longValue();

        Api.Reply page = anonymous.get("resources/" + id);
        assertEquals(200, page.status(), page::toString);
        assertFalse(page.body().contains("<script>alert('" + marker), "the name is escaped");
        assertFalse(page.body().contains("<img src=x"), "the description is escaped");
        assertTrue(page.body().contains("&lt;script&gt;"), page.body());
        assertTrue(page.body().contains("<time datetime=\""), "next dates");
        assertTrue(page.body().contains("/api/v1/resources/" + id + "/calendar.ics"));
        Api.Reply print = anonymous.get("resources/" + id + "/print");
        assertEquals(200, print.status(), print::toString);
        assertTrue(print.body().contains("<svg") && print.body().contains("role=\"img\""), "a QR code to the page");
        assertFalse(print.body().contains("<script>alert('" + marker), "escaped on the printed sheet too");

        Api.Reply list = anonymous.get("?q=" + Api.q(marker));
        assertEquals(200, list.status());
        assertTrue(list.body().contains("href=\"" + context() + "resources/" + id + "\""), list.body());
        assertFalse(list.body().contains("<script>alert('" + marker) || list.body().contains("<img src=x"),
                "names and snippets are escaped in the list");

        assertEquals(404, anonymous.get("resources/999999999").status());
        assertEquals(204, core.delete("api/v1/resources/" + id).status());
        assertEquals(404, anonymous.get("resources/" + id).status(), "archived resources have no page");
    }
}
