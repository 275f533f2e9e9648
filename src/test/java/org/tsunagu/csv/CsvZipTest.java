package org.tsunagu.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsunagu.problems.ProblemException;

class CsvZipTest {

    static final long LIMIT = 10L * 1024 * 1024;

    @TempDir
    Path dir;

    /** A ZIP as Windows' "送る → 圧縮" makes it: names in CP932 without the UTF-8 flag. */
    Path zip(String name, Charset names, String[]... entries) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out, names)) {
            for (String[] entry : entries) {
                zip.putNextEntry(new ZipEntry(entry[0]));
                if (entry.length > 1) {
                    zip.write(entry[1].getBytes(Charset.forName(entry[2])));
                }
                zip.closeEntry();
            }
        }
        return file;
    }

    @Test
    @DisplayName("two CSVs, one with a CP932 name and CP932 content; folders, __MACOSX and other files are left out")
    void cp932Names() throws IOException {
        Path file = zip("navii.zip", CsvTable.CP932,
                new String[]{"2025/"},
                new String[]{"2025/01-1_病院_施設情報.csv", "\uFEFFID,正式名称\r\n1310000000001,ねりま病院\r\n", "UTF-8"},
                new String[]{"2025/介護事業所一覧.CSV", "事業所番号,事業所名\r\n1371200001,光が丘デイ\r\n1371200002,髙島デイ\r\n", "windows-31j"},
                new String[]{"__MACOSX/2025/._介護事業所一覧.CSV", "\u0000\u0005\u0016\u0007", "ISO-8859-1"},
                new String[]{"2025/説明.txt", "読んでください", "UTF-8"});
        assertTrue(CsvZip.isZip(file));
        try (CsvZip zip = CsvZip.open(file, LIMIT)) {
            assertEquals(List.of("2025/01-1_病院_施設情報.csv", "2025/介護事業所一覧.CSV"), zip.csvNames());
            CsvFile hospitals = zip.open("2025/01-1_病院_施設情報.csv");
            assertEquals(StandardCharsets.UTF_8, hospitals.charset());
            assertEquals(List.of("id", "正式名称"), hospitals.header());
            assertEquals("ねりま病院", CsvFileTest.rows(hospitals).get(0).get("正式名称"));
            CsvFile care = zip.open("2025/介護事業所一覧.CSV");
            assertEquals(CsvTable.CP932, care.charset());
            assertEquals("2025/介護事業所一覧.CSV", care.name());
            List<CsvTable.Row> rows = CsvFileTest.rows(care);
            assertEquals(List.of("光が丘デイ", "髙島デイ"), rows.stream().map(r -> r.get("事業所名")).toList());
            assertEquals(rows, CsvFileTest.rows(care), "an entry reads twice");
            assertEquals(404, assertThrows(ProblemException.class, () -> zip.open("2025/説明.txt")).status());
        }
    }

    @Test
    @DisplayName("UTF-8 names (the flag set) read as they are")
    void utf8Names() throws IOException {
        Path file = zip("u.zip", StandardCharsets.UTF_8,
                new String[]{"サロン一覧.csv", "name\nひかり\n", "UTF-8"},
                new String[]{"医療機関一覧.csv", "name\nねりま医院\n", "UTF-8"});
        try (CsvZip zip = CsvZip.open(file, LIMIT)) {
            assertEquals(List.of("サロン一覧.csv", "医療機関一覧.csv"), zip.csvNames());
            assertEquals("ねりま医院", CsvFileTest.rows(zip.open("医療機関一覧.csv")).get(0).get("name"));
        }
    }

    @Test
    @DisplayName("an entry that inflates beyond the limit → 413")
    void entryLimit() throws IOException {
        Path file = zip("bomb.zip", StandardCharsets.UTF_8,
                new String[]{"big.csv", "name\n" + "a\n".repeat(600_000), "UTF-8"});
        assertTrue(Files.size(file) < 100_000, "compressed: " + Files.size(file));
        try (CsvZip zip = CsvZip.open(file, 1024 * 1024)) {
            assertEquals(413, assertThrows(ProblemException.class, () -> zip.open("big.csv")).status());
        }
    }

    @Test
    @DisplayName("ZIP recognised by its first bytes; a CSV and a broken ZIP are not")
    void isZip() throws IOException {
        Path csv = Files.writeString(dir.resolve("a.csv"), "PK,name\n");
        assertFalse(CsvZip.isZip(csv));
        assertTrue(CsvZip.isZip(new byte[]{'P', 'K', 3, 4, 0}));
        assertFalse(CsvZip.isZip(new byte[]{'P', 'K'}));
        assertFalse(CsvZip.isZip((byte[]) null));
        Path broken = Files.write(dir.resolve("b.zip"), new byte[]{'P', 'K', 3, 4, 1, 2, 3});
        assertEquals(400, assertThrows(ProblemException.class, () -> CsvZip.open(broken, LIMIT)).status());
    }
}
