package org.tsunagu.addresses.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tsunagu.addresses.control.AreaLookup;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.areas.entity.Town;
import org.tsunagu.problems.ProblemException;
import org.tsunagu.problems.QueryParameters;

/**
 * Public: "which center is responsible for this address". Its own root resource below areas'
 * {@code centers}: JAX-RS matches the longer literal path {@code centers/lookup} first, so the
 * lookup lives with the matcher it exposes while the center list stays with the centers.
 */
@Path("centers/lookup")
@Produces(MediaType.APPLICATION_JSON)
public class CenterLookupResource {

    @Inject
    AreaLookup lookup;

    @GET
    @Operation(summary = "The center responsible for an address")
    public JsonObject lookup(@QueryParam("address") String address, @QueryParam("municipality") String municipality) {
        if (address == null || address.isBlank()) {
            throw ProblemException.invalid("address", "address は必須です");
        }
        if (address.length() > AreaLookup.MAX_ADDRESS) {
            throw ProblemException.invalid("address", "address は" + AreaLookup.MAX_ADDRESS + "文字以内です");
        }
        QueryParameters p = new QueryParameters();
        p.text("address", address, AreaLookup.MAX_ADDRESS);
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
                JsonObjectBuilder candidate = Json.createObjectBuilder().add("town", t.displayName())
                        .add("municipality", t.getMunicipality().getCode())
                        .add("municipalityName", t.getMunicipality().getName());
                if (t.getCenter() != null) {
                    candidate.add("center", Json.createObjectBuilder().add("code", t.getCenter().getCode())
                            .add("name", t.getCenter().getName()).add("phone", t.getCenter().getPhone()));
                } else {
                    // unassigned (a town from an address registry): its core center triages
                    candidate.addNull("center");
                }
                list.add(candidate);
            }
            b.add("candidates", list);
        }
        return b.build();
    }
}
