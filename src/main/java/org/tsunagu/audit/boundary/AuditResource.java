package org.tsunagu.audit.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.inject.Provider;
import org.tsunagu.audit.control.AuditScope;
import org.tsunagu.audit.control.AuditLog;
import org.tsunagu.audit.entity.AuditEvent;

/**
 * GET /api/v1/audit: the audit trail, newest first, for core staff (what their municipality's
 * accounts did) and admins (everything). Identifiers only; alerts named by 受付番号.
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditLog log;

    /** Made by accounts for the calling account (the audit feature knows no accounts). */
    @Inject
    Provider<AuditScope> scope;

    @GET
    @RolesAllowed({"core", "admin"})
    @Transactional
    @Operation(summary = "Who read or changed what, newest first (core: their municipality's accounts; admin: all)")
    public JsonObject list(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("actor") String actor,
                           @QueryParam("action") String action, @QueryParam("page") String page,
                           @QueryParam("size") String size) {
        AuditLog.Page result = log.find(scope.get(), AuditLog.Filter.parse(from, to, actor, action, page, size));
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (AuditLog.Entry entry : result.entries()) {
            AuditEvent e = entry.event();
            JsonObjectBuilder b = Json.createObjectBuilder().add("id", e.getId()).add("at", e.getOccurredAt().toString())
                    .add("actor", e.getActor()).add("action", e.getAction()).add("targetType", e.getTargetType());
            if (e.getTargetId() != null) {
                b.add("targetId", e.getTargetId());
            }
            if (entry.receiptNo() != null) {
                b.add("receiptNo", entry.receiptNo());
            }
            if (e.getDetail() != null) {
                b.add("detail", e.getDetail());
            }
            items.add(b);
        }
        return Json.createObjectBuilder().add("total", result.total()).add("page", result.page()).add("size", result.size())
                .add("items", items).build();
    }
}
