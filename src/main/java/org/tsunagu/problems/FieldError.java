package org.tsunagu.problems;

/** One invalid input: the field (or CSV column) and, for files, the line. */
public record FieldError(Integer line, String field, String message) {

    public static FieldError of(String field, String message) {
        return new FieldError(null, field, message);
    }

    public static FieldError at(int line, String field, String message) {
        return new FieldError(line, field, message);
    }
}
