package org.tsunagu.exchange.control;

import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.csv.CsvFile;
import org.tsunagu.csv.CsvTable;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rows of an upload, mapped onto the Tsunagu fields and restricted to the import's municipalities,
 * before {@link ResourceImport} checks and saves them. The rows of other municipalities are counted and
 * dropped as they are read, so what is kept grows with one municipality, not with a national file.
 */
public final class ImportFiles {

    /** The extra field an open-data mapping fills with the row's 6-digit municipality code ("" when unknown). */
    public static final String MUNICIPALITY_CODE = ResourceFormat.MUNICIPALITY_CODE;

    private ImportFiles() {
    }

    /** Mapped rows of the scope, how many rows of other municipalities were dropped, and how many were read. */
    public record Mapped(List<CsvTable.Row> rows, int skippedOtherMunicipality, int rowsRead) {
        public Mapped {
            rows = List.copyOf(rows);
        }
    }

    /**
     * Keeps the rows whose municipality code the scope accepts (rows without a code are kept: their
     * address decides). An unspecified scope takes a file of one municipality; a file of several needs
     * {@code municipality=} (400 naming them).
     */
    public static Mapped scoped(List<CsvTable.Row> rows, MunicipalityScope scope, int rowsRead) {
        Scoping scoping = new Scoping(scope);
        rows.forEach(scoping::add);
        return scoping.done(rowsRead);
    }

    /** Keeps the rows of the scope as they come, counting the others and noting which municipalities the file holds. */
    private static final class Scoping {
        private final MunicipalityScope scope;
        private final List<CsvTable.Row> kept = new ArrayList<>();
        private final Set<String> codes = new TreeSet<>();
        private int skipped;

        Scoping(MunicipalityScope scope) {
            this.scope = scope;
        }

        void add(CsvTable.Row row) {
            String code = Municipality.normalizeCode(row.get(MUNICIPALITY_CODE)).orElse("");
            if (!code.isEmpty()) {
                codes.add(code);
            }
            if (!code.isEmpty() && !scope.accepts(code)) {
                skipped++;
                return;
            }
            kept.add(code.equals(row.get(MUNICIPALITY_CODE)) ? row : withCode(row, code));
        }

        Mapped done(int rowsRead) {
            if (scope.isUnspecified() && codes.size() > 1) {
                throw severalMunicipalities(codes);
            }
            return new Mapped(kept, skipped, rowsRead);
        }
    }

    static CsvTable.Row withCode(CsvTable.Row row, String code) {
        var cells = new java.util.LinkedHashMap<>(row.cells());
        cells.put(MUNICIPALITY_CODE, code);
        return new CsvTable.Row(row.line(), cells);
    }

    /** 400: an admin posted a file of several municipalities without saying which. */
    public static ProblemException severalMunicipalities(Set<String> codes) {
        List<String> shown = codes.stream().limit(10).toList();
        return ProblemException.invalid("the file holds rows of several municipalities; name one with municipality=",
                List.of(FieldError.of("municipality", "ファイルに複数の市区町村（" + String.join("、", shown)
                        + (codes.size() > shown.size() ? " ほか" : "") + "）の行があります。municipality= で取り込む市区町村を指定してください")));
    }

    /** Told how many rows have been read (and of how many, when known). */
    public interface Progress {
        void read(int rows, Integer total);
    }

    /**
     * Reads every file of a spool folder in the format: CSV files as they are, ZIP files by their CSV
     * entries (every format accepts a ZIP of its files). The rows of other municipalities are dropped as
     * they are read.
     */
    public static Mapped read(ResourceFormat format, Path spool, MunicipalityScope scope, Progress progress) {
        List<Path> csvs = csvFiles(spool);
        if (csvs.isEmpty()) {
            throw ProblemException.invalid("the upload holds no CSV file", List.of(FieldError.of("file", "CSVファイルがありません")));
        }
        Scoping scoping = new Scoping(scope);
        int[] read = new int[1];
        Integer estimate = csvs.stream().mapToInt(ImportFiles::lines).sum() - csvs.size();
        progress.read(0, estimate);
        for (Path csv : csvs) {
            requireColumns(format, csv);
            CsvFile.read(csv, source -> {
                scoping.add(new CsvTable.Row(source.line(), format.fields(source)));
                if (++read[0] % 2000 == 0) {
                    progress.read(read[0], Math.max(estimate, read[0]));
                }
            });
        }
        Mapped mapped = scoping.done(read[0]);
        progress.read(read[0], read[0]);
        return mapped;
    }

