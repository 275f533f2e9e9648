package org.tsunagu.notifications.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.tsunagu.accounts.control.Caller;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.accounts.entity.Role;
import org.tsunagu.notifications.control.Notifications;
import org.tsunagu.notifications.entity.Notification;
import org.tsunagu.notifications.entity.NotificationAttempt;
import org.tsunagu.audit.control.Audit;
import org.tsunagu.problems.ProblemException;

import java.util.List;

/**
 * 未送信: the emails that did not reach their center (alerts, monthly digests). An alert whose email
 * failed is still in the portal, but the center may not know it exists; the core center watches this list (its own
 * municipality; admins see all), phones the center if needed, and pushes a notification again once
 * the mail problem is fixed ({@code POST …/retry}), instead of waiting for the back-off. Only
 * identifiers, the center and the mail system's error are shown — never the alert's personal data.
 */
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"core", "admin"})
public class NotificationsResource {

    /** The list shows the start of the error; the attempt history keeps all of it. */
    static final int LIST_ERROR = 200;
    /** Looked up once: {@code Json.createXxx()} scans the class path for the provider on every call (a tenth of a filing's CPU). */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(java.util.Map.of());

    @Inject
    Notifications notifications;

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    @GET
    @Path("unsent")
    @Transactional
    @Operation(summary = "Notifications that failed at least once and are not sent (core: own municipality; admin: all)")
    public JsonObject unsent() {
        Account me = municipalStaff();
        List<Notification> list = me.getRole() == Role.ADMIN ? notifications.unsent()
                : notifications.unsent(me.getCenter().getMunicipality());
        JsonArrayBuilder items = JSON.createArrayBuilder();
        list.forEach(n -> items.add(item(n)));
        return JSON.createObjectBuilder().add("items", items).build();
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "One notification with every delivery attempt")
    public JsonObject get(@PathParam("id") String id) {
        Notification n = visible(municipalStaff(), id);
        JsonArrayBuilder history = JSON.createArrayBuilder();
        for (NotificationAttempt t : notifications.attempts(n)) {
            JsonObjectBuilder b = JSON.createObjectBuilder().add("attempt", t.getNumber()).add("at", t.getAt().toString())
                    .add("outcome", t.getOutcome().code());
            if (t.getError() != null) {
                b.add("error", t.getError());
            }
            history.add(b);
        }
        return item(n).add("history", history).build();
    }

    @POST
    @Path("{id}/retry")
    @Transactional
    @Operation(summary = "Make an unsent notification due now (409 when it was already sent)")
    public JsonObject retry(@PathParam("id") String id) {
        Account me = municipalStaff();
        Notification n = visible(me, id);
        notifications.retryNow(n);
        audit.record(me.getUsername(), "notification.retry", "notification", Long.toString(n.getId()), null);
        return item(n).build();
    }

    private Account municipalStaff() {
        Account me = caller.account();
        if (me.getRole() != Role.ADMIN && (me.getCenter() == null || me.getCenter().getMunicipality() == null)) {
            throw ProblemException.forbidden("the 未送信 list belongs to the core center of a municipality");
        }
        return me;
    }

    /** The notification if it is for a center the caller acts for (admin: any), else 404. */
    private Notification visible(Account me, String id) {
        Notification n = id != null && id.matches("[0-9]{1,18}") ? notifications.find(Long.parseLong(id)).orElse(null) : null;
        if (n == null || (me.getRole() != Role.ADMIN && !me.mayActFor(n.getCenter()))) {
            throw ProblemException.notFound("通知 " + id + " はありません");
        }
        return n;
    }

    static JsonObjectBuilder item(Notification n) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("id", n.getId());
        if (n.getAlertId() != null) {
            b.add("alertId", n.getAlertId()).add("receiptNo", n.getLabel());
        }
        b.add("label", n.getLabel() == null ? "" : n.getLabel()).add("kind", n.getKind())
                .add("attempts", n.getAttempts()).add("createdAt", n.getCreatedAt().toString());
        if (n.getCenter() != null) {
            b.add("center", JSON.createObjectBuilder().add("code", n.getCenter().getCode()).add("name", n.getCenter().getName()));
        }
        if (n.getLastError() != null) {
            String e = n.getLastError();
            b.add("lastError", e.length() > LIST_ERROR ? e.substring(0, LIST_ERROR - 1) + "…" : e);
        }
        if (n.isSent()) {
            b.add("sentAt", n.getSentAt().toString());
        } else {
            b.add("nextAttemptAt", n.getNextAttemptAt().toString());
        }
        return b;
    }
}
