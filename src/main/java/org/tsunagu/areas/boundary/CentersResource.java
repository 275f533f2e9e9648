package org.tsunagu.areas.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tsunagu.areas.control.Centers;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.problems.ProblemException;

import java.util.List;

/** Public: the centers and their catchments ("which center is responsible for this address" is addresses' CenterLookupResource). */
@Path("centers")
@Produces(MediaType.APPLICATION_JSON)
public class CentersResource {

    @Inject
    Centers centers;

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
            list = centers.municipality(municipality.strip()).map(centers::of).orElse(List.of());
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
}
