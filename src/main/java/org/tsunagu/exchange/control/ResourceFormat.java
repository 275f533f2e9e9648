package org.tsunagu.exchange.control;

import org.tsunagu.csv.CsvTable;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resource CSV formats the import understands (api.md {@code imports/resources?format=}). They
 * differ only in their columns: each maps a row onto the Tsunagu fields, and one pipeline
 * ({@link ResourceImport}) applies the same validation, geocoding, catchment, schedule parsing,
 * dry run, all-or-nothing and upsert by external id to all of them.
 */
public enum ResourceFormat {
    /** Tsunagu's own format (formats.md), also what the CSV export writes. */
    TSUNAGU("tsunagu", new TsunaguColumns()),
    /** 医療機関一覧 of the 推奨データセット / 自治体標準オープンデータセット. */
    JP_MEDICAL("jp-medical", new MedicalColumns()),
    /** 介護サービス事業所一覧 of the 推奨データセット. */
    JP_CARE("jp-care", CareColumns.JP_CARE),
    /** The open-data CSV of the MHLW 介護サービス情報公表システム (24 columns, one file per service). */
    MHLW_CARE("mhlw-care", CareColumns.MHLW_CARE);

    private final String code;
    private final ColumnMapping columns;

    ResourceFormat(String code, ColumnMapping columns) {
        this.code = code;
        this.columns = columns;
    }

    public String code() {
        return code;
    }

    /** The codes, in the order api.md lists them. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(ResourceFormat::code).toList();
    }

    public static Optional<ResourceFormat> ofCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }

    public List<String> requiredColumns() {
        return columns.required();
    }

    /** The Tsunagu fields of one row of a file in this format. */
    public Map<String, String> fields(CsvTable.Row row) {
        return columns.fields(row);
    }

    /**
     * The part of the source an external id of this format belongs to, for what a file covers: an MHLW
     * file is one service ({@code mhlw-care:<事業所番号>:<service>}), a ナビイ file one kind of facility (the
     * 機関区分 digit of the ID); a municipal list covers its whole format.
     */
    public String sourcePart(String externalId) {
        String id = externalId == null ? "" : externalId;
        String own = id.startsWith(code + ":") ? id.substring(code.length() + 1) : id;
        if (this == MHLW_CARE) {
            int colon = own.indexOf(':');
            return colon < 0 ? "" : own.substring(colon + 1);
        }
        if (code.equals("navii")) {
            return own.length() > 2 ? own.substring(2, 3) : "";
        }
        return "";
    }

    /** The column of this format that a Tsunagu field came from (for error messages). */
    public String column(String field) {
        return columns.column(field);
    }
}
