package org.tsunagu.areas.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeoPointTest {

    static final GeoPoint TOKYO_STATION = new GeoPoint(35.681236, 139.767125);
    static final GeoPoint SHINJUKU_STATION = new GeoPoint(35.690921, 139.700258);

    @ParameterizedTest(name = "({0}, {1})")
    @CsvSource({"90, 0", "-90, 0", "0, 180", "0, -180", "90, 180", "-90, -180", "0, 0"})
    @DisplayName("edges of the valid range are accepted")
    void edgesAccepted(double lat, double lon) {
        GeoPoint p = new GeoPoint(lat, lon);
        assertEquals(lat, p.lat());
        assertEquals(lon, p.lon());
    }

    @ParameterizedTest(name = "({0}, {1})")
    @CsvSource({"90.000001, 0", "-90.5, 0", "200, 139", "0, 180.0001", "0, -181",
            "NaN, 0", "0, NaN", "Infinity, 0", "0, -Infinity"})
    @DisplayName("out-of-range or non-finite coordinates are refused")
    void outOfRangeRefused(double lat, double lon) {
        assertThrows(IllegalArgumentException.class, () -> new GeoPoint(lat, lon));
    }

    @Test
    @DisplayName("東京駅 → 新宿駅 is about 6.1 km, either way")
    void tokyoToShinjuku() {
        assertEquals(6.1, TOKYO_STATION.distanceKm(SHINJUKU_STATION), 0.1);
        assertEquals(TOKYO_STATION.distanceKm(SHINJUKU_STATION), SHINJUKU_STATION.distanceKm(TOKYO_STATION), 1e-9);
    }

    @Test
    @DisplayName("distance to itself is zero; a quarter meridian is ~10,008 km")
    void knownDistances() {
        assertEquals(0.0, TOKYO_STATION.distanceKm(TOKYO_STATION), 1e-9);
        assertEquals(10007.6, new GeoPoint(0, 0).distanceKm(new GeoPoint(90, 0)), 1.0);
        // antipodes: half the circumference, no NaN from rounding
        assertEquals(20015.1, new GeoPoint(0, 0).distanceKm(new GeoPoint(0, 180)), 1.0);
    }

    @Test
    @DisplayName("value object: equal by coordinates")
    void equality() {
        assertEquals(new GeoPoint(35.681236, 139.767125), TOKYO_STATION);
        assertEquals(new GeoPoint(35.681236, 139.767125).hashCode(), TOKYO_STATION.hashCode());
        assertNotEquals(TOKYO_STATION, SHINJUKU_STATION);
        assertEquals("35.681236,139.767125", TOKYO_STATION.toString());
    }

    @Test
    @DisplayName("orNull maps null and the empty JPA embeddable to null")
    void orNull() {
        assertNull(GeoPoint.orNull(null));
        assertNull(GeoPoint.orNull(new GeoPoint()));
        assertSame(TOKYO_STATION, GeoPoint.orNull(TOKYO_STATION));
    }
}
