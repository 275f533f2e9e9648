package org.tsunagu.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsunagu.problems.ProblemException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The streaming reader gives what {@link CsvTable} gives for the same bytes: every published sample, UTF-16, quoted line breaks. */
class CsvFileTest {

    static final Path OPEN_DATA = Path.of(System.getProperty("tsunagu.shared", "../shared"), "data", "open-data");

    @TempDir
    Path dir;

    static List<CsvTable.Row> rows(Path file) {
        List<CsvTable.Row> rows = new ArrayList<>();
        CsvFile.read(file, rows::add);
        return rows;
    }

    @Test
    void every_published_sample_reads_as_the_in_memory_table_reads_it() throws Exception {
        List<Path> samples;
        try (Stream<Path> files = Files.list(OPEN_DATA)) {
            samples = files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
        assertTrue(samples.size() >= 10, samples::toString);
        for (Path sample : samples) {
            CsvTable table = CsvTable.parse(Files.readAllBytes(sample), List.of());
            assertEquals(table.charset(), CsvFile.detect(sample), sample::toString);
            assertEquals(table.header(), CsvFile.header(sample), sample::toString);
            assertEquals(table.rows(), rows(sample), sample::toString);
        }
        assertEquals(CsvTable.CP932, CsvFile.detect(OPEN_DATA.resolve("suisho_iryokikan_ichiran_cp932.csv")));
    }

    @Test
    void utf16_with_and_without_bom() throws Exception {
        String text = "名称,住所\r\nさくら薬局,練馬区桜台二丁目1-5\r\n";
        Path le = Files.write(dir.resolve("le.csv"), concat(new byte[]{(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)));
        Path bare = Files.write(dir.resolve("bare.csv"), text.getBytes(StandardCharsets.UTF_16LE));
        Path be = Files.write(dir.resolve("be.csv"), text.getBytes(StandardCharsets.UTF_16BE));
        for (Path f : List.of(le, bare, be)) {
            List<CsvTable.Row> rows = rows(f);
            assertEquals(1, rows.size(), f::toString);
            assertEquals("さくら薬局", rows.get(0).get("名称"), f::toString);
            assertEquals(2, rows.get(0).line());
        }
        assertEquals(List.of("名称", "住所"), CsvFile.header(le));
    }

    @Test
    void lines_count_quoted_line_breaks_and_blank_rows_are_skipped() throws Exception {
        byte[] bytes = "a,b\n1,\"two\nlines\"\n\n3,x\n".getBytes(StandardCharsets.UTF_8);
        Path f = Files.write(dir.resolve("ml.csv"), bytes);
        List<CsvTable.Row> rows = rows(f);
        assertEquals(2, rows.size());
        assertEquals(2, rows.get(0).line());
        assertEquals("two\nlines", rows.get(0).get("b"));
        assertEquals(CsvTable.parse(bytes, List.of()).rows().get(1).line(), rows.get(1).line());
    }

    @Test
    void utf8_is_decided_over_the_whole_file_not_its_start() throws Exception {
        StringBuilder ascii = new StringBuilder("name,address\n");
        while (ascii.length() < 200_000) {
            ascii.append("abc,def\n");
        }
        byte[] start = ascii.toString().getBytes(StandardCharsets.US_ASCII);
        Path sjis = Files.write(dir.resolve("sjis.csv"), concat(start, "さくら,練馬\n".getBytes(CsvTable.CP932)));
        assertEquals(CsvTable.CP932, CsvFile.detect(sjis));
        Path utf8 = Files.write(dir.resolve("utf8.csv"), concat(start, "さくら,練馬\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(StandardCharsets.UTF_8, CsvFile.detect(utf8));
        List<CsvTable.Row> rows = rows(sjis);
        assertEquals("さくら", rows.get(rows.size() - 1).get("name"));
    }

    @Test
    void broken_files_are_400_problems() throws Exception {
        Path quote = Files.write(dir.resolve("q.csv"), "a,b\n\"open,x\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, assertThrows(ProblemException.class, () -> rows(quote)).status());
        Path empty = Files.write(dir.resolve("e.csv"), new byte[0]);
        assertEquals(400, assertThrows(ProblemException.class, () -> rows(empty)).status());
        Path nul = Files.write(dir.resolve("n.csv"), "a,b\nx\u0000,y\n".getBytes(StandardCharsets.UTF_8));
        ProblemException p = assertThrows(ProblemException.class, () -> rows(nul));
        assertEquals(2, p.errors().get(0).line());
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
