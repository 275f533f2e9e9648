package org.tsunagu.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

class CsvFileTest {

    static final Path OPEN_DATA = Path.of(System.getProperty("tsunagu.shared", "../shared"), "data", "open-data");

    @TempDir
    Path dir;

    Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    static List<CsvTable.Row> rows(CsvFile csv) throws IOException {
        return rows(csv, new ArrayList<>());
    }

    static List<CsvTable.Row> rows(CsvFile csv, List<FieldError> rejected) throws IOException {
        try (Stream<CsvTable.Row> rows = csv.rows(rejected::add)) {
            return rows.toList();
        }
    }

    /** The rows as the whole-file form {@link CsvFile#read(Path, CsvFile.Rows)} tells them. */
    static List<CsvTable.Row> rows(Path file) {
        List<CsvTable.Row> rows = new ArrayList<>();
        CsvFile.Read read = CsvFile.read(file, rows::add);
        assertEquals(read.rows(), rows.size());
        return rows;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    ProblemException assertProblem(byte[] bytes) {
        ProblemException e = assertThrows(ProblemException.class, () -> rows(CsvFile.open(write("bad.csv", bytes))));
        assertEquals(400, e.status());
        return e;
    }

    @Nested
    @DisplayName("the published open-data samples read as CsvTable reads them")
    class OpenData {

        @Test
        @DisplayName("every sample: charset, header and rows (lines and cells) equal CsvTable's")
        void everySample() throws IOException {
            List<Path> samples = new ArrayList<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(OPEN_DATA, "*.csv")) {
                files.forEach(samples::add);
            } catch (IOException e) {
                fail("Open-data samples missing: " + OPEN_DATA.toAbsolutePath() + " (set -Dtsunagu.shared=<shared dir>)");
            }
            assertTrue(samples.size() >= 10, "samples found: " + samples);
            for (Path sample : samples) {
                String name = sample.getFileName().toString();
                CsvTable table = CsvTable.parse(Files.readAllBytes(sample), List.of());
                CsvFile csv = CsvFile.open(sample);
                Charset expected = name.startsWith("suisho_") ? CsvTable.CP932 : StandardCharsets.UTF_8;
                assertEquals(expected, csv.charset(), name);
                assertEquals(table.charset(), csv.charset(), name);
                assertEquals(table.header(), csv.header(), name);
                List<CsvTable.Row> rows = rows(csv);
                assertFalse(rows.isEmpty(), name);
                assertEquals(table.rows(), rows, name);
                assertEquals(table.charset(), CsvFile.detect(sample), name);
                assertEquals(table.header(), CsvFile.header(sample), name);
                assertEquals(table.rows(), rows(sample), name);
                assertTrue(csv.estimatedRows() >= rows.size(), name + ": " + csv.estimatedRows());
                assertEquals(name, csv.name());
            }
        }

        @Test
        @DisplayName("the BOM is not part of the first column; original spellings are kept for messages")
        void bomAndOriginalHeader() throws IOException {
            CsvFile csv = CsvFile.open(OPEN_DATA.resolve("jichitai_std_kaigo_jigyosho_ichiran.csv"));
            assertEquals("全国地方公共団体コード", csv.header().get(0));
            assertEquals("URL", csv.original("url"));
            assertEquals("url", csv.header().get(csv.originalHeader().indexOf("URL")));
        }
    }

    @Nested
    @DisplayName("encodings")
    class Encodings {

        static final String CSV = "name,address\r\n光が丘サロン,練馬区光が丘二丁目1番\r\n髙島屋・﨑さん,\"練馬区石神井町①\"\r\n";

        List<CsvTable.Row> expected() {
            return CsvTable.parse(CSV.getBytes(StandardCharsets.UTF_8), List.of()).rows();
        }

        @Test
        @DisplayName("UTF-16 LE with BOM (Excel's Unicode text)")
        void utf16LeBom() throws IOException {
            CsvFile csv = CsvFile.open(write("le.csv", concat(new byte[]{(byte) 0xFF, (byte) 0xFE},
                    CSV.getBytes(StandardCharsets.UTF_16LE))));
            assertEquals(StandardCharsets.UTF_16LE, csv.charset());
            assertEquals(List.of("name", "address"), csv.header());
            assertEquals(expected(), rows(csv));
        }

        @Test
        @DisplayName("UTF-16 LE without BOM, recognised by its NUL bytes")
        void utf16LeWithoutBom() throws IOException {
            Path file = write("le.csv", CSV.getBytes(StandardCharsets.UTF_16LE));
            CsvFile csv = CsvFile.open(file);
            assertEquals(StandardCharsets.UTF_16LE, csv.charset());
            assertEquals(expected(), rows(csv));
            assertEquals(expected(), rows(file));
        }

