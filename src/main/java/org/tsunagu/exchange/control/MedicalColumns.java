package org.tsunagu.exchange.control;

import org.tsunagu.csv.CsvTable;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * 医療機関一覧 (jp-medical) of the 推奨データセット: 医療機関の種類 decides the category (病院 → hospital,
 * 有床/無床診療所 → clinic, a 診療所 that is a dentist's by its name or by only dental 診療科目 → dental),
 * 診療科目 become departments, 診療曜日 + 診療開始時間/診療終了時間 (+ 診療日時特記事項) the schedule,
 * 時間外における対応 and 備考 the description. The external id is {@code jp-medical:} + 医療機関コード,
 * or a hash of name and address for lists without codes.
 */
final class MedicalColumns extends OpenDataColumns {

    static final String PREFIX = "jp-medical:";

    private final String name = source("name", "名称");
    private final String kana = source("name_kana", "名称_カナ");
    private final String kind = source("category", "医療機関の種類");
    private final String addressColumn = source("address", "住所");
    private final String building = "方書";
    private final String lat = source("lat", "緯度");
    private final String lon = source("lon", "経度");
    private final String phone = source("phone", "電話番号");
    private final String corporation = source("organizer", "法人の名称");
    private final String code = source("external_id", "医療機関コード");
    private final String days = source("schedule", "診療曜日");
    private final String opens = "診療開始時間";
    private final String closes = "診療終了時間";
    private final String scheduleNote = "診療日時特記事項";
    private final String afterHours = source("description", "時間外における対応");
    private final String departments = source("departments", "診療科目");
    private final String url = source("url", "url");
    private final String remarks = "備考";

    @Override
    public List<String> required() {
        return List.of(name, kind, addressColumn);
    }

    @Override
    public Map<String, String> fields(CsvTable.Row row) {
        Map<String, String> f = emptyFields();
        String address = address(row, addressColumn, building, "都道府県名", "市区町村名");
        String id = nfkc(row.get(code));
        f.put("external_id", PREFIX + (id.isEmpty() ? hash(row.get(name), address) : id));
        f.put("name", row.get(name));
        f.put("name_kana", row.get(kana));
        List<String> depts = departments(row.get(departments));
        f.put("departments", String.join(";", depts));
        f.put("category", category(row.get(kind), row.get(name), depts));
        f.put("address", address);
        f.put("lat", row.get(lat));
        f.put("lon", row.get(lon));
        f.put("phone", row.get(phone));
        f.put("url", url(row.get(url)));
        f.put("organizer", row.get(corporation));
        String[] schedule = schedule(row.get(days), times(row.get(opens), row.get(closes)), row.get(scheduleNote));
        f.put("schedule", schedule[0]);
        f.put("description", join("\n", labelled("診療日時", schedule[1]),
                labelled("時間外の対応", row.get(afterHours)), row.get(remarks)));
        return f;
    }

    /** 診療科目 as the standard writes them, 「内科;外科」 (、 and , tolerated). */
    static List<String> departments(String text) {
        return Arrays.stream(text.split("[;；,、]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
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
