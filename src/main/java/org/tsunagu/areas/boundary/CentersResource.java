package org.tsunagu.areas.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tsunagu.areas.control.AreaLookup;
import org.tsunagu.areas.control.Centers;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.areas.entity.Town;
import org.tsunagu.problems.ProblemException;
import org.tsunagu.problems.QueryParameters;

import java.util.List;

/** Public: the centers, their catchments, and "which center is responsible for this address". */
@Path("centers")
@Produces(MediaType.APPLICATION_JSON)
public class CentersResource {

    static final int MAX_ADDRESS = 300;

    @Inject
    Centers centers;

    @Inject
    AreaLookup lookup;

    @GET
    @Operation(summary = "Centers, optionally of one municipality")
    public List<CenterView> list(@QueryParam("municipality") String municipality) {
        List<Center> list;
        if (municipality == null || municipality.isBlank()) {
            list = centers.all();
        } else {
            if (!Municipality.isValidCode(municipality.strip())) {
                throw ProblemException.invalid("municipality", "municipality は6桁の全国地方公共団体コードです");
            }
            list = lookup.municipality(municipality.strip()).map(centers::of).orElse(List.of());
        }
        return list.stream().map(c -> CenterView.of(c, centers.catchmentNames(c))).toList();
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One center with its towns")
    public CenterView get(@PathParam("code") String code) {
        Center c = centers.find(code).orElseThrow(() -> ProblemException.notFound("no center " + code));
        return CenterView.of(c, centers.catchmentNames(c));
    }

    @GET
    @Path("lookup")
    @Operation(summary = "The center responsible for an address")
    public JsonObject lookup(@QueryParam("address") String address, @QueryParam("municipality") String municipality) {
        if (address == null || address.isBlank()) {
            throw ProblemException.invalid("address", "address は必須です");
        }
        if (address.length() > MAX_ADDRESS) {
            throw ProblemException.invalid("address", "address は" + MAX_ADDRESS + "文字以内です");
        }
        QueryParameters p = new QueryParameters();
        p.text("address", address, MAX_ADDRESS);
        p.verify();
        if (municipality != null && !municipality.isBlank() && !Municipality.isValidCode(municipality.strip())) {
            throw ProblemException.invalid("municipality", "municipality は6桁の全国地方公共団体コードです");
        }
        return toJson(lookup.lookup(address, municipality));
    }

    static JsonObject toJson(AreaLookup.Result r) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("matched", r.matched().code());
        if (r.town() != null) {
            b.add("town", r.town().displayName());
            b.add("lat", r.town().getPoint().lat()).add("lon", r.town().getPoint().lon());
            if (r.block() != null) {
                b.add("block", r.block());
            }
        } else {
            b.addNull("town");
        }
        if (r.municipality() != null) {
            b.add("municipality", Json.createObjectBuilder().add("code", r.municipality().getCode())
                    .add("name", r.municipality().getName()).add("prefecture", r.municipality().getPrefecture()));
        }
        if (r.center() != null) {
            Center c = r.center();
            b.add("center", Json.createObjectBuilder().add("code", c.getCode()).add("name", c.getName())
                    .add("phone", c.getPhone()).add("address", c.getAddress()).add("kind", c.getKind().code()));
        } else {
            b.addNull("center");
        }
        if (!r.candidates().isEmpty()) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (Town t : r.candidates()) {
                list.add(Json.createObjectBuilder().add("town", t.displayName())
                        .add("municipality", t.getMunicipality().getCode())
                        .add("municipalityName", t.getMunicipality().getName())
                        .add("center", Json.createObjectBuilder().add("code", t.getCenter().getCode())
                                .add("name", t.getCenter().getName()).add("phone", t.getCenter().getPhone())));
            }
            b.add("candidates", list);
        }
        return b.build();
    }
}
