package org.tsunagu.exchange.control;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * 医療機関一覧 (jp-medical) of the 推奨データセット, of the 自治体標準オープンデータセット (所在地_連結表記 and
 * its parts, 建物名等(方書), ID) and of prefectural lists built on them (所在地, 市町村, abbreviated
 * 診療科目): 医療機関の種類 decides the category (病院 → hospital, 有床/無床診療所 → clinic, a 診療所
 * that is a dentist's by its name or by only dental 診療科目 → dental), 診療科目 become departments
 * with their abbreviations written out ({@link DepartmentNames}), 診療曜日 + 診療開始時間/診療終了時間
 * (+ 診療日時特記事項) the schedule, 時間外における対応 and 備考 the description. The external id is
 * {@code jp-medical:} + 医療機関コード (or the list's ID), or a hash of name and address.
 */
final class MedicalColumns extends OpenDataColumns {

    static final String PREFIX = "jp-medical:";

    // the columns of this format, the standard's spelling first; the address and code columns are shared
    static final Column NAME = Column.of("名称", "医療機関名", "医療機関名称", "施設名", "施設名称");
    static final Column KANA = Column.of("名称_カナ", "名称カナ", "名称_フリガナ", "フリガナ", "ふりがな");
    static final Column KIND = Column.of("医療機関の種類", "医療機関種別", "種別", "施設の種類");
    static final Column CODE = Column.of("医療機関コード", "医療機関番号", "ID");
    static final Column DAYS = Column.of("診療曜日", "利用可能曜日");
    static final Column OPENS = Column.of("診療開始時間", "開始時間");
    static final Column CLOSES = Column.of("診療終了時間", "終了時間");
    static final Column NOTE = Column.of("診療日時特記事項", "利用可能日時特記事項", "利用可能曜日特記事項");
    static final Column AFTER_HOURS = Column.of("時間外における対応", "時間外の対応");
    static final Column DEPARTMENTS = Column.of("診療科目", "診療科目名", "診療科", "標榜科目");

    MedicalColumns() {
        source("name", NAME);
        source("name_kana", KANA);
        source("category", KIND);
        source("address", ADDRESS);
        source("postal_code", POSTAL_CODE);
        source("lat", LAT);
        source("lon", LON);
        source("phone", PHONE);
        source("url", URL);
        source("organizer", CORPORATION);
        source("external_id", CODE);
        source("schedule", DAYS);
        source("description", AFTER_HOURS);
        source("departments", DEPARTMENTS);
    }

    @Override
    protected List<Column> requiredColumns() {
        return List.of(NAME, KIND, ADDRESS);
    }

    @Override
    protected Map<String, String> fields(Cells row) {
        Map<String, String> f = emptyFields();
        common(row, f);
        String id = nfkc(row.get(CODE));
        f.put("external_id", PREFIX + (id.isEmpty() ? hash(row.get(NAME), f.get("address")) : id));
        f.put("name", row.get(NAME));
        f.put("name_kana", row.get(KANA));
        List<String> depts = departments(row.get(DEPARTMENTS));
        f.put("departments", String.join(";", depts));
        f.put("category", category(row.get(KIND), row.get(NAME), depts));
        String[] schedule = schedule(row.get(DAYS), times(row.get(OPENS), row.get(CLOSES)), row.get(NOTE));
        f.put("schedule", schedule[0]);
        f.put("description", join("\n", labelled("診療日時", schedule[1]),
                labelled("時間外の対応", row.get(AFTER_HOURS)), row.get(REMARKS)));
        return f;
    }

    /**
     * 診療科目 as the standard writes them, 「内科;外科」 (、 , and spaces tolerated), each abbreviation of
     * the prefectural lists (「内;外;整外」) written out.
     */
    static List<String> departments(String text) {
        return Arrays.stream(nfkc(text).split("[;,、\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                .map(DepartmentNames::fullName).distinct().toList();
    }

    /**
     * The category code, or the kind itself when it is none of the standard's (the import reports it).
     * A hospital with a dental department is still a hospital; a 診療所 is a dentist's when its name
     * says 歯科 or every department it lists is dental (「歯科;小児歯科;矯正歯科」), not when dentistry is
     * one department among others.
     */
    static String category(String kind, String name, List<String> departments) {
        String k = nfkc(kind);
        if (k.contains("病院")) {
            return "hospital";
        }
        if (k.contains("診療所") || k.contains("クリニック") || k.contains("医院")) {
            boolean dental = k.contains("歯科") || name.contains("歯科")
                    || (!departments.isEmpty() && departments.stream().allMatch(d -> d.contains("歯科")));
            return dental ? "dental" : "clinic";
        }
        if (k.contains("薬局")) {
            return "pharmacy";
        }
        return k.isEmpty() ? "(空欄)" : k;
    }
}
