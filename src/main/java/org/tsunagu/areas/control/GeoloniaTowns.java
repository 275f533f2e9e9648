package org.tsunagu.areas.control;

import org.tsunagu.areas.entity.GeoPoint;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.japanese.KanaReading;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Geolonia's japanese-addresses {@code latest.csv} (every 町丁目 of Japan, 100+ MB) as it streams
 * in and keeps the rows of one municipality: its 5-digit 市区町村コード gets its check digit
 * ({@link Municipality#normalizeCode}), 大字町丁目名 is the town, 小字・通称名 the 小字, 緯度/経度 the
 * point. The reading is written with the 丁目 as a digit (「センダガヤ 1」); it becomes a katakana
 * reading as the アドレス・ベース・レジストリ writes it (センダガヤイッチョウメ), so both sources sort alike.
 */
public final class GeoloniaTowns {

    static final String CODE = "市区町村コード";
    static final String TOWN = "大字町丁目名";
    static final String KANA = "大字町丁目名カナ";
    static final String KOAZA = "小字・通称名";
    static final String LAT = "緯度";
    static final String LON = "経度";
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final String[] ONES = {"", "イチ", "ニ", "サン", "ヨン", "ゴ", "ロク", "ナナ", "ハチ", "キュウ"};

    private GeoloniaTowns() {
    }

    /**
     * The towns of the municipality (6-digit code) in the file; a 400 problem listing line and column
     * when the file cannot be read or a row of that municipality is wrong (other rows are not checked).
     */
    public static RegistryTowns read(InputStream in, String municipality) {
        RegistryCsv csv = new RegistryCsv("Geolonia の latest.csv");
        List<RegistryTowns.Entry> towns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int[] counts = new int[2];
        String[] lastCode = {null, null};
        csv.each(in, List.of(CODE, TOWN, LAT, LON), row -> {
            counts[0]++;
            String raw = row.get(CODE);
            if (!raw.equals(lastCode[0])) {
                lastCode[0] = raw;
                lastCode[1] = Municipality.normalizeCode(raw).orElse(null);
            }
            if (!municipality.equals(lastCode[1])) {
                counts[1]++;
                return;
            }
            String name = csv.text(row, TOWN, 100);
            String koaza = csv.text(row, KOAZA, 100);
            String kana = reading(name, csv.text(row, KANA, 200));
            if (name.isEmpty()) {
                csv.error(row.line(), TOWN, TOWN + " は必須です");
            }
            Double lat = csv.coordinate(row, LAT, -90, 90);
            Double lon = csv.coordinate(row, LON, -180, 180);
            GeoPoint point = lat != null && lon != null ? new GeoPoint(lat, lon) : null;
            RegistryTowns.Entry e = new RegistryTowns.Entry(row.line(), name, koaza, kana, point);
            if (!name.isEmpty() && seen.add(e.key())) {
                towns.add(e);
            }
        });
        csv.verify();
        return new RegistryTowns(municipality, List.copyOf(towns), counts[0], counts[1]);
    }

    /**
     * A katakana reading from Geolonia's: 「アサヒガオカ 1」 of 旭丘一丁目 → アサヒガオカイッチョウメ; other
     * numbers read plainly; null when there is none.
     */
    static String reading(String name, String kana) {
        if (kana == null || kana.isBlank()) {
            return null;
        }
        String s = java.text.Normalizer.normalize(kana, java.text.Normalizer.Form.NFKC).strip();
        Matcher chome = Pattern.compile("^(.*?)\\s*(\\d+)$").matcher(s);
        if (name.endsWith("丁目") && chome.matches()) {
            s = chome.group(1) + number(Integer.parseInt(chome.group(2)), true) + "チョウメ";
        }
        Matcher m = DIGITS.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, number(Integer.parseInt(m.group()), false));
        }
        m.appendTail(out);
        return KanaReading.clean(out.toString());
    }

    /** 1–99 in katakana; before 丁目 the sounds change as spoken (イッ, ハッ, ジュッ). Larger numbers stay digits. */
    static String number(int n, boolean beforeChome) {
        if (n <= 0 || n > 99) {
            return Integer.toString(n);
        }
        int tens = n / 10;
        int ones = n % 10;
        StringBuilder b = new StringBuilder();
        if (tens > 0) {
            b.append(tens > 1 ? ONES[tens] : "").append(ones == 0 && beforeChome ? "ジュッ" : "ジュウ");
        }
        if (ones > 0) {
            b.append(beforeChome && ones == 1 ? "イッ" : beforeChome && ones == 8 ? "ハッ" : ONES[ones]);
        }
        return b.toString();
    }
}
