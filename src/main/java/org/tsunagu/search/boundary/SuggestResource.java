package org.tsunagu.search.boundary;

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
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.search.control.ResourceIndex;
import org.tsunagu.search.control.ResourceSearch;
import org.tsunagu.problems.ProblemException;
import org.tsunagu.problems.QueryParameters;

/**
 * Type-ahead for the search box: category labels, town names and resource names that start with
 * what was typed, by writing or by reading (ひか → 光が丘). At most ten.
 */
@Path("suggest")
@Produces(MediaType.APPLICATION_JSON)
public class SuggestResource {

    static final int MAX = 10;

    @Inject
    ResourceSearch search;

    @GET
    @Operation(summary = "Up to 10 completions for a prefix, readings included")
    public JsonObject suggest(@QueryParam("q") String q, @QueryParam("municipality") String municipality) {
        QueryParameters p = new QueryParameters();
        String prefix = p.text("q", q, 50);
        String muni = p.text("municipality", municipality, 6);
        if (muni != null && !Municipality.isValidCode(muni)) {
            p.error("municipality", "municipality は6桁の全国地方公共団体コードです");
        }
        p.verify();
        JsonArrayBuilder list = Json.createArrayBuilder();
        if (prefix != null) {
            for (ResourceIndex.Suggestion s : search.suggest(prefix, muni, MAX)) {
                JsonObjectBuilder b = Json.createObjectBuilder().add("text", s.text()).add("kind", s.kind());
                if (s.reading() != null) {
                    b.add("reading", s.reading());
                } else {
                    b.addNull("reading");
                }
                list.add(b);
            }
        } else if (q == null) {
            throw ProblemException.invalid("q", "q は必須です");
        }
        return Json.createObjectBuilder().add("q", prefix == null ? "" : prefix).add("suggestions", list).build();
    }
}
