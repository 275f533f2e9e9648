package org.tsunagu.exchange.control;

import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.csv.CsvTable;
import org.tsunagu.japanese.KanaReading;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The open data of 医療情報ネット（ナビイ）, MHLW's national register of 病院, 診療所, 歯科 and 薬局 — the one
 * source that covers every medical resource of a catchment, but published nationally (80,000 診療所 in
 * one file) and in two files per kind: the facility file, and the department × time band file that
 * holds the hours of 病院・診療所・歯科. A center needs only its own municipality, so {@link Collector}
 * keeps the facilities of one municipality while the rows stream past, then takes the hours rows of
 * just those facilities in whatever order they come, and finally gives one Tsunagu field map per
 * facility for {@link ResourceImport} to check like any other row. Memory stays bounded by the
 * municipality, not by the country.
 *
 * <p>Columns are read by name, compared after NFKC and lower-casing (full-width and half-width
 * parentheses and digits both occur, and 薬局 spell theirs differently: 名称, 営業日（月）, 定期閉店第１週（月）,
 * 月_開店時間帯1_開始時間). The mapping never rejects a row: a facility without a name or address still
 * becomes a map and the import reports it. There is no phone, postal code or operator column in this
 * source; those fields stay empty rather than guessed.
 *
 * <p>助産所 files are recognised but not supported: Tsunagu has no category for them, and calling a
 * 助産所 a 診療所 would send a resident looking for a doctor to a midwife.
 */
public final class NaviiFiles {

    /** The external id prefix: {@code navii:} + the 13-digit ID, leading zeros kept. */
    public static final String PREFIX = "navii:";
    /** The extra key of each result map: the facility's 6-digit 全国地方公共団体コード. */
    public static final String MUNICIPALITY_CODE = "municipality_code";

    private static final Pattern INLINE_START = Pattern.compile("([月火水木金土日祝])_(?:開店|開局|営業)時間帯(\\d)_開始時間");
    private static final String[] BEDS_OF_HOSPITALS = {"精神病床", "結核病床", "感染症病床"};

    private NaviiFiles() {
    }

    /** The files of this source, told apart by their header. */
    public enum Kind {
        HOSPITAL("hospital", "病院"),
        CLINIC("clinic", "診療所"),
        DENTAL("dental", "歯科診療所"),
        PHARMACY("pharmacy", "薬局"),
        MATERNITY(null, "助産所"),
        /** 診療科目・診療時間: the hours of 病院・診療所・歯科, one row per facility × department × band. */
        HOURS(null, "診療科目・診療時間");

        private final String category;
        private final String label;

        Kind(String category, String label) {
            this.category = category;
            this.label = label;
        }

        /** The Tsunagu category of the file's facilities (a row's 機関区分 wins), null for hours and 助産所. */
        public String category() {
            return category;
        }

        public String label() {
            return label;
        }

        /** A file of facilities (as opposed to hours). */
        public boolean facilities() {
            return this != HOURS;
        }

        /** Whether the hours come in the separate 診療科目・診療時間 file. */
        public boolean needsHoursFile() {
            return this == HOSPITAL || this == CLINIC || this == DENTAL;
        }

        /** Why a file of this kind cannot be imported, for the user; null when it can. */
        public String unsupported() {
            return this == MATERNITY
                    ? "助産所のファイルには対応していません（つなぐに助産所の分類がないため）。病院・診療所・歯科・薬局のファイルをお使いください"
                    : null;
        }
    }

    /** The column name as compared: NFKC (（）→(), full-width digits), lower case, no spaces. */
    static String key(String column) {
        return OpenDataColumns.nfkc(column).toLowerCase(Locale.ROOT).replaceAll("\\s", "");
    }

