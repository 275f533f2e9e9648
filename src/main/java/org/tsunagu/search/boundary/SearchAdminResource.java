package org.tsunagu.search.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tsunagu.accounts.control.Caller;
import org.tsunagu.audit.control.Audit;
import org.tsunagu.search.control.ResourceSearch;
import org.tsunagu.search.sync.control.SynonymsChanged;
import org.tsunagu.search.control.Synonyms;
import org.tsunagu.search.entity.SynonymGroup;
import org.tsunagu.problems.JsonInput;
import org.tsunagu.problems.ProblemException;
import org.tsunagu.problems.QueryParameters;

import java.time.Instant;
import java.util.List;

/**
 * Admin: the state of the search index, a rebuild on demand (searches keep answering from the old
 * index meanwhile), and the synonym groups admins add to the shipped list. A change of synonyms
 * rebuilds the index by itself.
 */
@Path("search")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class SearchAdminResource {

    @Inject
    ResourceSearch search;

    @Inject
    Event<SynonymsChanged> synonymsChanged;

    @Inject
    Audit audit;

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @GET
    @Path("index")
    @Operation(summary = "Search index status")
    public JsonObject status() {
        return status(search.status()).build();
    }

    @POST
    @Path("index/rebuild")
    @Transactional
    @Operation(summary = "Rebuild the search index from the database in the background")
    public Response rebuild() {
        boolean started = search.rebuildInBackground();
        audit.record(caller.actor(), "search.rebuild", "search-index", null,
                started ? "started" : "queued after the running rebuild");
        return Response.accepted(status(search.status()).add("started", started).build()).build();
    }

    private static JsonObjectBuilder status(ResourceSearch.Status s) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("generation", s.generation())
                .add("documents", s.documents()).add("published", s.published()).add("rebuilding", s.rebuilding())
                .add("analysis", s.analysis()).add("lastAppliedChange", s.lastAppliedChange())
                .add("rememberedChange", s.rememberedChange());
        if (s.latestChange() != null) {
            b.add("latestChange", s.latestChange());
        } else {
            b.addNull("latestChange");
        }
        if (s.lastRebuildAt() != null) {
            b.add("lastRebuildAt", s.lastRebuildAt().toString()).add("lastRebuildMillis", s.lastRebuildMillis());
        } else {
            b.addNull("lastRebuildAt").addNull("lastRebuildMillis");
        }
        return b;
    }

    @GET
    @Path("synonyms")
    @Operation(summary = "Synonym groups: shipped and added by admins")
    public JsonObject synonyms() {
        JsonArrayBuilder added = Json.createArrayBuilder();
        for (SynonymGroup g : em.createNamedQuery(SynonymGroup.FIND_ALL, SynonymGroup.class).getResultList()) {
            added.add(Json.createObjectBuilder().add("id", g.getId()).add("terms", Json.createArrayBuilder(g.getTerms()))
                    .add("createdBy", g.getCreatedBy()).add("createdAt", g.getCreatedAt().toString()));
        }
        JsonArrayBuilder bundled = Json.createArrayBuilder();
        Synonyms.bundledGroups().forEach(g -> bundled.add(Json.createArrayBuilder(g)));
        return Json.createObjectBuilder().add("added", added).add("bundled", bundled).build();
    }

    @POST
    @Path("synonyms")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Add a synonym group (the index is rebuilt with it)")
    public Response addSynonyms(JsonValue body) {
        JsonInput in = new JsonInput(body);
        List<String> terms = in.strings("terms", Synonyms.MAX_TERMS + 1, 200);
        if (!in.has("terms")) {
            in.error("terms", "terms は必須です");
        }
        in.verify();
        List<String> valid;
        try {
            valid = Synonyms.validGroup(terms);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("terms", e.getMessage());
        }
        SynonymGroup g = new SynonymGroup(valid, caller.actor(), Instant.now());
        em.persist(g);
        synonymsChanged.fire(new SynonymsChanged(g.getId()));
        audit.record(caller.actor(), "search.synonyms.add", "synonym-group",
                Long.toString(g.getId()), null);
        return Response.status(Response.Status.CREATED)
                .entity(Json.createObjectBuilder().add("id", g.getId()).add("terms", Json.createArrayBuilder(valid)).build())
                .build();
    }

    @DELETE
    @Path("synonyms/{id}")
    @Transactional
    @Operation(summary = "Remove an added synonym group")
    public Response removeSynonyms(@PathParam("id") String id) {
        SynonymGroup g = id.matches("[0-9]{1,18}") ? em.find(SynonymGroup.class, Long.parseLong(id)) : null;
        if (g == null) {
            throw ProblemException.notFound("synonym group " + QueryParameters.shown(id) + " does not exist");
        }
        em.remove(g);
        synonymsChanged.fire(new SynonymsChanged(g.getId()));
        audit.record(caller.actor(), "search.synonyms.remove", "synonym-group", id, null);
        return Response.noContent().build();
    }
}
