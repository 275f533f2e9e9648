/**
 * CSV files the way centers exchange them with Excel.
 *
 * <h2>Pages and API</h2>
 * <p>None: used by the imports of {@code areas}, {@code accounts} and {@code exchange} (its import
 * jobs read national open-data files through {@code CsvFile}), and by the {@code exchange} CSV export.
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>{@code CsvTable}: UTF-8, UTF-8 with BOM or Shift_JIS/CP932 from Excel, detected from the bytes;
 *     RFC 4180 quoting; the header row's names decide the columns (unknown ones ignored); every row
 *     keeps its line number so that errors can say where.</li>
 * <li>{@code CsvFile}: a CSV on disk of any size (the national open-data files, 15 MB–1 GB) read row
 *     by row with CsvTable's header keys, rows and line numbers. {@code open} checks the whole file
 *     first — the charset by one strict decoding pass (UTF-8 with or without BOM, UTF-16 by BOM or,
 *     without one, by its NUL bytes, else CP932; none → 400), the header, a line count for progress —
 *     so an import fails before it starts, not half way. {@code rows(rejected)} streams lazily and can
 *     run again. Line numbers are physical start lines (quoted line breaks and blank lines count).
 *     Unlike CsvTable, a row with unsafe text (control characters, bidi overrides) does not refuse the
 *     file: it is skipped and its cells' errors go to {@code rejected}, so an import lists it with its
 *     own error rows; malformed CSV (an unclosed quote) is a 400 at the broken record's line.</li>
 * <li>{@code HeaderNames}: header spellings of real files folded ({@code canonical}: NFKC, no spaces,
 *     no surrounding quotes, no 「(必須)」 marks, lower case) and the accepted spelling a header has
 *     found ({@code find}: 住所 | 所在地 | 所在地_連結表記 | 所在地_連結標記).</li>
 * <li>{@code CsvZip}: the {@code .csv} entries of a ZIP (no folders, no {@code __MACOSX}), names in
 *     UTF-8 or CP932, read in place through {@code ZipFile} as {@code CsvFile}s — nothing extracted —
 *     each bounded in its inflated size (413); {@code isZip} tells a ZIP by {@code PK\3\4}.</li>
 * <li>{@code UploadSpool}: an upload copied to disk with a size limit (413, the partial file
 *     deleted).</li>
 * <li>{@code FormulaEscape}: CSV injection defence — a cell starting with {@code = + - @}, tab or CR is
 *     written behind one apostrophe, and imports of our own format take exactly that apostrophe off
 *     again, so export → import is exact.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>{@code problems} (line-numbered field errors, the one text rule of {@code JsonInput}, the 413).
 *
 * <h2>Out of scope</h2>
 * <p>What the columns mean and which spellings a format accepts: the importing feature ({@code areas}, {@code exchange}); the statistics
 * CSV: {@code alerts.stats} ({@code StatsCsv}).
 */
package org.tsunagu.csv;
