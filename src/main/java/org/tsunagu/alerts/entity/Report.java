package org.tsunagu.alerts.entity;

import org.tsunagu.areas.entity.GeoPoint;

import java.time.Instant;
import java.util.Set;

/**
 * What the partner tells: the content of an alert before it is routed. Validated here so that an
 * alert can never exist without the facts a center needs to act.
 */
public record Report(String idempotencyKey, String address, String placeNote, GeoPoint point, Instant observedAt,
                     Urgency urgency, Set<Anomaly> anomalies, String otherAnomaly, PersonSeen person, String details,
                     String reporterName, String reporterPhone) {

    public void validate() {
        if ((address == null || address.isBlank()) && point == null) {
            throw new IllegalArgumentException("address or a point is required");
        }
        if (observedAt == null || urgency == null) {
            throw new IllegalArgumentException("observedAt and urgency are required");
        }
        if (anomalies == null || anomalies.isEmpty()) {
            throw new IllegalArgumentException("at least one anomaly is required");
        }
        if (reporterName == null || reporterName.isBlank() || reporterPhone == null || reporterPhone.isBlank()) {
            throw new IllegalArgumentException("reporter name and phone are required");
        }
    }

    @Override
    public String toString() {
        return "Report[redacted]";
    }
}