    /** Which ナビイ file a header belongs to (names as {@link CsvTable} gives them), or empty. */
    public static Optional<Kind> recognise(List<String> header) {
        Set<String> keys = new LinkedHashSet<>();
        header.forEach(h -> keys.add(key(h)));
        if (!keys.contains("id")) {
            return Optional.empty();
        }
        if ((keys.contains("診療科目名") || keys.contains("診療科目コード"))
                && keys.stream().anyMatch(k -> k.endsWith("_診療開始時間"))) {
            return Optional.of(Kind.HOURS);
        }
        if (keys.stream().anyMatch(k -> INLINE_START.matcher(k).matches() || k.startsWith("営業日(")
                || k.startsWith("定期閉店毎週("))) {
            return Optional.of(Kind.PHARMACY);
        }
        if (keys.stream().anyMatch(k -> k.contains("就業時間帯") || k.startsWith("毎週決まった曜日に休業("))
                || keys.contains("祝日に休業")) {
            return Optional.of(Kind.MATERNITY);
        }
        boolean facility = keys.stream().anyMatch(k -> k.startsWith("毎週決まった曜日に休診("))
                || (keys.contains("正式名称") && keys.contains("所在地") && keys.contains("機関区分"));
        if (!facility) {
            return Optional.empty();
        }
        for (String beds : BEDS_OF_HOSPITALS) {
            if (keys.contains(beds)) {
                return Optional.of(Kind.HOSPITAL);
            }
        }
        if (keys.stream().anyMatch(k -> k.endsWith("病床") || k.endsWith("病床数"))) {
            return Optional.of(Kind.CLINIC);
        }
        return Optional.of(Kind.DENTAL);
    }

    /**
     * The 6-digit code of 都道府県コード (2) + 市区町村コード (3), both zero-padded (Excel strips zeros),
     * with its check digit; empty when the cells are not codes.
     */
    static Optional<String> municipalityCode(String prefecture, String city) {
        String p = OpenDataColumns.nfkc(prefecture);
        String c = OpenDataColumns.nfkc(city);
        if (c.matches("\\d{5,6}")) {
            return Municipality.normalizeCode(c);
        }
        if (!p.matches("\\d{1,2}") || !c.matches("\\d{1,3}")) {
            return Optional.empty();
        }
        return Municipality.normalizeCode("0".repeat(2 - p.length()) + p + "0".repeat(3 - c.length()) + c);
    }

    /** The ID as text; a 12-digit ID (a leading zero lost to Excel) gets it back, in both files alike. */
    static String id(String raw) {
        String id = OpenDataColumns.nfkc(raw);
        return id.matches("\\d{12}") ? "0" + id : id;
    }

    /**
     * Collects the facilities of one municipality and then their hours. Feed the facility rows first
     * ({@link #facility}), then the hours rows ({@link #hours}; any order, and feeding the same rows
     * again changes nothing), then read {@link #result}. Rows of several facility files (病院, 診療所,
     * 歯科, 薬局) may go to one collector: each row is read by its own header.
     */
    public static final class Collector {

        private final Predicate<String> municipality;
        private final Map<String, List<Pending>> byId = new HashMap<>();
        private final List<Pending> kept = new ArrayList<>();
        private Columns facilityColumns;
        private Columns hoursColumns;
        private int otherMunicipality;
        private int withoutMunicipality;
        private int hoursUsed;

        /** {@code municipality}: which 6-digit municipality codes to keep. */
        public Collector(Predicate<String> municipality) {
            this.municipality = Objects.requireNonNull(municipality, "municipality");
        }

        /**
         * Reads one facility row: kept when its municipality passes the filter (true), counted
         * otherwise.
         *
         * @throws IllegalArgumentException when the row is not of a supported facility file
         */
        public boolean facility(CsvTable.Row row) {
            Columns c = facilityColumns;
            if (c == null || !c.keys.equals(row.cells().keySet())) {
                c = Columns.of(row.cells().keySet());
                if (c.kind == null || !c.kind.facilities() || c.kind.unsupported() != null) {
                    throw new IllegalArgumentException("not a supported ナビイ facility file: "
                            + (c.kind == null ? "unknown" : c.kind.label()));
                }
                facilityColumns = c;
            }
            Optional<String> code = municipalityCode(c.get(row, "都道府県コード"), c.get(row, "市区町村コード"));
            if (code.isEmpty()) {
                withoutMunicipality++;
                return false;
            }
            if (!municipality.test(code.get())) {
                otherMunicipality++;
                return false;
            }
            Pending p = new Pending(row, c, code.get());
            kept.add(p);
            if (!p.id.isEmpty()) {
                byId.computeIfAbsent(p.id, k -> new ArrayList<>()).add(p);
            }
            return true;
        }

        /** Reads one row of the hours file; used only when its ID is a kept facility's. */
        public void hours(CsvTable.Row row) {
            Columns c = hoursColumns;
            if (c == null || !c.keys.equals(row.cells().keySet())) {
                c = Columns.of(row.cells().keySet());
                if (c.kind != Kind.HOURS) {
                    throw new IllegalArgumentException("not a ナビイ 診療科目・診療時間 file");
                }
                hoursColumns = c;
            }
            List<Pending> facilities = byId.get(id(c.get(row, "id")));
            if (facilities == null) {
                return;
            }
            hoursUsed++;
            for (Pending p : facilities) {
                p.hoursRow(row, c);
            }
        }

