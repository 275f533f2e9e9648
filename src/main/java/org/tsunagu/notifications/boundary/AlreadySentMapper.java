package org.tsunagu.notifications.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.tsunagu.notifications.entity.AlreadySent;
import org.tsunagu.problems.Problems;

/** A retry of a notification that was delivered meanwhile: 409 problem. */
@Provider
public class AlreadySentMapper implements ExceptionMapper<AlreadySent> {

    @Override
    public Response toResponse(AlreadySent e) {
        return Problems.response(409, "Conflict", e.getMessage());
    }
}
