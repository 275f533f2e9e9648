package org.tsunagu.csv;

import java.util.regex.Pattern;

/**
 * CSV injection defence for files staff open in Excel: a cell that starts with {@code = + - @}, a tab
 * or a carriage return would be run as a formula, so exports write it behind one apostrophe
 * (OWASP "CSV Injection"). Imports of our own format take exactly that apostrophe off again.
 *
 * <p>To make export → import exact for every text, a cell that already starts with apostrophes
 * followed by such a character gets one more apostrophe on export; the import removes one
 * apostrophe only from cells that start with apostrophes followed by such a character. Any other
 * apostrophe ({@code 'ほほえみ'}) is data and stays.
 */
public final class FormulaEscape {

    private static final Pattern RISKY = Pattern.compile("^'*[=+\\-@\\t\\r]");
    private static final Pattern ESCAPED = Pattern.compile("^'+[=+\\-@\\t\\r]");

    private FormulaEscape() {
    }

    /** The cell as written to a CSV for spreadsheets; null → "". */
    public static String escape(String cell) {
        if (cell == null) {
            return "";
        }
        return RISKY.matcher(cell).find() ? "'" + cell : cell;
    }

    /** The inverse of {@link #escape}: the text as it was before export. */
    public static String unescape(String cell) {
        if (cell == null) {
            return "";
        }
        return ESCAPED.matcher(cell).find() ? cell.substring(1) : cell;
    }
}