        @Test
        @DisplayName("UTF-16 BE with and without BOM")
        void utf16Be() throws IOException {
            CsvFile bom = CsvFile.open(write("be.csv", CSV.getBytes(StandardCharsets.UTF_16)));
            assertEquals(StandardCharsets.UTF_16BE, bom.charset());
            assertEquals(expected(), rows(bom));
            CsvFile plain = CsvFile.open(write("be2.csv", CSV.getBytes(StandardCharsets.UTF_16BE)));
            assertEquals(StandardCharsets.UTF_16BE, plain.charset());
            assertEquals(expected(), rows(plain));
        }

        @Test
        @DisplayName("UTF-8 is checked over the whole file: CP932 after 200 KB of ASCII is still CP932")
        void wholeFileDecides() throws IOException {
            String ascii = "name,address\n" + "salon,nerima\n".repeat(200 * 1024 / 13);
            String csv = ascii + "光が丘サロン,練馬区①\n";
            CsvFile file = CsvFile.open(write("late.csv", csv.getBytes(CsvTable.CP932)));
            assertEquals(CsvTable.CP932, file.charset());
            assertEquals(StandardCharsets.UTF_8, CsvFile.detect(write("late8.csv", csv.getBytes(StandardCharsets.UTF_8))));
            List<CsvTable.Row> rows = rows(file);
            assertEquals("光が丘サロン", rows.get(rows.size() - 1).get("name"));
            assertEquals("練馬区①", rows.get(rows.size() - 1).get("address"));
        }

        @Test
        @DisplayName("bytes valid in neither UTF-8 nor CP932 → 400 in Japanese, before any row is read")
        void undecodable() throws IOException {
            byte[] bytes = {'n', 'a', 'm', 'e', '\n', (byte) 0x81, 0x7F, (byte) 0xFF, '\n'};
            ProblemException e = assertThrows(ProblemException.class, () -> CsvFile.open(write("x.csv", bytes)));
            assertEquals(400, e.status());
            assertTrue(e.errors().get(0).message().contains("文字コード"), e.errors().toString());
        }

