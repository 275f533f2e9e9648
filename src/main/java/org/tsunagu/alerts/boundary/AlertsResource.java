package org.tsunagu.alerts.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tsunagu.accounts.control.Accounts;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.alerts.control.AlertIntake;
import org.tsunagu.alerts.entity.Alert;
import org.tsunagu.alerts.entity.Anomaly;
import org.tsunagu.alerts.entity.PersonSeen;
import org.tsunagu.alerts.entity.Report;
import org.tsunagu.alerts.entity.Urgency;
import org.tsunagu.areas.entity.GeoPoint;
import org.tsunagu.problems.JsonInput;
import org.tsunagu.problems.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Partners file watch alerts (api.md POST /alerts) and follow their organisation's alerts
 * (GET /alerts/mine: status only). The alert is committed before 201 is sent; the same
 * Idempotency-Key returns the alert already filed (200), so retries never create a second one.
 */
@Path("alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {

    static final int MAX_KEY = 100;

    @Inject
    AlertIntake intake;

    @Inject
    Accounts accounts;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("partner")
    @Transactional
    @Operation(summary = "File a watch alert (routed to the responsible center)")
    public Response file(JsonValue body, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri) {
        Account me = partner();
        String idempotencyKey = key == null || key.isBlank() ? null : key.strip();
        if (idempotencyKey != null && (idempotencyKey.length() > MAX_KEY || idempotencyKey.chars().anyMatch(c -> c < 0x20))) {
            throw ProblemException.invalid("Idempotency-Key", "Idempotency-Key は1〜100文字です");
        }
        var earlier = intake.previous(me, idempotencyKey);
        if (earlier.isPresent()) {
            return Response.ok(receipt(earlier.get())).build();
        }
        Report report = report(new JsonInput(body), idempotencyKey);
        AlertIntake.Filed filed;
        try {
            filed = intake.file(me, report);
        } catch (jakarta.persistence.PersistenceException e) {
            if (idempotencyKey != null && String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT)
                    .contains("uq_alert_idempotency")) {
                // the same key arrived twice at the same moment: the other request files it
                throw ProblemException.conflict("同じ Idempotency-Key の通報を処理中です。もう一度送ると受付番号が返ります");
            }
            throw e;
        }
        Alert a = filed.alert();
        if (!filed.created()) {
            return Response.ok(receipt(a)).build();
        }
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(a.getId())).build())
                .entity(receipt(a)).build();
    }

    @GET
    @Path("mine")
    @RolesAllowed("partner")
    @Operation(summary = "The partner organisation's alerts with their status (no staff notes)")
    public JsonObject mine() {
        Account me = partner();
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (Alert a : intake.ofPartner(me.getPartner())) {
            list.add(Json.createObjectBuilder().add("receiptNo", a.getReceiptNo()).add("filedAt", a.getFiledAt().toString())
                    .add("status", a.getStatus().code()).add("statusLabel", a.getStatus().partnerLabel())
                    .add("urgency", a.getUrgency().code())
                    .add("center", Json.createObjectBuilder().add("code", a.getCenter().getCode()).add("name", a.getCenter().getName())));
        }
        return Json.createObjectBuilder().add("items", list).build();
    }

    private Account partner() {
        Account me = accounts.find(security.getUserPrincipal().getName())
                .orElseThrow(() -> ProblemException.forbidden("unknown account"));
        if (me.getPartner() == null) {
            throw ProblemException.forbidden("alerts are filed by partner accounts");
        }
        return me;
    }

    static JsonObject receipt(Alert a) {
        return Json.createObjectBuilder().add("id", a.getId()).add("receiptNo", a.getReceiptNo())
                .add("status", a.getStatus().code())
                .add("center", Json.createObjectBuilder().add("code", a.getCenter().getCode()).add("name", a.getCenter().getName())
                        .add("phone", a.getCenter().getPhone()))
                .add("routing", a.getRouting().code()).build();
    }

    /** The body as a report; every mistake is reported together (400), nothing is stored. */
    static Report report(JsonInput in, String idempotencyKey) {
        String address = in.string("address", false, 300);
        String placeNote = in.string("placeNote", false, 200);
        Double lat = in.decimal("lat");
        Double lon = in.decimal("lon");
        GeoPoint point = null;
        if (lat != null || lon != null) {
            if (lat == null || lon == null || lat < -90 || lat > 90 || lon < -180 || lon > 180) {
                in.error("lat", "lat と lon は両方、正しい範囲で指定してください");
            } else {
                point = new GeoPoint(lat, lon);
            }
        }
        if (address == null && point == null && !in.hasErrors()) {
            in.error("address", "住所（または lat/lon）は必須です");
        }
        Instant observedAt = null;
        String observed = in.string("observedAt", true, 40);
        if (observed != null) {
            try {
                observedAt = OffsetDateTime.parse(observed).toInstant();
                if (observedAt.isAfter(Instant.now().plus(Duration.ofMinutes(10)))) {
                    in.error("observedAt", "observedAt が未来の日時です");
                }
            } catch (DateTimeParseException e) {
                in.error("observedAt", "observedAt は 2026-11-23T09:40:00+09:00 の形式です");
            }
        }
        Set<Anomaly> anomalies = EnumSet.noneOf(Anomaly.class);
        List<String> codes = in.strings("anomalies", Anomaly.values().length, 40);
        for (String c : codes) {
            Anomaly.ofCode(c).ifPresentOrElse(anomalies::add, () -> in.error("anomalies", "anomalies に不明なコードがあります: " + c));
        }
        if (codes.isEmpty() && !in.hasErrors()) {
            in.error("anomalies", "気づいた異変を1つ以上選んでください");
        }
        Urgency urgency = null;
        String u = in.string("urgency", true, 20);
        if (u != null) {
            urgency = Urgency.ofCode(u).orElse(null);
            if (urgency == null) {
                in.error("urgency", "urgency は emergency, urgent, info のいずれかです");
            }
        }
        String personName = in.string("personName", false, 100);
        String personAge = in.string("personAge", false, 40);
        String personSex = in.string("personSex", false, 20);
        String personDescription = in.string("personDescription", false, 1000);
        String details = in.string("details", false, 4000);
        String other = in.string("otherAnomaly", false, 200);
        if (anomalies.contains(Anomaly.OTHER) && other == null && details == null) {
            in.error("details", "「その他」を選んだときは内容を書いてください");
        }
        String reporterName = in.string("reporterName", true, 100);
        String reporterPhone = in.string("reporterPhone", true, 40);
        in.verify();
        PersonSeen person = personName == null && personAge == null && personSex == null && personDescription == null
                ? null : new PersonSeen(personName, personAge, personSex, personDescription);
        return new Report(idempotencyKey, address, placeNote, point, observedAt, urgency, anomalies, other, person,
                details, reporterName, reporterPhone);
    }
}
