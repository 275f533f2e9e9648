package org.tsunagu.alerts.stats.boundary;

import org.junit.jupiter.api.Test;
import org.tsunagu.accounts.entity.PartnerType;
import org.tsunagu.alerts.stats.control.AlertStatistics;
import org.tsunagu.alerts.stats.control.AlertStatistics.Dimension;
import org.tsunagu.alerts.stats.control.AlertStatistics.Fact;
import org.tsunagu.alerts.entity.Anomaly;
import org.tsunagu.alerts.entity.Outcome;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The statistics CSV opens in Excel: BOM, Japanese header, CRLF, no formula can run. */
class StatsCsvTest {

    static String csv(AlertStatistics.Query q, List<Fact> facts) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StatsCsv.write(AlertStatistics.tabulate(q, facts), out);
        byte[] bytes = out.toByteArray();
        byte[] bom = {bytes[0], bytes[1], bytes[2]};
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bom, "UTF-8 BOM first");
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }

    @Test
    void bom_japanese_header_one_line_per_row_and_a_total() throws Exception {
        Instant filed = Instant.parse("2026-04-02T01:00:00Z");
        List<Fact> facts = List.of(new Fact(1, filed, filed.plusSeconds(300), "kita", "北センター", PartnerType.NEWSPAPER,
                Outcome.POLICE, EnumSet.of(Anomaly.NOT_SEEN, Anomaly.NO_RESPONSE)));
        String text = csv(new AlertStatistics.Query(YearMonth.of(2026, 4), YearMonth.of(2026, 4),
                List.of(Dimension.CENTER, Dimension.ANOMALY)), facts);
        String[] lines = text.split("\r\n");
        assertEquals("月,センター,センターコード,異変,異変コード,件数,確認済み件数,確認までの時間の中央値（分）", lines[0]);
        assertEquals("2026-04,北センター,kita,姿を見かけない,not_seen,1,1,5.0", lines[1]);
        assertEquals("2026-04,北センター,kita,呼びかけに応答がない,no_response,1,1,5.0", lines[2]);
        assertEquals("合計（通報の件数）,,,,,1,1,5.0", lines[3]);
        assertEquals(4, lines.length);
    }

    @Test
    void cells_that_excel_would_run_as_a_formula_get_an_apostrophe() throws Exception {
        assertEquals("'=HYPERLINK(\"x\")", StatsCsv.cell("=HYPERLINK(\"x\")"));
        assertEquals("'+1", StatsCsv.cell("+1"));
        assertEquals("'-2", StatsCsv.cell("-2"));
        assertEquals("'@SUM(A1)", StatsCsv.cell("@SUM(A1)"));
        assertEquals("'\tx", StatsCsv.cell("\tx"));
        assertEquals("北=センター", StatsCsv.cell("北=センター"), "only the first character matters");
        assertEquals("", StatsCsv.cell(null));

        Instant filed = Instant.parse("2026-04-02T01:00:00Z");
        String text = csv(new AlertStatistics.Query(YearMonth.of(2026, 4), YearMonth.of(2026, 4), List.of(Dimension.CENTER)),
                List.of(new Fact(1, filed, null, "=cmd", "=cmd|' /C calc'!A0", PartnerType.OTHER, null,
                        EnumSet.of(Anomaly.OTHER))));
        assertTrue(text.contains("\r\n2026-04,'=cmd|' /C calc'!A0,'=cmd,1,0,\r\n"), text);
    }

    @Test
    void the_download_is_named_after_the_months() {
        AlertStatistics.Query q = new AlertStatistics.Query(YearMonth.of(2026, 4), YearMonth.of(2026, 9), List.of());
        assertEquals("attachment; filename=\"alerts-2026-04_2026-09.csv\"", StatsCsv.disposition(q));
    }
}
