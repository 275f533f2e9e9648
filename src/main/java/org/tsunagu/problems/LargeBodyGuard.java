package org.tsunagu.problems;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;

/**
 * The second half of {@link BodyLimit}: before matching, a request that may be an open-data import got
 * the import limit; once the method is known, only a method marked {@link LargeBody} keeps it, every
 * other one is held to 1 MiB as before. Runs before anything reads the body (JSON checks, entity).
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class LargeBodyGuard implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getProperty(BodyLimit.COUNTER) instanceof LimitedInputStream counting)
                || counting.limit() <= BodyLimit.MAX_BYTES) {
            return;
        }
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method != null && method.isAnnotationPresent(LargeBody.class)) {
            return;
        }
        if (BodyLimit.declaredLength(request) > BodyLimit.MAX_BYTES) {
            BodyLimit.refuse(request, BodyLimit.MAX_BYTES);
        }
        counting.lowerTo(BodyLimit.MAX_BYTES);
    }
}
