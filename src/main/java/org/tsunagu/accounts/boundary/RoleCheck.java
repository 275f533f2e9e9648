package org.tsunagu.accounts.boundary;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.tsunagu.problems.Problems;

import java.util.Arrays;

/**
 * Enforces {@code @RolesAllowed} on REST resources: 401 (with a Basic challenge) when nobody is
 * signed in, 403 when the caller's role is not among those allowed. Scope inside a role
 * (which center) is checked by the controls.
 */
@Provider
public class RoleCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo info, FeatureContext context) {
        RolesAllowed allowed = info.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (allowed == null) {
            allowed = info.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        if (allowed != null) {
            context.register(new Filter(allowed.value()));
        }
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Filter implements ContainerRequestFilter {
        private final String[] roles;

        Filter(String[] roles) {
            this.roles = roles.clone();
        }

        @Override
        public void filter(ContainerRequestContext request) {
            var security = request.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                request.abortWith(jakarta.ws.rs.core.Response.fromResponse(
                                Problems.response(401, "Unauthorized", "Authentication is required."))
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"tsunagu\", charset=\"UTF-8\"").build());
                return;
            }
            if (Arrays.stream(roles).noneMatch(security::isUserInRole)) {
                request.abortWith(Problems.response(403, "Forbidden", "Your role does not allow this."));
            }
        }
    }
}
