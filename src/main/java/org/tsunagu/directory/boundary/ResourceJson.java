package org.tsunagu.directory.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.GeoPoint;
import org.tsunagu.search.control.IndexedResource;
import org.tsunagu.calendar.control.Recurrence;
import org.tsunagu.search.control.SearchHit;
import org.tsunagu.search.control.SearchResult;
import org.tsunagu.directory.entity.Resource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/** The JSON of api.md for search results and resource details; absent values are null, never missing. */
final class ResourceJson {

    /** Looked up once: JSON.createObjectBuilder() would consult the ServiceLoader for every object. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private ResourceJson() {
    }

    static JsonObject result(SearchResult r) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        for (SearchHit h : r.items()) {
            items.add(item(h));
        }
        JsonObjectBuilder facets = JSON.createObjectBuilder();
        for (Map.Entry<String, Map<String, Integer>> dim : r.facets().entrySet()) {
            JsonObjectBuilder counts = JSON.createObjectBuilder();
            dim.getValue().forEach(counts::add);
            facets.add(dim.getKey(), counts);
        }
        return JSON.createObjectBuilder().add("total", r.total()).add("page", r.page()).add("size", r.size())
                .add("items", items).add("facets", facets).build();
    }

    static JsonObjectBuilder item(SearchHit h) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("id", h.id());
        text(b, "externalId", h.externalId());
        b.add("name", h.name());
        text(b, "nameKana", h.nameKana());
        b.add("category", h.category());
        text(b, "summary", h.summary());
        b.add("address", h.address());
        text(b, "town", h.town());
        number(b, "lat", h.lat());
        number(b, "lon", h.lon());
        number(b, "distanceKm", h.distanceKm());
        text(b, "centerCode", h.centerCode());
        text(b, "schedule", h.schedule());
        b.add("nextDates", dates(h.nextDates()));
        b.add("homeVisit", h.homeVisit());
        text(b, "highlight", h.highlight());
        text(b, "phone", h.phone());
        return b;
    }

    static JsonObject detail(Resource r, LocalDate today) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("id", r.getId());
        text(b, "externalId", r.getExternalId());
        b.add("name", r.getName());
        text(b, "nameKana", r.getNameKana());
        b.add("category", r.getCategory().code());
        b.add("categoryLabel", r.getCategory().labelJa());
        text(b, "summary", IndexedResource.summaryOf(r.getDescription()));
        text(b, "description", r.getDescription());
        text(b, "postalCode", r.getPostalCode());
        b.add("address", r.getAddress());
        text(b, "town", r.getTown() == null ? null : r.getTown().displayName());
        GeoPoint p = r.getPoint();
        number(b, "lat", p == null ? null : p.lat());
        number(b, "lon", p == null ? null : p.lon());
        Center c = r.getCenter();
        text(b, "centerCode", c == null ? null : c.getCode());
        if (c != null) {
            b.add("center", JSON.createObjectBuilder().add("code", c.getCode()).add("name", c.getName())
                    .add("phone", c.getPhone()));
        } else {
            b.addNull("center");
        }
        text(b, "schedule", r.getSchedule().text());
        b.add("scheduleParsed", r.getSchedule().isParsed());
        text(b, "scheduleNote", r.getSchedule().warning());
        b.add("nextDates", dates(Recurrence.of(r.getSchedule()).nextDates(today, 3)));
        b.add("homeVisit", r.isHomeVisit());
        text(b, "phone", r.getPhone());
        text(b, "url", r.getUrl());
        text(b, "email", r.getEmail());
        text(b, "cost", r.getCost());
        b.add("free", r.isFree());
        text(b, "reservation", r.getReservation());
        text(b, "target", r.getTarget());
        b.add("accessibility", strings(r.getAccessibility()));
        b.add("departments", strings(r.getDepartments()));
        text(b, "organizer", r.getOrganizer());
        b.add("status", r.getStatus().name().toLowerCase(java.util.Locale.ROOT));
        instant(b, "updatedAt", r.getUpdatedAt());
        instant(b, "verifiedAt", r.getVerifiedAt());
        b.add("version", r.getVersion());
        return b.build();
    }

    private static JsonArrayBuilder dates(Collection<LocalDate> dates) {
        JsonArrayBuilder a = JSON.createArrayBuilder();
        dates.forEach(d -> a.add(d.toString()));
        return a;
    }

    private static JsonArrayBuilder strings(Collection<String> values) {
        JsonArrayBuilder a = JSON.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }

    private static void text(JsonObjectBuilder b, String key, String value) {
        if (value == null) {
            b.addNull(key);
        } else {
            b.add(key, value);
        }
    }

    private static void number(JsonObjectBuilder b, String key, Double value) {
        if (value == null) {
            b.addNull(key);
        } else {
            b.add(key, value);
        }
    }

    private static void instant(JsonObjectBuilder b, String key, Instant value) {
        if (value == null) {
            b.addNull(key);
        } else {
            b.add(key, value.toString());
        }
    }
}
