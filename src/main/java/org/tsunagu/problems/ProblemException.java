package org.tsunagu.problems;

import java.util.List;

/**
 * A client mistake the API answers with an RFC 9457 problem. Controls throw it with the status and
 * a readable detail; the mapper turns it into application/problem+json.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> errors;
    /** Seconds the client should wait before trying again (the Retry-After header), or null. */
    private final Long retryAfterSeconds;

    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        this(status, title, detail, errors, null);
    }

    private ProblemException(int status, String title, String detail, List<FieldError> errors, Long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 429 with {@code Retry-After}: a limit was reached; the client may try again after that many seconds (at least 1). */
    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ProblemException(429, "Too Many Requests", detail, null, Math.max(1, retryAfterSeconds));
    }

    public static ProblemException invalid(String detail, List<FieldError> errors) {
        return new ProblemException(400, "Invalid request", detail, errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(message, List.of(FieldError.of(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The Retry-After seconds, or null when the answer carries none. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
