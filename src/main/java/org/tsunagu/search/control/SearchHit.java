package org.tsunagu.search.control;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A resource as a result list shows it (api.md search item). The index stores this record with each
 * document, so a page of hits is rendered without touching the database.
 */
public record SearchHit(long id, String externalId, String name, String nameKana, String category, String summary,
                        String address, String town, Double lat, Double lon, Double distanceKm, String centerCode,
                        String schedule, String rules, List<LocalDate> nextDates, boolean homeVisit,
                        String highlight, String phone) {

    // Json.createXxx() looks the JSON-P provider up through the ServiceLoader on every call (a class-path
    // scan, expensive in a web application class loader); the factories are thread-safe, so look up once.
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());

    /** The stored form of an indexed resource. */
    static String stored(IndexedResource r) {
        JsonObjectBuilder b = BUILDERS.createObjectBuilder().add("id", r.id()).add("name", r.name())
                .add("category", r.category().code()).add("address", r.address()).add("homeVisit", r.homeVisit());
        put(b, "externalId", r.externalId());
        put(b, "nameKana", r.nameKana());
        put(b, "summary", r.summary());
        put(b, "town", r.townDisplay());
        put(b, "centerCode", r.center());
        put(b, "schedule", r.schedule());
        put(b, "rules", r.rules());
        put(b, "phone", r.phone());
        if (r.lat() != null && r.lon() != null) {
            b.add("lat", r.lat()).add("lon", r.lon());
        }
        return b.build().toString();
    }

    private static void put(JsonObjectBuilder b, String key, String value) {
        if (value != null) {
            b.add(key, value);
        }
    }

    static SearchHit fromStored(String json) {
        JsonObject o;
        try (var reader = READERS.createReader(new StringReader(json))) {
            o = reader.readObject();
        }
        return new SearchHit(o.getJsonNumber("id").longValue(), text(o, "externalId"), o.getString("name"),
                text(o, "nameKana"), o.getString("category"), text(o, "summary"), o.getString("address"),
                text(o, "town"), number(o, "lat"), number(o, "lon"), null, text(o, "centerCode"),
                text(o, "schedule"), text(o, "rules"), List.of(), o.getBoolean("homeVisit", false), null,
                text(o, "phone"));
    }

    /** The same hit with what depends on the query: distance, next dates from today, snippet. */
    SearchHit with(Double distance, List<LocalDate> next, String snippet) {
        return new SearchHit(id, externalId, name, nameKana, category, summary, address, town, lat, lon, distance,
                centerCode, schedule, rules, next, homeVisit, snippet, phone);
    }

    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v == null || v.getValueType() != JsonValue.ValueType.STRING ? null : o.getString(key);
    }

    private static Double number(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonNumber n ? n.doubleValue() : null;
    }
}
