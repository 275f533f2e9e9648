package org.tsunagu.areas.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Objects;

/**
 * A WGS84 point. A value object: immutable, compared by value, validated once on creation so
 * that no entity ever holds a latitude of 200.
 */
@Embeddable
public class GeoPoint {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    @Column(name = "lat")
    private Double lat;

    @Column(name = "lon")
    private Double lon;

    protected GeoPoint() {
        // JPA
    }

    public GeoPoint(double lat, double lon) {
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("latitude out of range: " + lat);
        }
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("longitude out of range: " + lon);
        }
        this.lat = lat;
        this.lon = lon;
    }

    public double lat() {
        return lat;
    }

    public double lon() {
        return lon;
    }

    /** Great-circle (haversine) distance in kilometres. */
    public double distanceKm(GeoPoint other) {
        double dLat = Math.toRadians(other.lat - lat);
        double dLon = Math.toRadians(other.lon - lon);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(Math.toRadians(lat)) * Math.cos(Math.toRadians(other.lat))
                * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** JPA hands out an embeddable with both columns null for "no point"; callers see null instead. */
    public static GeoPoint orNull(GeoPoint p) {
        return p == null || p.lat == null || p.lon == null ? null : p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GeoPoint g && Objects.equals(lat, g.lat) && Objects.equals(lon, g.lon);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lat, lon);
    }

    @Override
    public String toString() {
        return lat + "," + lon;
    }
}
