package org.tsunagu.directory.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tsunagu.accounts.control.Caller;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.directory.control.Corrections;
import org.tsunagu.directory.entity.Correction;
import org.tsunagu.problems.JsonInput;
import org.tsunagu.problems.ProblemException;

/**
 * The maintaining center's queue of 「情報が違う・古い」 reports (residents send them with
 * POST /resources/{id}/corrections, see {@link ResourcesResource}).
 */
@Path("corrections")
@Produces(MediaType.APPLICATION_JSON)
public class CorrectionsResource {

    @Inject
    Corrections corrections;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({"staff", "core"})
    @Operation(summary = "Open correction reports for the caller's center (core: the municipality)")
    public JsonObject open() {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (Correction c : corrections.open(me())) {
            items.add(json(c));
        }
        return Json.createObjectBuilder().add("items", items).build();
    }

    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"staff", "core"})
    @Operation(summary = "Mark a correction report as handled")
    public JsonObject close(@PathParam("id") String id, JsonValue body) {
        JsonInput in = new JsonInput(body);
        String note = in.string("note", false, 2000);
        in.verify();
        return json(corrections.close(me(), id, note));
    }

    static JsonObject json(Correction c) {
        var b = Json.createObjectBuilder().add("id", c.getId()).add("resourceId", c.getResource().getId())
                .add("resourceName", c.getResource().getName()).add("kind", c.getKind().code())
                .add("kindLabel", c.getKind().label()).add("message", c.getMessage())
                .add("createdAt", c.getCreatedAt().toString())
                .add("status", c.getStatus().name().toLowerCase(java.util.Locale.ROOT));
        if (c.getCenter() != null) {
            b.add("center", c.getCenter().getCode());
        }
        if (c.getHandledBy() != null) {
            b.add("handledBy", c.getHandledBy()).add("handledAt", c.getHandledAt().toString());
        }
        return b.build();
    }

    private Account me() {
        Account me = caller.account();
        if (me.getCenter() == null) {
            throw ProblemException.forbidden("corrections are handled by center staff");
        }
        return me;
    }
}
