package org.tsunagu.directory.freshness.control;

import org.junit.jupiter.api.Test;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.CenterKind;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.directory.entity.Category;
import org.tsunagu.directory.entity.Resource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monthly stale digest's text: who, since when, which entries with links, capped. */
class StaleDigestTest {

    static final Municipality TOWN = new Municipality("990001", "みらい県", "ひだまり市");

    @Test
    void names_each_stale_entry_with_its_editor_link() {
        Center c = new Center("kita1", "北地域包括支援センター", CenterKind.COMMISSIONED, "ひだまり市北1", "03-0000-0001");
        List<Resource> stale = List.of(new Resource(TOWN, "北町いきいきサロン", Category.SALON, "ひだまり市北1-2"));
        String body = StaleDigest.body(c, stale, Instant.parse("2025-11-23T00:00:00Z"), p -> "https://portal.example" + p);
        assertTrue(body.startsWith("北地域包括支援センター 御中"), body);
        assertTrue(body.contains("2025年11月23日以降"), body);
        assertTrue(body.contains("・北町いきいきサロン（サロン・通いの場） https://portal.example/staff/resource?id="), body);
        assertTrue(body.contains("https://portal.example/staff/resources?stale=true"), body);
        assertEquals("【つなぐ】2026年11月 確認が必要な社会資源 1件", StaleDigest.subject("2026-11", 1));
    }

    @Test
    void a_long_list_is_cut_with_a_link_to_the_rest() {
        Center c = new Center("kita1", "北", CenterKind.COMMISSIONED, "ひだまり市北1", "03");
        List<Resource> stale = new ArrayList<>();
        for (int i = 0; i < 73; i++) {
            stale.add(new Resource(TOWN, "サロン" + i, Category.SALON, "ひだまり市北1-" + i));
        }
        String body = StaleDigest.body(c, stale, Instant.now(), p -> p);
        assertEquals(StaleDigest.LISTED, body.lines().filter(l -> l.startsWith("・")).count());
        assertTrue(body.contains("ほか 23件"), body);
    }
}
