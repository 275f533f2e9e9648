package org.tsunagu.alerts.stats.boundary;

import org.tsunagu.calendar.control.JapanTime;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tsunagu.accounts.control.Caller;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.alerts.stats.control.AlertStatistics;
import org.tsunagu.alerts.stats.control.AlertStatistics.Dimension;
import org.tsunagu.alerts.stats.control.AlertStatistics.Figures;
import org.tsunagu.alerts.stats.control.AlertStatistics.Row;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * GET /api/v1/stats/alerts (api.md): the monthly figures as JSON, or with {@code Accept: text/csv}
 * as the CSV the municipality's report is made from. Staff see their center, core every center of
 * their municipality, admin every center (the figures hold no personal data). JSON is preferred
 * when the client accepts both.
 */
@Path("stats/alerts")
public class AlertStatsResource {

    @Inject
    AlertStatistics statistics;

    @Inject
    Caller caller;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"staff", "core", "admin"})
    @Transactional
    @Operation(summary = "Monthly alert counts and median minutes to acknowledge, grouped by center, anomaly, partner type, outcome")
    public JsonObject json(@QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("groupBy") List<String> groupBy) {
        return json(figures(from, to, groupBy));
    }

    @GET
    @Produces("text/csv;qs=0.5")
    @RolesAllowed({"staff", "core", "admin"})
    @Transactional
    @Operation(summary = "The same figures as CSV (UTF-8 with BOM, Japanese header) for Excel")
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("groupBy") List<String> groupBy) {
        Figures f = figures(from, to, groupBy);
        StreamingOutput body = out -> StatsCsv.write(f, out);
        return Response.ok(body, StatsCsv.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, StatsCsv.disposition(f.query())).build();
    }

    private Figures figures(String from, String to, List<String> groupBy) {
        Account me = caller.account();
        AlertStatistics.Query q = AlertStatistics.Query.parse(from, to, groupBy,
                YearMonth.from(Instant.now().atZone(JapanTime.ZONE)));
        return statistics.monthly(me, q);
    }

    static JsonObject json(Figures f) {
        JsonArrayBuilder dims = Json.createArrayBuilder();
        f.query().groupBy().forEach(d -> dims.add(d.code()));
        JsonArrayBuilder centers = Json.createArrayBuilder();
        f.centers().forEach(centers::add);
        JsonArrayBuilder rows = Json.createArrayBuilder();
        f.rows().forEach(r -> rows.add(row(r, f.query().groupBy())));
        JsonArrayBuilder months = Json.createArrayBuilder();
        f.months().forEach(r -> months.add(row(r, List.of())));
        JsonObjectBuilder total = figures(Json.createObjectBuilder(), f.total()).add("months", months);
        return Json.createObjectBuilder().add("from", f.query().from().toString()).add("to", f.query().to().toString())
                .add("groupBy", dims).add("timeZone", JapanTime.ZONE.getId()).add("centers", centers)
                .add("note", f.note()).add("rows", rows).add("totals", total).build();
    }

    private static JsonObjectBuilder row(Row r, List<Dimension> dims) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("month", r.month().toString());
        for (Dimension d : dims) {
            AlertStatistics.Value v = r.values().get(d);
            b.add(d.code(), Json.createObjectBuilder().add("code", v.code()).add("label", v.label()));
        }
        return figures(b, r);
    }

    private static JsonObjectBuilder figures(JsonObjectBuilder b, Row r) {
        b.add("count", r.count()).add("acknowledged", r.acknowledged());
        BigDecimal median = r.medianMinutesToAcknowledge();
        return median == null ? b.addNull("medianMinutesToAcknowledge") : b.add("medianMinutesToAcknowledge", median);
    }
}
