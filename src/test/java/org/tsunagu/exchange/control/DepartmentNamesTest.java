package org.tsunagu.exchange.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The abbreviated 診療科目 of prefectural lists are written out; full and unknown names pass unchanged. */
class DepartmentNamesTest {

    @Test
    void a_prefectural_list_s_abbreviations() {
        assertEquals(List.of("内科", "外科", "整形外科", "耳鼻いんこう科", "泌尿器科", "皮膚科", "眼科", "小児科", "精神科",
                        "放射線科", "麻酔科", "リハビリテーション科"),
                MedicalColumns.departments("内;外;整外;耳い;ひ;皮;眼;小;精;放;麻;リハ"));
    }

    @ParameterizedTest
    @CsvSource({
        "歯,歯科", "小歯,小児歯科", "矯歯,矯正歯科", "歯外,歯科口腔外科", "循,循環器科", "消,消化器科", "呼,呼吸器科",
        "神内,神経内科", "脳外,脳神経外科", "形,形成外科", "形外,形成外科", "産婦,産婦人科", "婦,婦人科", "産,産科",
        "心内,心療内科", "アレ,アレルギー科", "リウ,リウマチ科", "胃,胃腸科", "肛,肛門科", "こう,こう門科",
        "気食,気管食道科", "透析,人工透析内科", "皮ひ,皮膚泌尿器科", "心外,心臓血管外科", "呼内,呼吸器内科",
        "脳内,脳神経内科", "病理,病理診断科", "救命,救急科", "ｱﾚ,アレルギー科",
    })
    void each_abbreviation(String abbreviation, String full) {
        assertEquals(full, DepartmentNames.fullName(abbreviation));
    }

    @ParameterizedTest
    @CsvSource({"内科", "循環器内科", "糖尿病・内分泌内科", "耳鼻咽喉科", "ペインクリニック内科", "総", "乳腺"})
    void full_and_unknown_names_pass_unchanged(String name) {
        assertEquals(name, DepartmentNames.fullName(name));
    }

    @Test
    void lists_mixing_both_and_other_separators() {
        assertEquals(List.of("呼吸器内科", "消化器内科", "小児科", "歯科口腔外科", "救急科"),
                MedicalColumns.departments("呼内；消化器内科、小 歯外,救急科"));
        assertEquals(List.of("内科"), MedicalColumns.departments("内;内科"), "one department once");
    }
}
