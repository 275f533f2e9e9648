package org.tsunagu.exchange.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tsunagu.accounts.control.Caller;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.accounts.entity.Role;
import org.tsunagu.audit.control.Audit;
import org.tsunagu.exchange.control.ImportResult;
import org.tsunagu.exchange.control.ResourceFormat;
import org.tsunagu.exchange.control.ResourceImport;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.QueryParameters;

import java.util.List;

/**
 * Staff load their resource lists from CSV (api.md POST /imports/resources): the Tsunagu format or
 * an open-data list ({@link ResourceFormat}: jp-medical, jp-care, mhlw-care). One transaction per
 * file: with errors nothing is imported (unless skipInvalid=true), a dry run changes nothing, and
 * the search index follows as soon as the file committed. Staff may import only resources of their
 * own catchment; core staff and admins any.
 */
@Path("imports/resources")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"staff", "core", "admin"})
public class ResourceImportsResource {

    @Inject
    ResourceImport imports;

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    @POST
    @Consumes("text/csv")
    @Transactional
    @Operation(summary = "Import resources from CSV (upsert by externalId)")
    public JsonObject importResources(byte[] file, @QueryParam("format") String format,
                                      @QueryParam("dryRun") String dryRun, @QueryParam("skipInvalid") String skipInvalid) {
        QueryParameters p = new QueryParameters();
        String f = p.text("format", format, 20);
        ResourceFormat chosen = f == null ? ResourceFormat.TSUNAGU : ResourceFormat.ofCode(f).orElse(null);
        if (chosen == null) {
            p.error("format", "format は tsunagu, jp-medical, jp-care, mhlw-care のいずれかです");
        }
        boolean dry = p.flag("dryRun", dryRun);
        boolean skip = p.flag("skipInvalid", skipInvalid);
        p.verify();
        Account me = caller.account();
        ImportResult r = imports.importFile(chosen, file, dry, skip, true,
                center -> me.getRole() == Role.ADMIN || me.mayActFor(center));
        if (!dry) {
            audit.record(me.getUsername(), "import.resources", "resource", null,
                    "format=" + chosen.code() + " created=" + r.created() + " updated=" + r.updated() + " rejected=" + r.rejected());
        }
        return Json.createObjectBuilder().add("created", r.created()).add("updated", r.updated())
                .add("unchanged", r.unchanged()).add("rejected", r.rejected()).add("dryRun", dry).add("errors", errors(r.errors()))
                .add("warnings", errors(r.warnings())).build();
    }

    static JsonArrayBuilder errors(List<FieldError> list) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (FieldError e : list) {
            a.add(Json.createObjectBuilder().add("line", e.line() == null ? 0 : e.line()).add("field", e.field())
                    .add("message", e.message()));
        }
        return a;
    }
}
