package org.tsunagu.exchange.control;

import org.tsunagu.problems.FieldError;

import java.util.List;

/**
 * What a resources import did (or, in a dry run, would do): counts plus per-line errors and warnings.
 * {@code unchanged} counts the rows among {@code updated} whose resource already held exactly that
 * content (nothing was written for them).
 */
public record ImportResult(int created, int updated, int rejected, List<FieldError> errors, List<FieldError> warnings,
                           int unchanged) {

    public ImportResult(int created, int updated, int rejected, List<FieldError> errors, List<FieldError> warnings) {
        this(created, updated, rejected, errors, warnings, 0);
    }
}
