package org.tsunagu.exchange.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tsunagu.accounts.control.Caller;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.accounts.entity.Role;
import org.tsunagu.directory.control.ResourceEdits;
import org.tsunagu.directory.entity.Resource;
import org.tsunagu.exchange.control.ImportJobs;
import org.tsunagu.exchange.control.MunicipalityScope;
import org.tsunagu.exchange.entity.ImportJob;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;
import org.tsunagu.problems.QueryParameters;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The import jobs (api.md "Published open data"): state, progress, counts and the first errors of
 * one job, and the resources that vanished from its source, which staff confirm as 掲載終了 here
 * (an import never withdraws a resource by itself; withdrawing is a resource edit, so staff and core
 * staff do it for their catchment, as in the editor). A job is shown to admins, to the one who started it
 * and to staff of the municipality it imported.
 */
@Path("import-jobs/{id}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"staff", "core", "admin"})
public class ImportJobsResource {

    @Inject
    ImportJobs jobs;

    @Inject
    Caller caller;

    @Inject
    ResourceEdits edits;

    @GET
    @Operation(summary = "An import job: state, progress, counts, first errors")
    public JsonObject job(@PathParam("id") String id) {
        return json(visible(id));
    }

    @GET
    @Path("vanished")
    @Operation(summary = "The resources of the job's source that its file no longer holds")
    public JsonObject vanished(@PathParam("id") String id) {
        ImportJob job = visible(id);
        return vanishedJson(job);
    }

    @POST
    @Path("vanished")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"staff", "core"})
    @Operation(summary = "Confirm 掲載終了 for vanished resources: {\"withdraw\": [ids]}")
    public JsonObject withdraw(@PathParam("id") String id, JsonValue body) {
        ImportJob job = visible(id);
        JsonValue withdraw = body instanceof JsonObject o ? o.get("withdraw") : null;
        if (!(withdraw instanceof JsonArray list)) {
            throw ProblemException.invalid("withdraw", "withdraw に資源IDの配列を指定してください");
        }
        Set<Long> ids = new LinkedHashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (JsonValue v : list) {
            if (v instanceof JsonNumber n && n.isIntegral() && job.getVanished().contains(n.longValue())) {
                ids.add(n.longValue());
            } else {
                errors.add(FieldError.of("withdraw", v + " はこの取込で掲載元から消えた資源ではありません"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("withdraw names resources this job did not list as vanished", errors);
        }
        Account me = caller.account();
        for (Long resourceId : ids) {
            // one by one: each is the caller's to withdraw (catchment), with its history and audit
            edits.find(resourceId.toString()).filter(r -> r.getStatus() != org.tsunagu.directory.entity.ResourceStatus.ARCHIVED)
                    .ifPresent(r -> edits.archive(me, resourceId.toString()));
        }
        jobs.confirmed(job.getId(), List.copyOf(ids));
        return Json.createObjectBuilder(vanishedJson(jobs.find(id).orElseThrow())).add("withdrawn", ids.size()).build();
    }

    private JsonObject vanishedJson(ImportJob job) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (Long resourceId : job.getVanished().stream().sorted().toList()) {
            edits.find(resourceId.toString()).ifPresent(r -> items.add(item(r)));
        }
        return Json.createObjectBuilder().add("id", job.getId()).add("vanished", job.getVanishedCount())
                .add("items", items).build();
    }

    private static JsonObject item(Resource r) {
        return Json.createObjectBuilder().add("id", r.getId()).add("name", r.getName())
                .add("category", r.getCategory().code()).add("address", r.getAddress())
                .add("externalId", r.getExternalId() == null ? "" : r.getExternalId())
                .add("status", r.getStatus().name().toLowerCase(java.util.Locale.ROOT)).build();
    }

    /** The job, or 404 when there is none or the caller may not see it (a job is not another center's business). */
    private ImportJob visible(String id) {
        ImportJob job = jobs.find(id).orElseThrow(() -> ProblemException.notFound("取込ジョブ " + QueryParameters.shown(id) + " はありません"));
        Account me = caller.account();
        if (me.getRole() == Role.ADMIN || me.getUsername().equals(job.getRequestedBy())) {
            return job;
        }
        String own = me.getCenter() == null ? null : me.getCenter().getMunicipality().getCode();
        if (own != null && MunicipalityScope.ofKey(job.getMunicipalities()).accepts(own)
                && !MunicipalityScope.ofKey(job.getMunicipalities()).isUnspecified()) {
            return job;
        }
        throw ProblemException.notFound("取込ジョブ " + QueryParameters.shown(id) + " はありません");
    }

    /** The job as api.md shows it (also the 202 body and, with dryRun, the synchronous summary). */
    static JsonObject json(ImportJob job) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", job.getId()).add("state", job.getState().code())
                .add("format", job.getFormat()).add("rowsRead", job.getRowsRead());
        if (job.getRowsTotal() == null) {
            b.addNull("rowsTotal");
        } else {
            b.add("rowsTotal", job.getRowsTotal());
        }
        b.add("created", job.getCreated()).add("updated", job.getUpdated()).add("unchanged", job.getUnchanged())
                .add("skippedOtherMunicipality", job.getSkippedOtherMunicipality()).add("rejected", job.getRejected());
        JsonObject report = job.getReport() == null ? JsonValue.EMPTY_JSON_OBJECT
                : Json.createReader(new StringReader(job.getReport())).readObject();
        b.add("errors", report.getOrDefault("errors", JsonValue.EMPTY_JSON_ARRAY))
                .add("warnings", report.getOrDefault("warnings", JsonValue.EMPTY_JSON_ARRAY))
                .add("vanished", job.getVanishedCount()).add("dryRun", job.isDryRun())
                .add("requestedAt", job.getRequestedAt().toString());
        if (job.getFinishedAt() != null) {
            b.add("finishedAt", job.getFinishedAt().toString());
        }
        if (job.getFailure() != null) {
            b.add("failure", job.getFailure());
        }
        return b.build();
    }
}
