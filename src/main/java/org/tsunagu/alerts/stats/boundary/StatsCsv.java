package org.tsunagu.alerts.stats.boundary;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tsunagu.alerts.stats.control.AlertStatistics;
import org.tsunagu.alerts.stats.control.AlertStatistics.Dimension;
import org.tsunagu.alerts.stats.control.AlertStatistics.Figures;
import org.tsunagu.alerts.stats.control.AlertStatistics.Row;
import org.tsunagu.alerts.stats.control.AlertStatistics.Value;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The monthly figures as the CSV that municipal staff open in Excel: UTF-8 with a BOM (without it
 * Excel reads Japanese as mojibake), a Japanese header row, CRLF (RFC 4180), labels and codes side by
 * side. Cells that Excel would take for a formula (= + - @, also tab and CR) get a leading
 * apostrophe, so a center or partner name can never run as a formula (CSV injection).
 */
public final class StatsCsv {

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private StatsCsv() {
    }

    public static void write(Figures figures, OutputStream out) throws IOException {
        out.write(BOM);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180)) {
            csv.printRecord(header(figures.query().groupBy()));
            for (Row r : figures.rows()) {
                List<String> cells = new ArrayList<>();
                cells.add(r.month().toString());
                for (Dimension d : figures.query().groupBy()) {
                    Value v = r.values().get(d);
                    cells.add(v.label());
                    cells.add(v.code());
                }
                cells.add(Long.toString(r.count()));
                cells.add(Long.toString(r.acknowledged()));
                cells.add(r.medianMinutesToAcknowledge() == null ? "" : r.medianMinutesToAcknowledge().toPlainString());
                csv.printRecord(cells.stream().map(StatsCsv::cell).toList());
            }
            Row t = figures.total();
            List<String> total = new ArrayList<>();
            total.add("合計（通報の件数）");
            for (int i = 0; i < figures.query().groupBy().size(); i++) {
                total.add("");
                total.add("");
            }
            total.add(Long.toString(t.count()));
            total.add(Long.toString(t.acknowledged()));
            total.add(t.medianMinutesToAcknowledge() == null ? "" : t.medianMinutesToAcknowledge().toPlainString());
            csv.printRecord(total.stream().map(StatsCsv::cell).toList());
            csv.flush();
        }
    }

    static List<String> header(List<Dimension> groupBy) {
        List<String> h = new ArrayList<>();
        h.add("月");
        for (Dimension d : groupBy) {
            h.add(d.label());
            h.add(d.label() + "コード");
        }
        h.add("件数");
        h.add("確認済み件数");
        h.add("確認までの時間の中央値（分）");
        return h;
    }

    /** A cell Excel would evaluate (= + - @ tab CR at the start) is prefixed with an apostrophe. */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }

    /** The Content-Disposition of a download: an ASCII name (alerts-2026-04_2026-09.csv). */
    public static String disposition(AlertStatistics.Query q) {
        return "attachment; filename=\"" + q.fileName() + "\"";
    }
}
