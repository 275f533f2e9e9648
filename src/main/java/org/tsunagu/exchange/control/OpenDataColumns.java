package org.tsunagu.exchange.control;

import org.tsunagu.calendar.control.ScheduleParser;
import org.tsunagu.csv.CsvTable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
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
 * What the open-data formats (推奨データセット, MHLW) have in common: the address split into 都道府県名,
 * 市区町村名, 住所 and 方書; 緯度/経度; days in one column and times in others, which are put together
 * into the schedule text centers write (「月・火・水・金 9:00〜17:00」) so the one schedule parser
 * reads them; and ids that are not always there.
 *
 * <p>External ids carry the format as a prefix ({@code jp-medical:1310001234}): the external id column
 * is one namespace for every source, and a 医療機関コード must not meet a center's own id or a
 * 事業所番号 of the same digits. Stored ids are otherwise opaque text, as Tsunagu-format ids are.
 */
abstract class OpenDataColumns implements ColumnMapping {

    private static final String DAY_CHARS = "月火水木金土日";
    private static final Pattern DAY_RANGE = Pattern.compile("[月火水木金土日]〜[月火水木金土日]");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?::|時)?(\\d{2})?分?");
    private static final Pattern HHMM = Pattern.compile("(\\d{1,2})(\\d{2})");

    /** Tsunagu field → the column of this format it came from. */
    private final Map<String, String> sources = new HashMap<>();

    /** Records where a field comes from (for {@link #column}); returns the column name. */
    protected final String source(String field, String column) {
        sources.put(field, column);
        return column;
    }

    @Override
    public String column(String field) {
        return sources.getOrDefault(field, field);
    }

    /** A fresh field map with every Tsunagu column present (so nothing reads as null). */
    static Map<String, String> emptyFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        TsunaguColumns.COLUMNS.forEach(c -> fields.put(c, ""));
        return fields;
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
     * The full address: 住所 and 方書, with 都道府県名 + 市区町村名 in front when 住所 does not name the
     * municipality itself (many lists write only 「光が丘2-5-1」).
     */
    static String address(CsvTable.Row row, String addressColumn, String buildingColumn, String prefColumn,
                          String cityColumn) {
        String address = row.get(addressColumn);
        String city = row.get(cityColumn);
        if (!address.isEmpty() && !city.isEmpty() && !address.contains(city)) {
            address = row.get(prefColumn) + city + address;
        }
        return join(" ", address, row.get(buildingColumn));
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
