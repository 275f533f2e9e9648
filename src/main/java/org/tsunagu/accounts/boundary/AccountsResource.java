package org.tsunagu.accounts.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.tsunagu.accounts.control.Accounts;
import org.tsunagu.accounts.control.Caller;
import org.tsunagu.accounts.control.Partners;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.accounts.entity.PartnerOrganisation;
import org.tsunagu.accounts.entity.Role;
import org.tsunagu.areas.control.Centers;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.audit.control.Audit;
import org.tsunagu.problems.JsonInput;
import org.tsunagu.problems.ProblemException;

/**
 * Admins create accounts for staff and partners, disable them and reset passwords. API clients
 * (scripts, other systems) usually hand the password to the holder themselves, so a forced change
 * at first login is opt-in here ({@code "mustChangePassword": true}); the admin page sets it by default.
 */
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class AccountsResource {

    @Inject
    Accounts accounts;

    @Inject
    Centers centers;

    @Inject
    Partners partners;

    @Inject
    Audit audit;

    @Inject
    Caller caller;

    @POST
    @Transactional
    public Response create(jakarta.json.JsonValue body, @Context UriInfo uri) {
        JsonInput in = new JsonInput(body);
        String username = in.string("username", true, 64);
        String password = in.string("password", true, 200);
        String roleCode = in.string("role", true, 16);
        String centerCode = in.string("centerCode", false, 64);
        Long partnerId = in.number("partnerId", false);
        String displayName = in.string("displayName", false, 100);
        String phone = in.string("phone", false, 40);
        Boolean mustChange = in.bool("mustChangePassword");
        Role role = roleCode == null ? null : Role.ofCode(roleCode).orElse(null);
        if (roleCode != null && role == null) {
            in.error("role", "role は partner, staff, core, admin のいずれかです");
        }
        Center center = centerCode == null ? null : centers.find(centerCode).orElse(null);
        if (centerCode != null && center == null) {
            in.error("centerCode", "センター " + centerCode + " は登録されていません");
        }
        PartnerOrganisation partner = partnerId == null ? null : partners.find(partnerId).orElse(null);
        if (partnerId != null && partner == null) {
            in.error("partnerId", "partnerId " + partnerId + " は登録されていません");
        }
        in.verify();
        Account a = accounts.create(username, password, role, center, partner, Boolean.TRUE.equals(mustChange));
        if (displayName != null || phone != null) {
            a.setProfile(displayName, phone);
        }
        audit.record(caller.actor(), "account.create", "account", a.getUsername(), role.code());
        return Response.created(uri.getAbsolutePathBuilder().path(a.getUsername()).build())
                .entity(Json.createObjectBuilder().add("username", a.getUsername()).add("role", a.getRole().code())
                        .add("mustChangePassword", a.isMustChangePassword()).build())
                .build();
    }

    @PATCH
    @Path("{username}")
    @Transactional
    public JsonObject update(@PathParam("username") String username, jakarta.json.JsonValue body) {
        Account a = accounts.find(username).orElseThrow(() -> ProblemException.notFound("no account " + username));
        JsonInput in = new JsonInput(body);
        Boolean enabled = in.bool("enabled");
        String password = in.string("password", false, 200);
        String displayName = in.string("displayName", false, 100);
        String phone = in.string("phone", false, 40);
        Boolean mustChange = in.bool("mustChangePassword");
        if (enabled == null && password == null && displayName == null && phone == null
                && !Boolean.TRUE.equals(mustChange) && !in.hasErrors()) {
            in.error("enabled", "enabled, password, displayName, phone または mustChangePassword を指定してください");
        }
        in.verify();
        if (displayName != null || phone != null) {
            a.setProfile(displayName != null ? displayName : a.getDisplayName(), phone != null ? phone : a.getPhone());
        }
        if (password != null && Boolean.TRUE.equals(mustChange)) {
            accounts.resetPassword(a, password);
        } else if (password != null) {
            accounts.changePassword(a, password);
        } else if (Boolean.TRUE.equals(mustChange)) {
            accounts.requirePasswordChange(a);
        }
        if (Boolean.TRUE.equals(enabled)) {
            accounts.enable(a);
        } else if (Boolean.FALSE.equals(enabled)) {
            accounts.disable(a);
        }
        audit.record(caller.actor(), "account.update", "account", a.getUsername(),
                (enabled == null ? "" : "enabled=" + enabled) + (password == null ? "" : " password changed")
                        + (displayName == null && phone == null ? "" : " profile changed")
                        + (Boolean.TRUE.equals(mustChange) ? " must change password" : ""));
        return Json.createObjectBuilder().add("username", a.getUsername()).add("role", a.getRole().code())
                .add("enabled", a.isEnabled()).add("mustChangePassword", a.isMustChangePassword()).build();
    }
}
