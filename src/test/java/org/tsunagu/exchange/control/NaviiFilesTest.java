package org.tsunagu.exchange.control;

import org.junit.jupiter.api.Test;
import org.tsunagu.calendar.control.Recurrence;
import org.tsunagu.calendar.control.ScheduleParser;
import org.tsunagu.calendar.entity.Schedule;
import org.tsunagu.csv.CsvTable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The ナビイ reader on the published sample pair (練馬区 and 小平市 診療所, read unchanged from ../shared) and
 * on small 病院, 歯科 and 薬局 files built from the published column names: what each facility becomes,
 * that its schedule text parses, and on which dates the parsed rules say it is open.
 */
class NaviiFilesTest {

    private static final String NERIMA = "131202";
    private static final String KODAIRA = "132110";
    private static final String DAYS = "月火水木金土日";

    // ---- the published sample pair ------------------------------------------------------------------

    static CsvTable sample(String file) {
        Path p = Path.of(System.getProperty("tsunagu.shared", "../shared"), "data", "open-data", file);
        if (!Files.exists(p)) {
            fail("Sample missing: " + p.toAbsolutePath() + " (set -Dtsunagu.shared=<shared dir>)");
        }
        try {
            return CsvTable.parse(Files.readAllBytes(p), List.of());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static CsvTable clinics() {
        return sample("navii_02-1_clinic_facility_info_20250601.csv");
    }

    static CsvTable clinicHours() {
        return sample("navii_02-2_clinic_speciality_hours_20250601.csv");
    }

    static Map<String, CsvTable.Row> byExternalId(List<CsvTable.Row> rows) {
        Map<String, CsvTable.Row> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(r.get("external_id"), r));
        return out;
    }

    static Recurrence rules(String schedule) {
        Schedule s = new ScheduleParser(LocalDate.of(2025, 6, 1)).parse(schedule);
        assertTrue(s.isParsed(), () -> schedule + " → " + s.warning());
        return Recurrence.of(s);
    }

    static String slots(Recurrence r, LocalDate day) {
        return r.slotsOn(day).stream().map(Recurrence.Slot::toString).collect(Collectors.joining(" "));
    }

    @Test
    void the_sample_headers_are_recognised() {
        assertEquals(Optional.of(NaviiFiles.Kind.CLINIC), NaviiFiles.recognise(clinics().header()));
        assertEquals(Optional.of(NaviiFiles.Kind.HOURS), NaviiFiles.recognise(clinicHours().header()));
        assertEquals(Optional.empty(), NaviiFiles.recognise(sample("mhlw_jigyosho_130.csv").header()));
        assertEquals(Optional.empty(), NaviiFiles.recognise(sample("suisho_iryokikan_ichiran_cp932.csv").header()));
    }

    @Test
    void only_nerima_is_kept_and_kodaira_is_counted() {
        NaviiFiles.Collector c = new NaviiFiles.Collector(NERIMA::equals);
        for (CsvTable.Row r : clinics().rows()) {
            c.facility(r);
        }
        assertEquals(4, c.kept());
        assertEquals(1, c.skippedOtherMunicipality());
        assertEquals(0, c.skippedWithoutMunicipality());
        clinicHours().rows().forEach(c::hours);
        assertEquals(8, c.hoursRowsUsed(), "the two 小平市 hours rows are not used");
        List<CsvTable.Row> rows = c.result();
        assertEquals(List.of(2, 3, 4, 5), rows.stream().map(CsvTable.Row::line).toList());
        for (CsvTable.Row r : rows) {
            assertEquals(NERIMA, r.get(NaviiFiles.MUNICIPALITY_CODE));
            assertEquals("clinic", r.get("category"));
            assertEquals("", r.get("phone"), "this source has no phone column");
            assertTrue(r.cells().keySet().containsAll(TsunaguColumns.COLUMNS));
            assertTrue(new ScheduleParser().parse(r.get("schedule")).isParsed(), r.get("schedule"));
        }
    }

    @Test
    void a_clinic_with_second_and_fourth_saturdays_off() {
        NaviiFiles.Collector c = new NaviiFiles.Collector(NERIMA::equals);
        clinics().rows().forEach(c::facility);
        clinicHours().rows().forEach(c::hours);
        CsvTable.Row r = byExternalId(c.result()).get("navii:1321200000011");
        assertEquals("医療法人社団　桜台会　さくらだい内科クリニック", r.get("name"));
        assertEquals("イリョウホウジンシャダンサクラダイカイサクラダイナイカクリニック", r.get("name_kana"));
        assertEquals("東京都練馬区桜台二丁目１番８号　桜台メディカルビル１階", r.get("address"));
        assertEquals("35.743419", r.get("lat"));
        assertEquals("139.664963", r.get("lon"));
        assertEquals("https://sakuradai-naika.example.jp", r.get("url"));
        assertEquals("内科;消化器内科", r.get("departments"));
        assertEquals("月〜水・金 9:00〜12:30／15:00〜18:30、木 9:00〜12:30、第1・3・5土 9:00〜12:30（日曜・祝日休診）",
                r.get("schedule"));
        assertEquals("第2・第4土曜は休診\nその他の休診日：12月29日～1月3日、お盆休み", r.get("description"));

        Recurrence rules = rules(r.get("schedule"));
        assertEquals("09:00〜12:30 15:00〜18:30", slots(rules, LocalDate.of(2025, 6, 16)), "a Monday");
        assertEquals("09:00〜12:30", slots(rules, LocalDate.of(2025, 6, 19)), "a Thursday");
        assertTrue(rules.occursOn(LocalDate.of(2025, 6, 7)), "1st Saturday");
        assertFalse(rules.occursOn(LocalDate.of(2025, 6, 14)), "2nd Saturday");
        assertTrue(rules.occursOn(LocalDate.of(2025, 6, 21)), "3rd Saturday");
        assertFalse(rules.occursOn(LocalDate.of(2025, 6, 28)), "4th Saturday");
        assertTrue(rules.occursOn(LocalDate.of(2025, 5, 31)), "5th Saturday");
        assertFalse(rules.occursOn(LocalDate.of(2025, 6, 15)), "Sunday");
        assertFalse(rules.occursOn(LocalDate.of(2025, 7, 21)), "海の日, a Monday");
    }

    @Test
    void the_other_nerima_clinics() {
        NaviiFiles.Collector c = new NaviiFiles.Collector(NERIMA::equals);
        clinics().rows().forEach(c::facility);
        clinicHours().rows().forEach(c::hours);
        Map<String, CsvTable.Row> rows = byExternalId(c.result());

        CsvTable.Row toyotama = rows.get("navii:1321200000022");
        assertEquals("小児科", toyotama.get("departments"));
        assertEquals("月〜水・金 9:00〜12:00／14:00〜17:30、土 9:00〜12:00（木曜・日曜・祝日休診、年末年始休診）",
                toyotama.get("schedule"), "年末年始 is a closure the parser reads, so it stays in the schedule");
        assertEquals("", toyotama.get("description"));
        Recurrence rules = rules(toyotama.get("schedule"));
        assertFalse(rules.occursOn(LocalDate.of(2025, 6, 19)), "Thursday");
        assertFalse(rules.occursOn(LocalDate.of(2025, 12, 29)), "年末年始, a Monday");
        assertTrue(rules.occursOn(LocalDate.of(2025, 12, 26)));

        CsvTable.Row oizumi = rows.get("navii:1321200000033");
        assertEquals("リハビリテーション科", oizumi.get("departments"));
        assertEquals("http://www.oizumi-seikei.example.jp", oizumi.get("url"), "scheme added by OpenDataColumns.url");
        assertEquals("月〜金 9:00〜12:00／14:00〜18:00、土 9:00〜12:00（日曜・祝日休診）", oizumi.get("schedule"));

        CsvTable.Row kasuga = rows.get("navii:1321200000044");
        assertEquals("", kasuga.get("lat"), "0.0 is the source's 'no coordinates'");
        assertEquals("", kasuga.get("lon"));
        assertEquals("月・火・木〜土 9:00〜13:00（水曜・日曜・祝日休診）", kasuga.get("schedule"));
        assertFalse(rules(kasuga.get("schedule")).occursOn(LocalDate.of(2025, 6, 18)), "Wednesday");
    }

    @Test
    void holiday_bands_join_the_weekday_with_the_same_hours() {
        NaviiFiles.Collector c = new NaviiFiles.Collector(KODAIRA::equals);
        clinics().rows().forEach(c::facility);
        clinicHours().rows().forEach(c::hours);
        assertEquals(1, c.kept());
        assertEquals(4, c.skippedOtherMunicipality());
        CsvTable.Row r = c.result().get(0);
        assertEquals(6, r.line());
        assertEquals(KODAIRA, r.get(NaviiFiles.MUNICIPALITY_CODE));
        assertEquals("月〜金 9:00〜12:00／15:00〜19:00、土・祝 9:00〜12:00（日曜休診）", r.get("schedule"));
        Recurrence rules = rules(r.get("schedule"));
        assertFalse(rules.occursOn(LocalDate.of(2025, 6, 22)), "an ordinary Sunday");
        assertEquals("09:00〜12:00", slots(rules, LocalDate.of(2025, 11, 23)), "勤労感謝の日, a Sunday");
        assertTrue(rules.occursOn(LocalDate.of(2025, 7, 21)), "海の日: open (祝日に休診 = 1)");
    }

    @Test
    void hours_rows_in_any_order_and_fed_twice_give_the_same_result() {
        NaviiFiles.Collector inOrder = new NaviiFiles.Collector(code -> true);
        clinics().rows().forEach(inOrder::facility);
        clinicHours().rows().forEach(inOrder::hours);

        List<CsvTable.Row> shuffled = new ArrayList<>(clinicHours().rows());
        Collections.reverse(shuffled);
        Collections.swap(shuffled, 0, 5);
        NaviiFiles.Collector mixed = new NaviiFiles.Collector(code -> true);
        clinics().rows().forEach(mixed::facility);
        shuffled.forEach(mixed::hours);
        shuffled.forEach(mixed::hours);

        assertEquals(5, inOrder.result().size());
        assertEquals(inOrder.result(), mixed.result());
    }

    @Test
    void hours_of_facilities_not_kept_are_ignored() {
        NaviiFiles.Collector c = new NaviiFiles.Collector(code -> false);
        clinics().rows().forEach(c::facility);
        clinicHours().rows().forEach(c::hours);
        assertEquals(List.of(), c.result());
        assertEquals(0, c.hoursRowsUsed());
        assertEquals(5, c.skippedOtherMunicipality());
    }

    // ---- synthetic files from the published column names ----------------------------------------------

    static final List<String> HOURS_HEADER = hoursHeader();

    static List<String> hoursHeader() {
        List<String> h = new ArrayList<>(List.of("ID", "診療科目コード", "診療科目名", "診療時間帯"));
        for (String kind : List.of("診療", "外来受付")) {
            for (char d : (DAYS + "祝").toCharArray()) {
                h.add(d + "_" + kind + "開始時間");
                h.add(d + "_" + kind + "終了時間");
            }
        }
        return h;
    }

    /** The 57 common columns, with full-width or half-width parentheses, and the beds of the kind. */
    static List<String> facilityHeader(boolean halfWidth, String... beds) {
        String o = halfWidth ? "(" : "（";
        String c = halfWidth ? ")" : "）";
        List<String> h = new ArrayList<>(List.of("ID", "正式名称", "正式名称" + o + "フリガナ" + c, "略称",
                "略称" + o + "フリガナ" + c, "英語表記" + o + "ローマ字表記" + c, "機関区分", "都道府県コード", "市区町村コード",
                "所在地", "所在地座標" + o + "緯度" + c, "所在地座標" + o + "経度" + c, "案内用ホームページアドレス"));
        for (char d : DAYS.toCharArray()) {
            h.add("毎週決まった曜日に休診" + o + d + c);
        }
        for (int w = 1; w <= 5; w++) {
            for (char d : DAYS.toCharArray()) {
                h.add("決まった週に休診" + o + "定期週" + c + "第" + w + "週" + o + d + c);
            }
        }
        h.add("祝日に休診");
        h.add("その他の休診日" + o + "GW、お盆等" + c);
        h.addAll(List.of(beds));
        return h;
    }

    static final String[] HOSPITAL_BEDS = {"一般病床", "療養病床", "療養病床のうち医療保険適用", "療養病床のうち介護保険適用",
        "精神病床", "感染症病床", "結核病床", "合計病床数"};

    /** Cells by compared column name (NaviiFiles.key), so a row fits either spelling of the header. */
    static Map<String, String> facility(String id, String name, String kana, String kubun, String pref, String city,
                                        String address, String weekly, String holiday, String other) {
        Map<String, String> m = new HashMap<>();
        m.put("id", id);
        m.put("正式名称", name);
        m.put("正式名称(フリガナ)", kana);
        m.put("機関区分", kubun);
        m.put("都道府県コード", pref);
        m.put("市区町村コード", city);
        m.put("所在地", address);
        m.put("所在地座標(緯度)", "35.7");
        m.put("所在地座標(経度)", "139.6");
        for (int d = 0; d < 7; d++) {
            String flag = weekly.substring(d, d + 1).strip();
            m.put("毎週決まった曜日に休診(" + DAYS.charAt(d) + ")", flag);
            for (int w = 1; w <= 5; w++) {
                m.put("決まった週に休診(定期週)第" + w + "週(" + DAYS.charAt(d) + ")", flag);
            }
        }
        m.put("祝日に休診", holiday);
        m.put("その他の休診日(gw、お盆等)", other);
        return m;
    }

    static Map<String, String> closedInWeeks(Map<String, String> m, char day, int... weeks) {
        for (int w : weeks) {
            m.put("決まった週に休診(定期週)第" + w + "週(" + day + ")", "0");
        }
        return m;
    }

    /** An hours row: bands as 「月火水=09:00-12:00」 entries. */
    static Map<String, String> hours(String id, String code, String name, String band, String... bands) {
        Map<String, String> m = new HashMap<>();
        m.put("id", id);
        m.put("診療科目コード", code);
        m.put("診療科目名", name);
        m.put("診療時間帯", band);
        for (String b : bands) {
            String[] dt = b.split("=");
            String[] t = dt[1].split("-");
            for (char d : dt[0].toCharArray()) {
                m.put(d + "_診療開始時間", t[0]);
                m.put(d + "_診療終了時間", t[1]);
            }
        }
        return m;
    }

    /** UTF-8 with BOM, CRLF, every cell quoted — as MHLW publishes. */
    static CsvTable csv(List<String> header, List<Map<String, String>> rows) {
        Function<String, String> q = s -> "\"" + s.replace("\"", "\"\"") + "\"";
        StringBuilder b = new StringBuilder("\uFEFF");
        b.append(header.stream().map(q).collect(Collectors.joining(","))).append("\r\n");
        for (Map<String, String> r : rows) {
            b.append(header.stream().map(h -> q.apply(r.getOrDefault(NaviiFiles.key(h), "")))
                    .collect(Collectors.joining(","))).append("\r\n");
        }
        return CsvTable.parse(b.toString().getBytes(StandardCharsets.UTF_8), List.of());
    }

    static List<CsvTable.Row> collect(NaviiFiles.Collector c, CsvTable facilities, CsvTable hours) {
        facilities.rows().forEach(c::facility);
        if (hours != null) {
            hours.rows().forEach(c::hours);
        }
        return c.result();
    }

    @Test
    void a_hospital_with_overnight_bands_a_round_the_clock_er_and_placeholders() {
        List<String> header = facilityHeader(true, HOSPITAL_BEDS);
        assertEquals(65, header.size());
        CsvTable facilities = csv(header, List.of(
                facility("1311200000101", "練馬中央病院", "ネリマチュウオウビョウイン", "1", "13", "120",
                        "東京都練馬区豊玉北五丁目１番１号", "1111110", "0", "創立記念日（10月1日）")));
        CsvTable hours = csv(HOURS_HEADER, List.of(
                hours("1311200000101", "09010", "救急科", "1", "月火水木金土日祝=00:00-23:59"),
                hours("1311200000101", "01001", "内科", "1", "月火水木金土=08:30-12:00"),
                hours("1311200000101", "06001", "皮膚科", "1", "月火水木金=00:00-00:00"),
                hours("1311200000101", "03001", "小児科", "1", "金=19:00-07:00"),
                hours("1311200000101", "01001", "内科", "2", "月火水木金=13:00-17:00")));
        assertEquals(Optional.of(NaviiFiles.Kind.HOSPITAL), NaviiFiles.recognise(facilities.header()));

        CsvTable.Row r = collect(new NaviiFiles.Collector(NERIMA::equals), facilities, hours).get(0);
        assertEquals("hospital", r.get("category"));
        assertEquals("内科;小児科;皮膚科;救急科", r.get("departments"), "in code order; a department without hours is kept");
        assertEquals("月〜木 8:30〜12:00／13:00〜17:00、金 8:30〜12:00／13:00〜17:00／19:00〜24:00、"
                + "土 0:00〜7:00／8:30〜12:00（日曜・祝日休診、救急は24時間）", r.get("schedule"));
        assertEquals("その他の休診日：創立記念日（10月1日）", r.get("description"));
        assertEquals("35.7", r.get("lat"), "half-width parentheses read too");

        Recurrence rules = rules(r.get("schedule"));
        assertEquals("08:30〜12:00 13:00〜17:00 19:00〜24:00", slots(rules, LocalDate.of(2025, 6, 20)), "Friday");
        assertEquals("00:00〜07:00 08:30〜12:00", slots(rules, LocalDate.of(2025, 6, 21)), "Saturday after the night");
        assertFalse(rules.occursOn(LocalDate.of(2025, 6, 22)), "Sunday: outpatients closed");
    }

    @Test
    void an_er_that_is_not_round_the_clock_goes_in_the_description() {
        CsvTable facilities = csv(facilityHeader(false, HOSPITAL_BEDS), List.of(
                facility("1311200000202", "石神井病院", "", "1", "13", "120", "東京都練馬区石神井町一丁目１番１号",
                        "1111110", "0", "")));
        CsvTable hours = csv(HOURS_HEADER, List.of(
                hours("1311200000202", "01001", "内科", "1", "月火水木金=09:00-12:00"),
                hours("1311200000202", "09010", "救急科", "1", "月火水木金=17:00-09:00")));
        CsvTable.Row r = collect(new NaviiFiles.Collector(NERIMA::equals), facilities, hours).get(0);
        assertEquals("月〜金 9:00〜12:00（日曜・祝日休診）", r.get("schedule"), "救急 does not widen outpatient hours");
        assertEquals("救急：月 17:00〜24:00、火〜金 0:00〜9:00／17:00〜24:00、土 0:00〜9:00", r.get("description"));
        assertEquals("", r.get("name_kana"), "no reading given: left for the import to derive");
    }

    @Test
    void a_facility_of_only_er_rows_gets_them_as_its_schedule() {
        CsvTable facilities = csv(facilityHeader(false, HOSPITAL_BEDS), List.of(
                facility("1311200000303", "夜間救急センター", "", "1", "13", "120", "東京都練馬区光が丘二丁目１番１号",
                        "1111111", "1", "")));
        CsvTable hours = csv(HOURS_HEADER, List.of(
                hours("1311200000303", "09010", "救急科", "1", "月火水木金土日=00:00-23:59")));
        CsvTable.Row r = collect(new NaviiFiles.Collector(NERIMA::equals), facilities, hours).get(0);
        assertEquals("月〜日 0:00〜24:00", r.get("schedule"));
        assertEquals(List.of(new Recurrence.Slot(LocalTime.MIDNIGHT, LocalTime.MAX)),
                rules(r.get("schedule")).slotsOn(LocalDate.of(2025, 6, 22)));
    }

    @Test
    void malformed_rows_still_map_and_rows_without_codes_are_counted() {
        Map<String, String> noName = facility("1311200000404", "", "", "1", "13", "120", "", "1111110", "", "");
        Map<String, String> noCodes = facility("1311200000505", "どこか病院", "", "1", "", "", "不明", "1111110", "", "");
        Map<String, String> hokkaido = facility("0111010000010", "札幌中央病院", "さっぽろちゅうおうびょういん", "1", "1", "101",
                "北海道札幌市中央区北一条西一丁目", "1111110", "0", "");
        CsvTable facilities = csv(facilityHeader(false, HOSPITAL_BEDS), List.of(noName, noCodes, hokkaido));
        NaviiFiles.Collector c = new NaviiFiles.Collector(Set.of(NERIMA, "011011")::contains);
        List<CsvTable.Row> rows = collect(c, facilities, null);
        assertEquals(2, rows.size());
        assertEquals(1, c.skippedWithoutMunicipality());
        CsvTable.Row malformed = rows.get(0);
        assertEquals("navii:1311200000404", malformed.get("external_id"));
        assertEquals("", malformed.get("name"));
        assertEquals("", malformed.get("address"));
        assertEquals("hospital", malformed.get("category"));
        assertEquals("", malformed.get("schedule"));
        assertEquals("休診日：日曜", malformed.get("description"), "no hours: the days off are still said");

        CsvTable.Row sapporo = rows.get(1);
        assertEquals("navii:0111010000010", sapporo.get("external_id"), "leading zero kept");
        assertEquals("011011", sapporo.get(NaviiFiles.MUNICIPALITY_CODE), "prefecture code 1 padded to 01");
        assertEquals("サッポロチュウオウビョウイン", sapporo.get("name_kana"), "hiragana reading turned into katakana");
        assertEquals("0111010000010", NaviiFiles.id("111010000010"), "an ID that lost its zero to Excel gets it back");
    }

    @Test
    void a_dental_clinic_closed_on_the_first_and_third_wednesday_with_hours_out_of_order() {
        List<String> header = facilityHeader(false);
        assertEquals(57, header.size());
        Map<String, String> sakura = closedInWeeks(facility("1331200000201", "さくら歯科医院", "さくらしかいいん", "3", "13",
                "120", "東京都練馬区桜台一丁目２番３号", "1110110", "", "8月13日～8月16日"), '水', 1, 3);
        Map<String, String> elsewhere = facility("1331100000299", "花小金井歯科", "", "3", "13", "211",
                "東京都小平市花小金井一丁目１番１号", "1111110", "0", "");
        CsvTable facilities = csv(header, List.of(elsewhere, sakura));
        CsvTable hours = csv(HOURS_HEADER, List.of(
                hours("1331200000201", "40003", "歯科口腔外科", "1", "土=09:30-13:00"),
                hours("1331100000299", "40001", "歯科", "1", "月火水木金=09:00-18:00"),
                hours("1331200000201", "40001", "歯科", "2", "月火水金=14:30-19:00", "土=14:30-17:00"),
                hours("1331200000201", "40002", "小児歯科", "1", "水=09:30-13:00"),
                hours("1331100000299", "40002", "小児歯科", "1", "土=09:00-12:00"),
                hours("1331200000201", "40001", "歯科", "1", "月火水金土=09:30-13:00")));
        assertEquals(Optional.of(NaviiFiles.Kind.DENTAL), NaviiFiles.recognise(facilities.header()));

        NaviiFiles.Collector c = new NaviiFiles.Collector(NERIMA::equals);
        List<CsvTable.Row> rows = collect(c, facilities, hours);
        assertEquals(1, rows.size());
        assertEquals(1, c.skippedOtherMunicipality());
        assertEquals(4, c.hoursRowsUsed());
        CsvTable.Row r = rows.get(0);
        assertEquals(3, r.line());
        assertEquals("dental", r.get("category"));
        assertEquals("サクラシカイイン", r.get("name_kana"));
        assertEquals("歯科;小児歯科;歯科口腔外科", r.get("departments"));
        assertEquals("月・火・金 9:30〜13:00／14:30〜19:00、第2・4・5水 9:30〜13:00／14:30〜19:00、"
                + "土 9:30〜13:00／14:30〜17:00（木曜・日曜休診）", r.get("schedule"),
                "祝日に休診 empty: nothing said about 祝日");
        assertEquals("第1・第3水曜は休診\nその他の休診日：8月13日～8月16日", r.get("description"));

        Recurrence rules = rules(r.get("schedule"));
        assertFalse(rules.occursOn(LocalDate.of(2025, 6, 4)), "1st Wednesday");
        assertTrue(rules.occursOn(LocalDate.of(2025, 6, 11)), "2nd Wednesday");
        assertFalse(rules.occursOn(LocalDate.of(2025, 6, 18)), "3rd Wednesday");
        assertTrue(rules.occursOn(LocalDate.of(2025, 6, 25)), "4th Wednesday");
        assertTrue(rules.occursOn(LocalDate.of(2025, 7, 30)), "5th Wednesday");
        assertFalse(rules.occursOn(LocalDate.of(2025, 6, 19)), "Thursday");
    }

    // ---- 薬局: hours inline, other names ---------------------------------------------------------------

    /** The 薬局 file as the definition describes it: 営業日, 定期閉店 (full-width week digits), 開店時間帯1–4. */
    static List<String> pharmacyHeader() {
        List<String> h = new ArrayList<>(List.of("ID", "名称", "フリガナ", "英語表記（ローマ字表記）", "機関区分", "都道府県コード",
                "市区町村コード", "所在地", "所在地座標（緯度）", "所在地座標（経度）", "薬局のホームページアドレス"));
        for (char d : (DAYS + "祝").toCharArray()) {
            h.add("営業日（" + d + "）");
        }
        for (char d : (DAYS + "祝").toCharArray()) {
            h.add("定期閉店毎週（" + d + "）");
        }
        for (char w : "１２３４５".toCharArray()) {
            for (char d : DAYS.toCharArray()) {
                h.add("定期閉店第" + w + "週（" + d + "）");
            }
        }
        h.add("祝日");
        h.add("その他の閉店日（GW、お盆等）");
        for (int s = 1; s <= 4; s++) {
            for (char d : (DAYS + "祝").toCharArray()) {
                h.add(d + "_開店時間帯" + s + "_開始時間");
                h.add(d + "_開店時間帯" + s + "_終了時間");
            }
        }
        return h;
    }

    static Map<String, String> pharmacy(String id, String name, String open, String holiday) {
        Map<String, String> m = new HashMap<>();
        m.put("id", id);
        m.put("名称", name);
        m.put("フリガナ", "ミドリヤッキョク");
        m.put("機関区分", "5");
        m.put("都道府県コード", "13");
        m.put("市区町村コード", "120");
        m.put("所在地", "東京都練馬区練馬一丁目１番１号");
        m.put("所在地座標(緯度)", "0");
        m.put("所在地座標(経度)", "0");
        m.put("薬局のホームページアドレス", "https://midori.example.jp");
        for (int d = 0; d < 7; d++) {
            m.put("営業日(" + DAYS.charAt(d) + ")", open.substring(d, d + 1));
            m.put("定期閉店毎週(" + DAYS.charAt(d) + ")", open.substring(d, d + 1));
            for (int w = 1; w <= 5; w++) {
                m.put("定期閉店第" + w + "週(" + DAYS.charAt(d) + ")", open.substring(d, d + 1));
            }
        }
        m.put("営業日(祝)", holiday);
        m.put("祝日", holiday);
        return m;
    }

    static void open(Map<String, String> m, int slot, String days, String from, String to) {
        for (char d : days.toCharArray()) {
            m.put(d + "_開店時間帯" + slot + "_開始時間", from);
            m.put(d + "_開店時間帯" + slot + "_終了時間", to);
        }
    }

    @Test
    void a_pharmacy_reads_its_inline_hours_and_its_own_flag_names() {
        List<String> header = pharmacyHeader();
        assertEquals(128, header.size());
        Map<String, String> midori = pharmacy("1351200000301", "みどり薬局", "1111110", "1");
        midori.put("定期閉店第2週(土)", "0");
        midori.put("その他の閉店日(gw、お盆等)", "8月13日～8月16日");
        open(midori, 1, "月火水木金土", "09:00", "13:00");
        open(midori, 2, "月火水木金", "14:00", "19:00");
        open(midori, 3, "月", "12:00", "12:00");
        open(midori, 1, "祝", "09:00", "13:00");
        Map<String, String> aoba = pharmacy("1351200000302", "あおば薬局", "1111111", "0");
        open(aoba, 1, "月火水木金", "09:00", "18:00");
        open(aoba, 1, "土日", "09:00", "13:00");
        open(aoba, 1, "祝", "09:00", "13:00");
        CsvTable file = csv(header, List.of(midori, aoba));
        assertEquals(Optional.of(NaviiFiles.Kind.PHARMACY), NaviiFiles.recognise(file.header()));
        assertFalse(NaviiFiles.Kind.PHARMACY.needsHoursFile());

        List<CsvTable.Row> rows = collect(new NaviiFiles.Collector(NERIMA::equals), file, null);
        CsvTable.Row r = rows.get(0);
        assertEquals("navii:1351200000301", r.get("external_id"));
        assertEquals("pharmacy", r.get("category"));
        assertEquals("みどり薬局", r.get("name"));
        assertEquals("ミドリヤッキョク", r.get("name_kana"));
        assertEquals("https://midori.example.jp", r.get("url"));
        assertEquals("", r.get("lat"), "0 is no point");
        assertEquals("", r.get("departments"));
        assertEquals("月〜金 9:00〜13:00／14:00〜19:00、第1・3・4・5土 9:00〜13:00（日曜休業）", r.get("schedule"));
        assertEquals("祝日の営業時間：9:00〜13:00\n第2土曜は休業\nその他の休業日：8月13日～8月16日", r.get("description"),
                "a 祝 band without an every-week day of the same hours cannot be written in the schedule");
        Recurrence rules = rules(r.get("schedule"));
        assertFalse(rules.occursOn(LocalDate.of(2025, 6, 14)), "2nd Saturday");
        assertTrue(rules.occursOn(LocalDate.of(2025, 6, 21)), "3rd Saturday");

        CsvTable.Row aobaRow = rows.get(1);
        assertEquals("月〜金 9:00〜18:00、土・日 9:00〜13:00（祝日休業）", aobaRow.get("schedule"),
                "祝日 flagged closed: its bands are dropped");
        assertFalse(rules(aobaRow.get("schedule")).occursOn(LocalDate.of(2025, 7, 21)));
    }

    // ---- what is not read -------------------------------------------------------------------------------

    @Test
    void maternity_homes_are_recognised_and_refused() {
        List<String> header = new ArrayList<>(List.of("ID", "正式名称", "正式名称（フリガナ）", "機関区分", "都道府県コード",
                "市区町村コード", "所在地", "毎週決まった曜日に休業（月）", "祝日に休業", "月_就業時間帯1_開始時間", "月_就業時間帯1_終了時間"));
        assertEquals(Optional.of(NaviiFiles.Kind.MATERNITY), NaviiFiles.recognise(header));
        assertNotNull(NaviiFiles.Kind.MATERNITY.unsupported());
        assertNull(NaviiFiles.Kind.CLINIC.unsupported());
        Map<String, String> row = new HashMap<>(Map.of("id", "1341200000001", "正式名称", "ねりま助産院", "都道府県コード", "13",
                "市区町村コード", "120"));
        CsvTable file = csv(header, List.of(row));
        NaviiFiles.Collector c = new NaviiFiles.Collector(NERIMA::equals);
        assertThrows(IllegalArgumentException.class, () -> c.facility(file.rows().get(0)));
    }

    @Test
    void hours_rows_are_not_facilities_and_facility_rows_are_not_hours() {
        NaviiFiles.Collector c = new NaviiFiles.Collector(code -> true);
        assertThrows(IllegalArgumentException.class, () -> c.facility(clinicHours().rows().get(0)));
        assertThrows(IllegalArgumentException.class, () -> c.hours(clinics().rows().get(0)));
    }

    @Test
    void municipality_codes_from_the_two_columns() {
        assertEquals(Optional.of(NERIMA), NaviiFiles.municipalityCode("13", "120"));
        assertEquals(Optional.of(NERIMA), NaviiFiles.municipalityCode("１３", "１２０"));
        assertEquals(Optional.of("011011"), NaviiFiles.municipalityCode("1", "101"));
        assertEquals(Optional.of(NERIMA), NaviiFiles.municipalityCode("13", "13120"), "a 5-digit code in the city column");
        assertEquals(Optional.empty(), NaviiFiles.municipalityCode("", "120"));
        assertEquals(Optional.empty(), NaviiFiles.municipalityCode("東京都", "練馬区"));
    }
}