    private static void requireColumns(ResourceFormat format, Path csv) {
        List<FieldError> missing = format.missingColumns(CsvFile.header(csv));
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("required columns are missing", missing);
        }
    }

    /**
     * The line breaks of a file, for the progress bar's total before the rows are read (a row with a
     * quoted line break counts twice, so the total is corrected when reading ends). UTF-16 counts too:
     * its line feed is a 0x0A byte beside a zero.
     */
    static int lines(Path file) {
        int n = 0;
        byte[] buf = new byte[1 << 16];
        try (var in = java.nio.file.Files.newInputStream(file)) {
            int r;
            while ((r = in.read(buf)) > 0) {
                for (int i = 0; i < r; i++) {
                    n += buf[i] == '\n' ? 1 : 0;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return n;
    }

    /** The CSV files of a spool folder, ZIPs unpacked next to them (in name order). */
    static List<Path> csvFiles(Path spool) {
        List<Path> csvs = new ArrayList<>();
        try (var listing = java.nio.file.Files.list(spool)) {
            for (Path file : listing.sorted().toList()) {
                if (file.getFileName().toString().startsWith("unzipped-") || file.getFileName().toString().startsWith(".")) {
                    continue;
                }
                if (isZip(file)) {
                    csvs.addAll(unzip(file));
                } else {
                    csvs.add(file);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return csvs;
    }

    static boolean isZip(Path file) throws java.io.IOException {
        try (var in = java.nio.file.Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    /** The .csv entries of a ZIP (directories, __MACOSX and other files skipped), each extracted once. */
    static List<Path> unzip(Path zip) throws java.io.IOException {
        List<Path> out = new ArrayList<>();
        java.util.zip.ZipFile file;
        try {
            file = new java.util.zip.ZipFile(zip.toFile(), java.nio.charset.StandardCharsets.UTF_8);
            file.stream().count();
        } catch (java.util.zip.ZipException | IllegalArgumentException e) {
            file = new java.util.zip.ZipFile(zip.toFile(), CsvTable.CP932);
        }
        try (java.util.zip.ZipFile z = file) {
            int n = 0;
            for (var entry : z.stream().toList()) {
                String name = entry.getName();
                if (entry.isDirectory() || name.startsWith("__MACOSX") || !name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                    continue;
                }
                Path target = zip.resolveSibling("unzipped-" + zip.getFileName() + "-" + (n++) + ".csv");
                if (!java.nio.file.Files.exists(target)) {
                    try (var in = z.getInputStream(entry)) {
                        java.nio.file.Files.copy(in, target);
                    }
                }
                out.add(target);
            }
        } catch (java.util.zip.ZipException e) {
            throw ProblemException.invalid("the ZIP file cannot be read", List.of(FieldError.of("file", "ZIPファイルを読み取れません")));
        }
        return out;
    }

    /**
     * Refuses, before a job is queued, an upload whose files cannot be this format: no CSV in it, or a
     * CSV without the format's required columns (400 naming them). Reads only each file's header line.
     */
    public static void checkHeaders(ResourceFormat format, Path spool) {
        List<Path> csvs = csvFiles(spool);
        if (csvs.isEmpty()) {
            throw ProblemException.invalid("the upload holds no CSV file", List.of(FieldError.of("file", "CSVファイルがありません")));
        }
        csvs.forEach(csv -> requireColumns(format, csv));
    }
}
