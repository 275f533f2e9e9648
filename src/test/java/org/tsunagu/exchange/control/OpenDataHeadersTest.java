package org.tsunagu.exchange.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tsunagu.csv.CsvTable;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The header spellings real municipal and prefectural files use are read as the standard's columns, and
 * a file lacking a column is told which one, as the standard spells it, and what else would do.
 */
class OpenDataHeadersTest {

    static Map<String, String> first(ResourceFormat format, String csv) {
        CsvTable table = CsvTable.parse(csv.getBytes(StandardCharsets.UTF_8), format.requiredColumns());
        assertEquals(List.of(), format.missingColumns(table.header()), csv);
        return format.fields(table.rows().get(0));
    }

    @ParameterizedTest
    @CsvSource({"住所", "所在地", "所在地_連結表記", "所在地_連結標記", "' 住所 '", "住所（必須）"})
    void address_spellings(String header) {
        Map<String, String> f = first(ResourceFormat.JP_MEDICAL, "名称,医療機関の種類,市区町村名,都道府県名," + header + "\n"
                + "A医院,無床診療所,練馬区,東京都,光が丘二丁目5-1\n");
        assertEquals("東京都練馬区光が丘二丁目5-1", f.get("address"));
    }

    @Test
    void full_width_header_letters() {
        Map<String, String> f = first(ResourceFormat.JP_MEDICAL, "名称,医療機関の種類,住所,ＵＲＬ\n"
                + "A医院,無床診療所,練馬区光が丘二丁目5-1,www.a.example.jp\n");
        assertEquals("http://www.a.example.jp", f.get("url"));
    }

    @ParameterizedTest
    @CsvSource({"市区町村名", "市町村", "市区町村", "所在地_市区町村", "地方公共団体名"})
    void city_spellings(String header) {
        String city = header.equals("地方公共団体名") ? "東京都練馬区" : "練馬区";
        Map<String, String> f = first(ResourceFormat.JP_MEDICAL, "名称,医療機関の種類,住所,都道府県名," + header + "\n"
                + "A医院,無床診療所,光が丘二丁目5-1,東京都," + city + "\n");
        assertEquals("東京都練馬区光が丘二丁目5-1", f.get("address"), "prefecture named once");
    }

    @ParameterizedTest
    @CsvSource({"都道府県名", "所在地_都道府県"})
    void prefecture_spellings(String header) {
        Map<String, String> f = first(ResourceFormat.JP_CARE, "介護サービス事業所名称,実施サービス,住所,市区町村名," + header + "\n"
                + "Aケア,訪問介護,光が丘二丁目5-1,練馬区,東京都\n");
        assertEquals("東京都練馬区光が丘二丁目5-1", f.get("address"));
    }

    @ParameterizedTest
    @CsvSource({"方書", "建物名等(方書)", "建物名等（方書）", "建物名等_方書", "方書（ビル名等）", "方書(ビル名等)", "' 建物名等（方書） '"})
    void building_spellings(String header) {
        Map<String, String> f = first(ResourceFormat.MHLW_CARE, "事業所名,サービスの種類,住所,事業所番号," + header + "\n"
                + "Aケア,訪問介護,練馬区光が丘二丁目5-1,1371234567,光が丘ビル2階\n");
        assertEquals("練馬区光が丘二丁目5-1 光が丘ビル2階", f.get("address"));
    }

    @ParameterizedTest
    @CsvSource({"名称", "名称（必須）", "名称(必須)", "名称 （必須）", "名称【必須】", "名称※"})
    void name_spellings_with_required_marks(String header) {
        Map<String, String> f = first(ResourceFormat.JP_MEDICAL, header + ",名称_カナ（必須）,医療機関の種類（必須）,住所（必須）\n"
                + "A医院,エーイイン,無床診療所,練馬区光が丘二丁目5-1\n");
        assertEquals("A医院", f.get("name"));
        assertEquals("エーイイン", f.get("name_kana"));
        assertEquals("clinic", f.get("category"));
    }

    @ParameterizedTest
    @CsvSource({
        "都道府県コード又は市区町村コード,131202,131202",
        "全国地方公共団体コード,131202,131202",
        "都道府県コード又は市町村コード,131202,131202",
        "所在地_全国地方公共団体コード,131202,131202",
        "全国地方公共団体コード,13120,131202",
        "全国地方公共団体コード,92011,092011",
        "全国地方公共団体コード,13,''",
        "全国地方公共団体コード,130001,''",
        "全国地方公共団体コード,'',''",
    })
    void municipality_code_spellings_and_forms(String header, String code, String expected) {
        for (ResourceFormat format : List.of(ResourceFormat.JP_MEDICAL, ResourceFormat.JP_CARE)) {
            String csv = format == ResourceFormat.JP_MEDICAL
                    ? header + ",名称,医療機関の種類,住所\n" + code + ",A医院,無床診療所,練馬区光が丘二丁目5-1\n"
                    : header + ",介護サービス事業所名称,実施サービス,住所\n" + code + ",Aケア,訪問介護,練馬区光が丘二丁目5-1\n";
            assertEquals(expected, first(format, csv).get(ResourceFormat.MUNICIPALITY_CODE), format + " " + code);
        }
    }

