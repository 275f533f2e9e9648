package org.tsunagu.exchange.control;

import org.tsunagu.calendar.control.ScheduleParser;
import org.junit.jupiter.api.Test;
import org.tsunagu.csv.CsvTable;
import org.tsunagu.problems.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** jp-medical rows (推奨データセット 医療機関一覧 columns) become Tsunagu fields, whatever the encoding. */
class MedicalColumnsTest {

    static final String HEADER = "都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,名称,名称_カナ,医療機関の種類,住所,方書,"
            + "緯度,経度,電話番号,内線番号,FAX番号,法人番号,法人の名称,医療機関コード,診療曜日,診療開始時間,診療終了時間,"
            + "診療日時特記事項,時間外における対応,診療科目,病床数,URL,備考\n";
    static final String CSV = HEADER
            + "990001,1,みらい県,ひだまり市,ひだまり内科クリニック,ヒダマリナイカクリニック,無床診療所,緑が丘一丁目2-2,緑が丘ビル2階,"
            + "35.7748,139.4133,099-111-2222,,,,医療法人ひだまり会,1310001234,\"月,火,水,金\",09:00,17:00,"
            + "日曜・祝日休診,急患は電話で相談,内科;循環器内科,0,www.hidamari-naika.example,駐車場3台\n"
            + "990001,2,みらい県,ひだまり市,ひだまり市民病院,ヒダマリシミンビョウイン,病院,ひだまり市本町2-1-1,,,,099-111-3333,,,,,,"
            + "月曜日～金曜日,8:30;13:00,11:30;16:00,,,内科;外科;歯科口腔外科,200,https://hospital.example,\n"
            + "990001,3,みらい県,ひだまり市,さくら歯科医院,サクラシカイイン,無床診療所,若葉一丁目12-6,,,,,,,,,,月火水木土,900,1800,"
            + "不定期に学会で休診あり,,歯科;小児歯科,0,,\n"
            + "990001,4,みらい県,ひだまり市,わかば整形外科,,有床診療所,若葉一丁目1-1,,,,,,,,,,,,,,,整形外科;歯科,19,,\n";

    static List<Map<String, String>> rows(byte[] file) {
        CsvTable t = CsvTable.parse(file, ResourceFormat.JP_MEDICAL.requiredColumns());
        return t.rows().stream().map(ResourceFormat.JP_MEDICAL::fields).toList();
    }

    @Test
    void a_clinic_row_maps_every_column() {
        Map<String, String> f = rows(CSV.getBytes(StandardCharsets.UTF_8)).get(0);
        assertEquals("jp-medical:1310001234", f.get("external_id"));
        assertEquals("ひだまり内科クリニック", f.get("name"));
        assertEquals("ヒダマリナイカクリニック", f.get("name_kana"));
        assertEquals("clinic", f.get("category"));
        assertEquals("内科;循環器内科", f.get("departments"));
        assertEquals("みらい県ひだまり市緑が丘一丁目2-2 緑が丘ビル2階", f.get("address"), "municipality put in front");
        assertEquals("35.7748", f.get("lat"));
        assertEquals("139.4133", f.get("lon"));
        assertEquals("099-111-2222", f.get("phone"));
        assertEquals("http://www.hidamari-naika.example", f.get("url"));
        assertEquals("医療法人ひだまり会", f.get("organizer"));
        assertEquals("月・火・水・金 9:00〜17:00（日曜・祝日休診）", f.get("schedule"));
        assertTrue(new ScheduleParser().parse(f.get("schedule")).isParsed(), f.get("schedule"));
        assertEquals("時間外の対応：急患は電話で相談\n駐車場3台", f.get("description"));
        assertEquals("false", f.get("home_visit").isEmpty() ? "false" : f.get("home_visit"));
    }

    @Test
    void hospitals_keep_their_category_and_get_every_consultation_hour() {
        Map<String, String> f = rows(CSV.getBytes(StandardCharsets.UTF_8)).get(1);
        assertEquals("hospital", f.get("category"), "a dental department does not make a hospital a dentist's");
        assertEquals("ひだまり市本町2-1-1", f.get("address"), "an address naming its municipality stays as written");
        assertEquals("月〜金 8:30〜11:30／13:00〜16:00", f.get("schedule"));
        assertTrue(new ScheduleParser().parse(f.get("schedule")).isParsed(), f.get("schedule"));
        assertTrue(f.get("external_id").startsWith("jp-medical:"), "no code: a hash of name and address");
        assertEquals(f.get("external_id"), rows(CSV.getBytes(StandardCharsets.UTF_8)).get(1).get("external_id"),
                "the hash is stable");
    }

    @Test
    void dentists_by_name_or_by_only_dental_departments_and_notes_that_break_the_schedule_go_to_the_description() {
        List<Map<String, String>> rows = rows(CSV.getBytes(StandardCharsets.UTF_8));
        Map<String, String> dentist = rows.get(2);
        assertEquals("dental", dentist.get("category"));
        assertEquals("月・火・水・木・土 9:00〜18:00", dentist.get("schedule"));
        assertTrue(dentist.get("description").contains("不定期に学会で休診あり"), dentist::toString);
        assertEquals("clinic", rows.get(3).get("category"), "dentistry among other departments: still a clinic");
        assertEquals("", rows.get(3).get("schedule"));
        assertNotEquals(rows.get(1).get("external_id"), rows.get(3).get("external_id"));
    }

    @Test
    void cp932_and_bom_files_read_the_same() {
        List<Map<String, String>> utf8 = rows(CSV.getBytes(StandardCharsets.UTF_8));
        assertEquals(utf8, rows(CSV.getBytes(CsvTable.CP932)));
        byte[] body = CSV.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[body.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bom, 3, body.length);
        assertEquals(utf8, rows(bom));
    }

    @Test
    void missing_required_column_is_named_and_optional_ones_may_be_missing() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> rows("名称,住所\nA,B\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, e.status());
        assertEquals("医療機関の種類", e.errors().get(0).field());
        Map<String, String> f = rows("名称,医療機関の種類,住所\nA医院,無床診療所,ひだまり市若葉一丁目1\n"
                .getBytes(StandardCharsets.UTF_8)).get(0);
        assertEquals("clinic", f.get("category"));
        assertEquals("", f.get("schedule"));
    }

    @Test
    void unknown_kinds_are_passed_on_for_the_import_to_report_under_the_source_column() {
        assertEquals("助産所", MedicalColumns.category("助産所", "A", List.of()));
        assertEquals("pharmacy", MedicalColumns.category("薬局", "A", List.of()));
        assertEquals("医療機関の種類", ResourceFormat.JP_MEDICAL.column("category"));
        assertEquals("住所", ResourceFormat.JP_MEDICAL.column("address"));
    }
}
