package org.tsunagu.exchange.control;

import org.tsunagu.csv.CsvTable;
import org.tsunagu.problems.FieldError;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * How one kind of resources CSV is read: the columns it must have, and how one of its rows becomes
 * the fields of the Tsunagu format (formats.md), which {@link ResourceImport} then validates, geocodes
 * and saves like any other row. A mapping only translates; it never rejects a row itself, so that
 * every rule of the import lives in one place.
 */
interface ColumnMapping {

    /**
     * Header names (as {@link CsvTable} gives them: trimmed, lower case) a file must have verbatim, for
     * {@link CsvTable#parse}. Formats whose columns are spelled several ways return none here and check
     * their header in {@link #missing}.
     */
    List<String> required();

    /**
     * The required columns a header row lacks, beyond {@link #required()}: one error per column, named as
     * the standard spells it, the message listing the other spellings accepted.
     */
    default List<FieldError> missing(Collection<String> header) {
        return List.of();
    }

    /** The Tsunagu fields of one row; absent fields read as empty. */
    Map<String, String> fields(CsvTable.Row row);

    /** The file's column that a Tsunagu field came from, so that errors name what the user sees. */
    String column(String field);
}
