package org.tsunagu.exchange.boundary;

import org.tsunagu.calendar.control.JapanTime;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tsunagu.areas.control.Centers;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.exchange.control.ResourceExport;
import org.tsunagu.directory.entity.Category;
import org.tsunagu.problems.QueryParameters;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Staff take the published resources out (api.md GET /exports/resources): as the Tsunagu CSV to edit
 * in Excel and import back, as GeoJSON for maps, as HSDS 3.0 for other directories. The body is
 * streamed while it is read from the database, page by page, so a large municipality does not need
 * the heap; for that reason no transaction spans the response. Published resources are public, so
 * staff of any center may export any of them; {@code center} and {@code category} narrow it down.
 */
@Path("exports/resources")
@RolesAllowed({"staff", "core", "admin"})
public class ResourceExportsResource {

    static final String CSV = "text/csv; charset=UTF-8";
    static final String GEOJSON = "application/geo+json";
    static final String JSON = "application/json";

    private static final ZoneId TOKYO = JapanTime.ZONE;

    @Inject
    ResourceExport export;

    @Inject
    Centers centers;

    @GET
    @Produces({CSV, GEOJSON, JSON})
    @Operation(summary = "Export published resources: csv (Tsunagu import format), geojson or hsds (HSDS 3.0)")
    public Response export(@QueryParam("format") String format, @QueryParam("center") String center,
                           @QueryParam("category") String category) {
        QueryParameters p = new QueryParameters();
        String f = p.text("format", format, 20);
        if (f == null) {
            f = "csv";
        } else if (!f.equals("csv") && !f.equals("geojson") && !f.equals("hsds")) {
            p.error("format", "format は csv, geojson, hsds のいずれかです");
        }
        Category c = p.choice("category", category, Category.values(), Category::code);
        String code = p.text("center", center, 64);
        Center chosen = code == null ? null : centers.find(code).orElse(null);
        if (code != null && chosen == null) {
            p.error("center", "センター " + QueryParameters.shown(code) + " は登録されていません");
        }
        p.verify();
        ResourceExport.Filter filter = new ResourceExport.Filter(chosen, c);
        LocalDate today = LocalDate.now(TOKYO);
        return switch (f) {
            case "geojson" -> Response.ok((StreamingOutput) out -> export.writeGeoJson(filter, out, today), GEOJSON)
                    .header("Content-Disposition", "attachment; filename=\"resources.geojson\"").build();
            case "hsds" -> Response.ok((StreamingOutput) out -> export.writeHsds(filter, out, today), JSON)
                    .header("Content-Disposition", "attachment; filename=\"resources-hsds.json\"").build();
            default -> Response.ok((StreamingOutput) out -> export.writeCsv(filter, out), CSV)
                    .header("Content-Disposition", "attachment; filename=\"resources.csv\"").build();
        };
    }
}