    @Test
    void the_place_s_own_code_before_the_list_s_and_the_list_s_when_the_place_s_is_empty() {
        String header = "全国地方公共団体コード,所在地_全国地方公共団体コード,名称,医療機関の種類,住所\n";
        assertEquals("132110", first(ResourceFormat.JP_MEDICAL, header + "131202,132110,A医院,病院,小平市花小金井一丁目1\n")
                .get(ResourceFormat.MUNICIPALITY_CODE));
        assertEquals("131202", first(ResourceFormat.JP_MEDICAL, header + "131202,,A医院,病院,練馬区光が丘二丁目5-1\n")
                .get(ResourceFormat.MUNICIPALITY_CODE));
        assertEquals("", first(ResourceFormat.JP_MEDICAL, "名称,医療機関の種類,住所\nA医院,病院,練馬区光が丘二丁目5-1\n")
                .get(ResourceFormat.MUNICIPALITY_CODE), "a list without codes");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "診療曜日,診療開始時間,診療終了時間,診療日時特記事項",
        "利用可能曜日,開始時間,終了時間,利用可能日時特記事項",
        "診療曜日,開始時間,終了時間,利用可能曜日特記事項",
    })
    void medical_schedule_spellings(String headers) {
        Map<String, String> f = first(ResourceFormat.JP_MEDICAL, "名称,医療機関の種類,住所," + headers + "\n"
                + "A医院,無床診療所,練馬区光が丘二丁目5-1,\"月,火,水\",09:00,17:00,祝日休診\n");
        assertEquals("月・火・水 9:00〜17:00（祝日休診）", f.get("schedule"));
    }

    @ParameterizedTest
    @CsvSource({"医療機関コード,1312000011,jp-medical:1312000011", "ID,131202-M0001,jp-medical:131202-M0001"})
    void medical_code_spellings(String header, String value, String expected) {
        assertEquals(expected, first(ResourceFormat.JP_MEDICAL, "名称,医療機関の種類,住所," + header + "\n"
                + "A医院,無床診療所,練馬区光が丘二丁目5-1," + value + "\n").get("external_id"));
    }

    @Test
    void care_columns_of_either_family_are_read_by_both_formats() {
        Map<String, String> f = first(ResourceFormat.JP_CARE, "事業所名,事業所名カナ,サービスの種類,所在地,事業所番号,定員,"
                + "利用可能曜日,開始時間,終了時間,利用可能日時特記事項\n"
                + "Aケア,エーケア,通所介護,練馬区光が丘二丁目5-1,371234567,0,\"月,火\",9:00,16:00,祝日休み\n");
        assertEquals("Aケア", f.get("name"));
        assertEquals("エーケア", f.get("name_kana"));
        assertEquals("jp-care:0371234567:通所介護", f.get("external_id"), "Excel's lost leading zero restored");
        assertEquals("サービス：通所介護", f.get("description"), "定員 0: none");
        assertEquals("月・火 9:00〜16:00（祝日休み）", f.get("schedule"));
    }

    @Test
    void a_missing_column_is_named_as_the_standard_spells_it_with_the_alternatives() {
        ProblemException e = assertThrows(ProblemException.class, () -> ResourceFormat.JP_MEDICAL.read(
                "名称_カナ,医療機関の種類,方書\nア,病院,B\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, e.status());
        List<String> fields = e.errors().stream().map(FieldError::field).toList();
        assertEquals(List.of("名称", "住所"), fields);
        String address = e.errors().get(1).message();
        assertTrue(address.startsWith("必須の列「住所」がありません"), address);
        assertTrue(address.contains("「所在地」") && address.contains("「所在地_連結表記」") && address.contains("「所在地_町字」"),
                address);
        assertTrue(e.errors().get(0).message().contains("「医療機関名」"), e.errors().get(0).message());
        FieldError office = ResourceFormat.MHLW_CARE.missingColumns(List.of("事業所名", "サービスの種類", "住所")).get(0);
        assertEquals("事業所番号", office.field());
        assertEquals(1, office.line());
        assertTrue(office.message().contains("「介護保険事業所番号」"), office.message());
        assertEquals(List.of(), ResourceFormat.JP_MEDICAL.missingColumns(
                List.of("名称(必須)", "医療機関の種類", "所在地_町字")), "the address parts stand in for 住所");
        assertEquals("事業所名", ResourceFormat.MHLW_CARE.missingColumns(List.of("サービスの種類", "住所", "事業所番号"))
                .get(0).field(), "mhlw-care's own spelling");
    }

    @Test
    void mapping_a_row_of_a_file_lacking_a_column_fails_as_reading_it_would() {
        CsvTable table = CsvTable.parse("名称,住所\nA,B\n".getBytes(StandardCharsets.UTF_8),
                ResourceFormat.JP_MEDICAL.requiredColumns());
        ProblemException e = assertThrows(ProblemException.class, () -> ResourceFormat.JP_MEDICAL.fields(table.rows().get(0)));
        assertEquals(ResourceFormat.JP_MEDICAL.missingColumns(table.header()), e.errors());
    }

    @Test
    void the_extra_code_field_is_ignored_by_the_tsunagu_columns() {
        Map<String, String> f = first(ResourceFormat.JP_MEDICAL, "名称,医療機関の種類,住所\nA医院,病院,練馬区光が丘二丁目5-1\n");
        assertEquals(TsunaguColumns.COLUMNS.size() + 1, f.size());
        assertTrue(f.keySet().containsAll(TsunaguColumns.COLUMNS));
        assertTrue(f.containsKey(ResourceFormat.MUNICIPALITY_CODE));
        assertEquals(List.of("external_id", "name", "category", "address"), ResourceFormat.TSUNAGU.requiredColumns());
    }
}