        /** Facilities kept so far. */
        public int kept() {
            return kept.size();
        }

        /** Facility rows of other municipalities, not kept. */
        public int skippedOtherMunicipality() {
            return otherMunicipality;
        }

        /** Facility rows whose 都道府県コード/市区町村コード are not codes, not kept (no municipality to place them in). */
        public int skippedWithoutMunicipality() {
            return withoutMunicipality;
        }

        /** Hours rows that belonged to a kept facility (counted each time they are fed). */
        public int hoursRowsUsed() {
            return hoursUsed;
        }

        /**
         * One row per kept facility, in the order fed: its line in the facility file and the Tsunagu
         * fields ({@link TsunaguColumns#COLUMNS} + {@value #MUNICIPALITY_CODE}).
         */
        public List<CsvTable.Row> result() {
            return kept.stream().map(p -> new CsvTable.Row(p.line, p.fields())).toList();
        }
    }

    /** A kept facility: its fields so far, its closures, and the departments and bands its hours rows add. */
    private static final class Pending {
        final int line;
        final String id;
        final Map<String, String> fields;
        final String kubun;
        final Kind kind;
        final NaviiSchedule schedule;
        /** 診療科目コード + name → name, so the departments come out in code order whatever the row order. */
        final Map<String, String> departments = new TreeMap<>();
        final Set<List<String>> seenHours = new HashSet<>();

        Pending(CsvTable.Row row, Columns c, String municipalityCode) {
            line = row.line();
            id = id(c.get(row, "id"));
            kind = c.kind;
            kubun = OpenDataColumns.nfkc(c.get(row, "機関区分"));
            fields = OpenDataColumns.emptyFields();
            fields.put("external_id", id.isEmpty() ? "" : PREFIX + id);
            fields.put("name", c.get(row, "正式名称", "名称"));
            String kana = KanaReading.clean(c.get(row, "正式名称(フリガナ)", "名称(フリガナ)", "フリガナ", "正式名称_カナ", "名称_カナ"));
            fields.put("name_kana", kana == null ? "" : kana);
            fields.put("address", c.get(row, "所在地", "住所"));
            String lat = OpenDataColumns.nfkc(c.get(row, "所在地座標(緯度)", "緯度"));
            String lon = OpenDataColumns.nfkc(c.get(row, "所在地座標(経度)", "経度"));
            if (!unknownPoint(lat) && !unknownPoint(lon)) {
                fields.put("lat", lat);
                fields.put("lon", lon);
            }
            fields.put("url", OpenDataColumns.url(c.get(row, "案内用ホームページアドレス", "薬局のホームページアドレス",
                    "ホームページアドレス", "ホームページ", "url")));
            fields.put(NaviiFiles.MUNICIPALITY_CODE, municipalityCode);
            schedule = new NaviiSchedule(kind == Kind.PHARMACY ? "休業" : "休診");
            for (int d = 0; d < 7; d++) {
                schedule.weekly(d, c.first(row, c.weekly[d]));
                for (int w = 1; w <= 5; w++) {
                    schedule.week(w, d, c.first(row, c.nth[w - 1][d]));
                }
            }
            schedule.holidays(c.first(row, c.holiday));
            schedule.other(c.first(row, c.other));
            for (String[] band : c.inline) {
                schedule.band(Integer.parseInt(band[0]), row.get(band[1]), row.get(band[2]), false);
            }
        }

