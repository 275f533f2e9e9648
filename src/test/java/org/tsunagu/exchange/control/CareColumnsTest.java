package org.tsunagu.exchange.control;

import org.tsunagu.calendar.control.ScheduleParser;
import org.junit.jupiter.api.Test;
import org.tsunagu.csv.CsvTable;
import org.tsunagu.problems.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** jp-care (推奨データセット) and mhlw-care (介護サービス情報公表システム) rows become Tsunagu fields. */
class CareColumnsTest {

    static final String JP_CARE = "都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,介護サービス事業所名称,"
            + "介護サービス事業所名称_カナ,実施サービス,住所,方書,緯度,経度,電話番号,内線番号,FAX番号,法人番号,法人の名称,事業所番号,"
            + "利用可能曜日,利用可能曜日特記事項,定員,URL,備考\n"
            + "990001,1,みらい県,ひだまり市,ひだまり訪問看護ステーション,ヒダマリホウモンカンゴステーション,訪問看護,緑が丘二丁目3-3,,,,"
            + "099-222-0001,,,,株式会社ひだまり,1360000001,月～金,祝日休み,,,24時間連絡体制あり\n"
            + "990001,2,みらい県,ひだまり市,デイサービスわかば,デイサービスワカバ,通所介護,若葉一丁目12-6,,,,099-222-0002,,,,,,"
            + "月火水木金土,,30,,\n";

    static final String MHLW = "都道府県コード又は市町村コード,No,都道府県名,市区町村名,事業所名,事業所名カナ,サービスの種類,住所,"
            + "方書（ビル名等）,緯度,経度,電話番号,FAX番号,法人番号,法人の名称,事業所番号,利用可能曜日,利用可能曜日特記事項,定員,URL,"
            + "高齢者の方と障害者の方が同時一体的に利用できるサービス,介護保険の通常の指定基準を満たしている,"
            + "障害福祉の通常の指定基準を満たしている,備考\n"
            + "990001,1,みらい県,ひだまり市,ヘルパーステーションみどり,ヘルパーステーションミドリ,訪問介護,"
            + "みらい県ひだまり市緑が丘一丁目2-2,みどりビル1階,35.7748,139.4133,099-333-0001,,,社会福祉法人みどり会,1370000001,"
            + "月・火・水・木・金・土,,,https://midori.example,,,,\n"
            + "990001,2,みらい県,ひだまり市,ケアプランみどり,ケアプランミドリ,居宅介護支援,"
            + "みらい県ひだまり市緑が丘一丁目2-2,みどりビル1階,35.7748,139.4133,099-333-0002,,,社会福祉法人みどり会,1370000001,"
            + "月～金,,,,,,,\n";

    static List<Map<String, String>> rows(ResourceFormat format, byte[] file) {
        return CsvTable.parse(file, format.requiredColumns()).rows().stream().map(format::fields).toList();
    }

    @Test
    void jp_care_home_nursing_and_care_services() {
        List<Map<String, String>> rows = rows(ResourceFormat.JP_CARE, JP_CARE.getBytes(StandardCharsets.UTF_8));
        Map<String, String> nursing = rows.get(0);
        assertEquals("jp-care:1360000001:訪問看護", nursing.get("external_id"), "the service keeps an office's services apart");
        assertEquals("home_nursing", nursing.get("category"));
        assertEquals("true", nursing.get("home_visit"));
        assertEquals("みらい県ひだまり市緑が丘二丁目3-3", nursing.get("address"));
        assertEquals("月〜金（祝日休み）", nursing.get("schedule"));
        assertTrue(new ScheduleParser().parse(nursing.get("schedule")).isParsed(), nursing.get("schedule"));
        assertEquals("サービス：訪問看護\n24時間連絡体制あり", nursing.get("description"));
        assertEquals("株式会社ひだまり", nursing.get("organizer"));
        Map<String, String> day = rows.get(1);
        assertEquals("care_service", day.get("category"));
        assertEquals("false", day.get("home_visit"));
        assertEquals("月・火・水・木・金・土", day.get("schedule"));
        assertEquals("サービス：通所介護\n定員：30人", day.get("description"));
        assertTrue(day.get("external_id").matches("jp-care:[0-9a-f]{16}"), day::toString);
    }

    @Test
    void mhlw_rows_keep_one_resource_per_service_of_an_office() {
        List<Map<String, String>> rows = rows(ResourceFormat.MHLW_CARE, MHLW.getBytes(StandardCharsets.UTF_8));
        Map<String, String> helper = rows.get(0);
        assertEquals("mhlw-care:1370000001:訪問介護", helper.get("external_id"));
        assertEquals("mhlw-care:1370000001:居宅介護支援", rows.get(1).get("external_id"));
        assertEquals("care_service", helper.get("category"));
        assertEquals("true", helper.get("home_visit"), "訪問 services visit the home");
        assertEquals("false", rows.get(1).get("home_visit"));
        assertEquals("みらい県ひだまり市緑が丘一丁目2-2 みどりビル1階", helper.get("address"));
        assertEquals("https://midori.example", helper.get("url"));
        assertEquals("月・火・水・木・金・土", helper.get("schedule"));
        assertEquals("月〜金", rows.get(1).get("schedule"));
        assertEquals("35.7748", helper.get("lat"));
        assertEquals("home_nursing", CareColumns.category("訪問看護"));
        assertTrue(CareColumns.homeVisit("定期巡回・随時対応型訪問介護看護"));
    }

    @Test
    void cp932_and_bom_read_the_same_and_the_office_number_is_required_for_mhlw() {
        byte[] utf8 = MHLW.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        assertEquals(rows(ResourceFormat.MHLW_CARE, utf8), rows(ResourceFormat.MHLW_CARE, bom));
        assertEquals(rows(ResourceFormat.MHLW_CARE, utf8), rows(ResourceFormat.MHLW_CARE, MHLW.getBytes(CsvTable.CP932)));
        assertEquals(rows(ResourceFormat.JP_CARE, JP_CARE.getBytes(StandardCharsets.UTF_8)),
                rows(ResourceFormat.JP_CARE, JP_CARE.getBytes(CsvTable.CP932)));
        ProblemException e = assertThrows(ProblemException.class, () -> rows(ResourceFormat.MHLW_CARE,
                "事業所名,サービスの種類,住所\nA,訪問介護,B\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("事業所番号", e.errors().get(0).field());
        assertEquals(1, rows(ResourceFormat.JP_CARE, "介護サービス事業所名称,実施サービス,住所\nA,訪問介護,B\n"
                .getBytes(StandardCharsets.UTF_8)).size(), "jp-care needs no 事業所番号");
        assertEquals("利用可能曜日", ResourceFormat.MHLW_CARE.column("schedule"));
        assertEquals("事業所名", ResourceFormat.MHLW_CARE.column("name"));
        assertEquals("介護サービス事業所名称", ResourceFormat.JP_CARE.column("name"));
    }
}
