package org.tsunagu.directory.control;

import org.tsunagu.problems.FieldError;

import java.util.List;

/** What a resources import did (or, in a dry run, would do): counts plus per-line errors and warnings. */
public record ImportResult(int created, int updated, int rejected, List<FieldError> errors, List<FieldError> warnings) {
}
