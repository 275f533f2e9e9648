package org.tsunagu.exchange.control;

import org.tsunagu.csv.CsvTable;
import org.tsunagu.problems.FieldError;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The ナビイ format as a {@link ResourceFormat}: its files cannot be mapped row by row (a facility's
 * schedule comes from another file), so {@link ImportFiles} reads them through {@link NaviiFiles}, and
 * the rows reaching the import are already Tsunagu fields. What is left here is the header check (a
 * file must be one of the published kinds, and 助産所 files are refused with the reason) and the
 * columns that errors name.
 */
final class NaviiColumns implements ColumnMapping {

    private static final Map<String, String> COLUMNS = Map.of("name", "正式名称", "name_kana", "正式名称（フリガナ）",
            "address", "所在地", "lat", "所在地座標（緯度）", "lon", "所在地座標（経度）", "url", "案内用ホームページアドレス",
            "external_id", "ID", "category", "機関区分", "schedule", "診療時間", "departments", "診療科目名");

    @Override
    public List<String> required() {
        return List.of();
    }

    @Override
    public List<FieldError> missing(Collection<String> header) {
        var kind = NaviiFiles.recognise(List.copyOf(header));
        if (kind.isEmpty()) {
            return List.of(FieldError.at(1, "", "医療情報ネット（ナビイ）の施設票・診療科目/診療時間票・薬局票のいずれでもありません"
                    + "（見出し行をご確認ください）"));
        }
        if (kind.get().unsupported() != null) {
            return List.of(FieldError.at(1, "", kind.get().unsupported()));
        }
        return List.of();
    }

    /** The rows are Tsunagu fields already ({@link NaviiFiles.Collector#result()}). */
    @Override
    public Map<String, String> fields(CsvTable.Row row) {
        return row.cells();
    }

    @Override
    public String column(String field) {
        return COLUMNS.getOrDefault(field, field);
    }
}
