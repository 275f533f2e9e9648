package org.tsunagu.exchange.control;

import org.tsunagu.problems.FieldError;

import java.util.List;

/**
 * What a resources import did (or, in a dry run, would do): counts plus per-line errors and warnings.
 * {@code unchanged} counts the rows among {@code updated} whose resource already held exactly that
 * content (nothing was written for them); {@code skippedOtherMunicipality} the rows of municipalities
 * the import was not for; {@code vanished} the ids of this source's resources that the file no longer
 * holds (open data only; listed for staff to confirm 掲載終了, never withdrawn by the import itself).
 */
public record ImportResult(int created, int updated, int rejected, List<FieldError> errors, List<FieldError> warnings,
                           int unchanged, int skippedOtherMunicipality, List<Long> vanished, int rowsRead) {

    public ImportResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        vanished = vanished == null ? List.of() : List.copyOf(vanished);
    }

    public ImportResult(int created, int updated, int rejected, List<FieldError> errors, List<FieldError> warnings,
                        int unchanged) {
        this(created, updated, rejected, errors, warnings, unchanged, 0, List.of(), created + updated + rejected);
    }

    public ImportResult(int created, int updated, int rejected, List<FieldError> errors, List<FieldError> warnings) {
        this(created, updated, rejected, errors, warnings, 0);
    }
}
