/**
 * CSV files the way centers exchange them with Excel.
 *
 * <h2>Pages and API</h2>
 * <p>None: used by the imports of {@code areas}, {@code accounts} and {@code exchange}, and by the
 * {@code exchange} CSV export.
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>{@code CsvTable}: UTF-8, UTF-8 with BOM or Shift_JIS/CP932 from Excel, detected from the bytes;
 *     RFC 4180 quoting; the header row's names decide the columns (unknown ones ignored); every row
 *     keeps its line number so that errors can say where.</li>
 * <li>{@code FormulaEscape}: CSV injection defence — a cell starting with {@code = + - @}, tab or CR is
 *     written behind one apostrophe, and imports of our own format take exactly that apostrophe off
 *     again, so export → import is exact.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>{@code problems} (line-numbered field errors, the one text rule of {@code JsonInput}).
 *
 * <h2>Out of scope</h2>
 * <p>What the columns mean: the importing feature ({@code areas}, {@code exchange}); the statistics
 * CSV: {@code alerts.stats} ({@code StatsCsv}).
 */
package org.tsunagu.csv;
