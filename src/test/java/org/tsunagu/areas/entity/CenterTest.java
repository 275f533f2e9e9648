package org.tsunagu.areas.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CenterTest {

    static Center center() {
        return new Center(" C01 ", " 光が丘地域包括支援センター ", CenterKind.COMMISSIONED, " 練馬区光が丘2-9-6 ", " 03-0000-0001 ");
    }

    @Test
    @DisplayName("fields are stripped on creation")
    void creation() {
        Center c = center();
        assertEquals("C01", c.getCode());
        assertEquals("光が丘地域包括支援センター", c.getName());
        assertEquals("練馬区光が丘2-9-6", c.getAddress());
        assertEquals("03-0000-0001", c.getPhone());
        assertNull(c.getEmail());
        assertNull(c.getMunicipality());
        assertFalse(c.isCore());
        assertTrue(new Center("K", "基幹", CenterKind.CORE, "練馬区", "03").isCore());
    }

    @Test
    @DisplayName("code, name, kind, address and phone are required")
    void required() {
        assertThrows(IllegalArgumentException.class, () -> new Center(" ", "n", CenterKind.DIRECT, "a", "p"));
        assertThrows(IllegalArgumentException.class, () -> new Center(null, "n", CenterKind.DIRECT, "a", "p"));
        assertThrows(IllegalArgumentException.class, () -> new Center("c", " ", CenterKind.DIRECT, "a", "p"));
        assertThrows(IllegalArgumentException.class, () -> new Center("c", "n", null, "a", "p"));
        assertThrows(IllegalArgumentException.class, () -> new Center("c", "n", CenterKind.DIRECT, "", "p"));
        assertThrows(IllegalArgumentException.class, () -> new Center("c", "n", CenterKind.DIRECT, "a", null));
    }

    @Test
    @DisplayName("bindTo binds an unbound center, and rebinding to the same municipality is fine")
    void bindToSameMunicipality() {
        Center c = center();
        Municipality nerima = new Municipality("131202", "東京都", "練馬区");
        Region hikari = new Region(nerima, "光が丘");
        c.bindTo(nerima, hikari);
        assertSame(nerima, c.getMunicipality());
        assertSame(hikari, c.getRegion());
        assertEquals("光が丘", c.getRegionName());

        Municipality sameCode = new Municipality("131202", "東京都", "練馬区");
        Region shakujii = new Region(sameCode, "石神井");
        c.bindTo(sameCode, shakujii);
        assertSame(shakujii, c.getRegion());
    }

    @Test
    @DisplayName("bindTo refuses another municipality and keeps the old binding")
    void bindToOtherMunicipalityRefused() {
        Center c = center();
        Municipality nerima = new Municipality("131202", "東京都", "練馬区");
        c.bindTo(nerima, null);
        Municipality kodaira = new Municipality("132110", "東京都", "小平市");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> c.bindTo(kodaira, new Region(kodaira, "小平")));
        assertTrue(e.getMessage().contains("131202") && e.getMessage().contains("132110"), e.getMessage());
        assertSame(nerima, c.getMunicipality());
        assertNull(c.getRegion());
    }

    @Test
    @DisplayName("placeInRegion keeps the imported 圏域 name and drops a region with another name")
    void placeInRegion() {
        Center c = center();
        c.placeInRegion(" 光が丘 ");
        assertEquals("光が丘", c.getRegionName());
        Municipality nerima = new Municipality("131202", "東京都", "練馬区");
        c.bindTo(nerima, new Region(nerima, "光が丘"));
        c.placeInRegion("光が丘");
        assertEquals("光が丘", c.getRegion().getName());
        c.placeInRegion("石神井");
        assertNull(c.getRegion());
        assertEquals("石神井", c.getRegionName());
    }

    @Test
    @DisplayName("describe replaces the descriptive fields; blank email becomes null")
    void describe() {
        Center c = center();
        c.describe("新名称", CenterKind.CORE, "新住所", "03-9999-9999", " info@example.jp ");
        assertEquals("新名称", c.getName());
        assertTrue(c.isCore());
        assertEquals("info@example.jp", c.getEmail());
        c.describe("新名称", CenterKind.CORE, "新住所", "03-9999-9999", "  ");
        assertNull(c.getEmail());
    }
}
