package org.tsunagu.areas.boundary;

import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.GeoPoint;

import java.util.List;

/** A center as the public API shows it (the notification address stays internal). */
public record CenterView(String code, String name, String kind, String kindLabel, String municipality,
                         String region, String address, String phone, Double lat, Double lon, List<String> towns) {

    static CenterView of(Center c, List<String> towns) {
        GeoPoint p = c.getPoint();
        return new CenterView(c.getCode(), c.getName(), c.getKind().code(), c.getKind().label(),
                c.getMunicipality() == null ? null : c.getMunicipality().getCode(), c.getRegionName(),
                c.getAddress(), c.getPhone(), p == null ? null : p.lat(), p == null ? null : p.lon(), towns);
    }

    /** The short form inside a lookup answer. */
    public record Brief(String code, String name, String phone, String address) {
        static Brief of(Center c) {
            return c == null ? null : new Brief(c.getCode(), c.getName(), c.getPhone(), c.getAddress());
        }
    }
}
