package org.tsunagu.areas.boundary;

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
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tsunagu.areas.control.CenterImport;
import org.tsunagu.areas.control.ImportSummary;
import org.tsunagu.areas.control.TownImport;
import jakarta.inject.Provider;
import org.tsunagu.areas.entity.Jurisdiction;
import org.tsunagu.audit.control.Audit;
import org.tsunagu.csv.CsvTable;
import org.tsunagu.problems.ProblemException;
import org.tsunagu.problems.QueryParameters;

import java.util.List;

/**
 * Admin and core staff load the municipality's centers and towns (catchments) from CSV. Each call is
 * one transaction: a file with any error answers 400 with line and field, and changes nothing.
 * Core staff load only their own municipality (a file naming another one is a 403 before anything
 * is read into the database): the towns decide where another municipality's alerts are routed.
 */
@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "core"})
public class AreaImportsResource {

    static final String CSV = "text/csv";

    @Inject
    TownImport towns;

    @Inject
    CenterImport centers;

    @Inject
    Audit audit;

    /** Whose areas the caller answers for (made by accounts: areas knows no accounts or roles). */
    @Inject
    Provider<Jurisdiction> jurisdiction;

    @Context
    SecurityContext security;

    @POST
    @Path("towns")
    @Consumes(CSV)
    @Transactional
    @Operation(summary = "Replace the towns and routing of the municipalities in the file")
    public JsonObject importTowns(byte[] file) {
        ownMunicipalityOnly(file, null);
        List<ImportSummary> result = towns.importCsv(file);
        JsonArrayBuilder list = Json.createArrayBuilder();
        int created = 0;
        int updated = 0;
        int removed = 0;
        for (ImportSummary s : result) {
            list.add(Json.createObjectBuilder().add("code", s.municipality()).add("created", s.created())
                    .add("updated", s.updated()).add("removed", s.removed()));
            created += s.created();
            updated += s.updated();
            removed += s.removed();
            audit.record(caller(), "import.towns", "municipality", s.municipality(),
                    "created=" + s.created() + " updated=" + s.updated() + " removed=" + s.removed());
        }
        return Json.createObjectBuilder().add("created", created).add("updated", updated).add("removed", removed)
                .add("rejected", 0).add("municipalities", list).build();
    }

    @POST
    @Path("centers")
    @Consumes(CSV)
    @Transactional
    @Operation(summary = "Create or update centers")
    public JsonObject importCenters(byte[] file, @QueryParam("municipality") String municipality) {
        String own = ownMunicipalityOnly(file, municipality);
        ImportSummary s = centers.importCsv(file, own != null ? own : municipality);
        audit.record(caller(), "import.centers", "center", null, "created=" + s.created() + " updated=" + s.updated());
        return Json.createObjectBuilder().add("created", s.created()).add("updated", s.updated())
                .add("rejected", 0).build();
    }

    /**
     * For core staff: the code of their municipality, after checking that the file's city_code
     * column and the municipality parameter name no other; for admins null (no restriction).
     */
    private String ownMunicipalityOnly(byte[] file, String parameter) {
        Jurisdiction mine = jurisdiction.get();
        if (mine.isAll()) {
            return null;
        }
        if (!mine.isMunicipality()) {
            throw ProblemException.forbidden("core staff load the areas of their own municipality");
        }
        String own = mine.municipalityCode();
        if (parameter != null && !parameter.isBlank() && !parameter.strip().equals(own)) {
            throw ProblemException.forbidden("基幹型センターの職員は自分の市区町村（" + own + "）のデータだけ取り込めます");
        }
        for (CsvTable.Row row : CsvTable.parse(file, List.of()).rows()) {
            if (row.has("city_code") && !row.get("city_code").isBlank() && !row.get("city_code").strip().equals(own)) {
                throw ProblemException.forbidden("基幹型センターの職員は自分の市区町村（" + own + "）のデータだけ取り込めます（"
                        + row.line() + "行目: " + QueryParameters.shown(row.get("city_code")) + "）");
            }
        }
        return own;
    }

    private String caller() {
        return security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
    }
}
