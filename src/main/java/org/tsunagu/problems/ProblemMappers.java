package org.tsunagu.problems;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One mapper per concern, all answering RFC 9457 problems: client mistakes become 4xx with a
 * readable detail, an unreachable database 503 with {@code Retry-After} ({@link DatabaseUnavailable}),
 * anything unexpected a 500 whose detail reveals nothing (the log has the stack).
 */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    @Provider
    public static class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {
        @Override
        public Response toResponse(ProblemException e) {
            Response r = Problems.response(e.status(), e.title(), e.getMessage(), e.errors());
            return e.retryAfterSeconds() == null ? r
                    : Response.fromResponse(r).header("Retry-After", String.valueOf(e.retryAfterSeconds())).build();
        }
    }

    /** Bean Validation on transfer objects and parameters: 400 with the field list. */
    @Provider
    public static class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            List<FieldError> errors = e.getConstraintViolations().stream()
                    .map(v -> FieldError.of(leaf(v), v.getMessage()))
                    .sorted(java.util.Comparator.comparing(FieldError::field))
                    .toList();
            return Problems.response(400, "Invalid request", "入力内容に誤りがあります", errors);
        }

        private static String leaf(ConstraintViolation<?> v) {
            String name = null;
            for (Path.Node node : v.getPropertyPath()) {
                name = node.getName();
            }
            return name == null ? "" : name;
        }
    }

    /** Malformed or mistyped JSON bodies. */
    @Provider
    public static class JsonbMapper implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return Problems.response(400, "Malformed JSON", "The request body is not valid JSON of the expected shape.");
        }
    }

    @Provider
    public static class JsonMapper implements ExceptionMapper<JsonException> {
        @Override
        public Response toResponse(JsonException e) {
            return Problems.response(400, "Malformed JSON", "The request body is not valid JSON.");
        }
    }

    @Provider
    public static class OptimisticLockMapper implements ExceptionMapper<OptimisticLockException> {
        @Override
        public Response toResponse(OptimisticLockException e) {
            return Problems.response(409, "Conflict", "The record was changed by someone else; reload and try again.");
        }
    }

    /** JAX-RS's own 4xx (unknown path, wrong method, wrong content type, ...) as problems. */
    @Provider
    public static class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
        private static final Logger LOG = Logger.getLogger(WebApplicationMapper.class.getName());

        @Override
        public Response toResponse(WebApplicationException e) {
            if (e.getCause() instanceof ProblemException p) {
                return new ProblemExceptionMapper().toResponse(p);
            }
            if (e.getCause() instanceof JsonbException || e.getCause() instanceof JsonException) {
                return Problems.response(400, "Malformed JSON", "The request body is not valid JSON of the expected shape.");
            }
            if (e.getCause() instanceof ProcessingException) {
                return Problems.response(400, "Malformed request", "The request body could not be read.");
            }
            Response original = e.getResponse();
            int status = original == null ? 500 : original.getStatus();
            if (status >= 500 && DatabaseUnavailable.in(e)) {
                DatabaseUnavailable.log("api", e);
                return Problems.unavailable();
            }
            String detail;
            if (e instanceof NotFoundException) {
                detail = "No such resource.";
            } else if (e instanceof NotAllowedException) {
                detail = "This method is not allowed here.";
            } else if (e instanceof NotSupportedException) {
                detail = "Unsupported content type.";
            } else if (e instanceof NotAcceptableException) {
                detail = "No acceptable representation.";
            } else if (e instanceof NotAuthorizedException) {
                detail = "Authentication is required.";
            } else if (e instanceof jakarta.ws.rs.ForbiddenException) {
                detail = "Your role does not allow this.";
            } else {
                detail = status >= 500 ? "The server could not complete the request." : e.getMessage();
            }
            if (status >= 500) {
                LOG.log(Level.SEVERE, "request failed", e);
            }
            Response.ResponseBuilder b = Response.fromResponse(Problems.response(status,
                    Response.Status.fromStatusCode(status) == null ? "Error"
                            : Response.Status.fromStatusCode(status).getReasonPhrase(), detail));
            if (status == 401) {
                // @RolesAllowed is enforced by Jersey's RolesAllowedDynamicFeature (registered by Payara);
                // its NotAuthorizedException carries no challenge, so the API's one scheme is named here.
                b.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"tsunagu\", charset=\"UTF-8\"");
            }
            if (original != null && original.getHeaderString(HttpHeaders.ALLOW) != null) {
                b.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
            }
            return b.build();
        }
    }

    /** The last line: anything unexpected is a 500 without internals in the body. */
    @Provider
    public static class UnexpectedMapper implements ExceptionMapper<Throwable> {
        private static final Logger LOG = Logger.getLogger(UnexpectedMapper.class.getName());

        @Override
        public Response toResponse(Throwable e) {
            Throwable cause = rootCause(e);
            if (cause instanceof ProblemException p) {
                return new ProblemExceptionMapper().toResponse(p);
            }
            if (cause instanceof OptimisticLockException o) {
                return new OptimisticLockMapper().toResponse(o);
            }
            if (DatabaseUnavailable.in(e)) {
                DatabaseUnavailable.log("api", e);
                return Problems.unavailable();
            }
            if (fromJsonParser(cause)) {
                // Parsson refuses input nested deeper than 1,000 levels with a plain RuntimeException
                return Problems.response(400, "Malformed JSON", "The request body is not valid JSON (nested too deeply).");
            }
            LOG.log(Level.SEVERE, "unexpected error", e);
            return Problems.response(500, "Internal Server Error", "The server could not complete the request.");
        }

        /** Thrown by the JSON parser itself while reading a request body (not by our code). */
        static boolean fromJsonParser(Throwable t) {
            StackTraceElement[] stack = t.getStackTrace();
            return t instanceof RuntimeException && stack.length > 0 && stack[0].getClassName().startsWith("org.eclipse.parsson.");
        }

        private static Throwable rootCause(Throwable e) {
            Throwable t = e;
            while (t.getCause() != null && t.getCause() != t) {
                if (t instanceof ProblemException || t instanceof OptimisticLockException) {
                    return t;
                }
                t = t.getCause();
            }
            return t;
        }
    }
}
