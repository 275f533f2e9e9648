package org.tsunagu.exchange.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tsunagu.accounts.control.Caller;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.accounts.entity.Role;
import org.tsunagu.addresses.control.AreaLookup;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.exchange.control.ImportJobs;
import org.tsunagu.exchange.control.ImportSubmission;
import org.tsunagu.exchange.control.MunicipalityScope;
import org.tsunagu.exchange.control.ResourceFormat;
import org.tsunagu.exchange.entity.ImportJob;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.LargeBody;
import org.tsunagu.problems.ProblemException;
import org.tsunagu.problems.QueryParameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Staff load their resource lists from files (api.md POST /imports/resources): the Tsunagu format or
 * published open data ({@link ResourceFormat}), as one CSV, a ZIP of CSVs, or the CSVs as multipart
 * parts. The body is streamed to disk, never held in memory. A small file is imported while the request
 * waits (200 and the summary, as before); a larger one becomes a background job (202 with its
 * Location, {@link ImportJobsResource}). Either way one job row records it, so that a second import of
 * the same municipality and format while one runs gets 409, and the vanished list can be confirmed.
 * Staff may import only resources of their own catchment; core staff and admins any.
 */
@Path("imports/resources")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"staff", "core", "admin"})
public class ResourceImportsResource {

    @Inject
    ImportJobs jobs;

    @Inject
    ImportSubmission submission;

    @Inject
    Caller caller;

    @Inject
    AreaLookup areas;

    @POST
    @LargeBody
    @Consumes({"text/csv", "application/zip", "application/x-zip-compressed", "application/octet-stream"})
    @Operation(summary = "Import resources from a CSV or a ZIP of CSVs (upsert by externalId)")
    public Response importResources(InputStream body, @QueryParam("format") String format, @QueryParam("dryRun") String dryRun,
                                    @QueryParam("skipInvalid") String skipInvalid,
                                    @QueryParam("municipality") List<String> municipality,
                                    @QueryParam("prefecture") String prefecture) {
        return spooled(request(format, dryRun, skipInvalid, municipality, prefecture),
                spool -> Files.copy(body, spool.resolve("upload-0")));
    }

    @POST
    @LargeBody
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import resources from the CSV files of one source as multipart parts (e.g. ナビイ's pairs)")
    public Response importParts(List<EntityPart> parts, @QueryParam("format") String format, @QueryParam("dryRun") String dryRun,
                                @QueryParam("skipInvalid") String skipInvalid,
                                @QueryParam("municipality") List<String> municipality,
                                @QueryParam("prefecture") String prefecture) {
        return spooled(request(format, dryRun, skipInvalid, municipality, prefecture), spool -> {
            int n = 0;
            for (EntityPart part : parts) {
                if (part.getFileName().isEmpty() && part.getMediaType().isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
                    continue; // a form field, not a file
                }
                try (InputStream in = part.getContent()) {
                    Files.copy(in, spool.resolve("upload-" + (n++)));
                }
            }
        });
    }

    /** Writes the body's files into a new spool folder. */
    interface Upload {
        void writeTo(java.nio.file.Path spool) throws IOException;
    }

    /** The upload written to disk (never held in memory), then submitted; the folder goes when anything fails. */
    private Response spooled(Request r, Upload upload) {
        java.nio.file.Path spool = jobs.newSpool();
        try {
            upload.writeTo(spool);
        } catch (IOException e) {
            ImportJobs.delete(spool.toString());
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            ImportJobs.delete(spool.toString());
            throw e;
        }
        return start(r, spool);
    }

    /** What was asked, checked before a byte of the body is stored. */
    record Request(ResourceFormat format, boolean dryRun, boolean skipInvalid, MunicipalityScope scope, Account by) {
    }

    private Request request(String format, String dryRun, String skipInvalid, List<String> municipality, String prefecture) {
        QueryParameters p = new QueryParameters();
        String f = p.text("format", format, 20);
        ResourceFormat chosen = f == null ? ResourceFormat.TSUNAGU : ResourceFormat.ofCode(f).orElse(null);
        if (chosen == null) {
            p.error("format", "format は " + String.join(", ", ResourceFormat.codes()) + " のいずれかです");
        }
        boolean dry = p.flag("dryRun", dryRun);
        boolean skip = p.flag("skipInvalid", skipInvalid);
        Set<String> codes = new LinkedHashSet<>();
        for (String m : municipality == null ? List.<String>of() : municipality) {
            Optional<String> code = Municipality.normalizeCode(m);
            if (code.isEmpty()) {
                p.error("municipality", "municipality は6桁の全国地方公共団体コードです: " + QueryParameters.shown(m));
            } else if (areas.municipality(code.get()).isEmpty()) {
                p.error("municipality", "市区町村 " + code.get() + " はこのポータルに登録されていません");
            } else {
                codes.add(code.get());
            }
        }
        String pref = p.text("prefecture", prefecture, 2);
        if (pref != null && !pref.matches("\\d{2}")) {
            p.error("prefecture", "prefecture は2桁の都道府県コードです");
        }
        if (pref != null && !codes.isEmpty()) {
            p.error("prefecture", "municipality と prefecture はどちらか一方を指定してください");
        }
        p.verify();
        Account me = caller.account();
        MunicipalityScope scope = pref != null ? MunicipalityScope.ofPrefecture(pref) : MunicipalityScope.of(codes);
        if (me.getRole() != Role.ADMIN) {
            String own = me.getCenter() == null ? null : me.getCenter().getMunicipality().getCode();
            if (pref != null || codes.stream().anyMatch(c -> !c.equals(own))) {
                throw new ProblemException(403, "Forbidden", "staff import only their own municipality",
                        List.of(FieldError.of("municipality", "自分のセンターの市区町村の資源だけを取り込めます")));
            }
            if (chosen != ResourceFormat.TSUNAGU && own != null) {
                scope = MunicipalityScope.of(Set.of(own));
            }
        }
        return new Request(chosen, dry, skip, scope, me);
    }

    private Response start(Request r, java.nio.file.Path spool) {
        ImportSubmission.Submitted submitted = submission.submit(r.format(), r.scope(), r.dryRun(), r.skipInvalid(),
                r.by().getUsername(), spool);
        String id = submitted.job().getId();
        URI location = URI.create("/api/v1/import-jobs/" + id);
        if (submitted.inBackground()) {
            return Response.accepted(ImportJobsResource.json(jobs.find(id).orElse(submitted.job()))).location(location).build();
        }
        if (submitted.outcome() != null && submitted.outcome().problem() != null) {
            throw submitted.outcome().problem();
        }
        ImportJob done = jobs.find(id).orElseThrow();
        return Response.ok(Json.createObjectBuilder(ImportJobsResource.json(done)).add("vanishedIds", ids(done.getVanished())).build())
                .header("Content-Location", location).build();
    }

    private static JsonArrayBuilder ids(Set<Long> ids) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        new ArrayList<>(ids).stream().sorted().forEach(a::add);
        return a;
    }
}
