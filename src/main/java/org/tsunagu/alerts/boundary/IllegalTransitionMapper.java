package org.tsunagu.alerts.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.tsunagu.alerts.entity.IllegalTransitionException;
import org.tsunagu.problems.Problems;

/** An alert asked to do what its status forbids (acknowledge a resolved alert, …): 409 problem. */
@Provider
public class IllegalTransitionMapper implements ExceptionMapper<IllegalTransitionException> {

    @Override
    public Response toResponse(IllegalTransitionException e) {
        return Problems.response(409, "Conflict", e.getMessage());
    }
}
