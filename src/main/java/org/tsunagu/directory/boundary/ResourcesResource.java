package org.tsunagu.directory.boundary;

import org.tsunagu.calendar.control.JapanTime;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tsunagu.accounts.control.Caller;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.addresses.control.AreaLookup;
import org.tsunagu.audit.control.Audit;
import org.tsunagu.directory.control.ResourceEdits;
import org.tsunagu.directory.control.ResourceFields;
import org.tsunagu.directory.entity.Correction;
import org.tsunagu.directory.entity.ResourceChange;
import org.tsunagu.search.control.ResourceSearch;
import org.tsunagu.directory.control.ResourcesChanged;
import org.tsunagu.calendar.control.ScheduleCalendar;
import org.tsunagu.search.control.SearchParameters;
import org.tsunagu.search.control.SearchQuery;
import org.tsunagu.directory.entity.Resource;
import org.tsunagu.problems.JsonInput;
import org.tsunagu.problems.ProblemException;
import org.tsunagu.problems.QueryParameters;

import jakarta.enterprise.event.Event;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The resident side's search (api.md GET /resources), a resource's detail and calendar, and the
 * staff's create/replace/remove. Every parameter is checked and all mistakes are reported together
 * as one 400; an edit is visible to searches as soon as its transaction commits.
 */
@Path("resources")
@Produces(MediaType.APPLICATION_JSON)
public class ResourcesResource {


    @Inject
    ResourceSearch search;

    @Inject
    org.tsunagu.web.PublicAddress publicAddress;

    @Inject
    AreaLookup lookup;

    @Inject
    ResourceFields resources;

    @Inject
    ResourceEdits edits;

    @Inject
    org.tsunagu.directory.control.Corrections corrections;

    /** Resolves the client's address as the login throttle does (behind the balancer: the proxy header). */
    @Inject
    org.tsunagu.accounts.control.LoginThrottle throttle;

    @Context
    jakarta.servlet.http.HttpServletRequest servletRequest;

    @Inject
    ScheduleCalendar calendar;

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    @Inject
    Event<ResourcesChanged> changes;

    @PersistenceContext
    EntityManager em;

