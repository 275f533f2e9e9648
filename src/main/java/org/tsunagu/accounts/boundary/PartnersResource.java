package org.tsunagu.accounts.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.tsunagu.accounts.control.Caller;
import org.tsunagu.accounts.control.Partners;
import org.tsunagu.accounts.entity.PartnerOrganisation;
import org.tsunagu.accounts.entity.PartnerType;
import org.tsunagu.addresses.control.AreaLookup;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.audit.control.Audit;
import org.tsunagu.problems.JsonInput;
import org.tsunagu.problems.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Watch partners: the public list (name and type only) and registration by an admin. */
@Path("partners")
@Produces(MediaType.APPLICATION_JSON)
public class PartnersResource {

    @Inject
    Partners partners;

    @Inject
    AreaLookup areas;

    @Inject
    Audit audit;

    @Inject
    Caller caller;

    @GET
    public JsonArray list(@QueryParam("municipality") String municipality) {
        if (municipality != null && !municipality.isBlank()
                && !Municipality.isValidCode(municipality.strip())) {
            throw ProblemException.invalid("municipality", "municipality は6桁の全国地方公共団体コードです");
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (PartnerOrganisation p : partners.all()) {
            if (municipality != null && !municipality.isBlank() && !p.getMunicipality().getCode().equals(municipality.strip())) {
                continue;
            }
            list.add(Json.createObjectBuilder().add("id", p.getId()).add("name", p.getName())
                    .add("type", Json.createObjectBuilder().add("code", p.getType().code())
                            .add("ja", p.getType().labelJa()).add("en", p.getType().labelEn()))
                    .add("municipality", p.getMunicipality().getCode()));
        }
        return list.build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Transactional
    public Response create(jakarta.json.JsonValue body, @Context UriInfo uri) {
        JsonInput in = new JsonInput(body);
        String name = in.string("name", true, 200);
        String typeCode = in.string("type", true, 40);
        String municipalityCode = in.string("municipality", true, 6);
        String date = in.string("agreementDate", false, 10);
        PartnerType type = typeCode == null ? null : PartnerType.ofCode(typeCode).orElse(null);
        if (typeCode != null && type == null) {
            in.error("type", "type が不明です: " + typeCode);
        }
        Municipality m = municipalityCode == null ? null : areas.municipality(municipalityCode).orElse(null);
        if (municipalityCode != null && m == null) {
            in.error("municipality", "municipality " + municipalityCode + " は登録されていません");
        }
        LocalDate agreement = null;
        if (date != null) {
            try {
                agreement = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                in.error("agreementDate", "agreementDate は YYYY-MM-DD です");
            }
        }
        in.verify();
        PartnerOrganisation p = partners.create(m, name, type, agreement);
        audit.record(caller.actor(), "partner.create", "partner", String.valueOf(p.getId()), null);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(p.getId())).build())
                .entity(Json.createObjectBuilder().add("id", p.getId()).build()).build();
    }
}
