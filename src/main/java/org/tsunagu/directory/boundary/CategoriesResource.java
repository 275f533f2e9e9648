package org.tsunagu.directory.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.tsunagu.directory.entity.Category;

/** Public: the resource categories with Japanese and English labels. */
@Path("categories")
@Produces(MediaType.APPLICATION_JSON)
public class CategoriesResource {

    @GET
    public JsonArray list() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (Category c : Category.values()) {
            list.add(Json.createObjectBuilder().add("code", c.code()).add("ja", c.labelJa()).add("en", c.labelEn()));
        }
        return list.build();
    }
}
