package org.tsunagu.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

class CsvTableTest {

    static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    static final List<String> REQUIRED = List.of("name", "address");
    static final String JAPANESE_CSV = """
            name,address,kana
            光が丘サロン,練馬区光が丘二丁目1番,ヒカリガオカサロン
            髙島屋・﨑さん,練馬区石神井町①,シャクジイ
            """;

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] withBom(byte[] bytes) {
        byte[] out = new byte[bytes.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(bytes, 0, out, 3, bytes.length);
        return out;
    }

    static void assertJapaneseRows(CsvTable table) {
        assertEquals(List.of("name", "address", "kana"), table.header());
        assertEquals(2, table.rows().size());
        CsvTable.Row first = table.rows().get(0);
        assertEquals("光が丘サロン", first.get("name"));
        assertEquals("練馬区光が丘二丁目1番", first.get("address"));
        assertEquals("ヒカリガオカサロン", first.get("kana"));
        CsvTable.Row second = table.rows().get(1);
        assertEquals("髙島屋・﨑さん", second.get("name"));
        assertEquals("練馬区石神井町①", second.get("address"));
    }

    static ProblemException assertProblem(byte[] bytes, List<String> required) {
        ProblemException e = assertThrows(ProblemException.class, () -> CsvTable.parse(bytes, required));
        assertEquals(400, e.status());
        return e;
    }

    @Nested
    @DisplayName("文字コード detection")
    class Encodings {

        @Test
        @DisplayName("UTF-8")
        void utf8Plain() {
            CsvTable table = CsvTable.parse(utf8(JAPANESE_CSV), REQUIRED);
            assertEquals(StandardCharsets.UTF_8, table.charset());
            assertJapaneseRows(table);
        }

        @Test
        @DisplayName("UTF-8 with BOM: the first header column is still recognised")
        void utf8WithBom() {
            CsvTable table = CsvTable.parse(withBom(utf8(JAPANESE_CSV)), REQUIRED);
            assertEquals(StandardCharsets.UTF_8, table.charset());
            assertEquals("name", table.header().get(0));
            assertJapaneseRows(table);
        }

        @Test
        @DisplayName("Shift_JIS / CP932 from Excel, including NEC and IBM extension characters")
        void cp932() {
            byte[] bytes = JAPANESE_CSV.getBytes(WINDOWS_31J);
            assertEquals(JAPANESE_CSV, new String(bytes, WINDOWS_31J), "test data round-trips through CP932");
            CsvTable table = CsvTable.parse(bytes, REQUIRED);
            assertEquals(CsvTable.CP932, table.charset());
            assertJapaneseRows(table);
        }

        @Test
        @DisplayName("CRLF line endings (Excel) work as well")
        void crlf() {
            byte[] bytes = JAPANESE_CSV.replace("\n", "\r\n").getBytes(WINDOWS_31J);
            assertJapaneseRows(CsvTable.parse(bytes, REQUIRED));
        }

        @Test
        @DisplayName("bytes that are neither UTF-8 nor CP932 → 400")
        void undecodable() {
            // 0x81 0x7F: a CP932 lead byte with an invalid trail byte; 0xFF is invalid in both
            byte[] bytes = {'n', 'a', 'm', 'e', '\n', (byte) 0x81, 0x7F, (byte) 0xFF, '\n'};
            ProblemException e = assertProblem(bytes, List.of("name"));
            assertTrue(e.getMessage().contains("neither UTF-8 nor Shift_JIS"), e.getMessage());
        }

        @Test
        @DisplayName("a BOM followed by invalid UTF-8 → 400")
        void bomWithInvalidUtf8() {
            assertProblem(withBom(new byte[]{'n', 'a', 'm', 'e', '\n', (byte) 0xC3, 0x28}), List.of("name"));
        }
    }

    @Nested
    @DisplayName("problems with the file itself")
    class Problems {

        @Test
        @DisplayName("a missing required column → 400 with an error on line 1 naming it")
        void missingColumn() {
            ProblemException e = assertProblem(utf8("name,phone\nサロン,03\n"), REQUIRED);
            assertEquals(1, e.errors().size());
            FieldError error = e.errors().get(0);
            assertEquals(1, error.line());
            assertEquals("address", error.field());
            assertTrue(error.message().contains("address"), error.message());
        }

        @Test
        @DisplayName("every missing column is reported")
        void severalMissing() {
            ProblemException e = assertProblem(utf8("kana\nサロン\n"), REQUIRED);
            assertEquals(List.of("name", "address"), e.errors().stream().map(FieldError::field).toList());
        }

        @Test
        @DisplayName("an empty file → 400 on line 1")
        void emptyFile() {
            ProblemException e = assertProblem(new byte[0], REQUIRED);
            assertEquals(1, e.errors().get(0).line());
            assertProblem(null, REQUIRED);
        }

        @Test
        @DisplayName("a file of blank lines has no header → 400")
        void onlyBlankLines() {
            assertProblem(utf8("\n\r\n\n"), REQUIRED);
        }

        @Test
        @DisplayName("an unterminated quote → 400")
        void unterminatedQuote() {
            assertProblem(utf8("name,address\n\"サロン,練馬区\n"), REQUIRED);
        }
    }

    @Nested
    @DisplayName("parsing")
    class Parsing {

        @Test
        @DisplayName("quoted cells may hold commas, doubled quotes and line breaks")
        void quoting() {
            String csv = "name,address,note\n"
                    + "\"サロン「あい」, 光が丘\",\"練馬区光が丘2-1\",\"彼は\"\"元気\"\"です\"\n"
                    + "\"複数行\",練馬区,\"1行目\n2行目\"\n";
            List<CsvTable.Row> rows = CsvTable.parse(utf8(csv), REQUIRED).rows();
            assertEquals(2, rows.size());
            assertEquals("サロン「あい」, 光が丘", rows.get(0).get("name"));
            assertEquals("彼は\"元気\"です", rows.get(0).get("note"));
            assertEquals("1行目\n2行目", rows.get(1).get("note"));
        }

        @Test
        @DisplayName("header is line 1, the first data row line 2")
        void lineNumbers() {
            String csv = "name,address\nA,住所A\nB,住所B\nC,住所C\n";
            List<CsvTable.Row> rows = CsvTable.parse(utf8(csv), REQUIRED).rows();
            assertEquals(List.of(2, 3, 4), rows.stream().map(CsvTable.Row::line).toList());
            assertEquals(List.of("A", "B", "C"), rows.stream().map(r -> r.get("name")).toList());
        }

        @Test
        @DisplayName("blank lines and rows of empty cells are ignored")
        void blankLinesIgnored() {
            String csv = "name,address\n\nA,住所A\n,\n  ,  \n\r\nB,住所B\n\n";
            List<CsvTable.Row> rows = CsvTable.parse(utf8(csv), REQUIRED).rows();
            assertEquals(List.of("A", "B"), rows.stream().map(r -> r.get("name")).toList());
        }

        @Test
        @DisplayName("header names are trimmed and case-insensitive")
        void headerNames() {
            String csv = " Name ,ADDRESS,\tKana\n光が丘サロン,練馬区,ヒカリ\n";
            CsvTable table = CsvTable.parse(utf8(csv), REQUIRED);
            assertEquals(List.of("name", "address", "kana"), table.header());
            CsvTable.Row row = table.rows().get(0);
            assertEquals("光が丘サロン", row.get("name"));
            assertEquals("練馬区", row.get("address"));
            assertEquals("ヒカリ", row.get("kana"));
        }

        @Test
        @DisplayName("unknown extra columns are ignored by callers and do not disturb the known ones")
        void extraColumns() {
            String csv = "memo,name,extra,address\nx,サロン,y,練馬区\n";
            CsvTable.Row row = CsvTable.parse(utf8(csv), REQUIRED).rows().get(0);
            assertEquals("サロン", row.get("name"));
            assertEquals("練馬区", row.get("address"));
        }

        @Test
        @DisplayName("short rows read as empty cells; get strips, has means non-blank")
        void shortRowsAndAccessors() {
            String csv = "name,address,phone\n  サロン  ,練馬区\n";
            CsvTable.Row row = CsvTable.parse(utf8(csv), REQUIRED).rows().get(0);
            assertEquals("サロン", row.get("name"));
            assertEquals("", row.get("phone"));
            assertEquals("", row.get("no-such-column"));
            assertTrue(row.has("name"));
            assertTrue(!row.has("phone"));
            assertEquals(Map.of("name", "  サロン  ", "address", "練馬区", "phone", ""), row.cells());
        }
    }

    @org.junit.jupiter.api.Test
    void control_and_bidi_characters_refuse_the_file_naming_line_and_column() {
        org.tsunagu.problems.ProblemException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.tsunagu.problems.ProblemException.class,
                () -> CsvTable.parse(utf8("name,address\nok,若葉\nA\u0000,若葉\nB,\u202E若葉\n"), REQUIRED));
        assertEquals(List.of(org.tsunagu.problems.FieldError.at(3, "name", "name に制御文字は使えません"),
                org.tsunagu.problems.FieldError.at(4, "address", "address に文字の向きを変える制御文字は使えません")), e.errors());
        // tabs and line breaks inside a quoted cell are text
        assertEquals("a\tb\nc", CsvTable.parse(utf8("name,address\n\"a\tb\nc\",x\n"), REQUIRED).rows().get(0).get("name"));
    }

    @org.junit.jupiter.api.Test
    void a_broken_file_is_described_without_the_parser_s_class_names() {
        org.tsunagu.problems.ProblemException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.tsunagu.problems.ProblemException.class, () -> CsvTable.parse(utf8("name,address\n\"never closed,x\n"), REQUIRED));
        org.junit.jupiter.api.Assertions.assertFalse(e.getMessage().contains("org.apache") || e.getMessage().contains("Exception"), e.getMessage());
    }
}
