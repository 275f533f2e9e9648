package org.tsunagu.directory.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.CenterKind;
import org.tsunagu.areas.entity.GeoPoint;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.areas.entity.Town;

class ResourceTest {

    static final Municipality NERIMA = new Municipality("131202", "東京都", "練馬区");
    static final GeoPoint TOWN_POINT = new GeoPoint(35.7637, 139.6294);
    static final GeoPoint OWN_POINT = new GeoPoint(35.7650, 139.6300);

    Town town;
    Resource salon;

    @BeforeEach
    void setUp() {
        Center center = new Center("C01", "光が丘", CenterKind.COMMISSIONED, "練馬区光が丘", "03-0000-0001");
        town = new Town(NERIMA, "光が丘二丁目", "", TOWN_POINT, center);
        salon = new Resource(NERIMA, " ふれあいサロン光が丘 ", Category.SALON, " 練馬区光が丘2-1 ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"無料", " 無料 ", "0円", "０円", "0 円", "０　円", "free", "FREE"})
    @DisplayName("costMeansFree: 無料 and 0円 in any width")
    void free(String cost) {
        assertTrue(Resource.costMeansFree(cost), cost);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "100円", "10円", "00円", "無料（材料費実費）", "無料(材料費実費)", "1回100円", "実費", "0"})
    @DisplayName("costMeansFree: anything else, including 無料 with a charge, is not free")
    void notFree(String cost) {
        assertFalse(Resource.costMeansFree(cost), String.valueOf(cost));
    }

    @Test
    @DisplayName("setCost keeps the text and derives isFree")
    void setCost() {
        salon.setCost("０円");
        assertEquals("０円", salon.getCost());
        assertTrue(salon.isFree());
        salon.setCost("100円");
        assertFalse(salon.isFree());
        salon.setCost("  ");
        assertNull(salon.getCost());
        assertFalse(salon.isFree());
    }

    @Test
    @DisplayName("a new resource is a stripped draft")
    void creation() {
        assertEquals("ふれあいサロン光が丘", salon.getName());
        assertEquals("練馬区光が丘2-1", salon.getAddress());
        assertEquals(Category.SALON, salon.getCategory());
        assertEquals(ResourceStatus.DRAFT, salon.getStatus());
        assertFalse(salon.isPublished());
        assertNull(salon.getPoint());
        assertNull(salon.getTown());
        assertThrows(IllegalArgumentException.class, () -> new Resource(NERIMA, " ", Category.SALON, "住所"));
        assertThrows(IllegalArgumentException.class, () -> new Resource(NERIMA, "名前", null, "住所"));
        assertThrows(IllegalArgumentException.class, () -> new Resource(NERIMA, "名前", Category.SALON, " "));
    }

    @Test
    @DisplayName("draft → published → archived → draft")
    void statuses() {
        salon.publish();
        assertEquals(ResourceStatus.PUBLISHED, salon.getStatus());
        assertTrue(salon.isPublished());
        salon.publish();
        assertEquals(ResourceStatus.PUBLISHED, salon.getStatus(), "publishing twice is harmless");
        salon.archive();
        assertEquals(ResourceStatus.ARCHIVED, salon.getStatus());
        assertFalse(salon.isPublished());
        salon.withdraw();
        assertEquals(ResourceStatus.DRAFT, salon.getStatus(), "an archived resource comes back as a draft");
    }

    @Test
    @DisplayName("withdraw takes a published resource back to draft")
    void withdrawPublished() {
        salon.publish();
        salon.withdraw();
        assertEquals(ResourceStatus.DRAFT, salon.getStatus());
    }

    @Test
    @DisplayName("relocate takes the town's point when none is given")
    void relocateUsesTownPoint() {
        salon.relocate("練馬区光が丘2-5", town, null);
        assertSame(town, salon.getTown());
        assertEquals(TOWN_POINT, salon.getPoint());
    }

    @Test
    @DisplayName("relocate prefers the given point over the town's")
    void relocateOwnPoint() {
        salon.relocate("練馬区光が丘2-5", town, OWN_POINT);
        assertEquals(OWN_POINT, salon.getPoint());
    }

    @Test
    @DisplayName("relocate without town or point leaves no point; address is required")
    void relocateNowhere() {
        salon.relocate("練馬区光が丘2-5", town, OWN_POINT);
        salon.relocate(" 練馬区のどこか ", null, null);
        assertEquals("練馬区のどこか", salon.getAddress());
        assertNull(salon.getTown());
        assertNull(salon.getPoint());
        assertThrows(IllegalArgumentException.class, () -> salon.relocate(" ", town, null));
    }

    @Test
    @DisplayName("accessibility and departments round-trip through ;-joined storage, blanks dropped")
    void listsRoundTrip() {
        salon.setAccessibility(Arrays.asList(" 車いす可 ", "", "  ", "駐車場あり"));
        assertEquals(List.of("車いす可", "駐車場あり"), salon.getAccessibility());
        salon.setDepartments(List.of("内科", "整形外科", "リハビリテーション科"));
        assertEquals(List.of("内科", "整形外科", "リハビリテーション科"), salon.getDepartments());
    }

    @Test
    @DisplayName("empty or null lists are stored as nothing and read back as empty")
    void emptyLists() {
        salon.setAccessibility(List.of("車いす可"));
        salon.setAccessibility(List.of(" ", ""));
        assertEquals(List.of(), salon.getAccessibility());
        salon.setDepartments(null);
        assertEquals(List.of(), salon.getDepartments());
    }

    @Test
    @DisplayName("joinList / splitList: the storage format itself")
    void storageFormat() {
        assertEquals("車いす可;駐車場あり", Resource.joinList(List.of("車いす可 ", " 駐車場あり")));
        assertNull(Resource.joinList(List.of("", " ")));
        assertNull(Resource.joinList(null));
        assertEquals(List.of("a", "b"), Resource.splitList(" a ;; ;b;"));
        assertEquals(List.of(), Resource.splitList(null));
        assertEquals(List.of(), Resource.splitList("  "));
    }

    @Test
    @DisplayName("isStale: a never-saved, never-verified resource counts as stale")
    void staleWithoutDates() {
        assertTrue(salon.isStale(Instant.now(), Duration.ofDays(365)));
    }

    @Test
    @DisplayName("isStale measures from creation until verified, then from verification")
    void stale() {
        salon.onCreate();
        Instant created = salon.getCreatedAt();
        assertNotNull(created);
        Duration year = Duration.ofDays(365);
        assertFalse(salon.isStale(created.plus(Duration.ofDays(100)), year));
        assertFalse(salon.isStale(created.plus(year), year), "exactly maxAge old is not yet stale");
        assertTrue(salon.isStale(created.plus(year).plusSeconds(1), year));

        Instant verified = created.plus(Duration.ofDays(300));
        salon.markVerified(verified);
        assertEquals(verified, salon.getVerifiedAt());
        assertFalse(salon.isStale(created.plus(Duration.ofDays(500)), year));
        assertTrue(salon.isStale(verified.plus(year).plusSeconds(1), year));
    }

    @Test
    @DisplayName("descriptive setters strip and turn blanks into null")
    void setters() {
        salon.setContact(" 03-1111-2222 ", " ", null);
        assertEquals("03-1111-2222", salon.getPhone());
        assertNull(salon.getUrl());
        assertNull(salon.getEmail());
        salon.setNameKana("  ");
        assertNull(salon.getNameKana());
        salon.setExternalId(" R-001 ");
        assertEquals("R-001", salon.getExternalId());
    }

    @Test
    void the_source_is_the_format_prefix_of_the_external_id() {
        assertEquals("", salon.source(), "made here");
        salon.setExternalId("navii:1320000000001");
        assertEquals("navii", salon.source());
        salon.setExternalId("mhlw-care:1361290001:訪問看護");
        assertEquals("mhlw-care", salon.source());
        salon.setExternalId("tsunagu:42");
        assertEquals("", salon.source(), "the export's own ids");
        salon.setExternalId("hidamari-salon-001");
        assertEquals("", salon.source(), "a center's own id");
        salon.setExternalId("Excel:1");
        assertEquals("", salon.source());
    }
}
