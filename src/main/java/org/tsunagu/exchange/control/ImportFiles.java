package org.tsunagu.exchange.control;

import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.csv.CsvFile;
import org.tsunagu.csv.CsvTable;
import org.tsunagu.csv.CsvZip;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

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

    /**
     * Mapped rows of the scope, how many rows of other municipalities were dropped, how many were read,
     * and the errors of rows that could not be read at all (control characters).
     */
    public record Mapped(List<CsvTable.Row> rows, int skippedOtherMunicipality, int rowsRead, List<FieldError> unreadable) {
        public Mapped {
            rows = List.copyOf(rows);
            unreadable = List.copyOf(unreadable);
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
        private final List<FieldError> errors = new ArrayList<>();
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
            return new Mapped(kept, skipped, rowsRead, errors);
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
     * they are read; rows with control characters are skipped and listed as errors.
     */
    public static Mapped read(ResourceFormat format, Path spool, MunicipalityScope scope, Progress progress) {
        if (format == ResourceFormat.NAVII) {
            return withCsvs(spool, csvs -> readNavii(csvs, scope, progress));
        }
        return withCsvs(spool, csvs -> {
            Scoping scoping = new Scoping(scope);
            int[] read = new int[1];
            int estimate = (int) Math.min(Integer.MAX_VALUE, csvs.stream().mapToLong(CsvFile::estimatedRows).sum());
            progress.read(0, estimate);
            for (CsvFile csv : csvs) {
                requireColumns(format, csv);
                try (Stream<CsvTable.Row> rows = csv.rows(scoping.errors::add)) {
                    rows.forEach(source -> {
                        scoping.add(new CsvTable.Row(source.line(), format.fields(source)));
                        if (++read[0] % 2000 == 0) {
                            progress.read(read[0], Math.max(estimate, read[0]));
                        }
                    });
                }
            }
            Mapped mapped = scoping.done(read[0]);
            progress.read(read[0], read[0]);
            return mapped;
        });
    }

    /**
     * ナビイ: the facility files first (their rows of the scope kept), then the hours files (joined on ID),
     * whatever order the upload holds them in. A 病院・診療所・歯科 file without its hours file is refused:
     * the facilities would be listed without hours, as if closed.
     */
    static Mapped readNavii(List<CsvFile> csvs, MunicipalityScope scope, Progress progress) throws IOException {
        List<CsvFile> facilities = new ArrayList<>();
        List<CsvFile> hours = new ArrayList<>();
        boolean needsHours = false;
        for (CsvFile csv : csvs) {
            requireColumns(ResourceFormat.NAVII, csv);
            NaviiFiles.Kind kind = NaviiFiles.recognise(csv.header()).orElseThrow();
            if (kind.facilities()) {
                facilities.add(csv);
                needsHours |= kind.needsHoursFile();
            } else {
                hours.add(csv);
            }
        }
        if (needsHours && hours.isEmpty()) {
            throw ProblemException.invalid("the hours file is missing", List.of(FieldError.of("file",
                    "施設票と一緒に「診療科目・診療時間」のファイル（…_speciality_hours_….csv）も送ってください")));
        }
        if (facilities.isEmpty()) {
            throw ProblemException.invalid("the facility file is missing", List.of(FieldError.of("file",
                    "施設票（…_facility_info_….csv または薬局のファイル）がありません")));
        }
        NaviiFiles.Collector collector = new NaviiFiles.Collector(scope::accepts);
        List<FieldError> unreadable = new ArrayList<>();
        int estimate = (int) Math.min(Integer.MAX_VALUE, facilities.stream().mapToLong(CsvFile::estimatedRows).sum());
        int[] read = new int[1];
        progress.read(0, estimate);
        for (CsvFile csv : facilities) {
            try (Stream<CsvTable.Row> rows = csv.rows(unreadable::add)) {
                rows.forEach(row -> {
                    collector.facility(row);
                    if (++read[0] % 2000 == 0) {
                        progress.read(read[0], Math.max(estimate, read[0]));
                    }
                });
            }
        }
        for (CsvFile csv : hours) {
            try (Stream<CsvTable.Row> rows = csv.rows(unreadable::add)) {
                rows.forEach(collector::hours);
            }
        }
        Scoping scoping = new Scoping(scope);
        collector.result().forEach(scoping::add);
        scoping.errors.addAll(unreadable);
        Mapped mapped = scoping.done(read[0]);
        progress.read(read[0], read[0]);
        return new Mapped(mapped.rows(), collector.skippedOtherMunicipality() + collector.skippedWithoutMunicipality(),
                read[0], mapped.unreadable());
    }

    private static void requireColumns(ResourceFormat format, CsvFile csv) {
        List<FieldError> missing = format.missingColumns(csv.header());
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("required columns are missing", missing);
        }
    }

    /** Work on the CSV files of a spool folder: files in name order, each ZIP's CSV entries in its place. */
    interface CsvWork<T> {
        T on(List<CsvFile> csvs) throws IOException;
    }

    static <T> T withCsvs(Path spool, CsvWork<T> work) {
        List<CsvZip> zips = new ArrayList<>();
        try (Stream<Path> listing = Files.list(spool)) {
            List<CsvFile> csvs = new ArrayList<>();
            for (Path file : listing.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                if (CsvZip.isZip(file)) {
                    CsvZip zip = CsvZip.open(file, Long.MAX_VALUE);
                    zips.add(zip);
                    for (String name : zip.csvNames()) {
                        csvs.add(zip.open(name));
                    }
                } else {
                    csvs.add(CsvFile.open(file));
                }
            }
            if (csvs.isEmpty()) {
                throw ProblemException.invalid("the upload holds no CSV file", List.of(FieldError.of("file", "CSVファイルがありません")));
            }
            return work.on(csvs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (CsvZip zip : zips) {
                try {
                    zip.close();
                } catch (IOException e) {
                    // nothing was written through it
                }
            }
        }
    }

    /**
     * Refuses, before a job is queued, an upload whose files cannot be this format: no CSV in it, or a
     * CSV without the format's required columns (400 naming them).
     */
    public static void checkHeaders(ResourceFormat format, Path spool) {
        withCsvs(spool, csvs -> {
            csvs.forEach(csv -> requireColumns(format, csv));
            return null;
        });
    }
}
