package org.tsunagu.exchange.control;

import org.tsunagu.csv.CsvTable;

import java.util.List;
import java.util.Map;

/**
 * How one kind of resources CSV is read: the columns it must have, and how one of its rows becomes
 * the fields of the Tsunagu format (formats.md), which {@link ResourceImport} then validates, geocodes
 * and saves like any other row. A mapping only translates; it never rejects a row itself, so that
 * every rule of the import lives in one place.
 */
interface ColumnMapping {

    /** Header names (as {@link CsvTable} gives them: trimmed, lower case) a file must have. */
    List<String> required();

    /** The Tsunagu fields of one row; absent fields read as empty. */
    Map<String, String> fields(CsvTable.Row row);

    /** The file's column that a Tsunagu field came from, so that errors name what the user sees. */
    String column(String field);
}
