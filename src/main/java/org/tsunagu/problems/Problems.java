package org.tsunagu.problems;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Builds RFC 9457 problem documents, the single error shape of the API. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPE_BASE = "https://tsunagu.example/problems/";

    private Problems() {
    }

    public static JsonObject document(int status, String title, String detail, List<FieldError> errors) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("type", TYPE_BASE + status)
                .add("title", title)
                .add("status", status);
        if (detail != null) {
            b.add("detail", detail);
        }
        if (errors != null && !errors.isEmpty()) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (FieldError e : errors) {
                JsonObjectBuilder item = Json.createObjectBuilder();
                if (e.line() != null) {
                    item.add("line", e.line());
                }
                item.add("field", e.field() == null ? "" : e.field());
                item.add("message", e.message());
                list.add(item);
            }
            b.add("errors", list);
        }
        return b.build();
    }

    public static Response response(int status, String title, String detail, List<FieldError> errors) {
        return Response.status(status).type(PROBLEM).entity(document(status, title, detail, errors).toString()).build();
    }

    public static Response response(int status, String title, String detail) {
        return response(status, title, detail, null);
    }

    /** The database cannot be reached right now ({@link DatabaseUnavailable}): 503, try again later. */
    public static Response unavailable() {
        return Response.fromResponse(response(503, "Service Unavailable", UNAVAILABLE_DETAIL))
                .header("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS)).build();
    }

    /** The detail of {@link #unavailable()}, also written by the authentication mechanism. */
    public static final String UNAVAILABLE_DETAIL =
            "ただいま混み合っているか、保守中です。しばらくしてからもう一度お試しください。(The service is temporarily unavailable; please try again later.)";
}
