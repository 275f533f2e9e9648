package org.tsunagu.exchange.control;

import java.text.Normalizer;
import java.util.Map;

import static java.util.Map.entry;

/**
 * The abbreviated 診療科目 of prefectural and 地方厚生局 lists (「内;外;整外;耳い;ひ;皮;眼」) written out,
 * so that a resident searching 内科 or 泌尿器科 finds the clinic: nobody types 「ひ」.
 *
 * <p>The abbreviations are those of the 地方厚生局's コード内容別医療機関一覧表, which the prefectural
 * 医療機関一覧 copy: one for each of the 38 診療科名 that 医療法施行令 §3-2 allowed until 2008 (医科 34,
 * 歯科 4), written as that list writes them (こう門科, 耳鼻いんこう科), and the few newer names that
 * appear abbreviated in the same lists (呼内, 脳内, 胸外, 病理, 臨床, 救命, 透析, 和漢; 消内 and 循内 by
 * the same pattern). A name that is not in the table — every full name, and abbreviations we do not
 * know — passes unchanged.
 */
final class DepartmentNames {

    private static final Map<String, String> FULL = Map.ofEntries(
            // 医科 (医療法施行令 until 2008, in its order)
            entry("内", "内科"),
            entry("心内", "心療内科"),
            entry("精", "精神科"),
            entry("神", "神経科"),
            entry("神内", "神経内科"),
            entry("呼", "呼吸器科"),
            entry("消", "消化器科"),
            entry("胃", "胃腸科"),
            entry("循", "循環器科"),
            entry("アレ", "アレルギー科"),
            entry("リウ", "リウマチ科"),
            entry("小", "小児科"),
            entry("外", "外科"),
            entry("整外", "整形外科"),
            entry("形外", "形成外科"),
            entry("形", "形成外科"),
            entry("美外", "美容外科"),
            entry("脳外", "脳神経外科"),
            entry("呼外", "呼吸器外科"),
            entry("心外", "心臓血管外科"),
            entry("小外", "小児外科"),
            entry("皮ひ", "皮膚泌尿器科"),
            entry("皮", "皮膚科"),
            entry("ひ", "泌尿器科"),
            entry("性", "性病科"),
            entry("こう", "こう門科"),
            entry("肛", "肛門科"),
            entry("産婦", "産婦人科"),
            entry("産", "産科"),
            entry("婦", "婦人科"),
            entry("眼", "眼科"),
            entry("耳い", "耳鼻いんこう科"),
            entry("耳", "耳鼻いんこう科"),
            entry("気食", "気管食道科"),
            entry("リハ", "リハビリテーション科"),
            entry("放", "放射線科"),
            entry("麻", "麻酔科"),
            // 歯科
            entry("歯", "歯科"),
            entry("矯歯", "矯正歯科"),
            entry("小歯", "小児歯科"),
            entry("歯外", "歯科口腔外科"),
            // names since 2008 that the same lists abbreviate
            entry("呼内", "呼吸器内科"),
            entry("消内", "消化器内科"),
            entry("循内", "循環器内科"),
            entry("脳内", "脳神経内科"),
            entry("胸外", "胸部外科"),
            entry("病理", "病理診断科"),
            entry("臨床", "臨床検査科"),
            entry("救命", "救急科"),
            entry("透析", "人工透析内科"),
            entry("和漢", "漢方内科"));

    private DepartmentNames() {
    }

    /** The full name of an abbreviated department; any other name as given. */
    static String fullName(String department) {
        String d = Normalizer.normalize(department == null ? "" : department, Normalizer.Form.NFKC).strip();
        return FULL.getOrDefault(d, d);
    }
}