    @GET
    @Operation(summary = "Search published resources (free text, filters, facets, distance)")
    public JsonObject search(@QueryParam("q") String q, @QueryParam("municipality") String municipality,
                             @QueryParam("category") List<String> category, @QueryParam("region") String region,
                             @QueryParam("center") String center, @QueryParam("town") String town,
                             @QueryParam("weekday") List<String> weekday, @QueryParam("date") String date,
                             @QueryParam("homeVisit") String homeVisit, @QueryParam("free") String free,
                             @QueryParam("lat") String lat, @QueryParam("lon") String lon,
                             @QueryParam("near") String near, @QueryParam("radius") String radius,
                             @QueryParam("sort") String sort, @QueryParam("page") String page,
                             @QueryParam("size") String size, @QueryParam("highlight") String highlight) {
        Map<String, List<String>> params = new HashMap<>();
        String[][] single = {{"q", q}, {"municipality", municipality}, {"region", region}, {"center", center},
                {"town", town}, {"date", date}, {"homeVisit", homeVisit}, {"free", free}, {"lat", lat}, {"lon", lon},
                {"near", near}, {"radius", radius}, {"sort", sort}, {"page", page}, {"size", size}, {"highlight", highlight}};
        for (String[] s : single) {
            if (s[1] != null) {
                params.put(s[0], List.of(s[1]));
            }
        }
        params.put("category", category);
        params.put("weekday", weekday);
        SearchQuery query = SearchParameters.read(SearchParameters.Mode.STRICT, params, lookup, JapanTime.today(), 0).query();
        try {
            return ResourceJson.result(search.search(query));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("q", "検索語が長すぎるか複雑すぎます。短い言葉に分けて検索してください");
        }
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One published resource with every detail")
    public Response get(@PathParam("id") String id) {
        Resource r = published(id);
        return Response.ok(ResourceJson.detail(r, LocalDate.now(JapanTime.ZONE))).tag(etag(r)).build();
    }

    @GET
    @Path("{id}/calendar.ics")
    @Produces("text/calendar")
    @Operation(summary = "RFC 5545 calendar of the resource's recurring schedule")
    public Response calendar(@PathParam("id") String id) {
        Resource r = published(id);
        if (!r.getSchedule().isParsed()) {
            throw ProblemException.notFound("この資源の日程（" + (r.getSchedule().text() == null ? "未登録"
                    : "「" + r.getSchedule().text() + "」") + "）は繰り返しの規則として読み取れないため、カレンダーはありません");
        }
        // the configured public address, never the Host header: the entry lives on in residents' calendars
        String page = publicAddress.of("/resources/" + r.getId());
        String ics = calendar.ics("resource-" + r.getId() + "@tsunagu", r.getName(), r.getAddress(), page,
                r.getSchedule(), LocalDate.now(JapanTime.ZONE));
        return Response.ok(ics, "text/calendar; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"resource-" + r.getId() + ".ics\"").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"staff", "core"})
    @Transactional
    @Operation(summary = "Create a resource (published unless status is draft)")
    public Response create(JsonValue body, @Context UriInfo uri) {
        Account me = me();
        JsonInput in = new JsonInput(body);
        Map<String, String> fields = fields(in);
        boolean publish = publish(in);
        Resource r = edits.create(me, fields, publish, in.errors());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(r.getId())).build())
                .entity(ResourceJson.detail(r, LocalDate.now(JapanTime.ZONE))).tag(etag(r)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"staff", "core"})
    @Transactional
    @Operation(summary = "Replace a resource's fields (optimistic: version or If-Match must be current)")
    public Response replace(@PathParam("id") String id, JsonValue body, @HeaderParam("If-Match") String ifMatch) {
        Account me = me();
        Resource current = edits.editable(me, id);
        JsonInput in = new JsonInput(body);
        Map<String, String> fields = fields(in);
        Long version = in.number("version", false);
        boolean publish = publish(in);
        if (version == null && ifMatch == null) {
            in.error("version", "version（または If-Match ヘッダー）で、編集を始めたときの版を指定してください");
        }
        in.verify();
        long expected = version != null ? version : ifMatch != null ? parseTag(ifMatch) : current.getVersion();
        Resource r = edits.update(me, id, expected, fields, publish);
        return Response.ok(ResourceJson.detail(r, LocalDate.now(JapanTime.ZONE))).tag(etag(r)).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({"staff", "core"})
    @Transactional
    @Operation(summary = "Remove a resource from the portal (archived: kept for history, never shown)")
    public Response delete(@PathParam("id") String id) {
        edits.archive(me(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/verify")
    @RolesAllowed({"staff", "core"})
    @Transactional
    @Operation(summary = "「内容を確認しました」: the entry was checked and is still right (sets verifiedAt)")
    public Response verify(@PathParam("id") String id) {
        Resource r = edits.verify(me(), id);
        return Response.ok(ResourceJson.detail(r, LocalDate.now(JapanTime.ZONE))).tag(etag(r)).build();
    }

    @POST
    @Path("{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report that a resource's information is wrong or out of date (public, rate-limited: 429)")
    public Response report(@PathParam("id") String id, JsonValue body) {
        JsonInput in = new JsonInput(body);
        String kindCode = in.string("kind", true, 20);
        String message = in.string("message", false, Correction.MAX_MESSAGE);
        Correction.Kind kind = kindCode == null ? null : Correction.Kind.ofCode(kindCode).orElse(null);
        if (kindCode != null && kind == null) {
            in.error("kind", "kind は ended, schedule, place, contact, other のいずれかです");
        }
        in.verify();
        Correction c = corrections.report(id, kind, message, throttle.address(servletRequest));
        return Response.status(Response.Status.CREATED).entity(Json.createObjectBuilder().add("id", c.getId())
                .add("status", "open").build()).build();
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({"staff", "core"})
    @Transactional
    @Operation(summary = "Who changed which field of the resource, and when (newest first)")
    public JsonObject history(@PathParam("id") String id) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (ResourceChange c : edits.history(me(), id)) {
            JsonObjectBuilder b = Json.createObjectBuilder().add("at", c.getChangedAt().toString()).add("actor", c.getActor())
                    .add("field", c.getField());
            if (c.getOldValue() != null) {
                b.add("from", c.getOldValue());
            }
            if (c.getNewValue() != null) {
                b.add("to", c.getNewValue());
            }
            items.add(b);
        }
        return Json.createObjectBuilder().add("id", Long.parseLong(id)).add("items", items).build();
    }

    // --- helpers ---------------------------------------------------------------------------

    private Resource published(String id) {
        Resource r = find(id);
        if (r == null || !r.isPublished()) {
            throw ProblemException.notFound("資源 " + QueryParameters.shown(id) + " はありません");
        }
        return r;
    }

    private Resource find(String id) {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            return null;
        }
        return em.find(Resource.class, Long.parseLong(id));
    }

    private Account me() {
        return caller.account();
    }

    private static EntityTag etag(Resource r) {
        return new EntityTag(Long.toString(r.getVersion()));
    }

    private static long parseTag(String ifMatch) {
        String t = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "If-Match は資源の version（ETag）です");
        }
    }

    private static boolean publish(JsonInput in) {
        String status = in.string("status", false, 20);
        if (status == null || status.equals("published")) {
            return true;
        }
        if (!status.equals("draft")) {
            in.error("status", "status は published か draft です");
        }
        return false;
    }

    /** The API's field names → the import format's columns, so one validation serves both. */
    static Map<String, String> fields(JsonInput in) {
        Map<String, String> f = new HashMap<>();
        String[][] text = {{"externalId", "external_id", "100"}, {"name", "name", "200"}, {"nameKana", "name_kana", "400"},
                {"category", "category", "40"}, {"description", "description", "4000"},
                {"postalCode", "postal_code", "10"}, {"address", "address", "300"}, {"phone", "phone", "40"},
                {"url", "url", "500"}, {"email", "email", "254"}, {"schedule", "schedule", "500"},
                {"cost", "cost", "200"}, {"reservation", "reservation", "100"}, {"target", "target", "300"},
                {"centerCode", "center_code", "64"}, {"organizer", "organizer", "200"}};
        for (String[] t : text) {
            // required fields are checked with the import's rules, so messages are the same for files and forms
            String v = in.string(t[0], false, Integer.parseInt(t[2]));
            if (v != null) {
                f.put(t[1], v);
            }
        }
        Double lat = in.decimal("lat");
        Double lon = in.decimal("lon");
        if (lat != null) {
            f.put("lat", Double.toString(lat));
        }
        if (lon != null) {
            f.put("lon", Double.toString(lon));
        }
        Boolean homeVisit = in.bool("homeVisit");
        f.put("home_visit", Boolean.TRUE.equals(homeVisit) ? "true" : "false");
        f.put("accessibility", String.join(";", in.strings("accessibility", 30, 100)));
        f.put("departments", String.join(";", in.strings("departments", 50, 100)));
        return f;
    }
}