        /** {@code 0} / {@code 0.0} / empty: the source's "no coordinates". */
        private static boolean unknownPoint(String value) {
            if (value.isEmpty()) {
                return true;
            }
            try {
                return Double.parseDouble(value) == 0.0;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        void hoursRow(CsvTable.Row row, Columns c) {
            // the same row fed twice (a second pass over the file) must not count twice
            if (!seenHours.add(List.copyOf(row.cells().values()))) {
                return;
            }
            String name = c.get(row, "診療科目名");
            String code = OpenDataColumns.nfkc(c.get(row, "診療科目コード"));
            if (!name.isEmpty()) {
                departments.putIfAbsent((code.isEmpty() ? "\uffff" : code) + "\u0000" + name, name);
            }
            boolean emergency = name.contains("救急");
            for (String[] band : c.inline) {
                schedule.band(Integer.parseInt(band[0]), row.get(band[1]), row.get(band[2]), emergency);
            }
        }

        Map<String, String> fields() {
            Map<String, String> f = new LinkedHashMap<>(fields);
            List<String> names = new ArrayList<>(new LinkedHashSet<>(departments.values()));
            f.put("departments", String.join(";", names));
            f.put("category", category(names));
            NaviiSchedule.Written w = schedule.write();
            f.put("schedule", w.schedule());
            f.put("description", w.description());
            return f;
        }

        /** 機関区分 (1 病院, 2 診療所, 3 歯科, 5 薬局), else the ID's third digit, else the file's kind. */
        private String category(List<String> departments) {
            String byKubun = kubun(kubun);
            if (byKubun != null) {
                return byKubun;
            }
            if (!kubun.isEmpty() && !kubun.matches("\\d+")) {
                return MedicalColumns.category(kubun, fields.get("name"), departments);
            }
            String byId = id.matches("\\d{13}") ? kubun(id.substring(2, 3)) : null;
            return byId != null ? byId : kind.category();
        }

        private static String kubun(String digit) {
            return switch (digit) {
                case "1" -> "hospital";
                case "2" -> "clinic";
                case "3" -> "dental";
                case "4" -> "助産所";
                case "5" -> "pharmacy";
                default -> null;
            };
        }
    }

    /**
     * The columns of one header, looked up once: compared keys → the names as the rows have them, and
     * for the flags and bands the candidate columns in order of preference.
     */
    private static final class Columns {
        final Set<String> keys;
        final Kind kind;
        final Map<String, String> byKey = new HashMap<>();
        final List<String>[] weekly;
        final List<String>[][] nth;
        final List<String> holiday;
        final List<String> other;
        /** {day index, start column, end column}: the 開店時間帯 of 薬局, or the bands of an hours row. */
        final List<String[]> inline = new ArrayList<>();

        @SuppressWarnings("unchecked")
        private Columns(Collection<String> header) {
            keys = Set.copyOf(header);
            for (String h : header) {
                byKey.putIfAbsent(key(h), h);
            }
            kind = recognise(List.copyOf(header)).orElse(null);
            weekly = new List[7];
            nth = new List[5][7];
            for (int d = 0; d < 7; d++) {
                char day = NaviiSchedule.DAYS.charAt(d);
                weekly[d] = present("毎週決まった曜日に休診(" + day + ")", "営業日(" + day + ")", "定期閉店毎週(" + day + ")");
                for (int w = 1; w <= 5; w++) {
                    nth[w - 1][d] = present("決まった週に休診(定期週)第" + w + "週(" + day + ")", "定期閉店第" + w + "週(" + day + ")");
                }
            }
            holiday = present("祝日に休診", "営業日(祝)", "祝日", "定期閉店毎週(祝)");
            List<String> others = new ArrayList<>();
            byKey.forEach((k, h) -> {
                if (k.startsWith("その他の休診日") || k.startsWith("その他の閉店日") || k.startsWith("その他の休業日")) {
                    others.add(h);
                }
            });
            other = others;
            String days = NaviiSchedule.DAYS + "祝";
            if (kind == Kind.HOURS) {
                for (int d = 0; d < days.length(); d++) {
                    String s = byKey.get(days.charAt(d) + "_診療開始時間");
                    String e = byKey.get(days.charAt(d) + "_診療終了時間");
                    if (s != null && e != null) {
                        inline.add(new String[]{String.valueOf(d), s, e});
                    }
                }
            } else {
                new TreeMap<>(byKey).forEach((k, h) -> {
                    Matcher m = INLINE_START.matcher(k);
                    String end = m.matches() ? byKey.get(k.replace("_開始時間", "_終了時間")) : null;
                    if (end != null) {
                        inline.add(new String[]{String.valueOf(days.indexOf(m.group(1))), h, end});
                    }
                });
            }
        }

        static Columns of(Collection<String> header) {
            return new Columns(header);
        }

        /** The named columns this header has, in the order given. */
        private List<String> present(String... names) {
            List<String> out = new ArrayList<>();
            for (String n : names) {
                String h = byKey.get(key(n));
                if (h != null) {
                    out.add(h);
                }
            }
            return out;
        }

        /** The cell of the first of these columns (compared keys) that the header has, or "". */
        String get(CsvTable.Row row, String... names) {
            for (String n : names) {
                String h = byKey.get(key(n));
                if (h != null) {
                    return row.get(h);
                }
            }
            return "";
        }

        /** The first non-empty cell of these columns, or "". */
        String first(CsvTable.Row row, List<String> columns) {
            for (String h : columns) {
                if (row.has(h)) {
                    return row.get(h);
                }
            }
            return "";
        }
    }
}
