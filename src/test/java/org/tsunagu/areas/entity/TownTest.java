package org.tsunagu.areas.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TownTest {

    static final Municipality NERIMA = new Municipality("131202", "東京都", "練馬区");
    static final GeoPoint POINT = new GeoPoint(35.7637, 139.6294);

    Center main;
    Center other;
    Center third;
    Town town;

    @BeforeEach
    void setUp() {
        main = new Center("C01", "光が丘", CenterKind.COMMISSIONED, "練馬区光が丘", "03-0000-0001");
        other = new Center("C02", "田柄", CenterKind.COMMISSIONED, "練馬区田柄", "03-0000-0002");
        third = new Center("C03", "旭町", CenterKind.DIRECT, "練馬区旭町", "03-0000-0003");
        town = new Town(NERIMA, " 光が丘二丁目 ", null, POINT, main);
        town.assignBlocks(new BlockRange(10, 20, other));
        town.assignBlocks(new BlockRange(30, 30, third));
    }

    @ParameterizedTest(name = "番地 {0} → {1}")
    @CsvSource({
            "1,  C01",
            "9,  C01",
            "10, C02",   // lower edge inclusive
            "15, C02",
            "20, C02",   // upper edge inclusive
            "21, C01",
            "29, C01",
            "30, C03",   // single-block range
            "31, C01",
            "999, C01"})
    @DisplayName("centerFor routes by 番地 range, else to the town's center")
    void centerForBlock(int block, String expectedCode) {
        assertEquals(expectedCode, town.centerFor(block).getCode());
    }

    @Test
    @DisplayName("an address without 番地 goes to the town's center")
    void nullBlock() {
        assertSame(main, town.centerFor(null));
        assertEquals(Optional.empty(), town.blockRangeFor(null));
    }

    @Test
    @DisplayName("blockRangeFor returns the matching range")
    void blockRangeFor() {
        BlockRange r = town.blockRangeFor(12).orElseThrow();
        assertEquals(10, r.from());
        assertEquals(20, r.to());
        assertSame(other, r.center());
        assertTrue(town.blockRangeFor(25).isEmpty());
    }

    @ParameterizedTest(name = "{0}-{1} overlaps")
    @CsvSource({"5,10", "20,25", "12,14", "1,100", "30,30", "25,30"})
    @DisplayName("overlapping ranges are refused and the town is unchanged")
    void overlappingRangesRefused(int from, int to) {
        BlockRange clash = new BlockRange(from, to, third);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> town.assignBlocks(clash));
        assertTrue(e.getMessage().contains("光が丘二丁目"), e.getMessage());
        assertEquals(2, town.getBlocks().size());
    }

    @Test
    @DisplayName("adjacent ranges do not overlap")
    void adjacentRangesAllowed() {
        town.assignBlocks(new BlockRange(21, 29, third));
        town.assignBlocks(new BlockRange(1, 9, third));
        assertEquals(4, town.getBlocks().size());
        assertEquals("C03", town.centerFor(21).getCode());
        assertEquals("C03", town.centerFor(9).getCode());
        assertEquals("C02", town.centerFor(10).getCode());
    }

    @ParameterizedTest(name = "{0}..{1}")
    @CsvSource({"0,5", "-1,3", "5,4"})
    @DisplayName("BlockRange needs 1 <= from <= to")
    void invalidBlockRange(int from, int to) {
        assertThrows(IllegalArgumentException.class, () -> new BlockRange(from, to, other));
    }

    @Test
    @DisplayName("BlockRange.overlaps is symmetric and inclusive")
    void overlaps() {
        BlockRange a = new BlockRange(1, 5, other);
        BlockRange b = new BlockRange(5, 9, other);
        BlockRange c = new BlockRange(6, 9, other);
        assertTrue(a.overlaps(b));
        assertTrue(b.overlaps(a));
        assertFalse(a.overlaps(c));
        assertFalse(c.overlaps(a));
    }

    @Test
    @DisplayName("reassign moves point and center and clears the 番地 overrides")
    void reassignClearsBlocks() {
        GeoPoint moved = new GeoPoint(35.76, 139.63);
        town.reassign(moved, other);
        assertSame(other, town.getCenter());
        assertEquals(moved, town.getPoint());
        assertTrue(town.getBlocks().isEmpty());
        assertSame(other, town.centerFor(30), "old override for 30 is gone");
    }

    @Test
    @DisplayName("reassign and the constructor need a point and a center")
    void pointAndCenterRequired() {
        assertThrows(IllegalArgumentException.class, () -> town.reassign(null, other));
        assertThrows(IllegalArgumentException.class, () -> town.reassign(POINT, null));
        assertEquals(2, town.getBlocks().size(), "a refused reassign keeps the blocks");
        assertThrows(IllegalArgumentException.class, () -> new Town(NERIMA, "x", "", null, main));
        assertThrows(IllegalArgumentException.class, () -> new Town(NERIMA, "x", "", POINT, null));
        assertThrows(IllegalArgumentException.class, () -> new Town(NERIMA, "  ", "", POINT, main));
    }

    @Test
    @DisplayName("getBlocks is a read-only copy")
    void blocksReadOnly() {
        assertThrows(UnsupportedOperationException.class, () -> town.getBlocks().clear());
    }

    @Test
    @DisplayName("name is stripped, koaza never null, displayName adds the 小字")
    void names() {
        assertEquals("光が丘二丁目", town.getName());
        assertEquals("", town.getKoaza());
        assertEquals("光が丘二丁目", town.displayName());
        Town koaza = new Town(NERIMA, "根", " 木戸前 ", POINT, main);
        assertEquals("根 木戸前", koaza.displayName());
    }

    @Test
    @DisplayName("setKana strips and turns blank into null")
    void kana() {
        town.setKana(" ヒカリガオカニチョウメ ");
        assertEquals("ヒカリガオカニチョウメ", town.getKana());
        town.setKana("  ");
        assertNull(town.getKana());
    }
}
