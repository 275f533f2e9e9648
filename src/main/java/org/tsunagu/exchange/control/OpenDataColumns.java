package org.tsunagu.exchange.control;

import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.calendar.control.ScheduleParser;
import org.tsunagu.csv.CsvTable;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the open-data formats (推奨データセット, 自治体標準オープンデータセット, MHLW) have in common: the
 * address split into 都道府県, 市区町村, 住所 and 方書 (or 所在地_連結表記 and its parts); 緯度/経度; days in
 * one column and times in others, which are put together into the schedule text centers write
 * (「月・火・水・金 9:00〜17:00」) so the one schedule parser reads them; the municipality code of the row;
 * and ids that are not always there.
 *
 * <p>Real files of one family do not agree on their headers (所在地 for 住所, 建物名等（方書） for 方書,
 * 「名称（必須）」 copied from the template, half- and full-width brackets), so each format names its
 * columns as {@link Column}s, the standard's spelling first and the others after it, and headers are
 * compared after {@link #headerKey}. Which header a column is in is worked out once per header row.
 *
 * <p>External ids carry the format as a prefix ({@code jp-medical:1310001234}): the external id column
 * is one namespace for every source, and a 医療機関コード must not meet a center's own id or a
 * 事業所番号 of the same digits. Stored ids are otherwise opaque text, as Tsunagu-format ids are.
 */
abstract class OpenDataColumns implements ColumnMapping {

    /** The field with the row's 6-digit 全国地方公共団体コード ("" when unknown); not a Tsunagu column. */
    static final String MUNICIPALITY_CODE = "municipality_code";

    // columns every open-data list has, whatever else it lists (the formats add theirs)
    static final Column PREFECTURE = Column.of("都道府県名", "所在地_都道府県", "都道府県");
    /** 地方公共団体名 is the publisher (「東京都練馬区」), only a stand-in for the facility's 市区町村. */
    static final Column CITY = Column.of("市区町村名", "所在地_市区町村", "市区町村", "市町村", "市町村名", "地方公共団体名");
    static final Column TOWN = Column.of("所在地_町字");
    static final Column BLOCK = Column.of("所在地_番地以下");
    /** The whole address, or what follows the 市区町村; composed from {@link #TOWN} and the rest when absent. */
    static final Column ADDRESS = Column.of("住所", "所在地", "所在地_連結表記", "所在地_連結標記").orComposedFrom(TOWN);
    static final Column BUILDING = Column.of("方書", "建物名等(方書)", "建物名等_方書", "方書(ビル名等)", "建物名等");
    static final Column POSTAL_CODE = Column.of("郵便番号");
    static final Column LAT = Column.of("緯度");
    static final Column LON = Column.of("経度");
    static final Column PHONE = Column.of("電話番号");
    static final Column CORPORATION = Column.of("法人の名称", "法人名", "開設者", "開設者名");
    static final Column URL = Column.of("URL", "ホームページ", "ホームページアドレス");
    static final Column REMARKS = Column.of("備考");
    /** The code of the place itself; preferred over the list's code, which may be the publisher's. */
    static final Column LOCATION_CODE = Column.of("所在地_全国地方公共団体コード");
    static final Column LIST_CODE = Column.of("都道府県コード又は市区町村コード", "全国地方公共団体コード",
            "都道府県コード又は市町村コード");

    private static final String DAY_CHARS = "月火水木金土日";
    private static final Pattern DAY_RANGE = Pattern.compile("[月火水木金土日]〜[月火水木金土日]");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?::|時)?(\\d{2})?分?");
    private static final Pattern HHMM = Pattern.compile("(\\d{1,2})(\\d{2})");

    /**
     * One column of a format: the standard's spelling (used in messages) and the others real files use.
     * {@code composedFrom}: a column whose presence also satisfies this one when it is required (the
     * address parts of the 自治体標準 layout stand in for 住所).
     */
    record Column(String standard, List<String> also, Column composedFrom) {

        static Column of(String standard, String... also) {
            return new Column(standard, List.of(also), null);
        }

        Column orComposedFrom(Column parts) {
            return new Column(standard, also, parts);
        }

        /** The same spellings with another one as the standard (mhlw-care spells some columns its own way). */
        Column spelled(String standardOfFormat) {
            List<String> rest = new ArrayList<>(List.of(standard));
            also.stream().filter(s -> !headerKey(s).equals(headerKey(standardOfFormat))).forEach(rest::add);
            return new Column(standardOfFormat, List.copyOf(rest), composedFrom);
        }

        Stream<String> spellings() {
            return Stream.concat(Stream.of(standard), also.stream());
        }
    }

    /** Tsunagu field → the column of this format it came from. */
    private final Map<String, String> sources = new HashMap<>();

    /** The header row last seen and where each column is in it (rows of one file share their header). */
    private volatile Layout last;

    /** Records where a field comes from (for {@link #column}); returns the column. */
    protected final Column source(String field, Column column) {
        sources.put(field, column.standard());
        return column;
    }

    @Override
    public String column(String field) {
        return sources.getOrDefault(field, field);
    }

    /**
     * The columns a file must have. They are checked by {@link #missing} (the spellings vary), never by
     * {@link CsvTable#parse}, so {@link #required()} is empty.
     */
    protected abstract List<Column> requiredColumns();

    /** The Tsunagu fields of a row whose columns have been found. */
    protected abstract Map<String, String> fields(Cells row);

    @Override
    public final List<String> required() {
        return List.of();
    }

    @Override
    public final List<FieldError> missing(Collection<String> header) {
        return layout(List.copyOf(header)).missing;
    }

    /**
     * Throws the missing-columns problem on the first row of a file that lacks a required column (when
     * the caller did not check the header), then maps the row.
     */
    @Override
    public final Map<String, String> fields(CsvTable.Row row) {
        Layout layout = layout(List.copyOf(row.cells().keySet()));
        if (!layout.missing.isEmpty()) {
            throw ProblemException.invalid("required columns are missing", layout.missing);
        }
        return fields(new Cells(row, layout));
    }

    private Layout layout(List<String> header) {
        Layout l = last;
        if (l == null || !l.header.equals(header)) {
            l = new Layout(header, requiredColumns());
            last = l;
        }
        return l;
    }

    /**
     * 「名称（必須）」「 建物名等（方書） 」「ＵＲＬ」 → 「名称」「建物名等(方書)」「url」: NFKC, lower case, no
     * spaces, no required/optional marks copied from the template.
     */
    static String headerKey(String header) {
        return org.tsunagu.csv.HeaderNames.canonical(header);
    }

    /** Where the columns of a format are in one header row, and the required ones it lacks. */
    private static final class Layout {
        final List<String> header;
        final Map<String, String> byKey = new HashMap<>();
        final List<FieldError> missing = new ArrayList<>();

        Layout(List<String> header, List<Column> required) {
            this.header = header;
            header.forEach(h -> byKey.putIfAbsent(headerKey(h), h));
            for (Column c : required) {
                if (!present(c) && (c.composedFrom() == null || !present(c.composedFrom()))) {
                    missing.add(FieldError.at(1, c.standard(), missingMessage(c)));
                }
            }
        }

        boolean present(Column c) {
            return c.spellings().anyMatch(s -> byKey.containsKey(headerKey(s)));
        }

        /** The headers of a column present in this file, in the column's order of preference. */
        List<String> headers(Column c) {
            return c.spellings().map(s -> byKey.get(headerKey(s))).filter(Objects::nonNull).distinct().toList();
        }
    }

    static String missingMessage(Column c) {
        String standardKey = headerKey(c.standard());
        List<String> others = c.also().stream().filter(s -> !headerKey(s).equals(standardKey)).toList();
        StringBuilder m = new StringBuilder("必須の列「" + c.standard() + "」がありません");
        if (!others.isEmpty() || c.composedFrom() != null) {
            m.append("（");
            if (!others.isEmpty()) {
                m.append(others.stream().map(s -> "「" + s + "」").collect(Collectors.joining("")));
                m.append(c.composedFrom() == null ? "の列名でも読み取れます" : "の列名、または");
            }
            if (c.composedFrom() != null) {
                m.append("「").append(c.composedFrom().standard()).append("」などの分割した列でも読み取れます");
            }
            m.append("）");
        }
        return m.toString();
    }

    /** A row read through its file's layout: cells by {@link Column}, whichever spelling the file uses. */
    static final class Cells {
        private final CsvTable.Row row;
        private final Layout layout;

        private Cells(CsvTable.Row row, Layout layout) {
            this.row = row;
            this.layout = layout;
        }

        /** The first non-empty cell among the column's spellings present in the file, or "". */
        String get(Column c) {
            for (String h : layout.headers(c)) {
                String v = row.get(h);
                if (!v.isEmpty()) {
                    return v;
                }
            }
            return "";
        }

        boolean has(Column c) {
            return !get(c).isEmpty();
        }
    }

    /** A fresh field map with every Tsunagu column present (so nothing reads as null), and the code. */
    static Map<String, String> emptyFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        TsunaguColumns.COLUMNS.forEach(c -> fields.put(c, ""));
        fields.put(MUNICIPALITY_CODE, "");
        return fields;
    }

    /** The fields every open-data row has: address, code, point, phone, URL, operator, postal code. */
    static void common(Cells row, Map<String, String> f) {
        f.put("address", address(row));
        f.put(MUNICIPALITY_CODE, municipalityCode(row));
        f.put("postal_code", row.get(POSTAL_CODE));
        f.put("lat", row.get(LAT));
        f.put("lon", row.get(LON));
        f.put("phone", row.get(PHONE));
        f.put("url", url(row.get(URL)));
        f.put("organizer", row.get(CORPORATION));
    }

    static String nfkc(String s) {
        return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC).strip();
    }

    /** Non-empty parts joined by the separator. */
    static String join(String separator, String... parts) {
        return Stream.of(parts).filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(separator));
    }

    /** 「label：value」 or "" when the value is empty. */
    static String labelled(String label, String value) {
        return value == null || value.isBlank() ? "" : label + "：" + value.strip();
    }

    /**
     * The full address and 方書. 住所 (or 所在地_連結表記) as given, with 都道府県 + 市区町村 in front when
     * it does not name the municipality itself (many lists write only 「光が丘2-5-1」); without it, the
     * 自治体標準 parts 所在地_都道府県 + 所在地_市区町村 + 所在地_町字 + 所在地_番地以下 put together.
     */
    static String address(Cells row) {
        String address = row.get(ADDRESS);
        String pref = row.get(PREFECTURE);
        String city = row.get(CITY);
        if (address.isEmpty()) {
            String town = row.get(TOWN) + row.get(BLOCK);
            address = town.isEmpty() ? "" : place(pref, city) + town;
        } else if (!city.isEmpty() && !address.contains(city) && !address.startsWith(pref.isEmpty() ? city : pref)) {
            address = place(pref, city) + address;
        }
        return join(" ", address, row.get(BUILDING));
    }

    /** 都道府県 + 市区町村, once each (地方公共団体名 「東京都練馬区」 already names the prefecture). */
    private static String place(String pref, String city) {
        return city.startsWith(pref) ? city : pref + city;
    }

    /**
     * The 6-digit 全国地方公共団体コード of the row (check digit added to a 5-digit code, a leading zero
     * Excel dropped restored: {@link Municipality#normalizeCode}), the place's own code before the
     * list's; "" when there is none or it names only a prefecture (「13」, 「130001」).
     */
    static String municipalityCode(Cells row) {
        String code = row.has(LOCATION_CODE) ? row.get(LOCATION_CODE) : row.get(LIST_CODE);
        return Municipality.normalizeCode(code).filter(c -> !c.startsWith("000", 2)).orElse("");
    }

    /** A URL as given, with {@code http://} in front when the list left the scheme out (www.example.jp). */
    static String url(String value) {
        String v = value == null ? "" : value.strip();
        if (!v.isEmpty() && !v.matches("(?i)https?://.*") && v.matches("[\\w.-]+\\.[A-Za-z]{2,}(/\\S*)?")) {
            return "http://" + v;
        }
        return v;
    }

    /**
     * 「月,火,水,金」「月火水金」「月曜日;火曜日」「月曜日～金曜日」 → 「月・火・水・金」「月〜金」. Words the parser
     * knows by themselves (平日, 土日祝, 毎日) are passed on unchanged.
     */
    static String days(String text) {
        String s = nfkc(text).replaceAll("曜日|曜", "").replaceAll("[~\\-－―ー〜]", "〜");
        List<String> parts = new ArrayList<>();
        for (String token : s.split("[,、;/・\\s]+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.length() > 1 && token.chars().allMatch(c -> DAY_CHARS.indexOf(c) >= 0)) {
                token.chars().forEach(c -> parts.add(String.valueOf((char) c)));
            } else {
                parts.add(token);
            }
        }
        return String.join("・", parts);
    }

    /** 「09:00」「0900」「9時」 → 「9:00」; anything else unchanged. */
    static String time(String text) {
        String t = nfkc(text);
        Matcher compact = HHMM.matcher(t);
        if (compact.matches()) {
            return Integer.parseInt(compact.group(1)) + ":" + compact.group(2);
        }
        Matcher m = TIME.matcher(t);
        if (m.matches()) {
            return Integer.parseInt(m.group(1)) + ":" + (m.group(2) == null ? "00" : m.group(2));
        }
        return t;
    }

    /**
     * Opening and closing times (several allowed, 「9:00;14:00」 with 「12:00;18:00」) as ranges
     * 「9:00〜12:00／14:00〜18:00」.
     */
    static String times(String start, String end) {
        String[] starts = nfkc(start).isEmpty() ? new String[0] : nfkc(start).split("[,、;/・\\s]+");
        String[] ends = nfkc(end).isEmpty() ? new String[0] : nfkc(end).split("[,、;/・\\s]+");
        if (starts.length == 0 && ends.length == 0) {
            return "";
        }
        if (starts.length != ends.length) {
            return join("〜", nfkc(start), nfkc(end));
        }
        List<String> ranges = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            ranges.add(time(starts[i]) + "〜" + time(ends[i]));
        }
        return String.join("／", ranges);
    }

    /**
     * The schedule text from days, times and the list's note (診療日時特記事項, 利用可能曜日特記事項):
     * {@code [schedule, note left over]}. The note goes in parentheses when the schedule parser still
     * understands the whole (「日曜・祝日休診」); otherwise it is left over for the description, so that
     * a free-form remark does not make an otherwise regular schedule unreadable.
     */
    static String[] schedule(String days, String times, String note) {
        String base = join(" ", days(days), times);
        String n = note == null ? "" : note.strip().replaceAll("^[（(](.*)[）)]$", "$1");
        if (n.isEmpty()) {
            return new String[]{base, ""};
        }
        if (base.isEmpty()) {
            return new String[]{n, ""};
        }
        String withNote = base + "（" + n + "）";
        ScheduleParser parser = new ScheduleParser();
        if (parser.parse(withNote).isParsed() || !parser.parse(base).isParsed()) {
            return new String[]{withNote, ""};
        }
        return new String[]{base, n};
    }

    /** A stable id from name and address, for rows without an official code (16 hex digits of SHA-256). */
    static String hash(String name, String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((nfkc(name) + "\n" + nfkc(address)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