        @Test
        @DisplayName("a UTF-8 BOM followed by invalid UTF-8 → 400 (the BOM is believed)")
        void bomWithInvalidUtf8() {
            byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'n', '\n', (byte) 0x82, (byte) 0xA0, '\n'};
            ProblemException e = assertThrows(ProblemException.class, () -> CsvFile.open(write("x.csv", bytes)));
            assertEquals(400, e.status());
        }
    }

    @Nested
    @DisplayName("rows")
    class Rows {

        @Test
        @DisplayName("line numbers are physical lines: multi-line cells and blank lines count")
        void lineNumbers() throws IOException {
            String csv = "name,note\n\nA,x\n\"B\",\"1行目\r\n2行目\"\n\n\r\nC,z\n,\nD,w";
            List<CsvTable.Row> rows = rows(CsvFile.open(write("lines.csv", csv.getBytes(StandardCharsets.UTF_8))));
            assertEquals(List.of("A", "B", "C", "D"), rows.stream().map(r -> r.get("name")).toList());
            assertEquals(List.of(3, 4, 8, 10), rows.stream().map(CsvTable.Row::line).toList());
            assertEquals("1行目\r\n2行目", rows.get(1).get("note"));
        }

        @Test
        @DisplayName("a row with a control character is skipped and reported with line and column; the others stay")
        void unsafeRowRejected() throws IOException {
            String csv = "name,address\nA,練馬区\nB\u0000,練馬区\u202e\nC,小平市\n";
            List<FieldError> rejected = new ArrayList<>();
            List<CsvTable.Row> rows = rows(CsvFile.open(write("nul.csv", csv.getBytes(StandardCharsets.UTF_8))), rejected);
            assertEquals(List.of("A", "C"), rows.stream().map(r -> r.get("name")).toList());
            assertEquals(List.of(3, 3), rejected.stream().map(FieldError::line).toList());
            assertEquals(List.of("name", "address"), rejected.stream().map(FieldError::field).toList());
            assertTrue(rejected.get(0).message().contains("制御文字"), rejected.toString());
        }

        @Test
        @DisplayName("the rejected row is reported before the next row is handed out")
        void rejectedInOrder() throws IOException {
            String csv = "name\nA\nB\u0007\nC\n";
            List<String> events = new ArrayList<>();
            try (Stream<CsvTable.Row> rows = CsvFile.open(write("o.csv", csv.getBytes(StandardCharsets.UTF_8)))
                    .rows(e -> events.add("rejected " + e.line()))) {
                rows.forEach(r -> events.add(r.get("name")));
            }
            assertEquals(List.of("A", "rejected 3", "C"), events);
        }

        @Test
        @DisplayName("an unclosed quote → 400 naming the line where the broken record starts")
        void unclosedQuote() throws IOException {
            String csv = "name,address\nA,練馬区\n\n\"B,小平市\nC,白井市\n";
            CsvFile file = CsvFile.open(write("q.csv", csv.getBytes(StandardCharsets.UTF_8)));
            List<String> seen = new ArrayList<>();
            ProblemException e = assertThrows(ProblemException.class, () -> {
                try (Stream<CsvTable.Row> rows = file.rows(r -> { })) {
                    rows.forEach(r -> seen.add(r.get("name")));
                }
            });
            assertEquals(400, e.status());
            assertEquals(List.of("A"), seen);
            assertEquals(4, e.errors().get(0).line());
            assertTrue(e.errors().get(0).message().contains("CSV"), e.errors().toString());
        }

        @Test
        @DisplayName("an empty file, or one of blank lines, → 400")
        void noHeader() throws IOException {
            assertEquals(1, assertProblem(new byte[0]).errors().get(0).line());
            assertTrue(assertProblem("\n\r\n\n".getBytes(StandardCharsets.UTF_8)).errors().get(0).message().contains("見出し"));
        }

        @Test
        @DisplayName("the file can be read twice")
        void twice() throws IOException {
            CsvFile csv = CsvFile.open(OPEN_DATA.resolve("mhlw_jigyosho_130.csv"));
            List<CsvTable.Row> first = rows(csv);
            assertFalse(first.isEmpty());
            assertEquals(first, rows(csv));
        }
    }

    @Nested
    @DisplayName("the whole-file form (read, header, detect)")
    class WholeFile {

        @Test
        @DisplayName("quoted line breaks count; a row after a blank line is on its own line")
        void lines() throws IOException {
            byte[] bytes = "a,b\n1,\"two\nlines\"\n\n3,x\n".getBytes(StandardCharsets.UTF_8);
            List<CsvTable.Row> rows = rows(write("ml.csv", bytes));
            assertEquals(2, rows.size());
            assertEquals(List.of(2, 5), rows.stream().map(CsvTable.Row::line).toList());
            assertEquals("two\nlines", rows.get(0).get("b"));
        }

        @Test
        @DisplayName("broken files are 400 problems; unsafe text refuses the file as CsvTable does")
        void broken() throws IOException {
            Path quote = write("q.csv", "a,b\n\"open,x\n".getBytes(StandardCharsets.UTF_8));
            assertEquals(400, assertThrows(ProblemException.class, () -> rows(quote)).status());
            Path empty = write("e.csv", new byte[0]);
            assertEquals(400, assertThrows(ProblemException.class, () -> rows(empty)).status());
            List<CsvTable.Row> told = new ArrayList<>();
            Path nul = write("n.csv", "a,b\nok,1\nx\u0000,y\u0001\nlater,2\n".getBytes(StandardCharsets.UTF_8));
            ProblemException p = assertThrows(ProblemException.class, () -> CsvFile.read(nul, told::add));
            assertEquals(List.of(3, 3), p.errors().stream().map(FieldError::line).toList());
            assertEquals(List.of("ok"), told.stream().map(r -> r.get("a")).toList(), "no row after the refused one");
            assertEquals(400, assertThrows(ProblemException.class, () -> CsvFile.header(empty)).status());
        }
    }

    @Nested
    @DisplayName("a large file")
    class Large {

        static final int ROWS = 230_000;

        Path generate() throws IOException {
            Path file = dir.resolve("large.csv");
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write("\uFEFF事業所番号,事業所名,住所,備考\r\n");
                for (int i = 0; i < ROWS; i++) {
                    out.write(String.format("%010d,\"ねりま訪問介護ステーション%d\",\"東京都練馬区光が丘二丁目%d番\","
                            + "\"平日9時〜18時、土曜は午前のみ。年末年始は休み。送迎あり、詳しくはお問い合わせください\"\r\n", i, i, i % 50));
                }
            }
            assertTrue(Files.size(file) > 50L * 1024 * 1024, "size " + Files.size(file));
            return file;
        }

        @Test
        @DisplayName("≈50 MB: rows come lazily (the first after reading little of the file) and all of them come")
        void streams() throws IOException {
            Path file = generate();
            AtomicLong read = new AtomicLong();
            AtomicBoolean closed = new AtomicBoolean();
            CsvFile csv = CsvFile.open("large.csv", () -> new FilterInputStream(Files.newInputStream(file)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = super.read(b, off, len);
                    read.addAndGet(Math.max(n, 0));
                    return n;
                }

                @Override
                public void close() throws IOException {
                    closed.set(true);
                    super.close();
                }
            });
            assertEquals(ROWS, csv.estimatedRows());
            read.set(0);
            closed.set(false);
            long count = 0;
            try (Stream<CsvTable.Row> rows = csv.rows(e -> fail(e.toString()))) {
                Iterator<CsvTable.Row> it = rows.iterator();
                CsvTable.Row first = it.next();
                assertEquals("0000000000", first.get("事業所番号"));
                assertEquals(2, first.line());
                assertTrue(read.get() < 1024 * 1024, "bytes read for the first row: " + read.get());
                count++;
                CsvTable.Row last = first;
                while (it.hasNext()) {
                    last = it.next();
                    count++;
                }
                assertEquals(ROWS + 1, last.line());
                assertEquals("ねりま訪問介護ステーション" + (ROWS - 1), last.get("事業所名"));
            }
            assertEquals(ROWS, count);
            assertTrue(closed.get(), "closing the stream closes the file");
        }
    }
}
