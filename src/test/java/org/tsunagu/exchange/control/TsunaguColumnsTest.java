package org.tsunagu.exchange.control;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.tsunagu.areas.entity.GeoPoint;
import org.tsunagu.directory.entity.Category;
import org.tsunagu.directory.entity.Resource;
import org.tsunagu.calendar.entity.Schedule;
import org.tsunagu.csv.CsvTable;
import org.tsunagu.csv.FormulaEscape;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A resource written as a Tsunagu row (escaped as the export does) reads back as the same fields. */
class TsunaguColumnsTest {

    static Resource tricky() {
        Resource r = new Resource(null, "@ほっと広場", Category.SALON, "ひだまり市緑が丘一丁目2-2");
        r.setExternalId("=cmd|' /C calc'!A0");
        r.setNameKana("ホットヒロバ");
        r.setDescription("-- 参加費は\"無料\"です\n+ 持ち物：タオル\r\n'=引用");
        r.setPostalCode("990-0001");
        r.setContact("+81-99-111-2222", "https://example.invalid/a?b=c", "a@example.invalid");
        r.setSchedule(Schedule.unparsed("\t毎週水曜日 10:00〜11:30", "x"));
        r.setCost("無料");
        r.setReservation("不要");
        r.setTarget("'どなたでも'");
        r.setAccessibility(List.of("車いす可", "-段差あり"));
        r.setHomeVisit(true);
        r.setDepartments(List.of("内科"));
        r.setOrganizer("=HYPERLINK(\"http://evil\")");
        r.relocate(r.getAddress(), null, new GeoPoint(-33.5, -70.25));
        return r;
    }

    @Test
    void export_cells_read_back_exactly_through_a_real_csv() throws Exception {
        Resource r = tricky();
        List<String> cells = TsunaguColumns.cells(r);
        assertEquals(TsunaguColumns.COLUMNS.size(), cells.size());
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.RFC4180)) {
            csv.printRecord(TsunaguColumns.COLUMNS);
            csv.printRecord(cells.stream().map(FormulaEscape::escape).toList());
        }
        String written = text.toString();
        for (String line : written.split("\r\n")) {
            for (String cell : line.split(",")) {
                String c = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertTrue(c.isEmpty() || "=+-@\t\r".indexOf(c.charAt(0)) < 0, () -> "unescaped formula cell: " + cell);
            }
        }
        byte[] file = ("\uFEFF" + written).getBytes(StandardCharsets.UTF_8);
        CsvTable table = CsvTable.parse(file, ResourceFormat.TSUNAGU.requiredColumns());
        Map<String, String> back = ResourceFormat.TSUNAGU.fields(table.rows().get(0));
        for (int i = 0; i < cells.size(); i++) {
            assertEquals(cells.get(i).strip(), back.get(TsunaguColumns.COLUMNS.get(i)), TsunaguColumns.COLUMNS.get(i));
        }
        assertEquals("=cmd|' /C calc'!A0", back.get("external_id"));
        assertEquals("-33.5", back.get("lat"));
        assertEquals("-70.25", back.get("lon"));
        assertEquals("車いす可;-段差あり", back.get("accessibility"));
        assertEquals("true", back.get("home_visit"));
    }

    @Test
    void resources_without_external_id_get_one_that_finds_them_again() {
        Resource r = new Resource(null, "サロン", Category.SALON, "ひだまり市緑が丘一丁目");
        assertEquals("tsunagu:null", TsunaguColumns.externalId(r), "not yet saved: no id");
        assertEquals(42L, TsunaguColumns.ownId("tsunagu:42"));
        assertNull(TsunaguColumns.ownId("tsunagu:x"));
        assertNull(TsunaguColumns.ownId("jp-medical:42"));
        assertEquals("", TsunaguColumns.cells(r).get(7), "no point: lat empty");
    }
}
