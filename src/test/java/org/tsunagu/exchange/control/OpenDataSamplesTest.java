package org.tsunagu.exchange.control;

import org.junit.jupiter.api.Test;
import org.tsunagu.calendar.control.ScheduleParser;
import org.tsunagu.csv.CsvTable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The open-data samples of ../shared/data/open-data (real headers, encodings and quoting of each family),
 * read unchanged, map onto the Tsunagu fields; and a 自治体標準オープンデータセット 医療機関一覧 in the
 * current layout (test resource, built from デジタル庁's column list) does too.
 */
class OpenDataSamplesTest {

    static byte[] sample(String file) throws IOException {
        Path p = Path.of(System.getProperty("tsunagu.shared", "../shared"), "data", "open-data", file);
        if (!Files.exists(p)) {
            fail("Open-data sample missing: " + p.toAbsolutePath() + " (set -Dtsunagu.shared=<shared dir>)");
        }
        return Files.readAllBytes(p);
    }

    static List<Map<String, String>> rows(ResourceFormat format, byte[] file) {
        CsvTable table = CsvTable.parse(file, format.requiredColumns());
        assertEquals(List.of(), format.missingColumns(table.header()), "every required column found");
        return table.rows().stream().map(format::fields).toList();
    }

    static boolean parses(String schedule) {
        return new ScheduleParser().parse(schedule).isParsed();
    }

    @Test
    void jichitai_standard_care_list() throws IOException {
        List<Map<String, String>> rows = rows(ResourceFormat.JP_CARE, sample("jichitai_std_kaigo_jigyosho_ichiran.csv"));
        assertEquals(3, rows.size());
        Map<String, String> nursing = rows.get(0);
        assertEquals("ねりま桜台訪問看護ステーション", nursing.get("name"));
        assertEquals("ネリマサクラダイホウモンカンゴステーション", nursing.get("name_kana"));
        assertEquals("home_nursing", nursing.get("category"));
        assertEquals("true", nursing.get("home_visit"));
        assertEquals("東京都練馬区桜台二丁目1-5 サクラ台ビル2階", nursing.get("address"),
                "所在地_連結表記 already names prefecture and city; 建物名等(方書) after it");
        assertEquals("131202", nursing.get(ResourceFormat.MUNICIPALITY_CODE));
        assertEquals("jp-care:1361290001:訪問看護", nursing.get("external_id"));
        assertEquals("月・火・水・木・金・土 9:00〜18:00（年末年始休み）", nursing.get("schedule"), "開始時間/終了時間 read");
        assertTrue(parses(nursing.get("schedule")), nursing.get("schedule"));
        assertEquals("株式会社桜台ケア", nursing.get("organizer"));
        assertEquals("https://sakuradai-care.example.jp", nursing.get("url"));
        Map<String, String> day = rows.get(1);
        assertEquals("care_service", day.get("category"));
        assertEquals("サービス：通所介護\n定員：30人", day.get("description"));
        assertEquals("月・火・水・木・金・土 8:30〜17:30", day.get("schedule"));
        assertEquals("月・火・水・木・金 9:00〜17:00（祝日休み）", rows.get(2).get("schedule"));
        rows.forEach(r -> assertTrue(parses(r.get("schedule")), r::toString));
    }

    @Test
    void mhlw_home_nursing_file() throws IOException {
        List<Map<String, String>> rows = rows(ResourceFormat.MHLW_CARE, sample("mhlw_jigyosho_130.csv"));
        assertEquals(8, rows.size());
        Map<String, String> first = rows.get(0);
        assertEquals("mhlw-care:1361290001:訪問看護", first.get("external_id"));
        assertEquals("home_nursing", first.get("category"));
        assertEquals("練馬区桜台二丁目1-5 サクラ台ビル2階", first.get("address"), "住所 names the city: kept as written");
        assertEquals("131202", first.get(ResourceFormat.MUNICIPALITY_CODE));
        assertEquals("平日・土", first.get("schedule"));
        assertEquals("サービス：訪問看護\n利用可能曜日：年末年始（12月30日～1月3日）は休業", first.get("description"),
                "定員 0 means none; a note the parser cannot read goes to the description");
        assertFalse(first.get("description").contains("定員"));
        assertEquals("平日・土・日・祝日", rows.get(1).get("schedule"));
        assertEquals("http://www.toyotama-kango.example.jp", rows.get(1).get("url"));
        assertEquals("月・水・金", rows.get(4).get("schedule"));
        assertEquals("平日（祝日は休業）", rows.get(6).get("schedule"));
        assertEquals("132110", rows.get(6).get(ResourceFormat.MUNICIPALITY_CODE));
        rows.forEach(r -> assertTrue(parses(r.get("schedule")), r::toString));
        Map<String, String> sapporo = rows.get(7);
        assertEquals("011011", sapporo.get(ResourceFormat.MUNICIPALITY_CODE), "the other prefecture's row says so");
        assertEquals("mhlw-care:0161090008:訪問看護", sapporo.get("external_id"));
    }

    @Test
    void mhlw_day_service_file_and_one_office_in_two_files() throws IOException {
        List<Map<String, String>> rows = rows(ResourceFormat.MHLW_CARE, sample("mhlw_jigyosho_150.csv"));
        assertEquals(6, rows.size());
        Map<String, String> day = rows.get(0);
        assertEquals("mhlw-care:1371290101:通所介護", day.get("external_id"));
        assertEquals("care_service", day.get("category"));
        assertEquals("false", day.get("home_visit"));
        assertTrue(day.get("description").startsWith("サービス：通所介護\n定員：30人"), day::toString);
        assertEquals("平日・土・祝日", rows.get(5).get("schedule"));
        rows.forEach(r -> assertTrue(parses(r.get("schedule")), r::toString));
        Set<String> ids = rows.stream().map(r -> r.get("external_id")).collect(Collectors.toSet());
        rows(ResourceFormat.MHLW_CARE, sample("mhlw_jigyosho_130.csv"))
                .forEach(r -> assertFalse(ids.contains(r.get("external_id")), r::toString));
    }

    @Test
    void old_recommended_medical_list_in_cp932() throws IOException {
        byte[] file = sample("suisho_iryokikan_ichiran_cp932.csv");
        assertEquals(CsvTable.CP932, CsvTable.parse(file, List.of()).charset());
        List<Map<String, String>> rows = rows(ResourceFormat.JP_MEDICAL, file);
        assertEquals(6, rows.size());
        Map<String, String> clinic = rows.get(0);
        assertEquals("jp-medical:1312000011", clinic.get("external_id"));
        assertEquals("clinic", clinic.get("category"));
        assertEquals("東京都練馬区桜台二丁目1-8 桜台メディカルビル1階", clinic.get("address"));
        assertEquals("131202", clinic.get(ResourceFormat.MUNICIPALITY_CODE));
        assertEquals("内科;消化器内科", clinic.get("departments"));
        assertEquals("月・火・水・木・金・土 9:00〜12:30／15:00〜18:30", clinic.get("schedule"));
        assertTrue(clinic.get("description").contains("木曜・土曜は午前のみ"), "an irregular note is kept as text");
        assertEquals("月・火・水・金・土 9:00〜17:30（木曜・日曜・祝日休診）", rows.get(1).get("schedule"));
        assertEquals("月〜土 9:00〜18:00", rows.get(2).get("schedule"));
        assertEquals("hospital", rows.get(3).get("category"));
        assertEquals("dental", rows.get(4).get("category"));
        assertEquals("pharmacy", rows.get(5).get("category"));
        rows.forEach(r -> assertTrue(parses(r.get("schedule")), r::toString));
    }

    @Test
    void old_recommended_care_list_keeps_one_office_s_services_apart() throws IOException {
        List<Map<String, String>> rows = rows(ResourceFormat.JP_CARE, sample("suisho_kaigo_jigyosho_ichiran_cp932.csv"));
        assertEquals(5, rows.size());
        assertEquals("jp-care:1361290001:訪問看護", rows.get(0).get("external_id"));
        assertEquals("jp-care:1361290001:居宅介護支援;訪問介護", rows.get(2).get("external_id"), "same 事業所番号, other service");
        assertEquals(rows.size(), rows.stream().map(r -> r.get("external_id")).distinct().count());
        assertEquals("東京都練馬区桜台二丁目1-5 サクラ台ビル2階", rows.get(0).get("address"));
        assertEquals("月〜土（年末年始休み）", rows.get(0).get("schedule"));
        assertEquals("毎日", rows.get(3).get("schedule"));
        assertEquals("true", rows.get(4).get("home_visit"), "定期巡回 visits the home");
        rows.forEach(r -> assertEquals("131202", r.get(ResourceFormat.MUNICIPALITY_CODE)));
        rows.forEach(r -> assertTrue(parses(r.get("schedule")), r::toString));
    }

    @Test
    void jichitai_standard_medical_list_in_the_current_layout() throws IOException {
        byte[] file;
        try (InputStream in = OpenDataSamplesTest.class.getResourceAsStream("/open-data/jichitai_std_iryokikan_ichiran.csv")) {
            file = in.readAllBytes();
        }
        List<Map<String, String>> rows = rows(ResourceFormat.JP_MEDICAL, file);
        assertEquals(4, rows.size());
        Map<String, String> clinic = rows.get(0);
        assertEquals("jp-medical:1312000101", clinic.get("external_id"), "医療機関コード before the list's ID");
        assertEquals("練馬駅前内科クリニック", clinic.get("name"));
        assertEquals("東京都練馬区練馬一丁目1-1 練馬駅前ビル3階", clinic.get("address"));
        assertEquals("131202", clinic.get(ResourceFormat.MUNICIPALITY_CODE));
        assertEquals("月・火・水・金 9:00〜12:00／14:00〜18:00（祝日休診）", clinic.get("schedule"));
        assertEquals("医療法人社団練馬会", clinic.get("organizer"));
        Map<String, String> parts = rows.get(1);
        assertEquals("東京都練馬区石神井町三丁目2-2", parts.get("address"), "no 連結表記: composed from its parts");
        assertEquals("jp-medical:131202-M0002", parts.get("external_id"), "no 医療機関コード: the list's ID");
        assertEquals("内科;小児科;皮膚科", parts.get("departments"));
        Map<String, String> hospital = rows.get(2);
        assertEquals("hospital", hospital.get("category"));
        assertEquals("131202", hospital.get(ResourceFormat.MUNICIPALITY_CODE), "5-digit 13120 gets its check digit");
        assertEquals("月〜金 8:30〜17:00", hospital.get("schedule"));
        assertEquals("時間外の対応：救急外来24時間\n地域医療支援病院", hospital.get("description"));
        Map<String, String> dentist = rows.get(3);
        assertEquals("dental", dentist.get("category"));
        assertEquals("歯科;小児歯科;矯正歯科", dentist.get("departments"));
        assertEquals("132110", dentist.get(ResourceFormat.MUNICIPALITY_CODE), "所在地_全国地方公共団体コード wins");
        rows.forEach(r -> assertTrue(parses(r.get("schedule")), r::toString));
    }
}
