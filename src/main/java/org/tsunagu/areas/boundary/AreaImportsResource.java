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
import org.tsunagu.areas.control.AbrTowns;
import org.tsunagu.areas.control.GeoloniaTowns;
import org.tsunagu.areas.control.RegistryTownImport;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.LargeBody;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import jakarta.inject.Provider;
import org.tsunagu.areas.entity.Jurisdiction;
import org.tsunagu.audit.control.Audit;
import org.tsunagu.csv.CsvTable;
import org.tsunagu.problems.ProblemException;
import org.tsunagu.problems.QueryParameters;

import java.util.List;

/**
 * Admin and core staff load the municipality's centers and towns (catchments) from CSV, and the towns of
 * the national address registries (Geolonia, アドレス・ベース・レジストリ; streamed, any size: {@link LargeBody}),
 * which add towns and points but never change routing. Each call is one transaction: a file with any
 * error answers 400 with line and field, and changes nothing.
 * Core staff load only their own municipality (a file naming another one is a 403 before anything
 * is read into the database): the towns decide where another municipality's alerts are routed.
 */
@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"admin", "core"})
public class AreaImportsResource {

    static final String CSV = "text/csv";
    static final String GEOLONIA = "geolonia";
    static final String ABR = "abr";

    @Inject
    TownImport towns;

    @Inject
    CenterImport centers;

    @Inject
    RegistryTownImport registry;

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
    @LargeBody
    @Operation(summary = "Replace the towns and routing of the municipalities in the file (catchment CSV), or merge the "
            + "towns of a national address registry (format=geolonia, streamed) into one municipality")
    public JsonObject importTowns(InputStream body, @QueryParam("format") String format,
                                  @QueryParam("municipality") String municipality) throws IOException {
        if (format == null || format.isBlank()) {
            return importCatchment(body.readAllBytes());
        }
        switch (format.strip()) {
            case GEOLONIA -> {
                Municipality m = registryMunicipality(municipality);
                return registrySummary(GEOLONIA, registry.merge(m, GeoloniaTowns.read(body, m.getCode())));
            }
            case ABR -> throw ProblemException.invalid("format", "format=abr は町字マスターと位置参照ファイルを"
                    + "multipart/form-data で送ってください");
            default -> throw unknownFormat(format);
        }
    }

    @POST
    @Path("towns")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Transactional
    @LargeBody
    @Operation(summary = "Merge the towns of the address base registry (format=abr: 町字マスター and 位置参照 as two parts, "
            + "streamed) into one municipality")
    public JsonObject importRegistryParts(InputStream body, @QueryParam("format") String format,
                                          @QueryParam("municipality") String municipality,
                                          @Context HttpHeaders headers) throws IOException {
        String f = format == null ? "" : format.strip();
        if (!f.equals(ABR) && !f.equals(GEOLONIA)) {
            throw f.isEmpty() ? ProblemException.invalid("format", "multipart/form-data で送るときは format=abr を指定してください")
                    : unknownFormat(format);
        }
        Municipality m = registryMunicipality(municipality);
        FormDataParts parts;
        try {
            parts = new FormDataParts(body, headers.getMediaType().getParameters().get("boundary"));
        } catch (IOException e) {
            throw ProblemException.invalid("body", "multipart/form-data の boundary がありません");
        }
        try {
            if (f.equals(GEOLONIA)) {
                InputStream first = parts.next();
                if (first == null) {
                    throw ProblemException.invalid("body", "ファイルがありません");
                }
                return registrySummary(GEOLONIA, registry.merge(m, GeoloniaTowns.read(first, m.getCode())));
            }
            AbrTowns abr = new AbrTowns(m.getCode());
            for (InputStream part = parts.next(); part != null; part = parts.next()) {
                abr.add(part);
            }
            return registrySummary(ABR, registry.merge(m, abr.result()));
        } catch (UncheckedIOException e) {
            throw unreadableParts(e.getCause());
        } catch (IOException e) {
            throw unreadableParts(e);
        }
    }

    private static ProblemException unreadableParts(IOException e) {
        return ProblemException.invalid("the multipart body is malformed", List.of(FieldError.of("body",
                "multipart/form-data の本文を読み取れません（" + QueryParameters.shown(String.valueOf(e.getMessage())) + "）")));
    }

    private static ProblemException unknownFormat(String format) {
        return ProblemException.invalid("format", "format は geolonia か abr です（指定なしは担当地域CSV）: "
                + QueryParameters.shown(format));
    }

    private JsonObject importCatchment(byte[] file) {
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

    /**
     * The municipality a registry import is for: admins name it (6 digits, or the 5 of open data); core
     * staff their own (named or not). It must exist: the catchment import creates it with its centers.
     */
    private Municipality registryMunicipality(String parameter) {
        Jurisdiction mine = jurisdiction.get();
        String own = null;
        if (!mine.isAll()) {
            if (!mine.isMunicipality()) {
                throw ProblemException.forbidden("core staff load the areas of their own municipality");
            }
            own = mine.municipalityCode();
        }
        String code;
        if (parameter == null || parameter.isBlank()) {
            if (own == null) {
                throw ProblemException.invalid("municipality", "municipality（取り込む市区町村の6桁の全国地方公共団体コード）は必須です");
            }
            code = own;
        } else {
            code = Municipality.normalizeCode(parameter).orElseThrow(() -> ProblemException.invalid("municipality",
                    "municipality は6桁の全国地方公共団体コードです: " + QueryParameters.shown(parameter)));
        }
        if (own != null && !own.equals(code)) {
            throw ProblemException.forbidden("基幹型センターの職員は自分の市区町村（" + own + "）のデータだけ取り込めます");
        }
        return registry.municipality(code);
    }

    private JsonObject registrySummary(String format, RegistryTownImport.Summary s) {
        audit.record(caller(), "import.towns", "municipality", s.municipality(), "format=" + format + " created=" + s.created()
                + " updated=" + s.updated() + " unchanged=" + s.unchanged() + " unassigned=" + s.unassigned().size());
        return Json.createObjectBuilder().add("format", format).add("municipality", s.municipality())
                .add("rowsRead", s.rowsRead()).add("skippedOtherMunicipality", s.skippedOtherMunicipality())
                .add("created", s.created()).add("updated", s.updated()).add("unchanged", s.unchanged())
                .add("removed", 0).add("rejected", 0)
                .add("unassigned", s.unassigned().size()).add("unassignedTowns", Json.createArrayBuilder(s.unassigned()))
                .add("notInSource", s.notInSource().size()).add("notInSourceTowns", Json.createArrayBuilder(s.notInSource()))
                .add("withoutPoint", s.withoutPoint().size()).add("withoutPointTowns", Json.createArrayBuilder(s.withoutPoint()))
                .add("municipalities", Json.createArrayBuilder().add(Json.createObjectBuilder().add("code", s.municipality())
                        .add("created", s.created()).add("updated", s.updated()).add("removed", 0)))
                .build();
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
