package org.tsunagu.alerts.triage.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
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
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tsunagu.accounts.control.Caller;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.alerts.intake.control.AlertFiling;
import org.tsunagu.alerts.intake.control.AlertIntake;
import org.tsunagu.alerts.triage.control.Triage;
import org.tsunagu.alerts.entity.AlertStatus;
import org.tsunagu.areas.entity.Center;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.tsunagu.alerts.entity.Alert;
import org.tsunagu.alerts.entity.Anomaly;
import org.tsunagu.alerts.entity.PersonSeen;
import org.tsunagu.alerts.entity.Report;
import org.tsunagu.alerts.entity.Urgency;
import org.tsunagu.areas.entity.GeoPoint;
import org.tsunagu.problems.JsonInput;
import org.tsunagu.problems.ProblemException;
import org.tsunagu.problems.QueryParameters;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Partners file watch alerts (api.md POST /alerts, through intake's {@link AlertFiling}: committed
 * before 201 is sent; the same Idempotency-Key returns the alert already filed with 200, also when
 * two copies arrive at the same moment) and follow their organisation's alerts (GET /alerts/mine:
 * status only); center staff list, read and act on them.
 */
@Path("alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {

    /** Looked up once: {@code Json.createXxx()} scans the class path for the provider on every call (a tenth of a filing's CPU). */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(java.util.Map.of());
    @Inject
    AlertFiling filing;

    @Inject
    AlertIntake intake;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("partner")
    @Operation(summary = "File a watch alert (routed to the responsible center)")
    public Response file(JsonValue body, @HeaderParam("Idempotency-Key") String key, @Context UriInfo uri) {
        String idempotencyKey = key == null || key.isBlank() ? null : key.strip();
        String username = caller.username().orElseThrow(() -> ProblemException.forbidden("unknown account"));
        AlertIntake.Filed filed = filing.file(username, idempotencyKey, () -> report(new JsonInput(body), idempotencyKey));
        Alert a = filed.alert();
        if (!filed.created()) {
            return Response.ok(receipt(a)).build();
        }
        // committed by the filing: the 201 never announces an alert that could still roll back
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(a.getId())).build())
                .entity(receipt(a)).build();
    }

    @GET
    @Path("mine")
    @RolesAllowed("partner")
    @Operation(summary = "The partner organisation's alerts with their status (no staff notes)")
    public JsonObject mine() {
        Account me = caller.partner();
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (Alert a : intake.ofPartner(me.getPartner())) {
            list.add(JSON.createObjectBuilder().add("receiptNo", a.getReceiptNo()).add("filedAt", a.getFiledAt().toString())
                    .add("status", a.getStatus().code()).add("statusLabel", a.getStatus().partnerLabel())
                    .add("urgency", a.getUrgency().code())
                    .add("center", JSON.createObjectBuilder().add("code", a.getCenter().getCode()).add("name", a.getCenter().getName())));
        }
        return JSON.createObjectBuilder().add("items", list).build();
    }

    // --- center staff -------------------------------------------------------------------------

    @Inject
    Triage triage;

    @Inject
    org.tsunagu.areas.control.Centers centers;

    @GET
    @RolesAllowed({"staff", "core"})
    @Transactional
    @Operation(summary = "Alerts of the caller's center (core: every center of the municipality); no personal fields")
    public JsonObject list(@QueryParam("status") String status, @QueryParam("urgency") String urgency,
                           @QueryParam("center") String center, @QueryParam("page") String page,
                           @QueryParam("size") String size) {
        Account me = caller.staff();
        QueryParameters p = new QueryParameters();
        AlertStatus st = p.choice("status", status, AlertStatus.values(), AlertStatus::code);
        Urgency ur = p.choice("urgency", urgency, Urgency.values(), Urgency::code);
        Integer pageNo = p.integer("page", page, 0, 10_000, 0);
        Integer pageSize = p.integer("size", size, 1, 100, 20);
        Center only = null;
        if (center != null && !center.isBlank()) {
            only = centers.find(center.strip()).orElse(null);
            if (only == null) {
                p.error("center", "センター " + center.strip() + " は登録されていません");
            }
        }
        p.verify();
        JsonArrayBuilder items = JSON.createArrayBuilder();
        for (Alert a : triage.list(me, new Triage.Filter(only, st, ur, false), pageNo * pageSize, pageSize)) {
            JsonArrayBuilder anomalies = JSON.createArrayBuilder();
            a.getAnomalies().forEach(x -> anomalies.add(x.code()));
            items.add(JSON.createObjectBuilder().add("id", a.getId()).add("receiptNo", a.getReceiptNo())
                    .add("filedAt", a.getFiledAt().toString()).add("status", a.getStatus().code())
                    .add("urgency", a.getUrgency().code()).add("anomalies", anomalies).add("escalated", a.isEscalated())
                    .add("town", a.getTown() == null ? "" : a.getTown().displayName()).add("routing", a.getRouting().code())
                    .add("center", JSON.createObjectBuilder().add("code", a.getCenter().getCode()).add("name", a.getCenter().getName()))
                    .add("partner", a.getPartner().getName()));
        }
        return JSON.createObjectBuilder().add("page", pageNo).add("size", pageSize).add("items", items).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({"staff", "core"})
    @Transactional
    @Operation(summary = "One alert with its personal fields and timeline (the read is audited)")
    public JsonObject get(@PathParam("id") String id) {
        Account me = caller.staff();
        return detail(triage.read(me, id).orElseThrow(() -> ProblemException.notFound("通報 " + id + " はありません")));
    }

    @POST
    @Path("{id}/events")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"staff", "core"})
    @Transactional
    @Operation(summary = "Acknowledge, assign, note, transfer or resolve (illegal transitions: 409)")
    public JsonObject event(@PathParam("id") String id, JsonValue body) {
        Account me = caller.staff();
        Alert a = triage.find(me, id).orElseThrow(() -> ProblemException.notFound("通報 " + id + " はありません"));
        JsonInput in = new JsonInput(body);
        Triage.Action action = new Triage.Action(in.string("type", true, 20), in.string("note", false, 4000),
                in.string("assignee", false, 100), in.string("toCenter", false, 64), in.string("outcome", false, 40));
        in.verify();
        triage.actAndRead(me, a, action);
        return detail(a);
    }

    static JsonObject detail(Alert a) {
        JsonArrayBuilder anomalies = JSON.createArrayBuilder();
        a.getAnomalies().forEach(x -> anomalies.add(x.code()));
        JsonArrayBuilder events = JSON.createArrayBuilder();
        for (var e : a.getEvents()) {
            var b = JSON.createObjectBuilder().add("type", e.getType().code()).add("actor", e.getActor())
                    .add("at", e.getOccurredAt().toString());
            if (e.getNote() != null) {
                b.add("note", e.getNote());
            }
            if (e.getToCenter() != null) {
                b.add("toCenter", e.getToCenter().getCode());
            }
            if (e.getFromCenter() != null) {
                b.add("fromCenter", e.getFromCenter().getCode());
            }
            if (e.getOutcome() != null) {
                b.add("outcome", e.getOutcome().code());
            }
            events.add(b);
        }
        var b = JSON.createObjectBuilder(receipt(a)).add("filedAt", a.getFiledAt().toString())
                .add("observedAt", a.getObservedAt().toString()).add("urgency", a.getUrgency().code())
                .add("anomalies", anomalies).add("address", a.getAddress() == null ? "" : a.getAddress())
                .add("routingReason", a.getRoutingReason()).add("escalated", a.isEscalated())
                .add("reporterName", a.getReporterName()).add("reporterPhone", a.getReporterPhone())
                .add("partner", a.getPartner().getName()).add("events", events);
        if (a.getPlaceNote() != null) {
            b.add("placeNote", a.getPlaceNote());
        }
        if (a.getDetails() != null) {
            b.add("details", a.getDetails());
        }
        if (a.getPerson() != null) {
            var p = a.getPerson();
            var person = JSON.createObjectBuilder();
            if (p.name() != null) person.add("name", p.name());
            if (p.approximateAge() != null) person.add("age", p.approximateAge());
            if (p.sex() != null) person.add("sex", p.sex());
            if (p.description() != null) person.add("description", p.description());
            b.add("person", person);
        }
        if (a.getOutcome() != null) {
            b.add("outcome", a.getOutcome().code());
        }
        if (a.getAnonymisedAt() != null) {
            b.add("anonymisedAt", a.getAnonymisedAt().toString()); // personal fields erased (retention)
        }
        return b.build();
    }

    static JsonObject receipt(Alert a) {
        return JSON.createObjectBuilder().add("id", a.getId()).add("receiptNo", a.getReceiptNo())
                .add("status", a.getStatus().code())
                .add("center", JSON.createObjectBuilder().add("code", a.getCenter().getCode()).add("name", a.getCenter().getName())
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
        Instant observedAt = null;
        String observed = in.string("observedAt", false, 40);
        if (observed != null) {
            try {
                observedAt = OffsetDateTime.parse(observed).toInstant();
            } catch (DateTimeParseException e) {
                in.error("observedAt", "observedAt は 2026-11-23T09:40:00+09:00 の形式です");
            }
        }
        Set<Anomaly> anomalies = EnumSet.noneOf(Anomaly.class);
        for (String c : in.strings("anomalies", Anomaly.values().length, 40)) {
            Anomaly.ofCode(c).ifPresentOrElse(anomalies::add, () -> in.error("anomalies", "anomalies に不明なコードがあります: " + c));
        }
        Urgency urgency = null;
        String u = in.string("urgency", false, 20);
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
        String reporterName = in.string("reporterName", false, 100);
        String reporterPhone = in.string("reporterPhone", false, 40);
        PersonSeen person = personName == null && personAge == null && personSex == null && personDescription == null
                ? null : new PersonSeen(personName, personAge, personSex, personDescription);
        Report report = new Report(idempotencyKey, address, placeNote, point, observedAt, urgency, anomalies, other, person,
                details, reporterName, reporterPhone);
        // only what the JSON itself got right is judged by the report's rules, so each field has one message
        boolean locationGiven = lat != null || lon != null;
        report.problems(Instant.now()).forEach((field, message) -> {
            String judged = field.equals("address") && locationGiven ? "lat" : field;
            if (in.errors().stream().noneMatch(e -> e.field().equals(judged))) {
                in.error(field, message);
            }
        });
        in.verify();
        return report;
    }
}
