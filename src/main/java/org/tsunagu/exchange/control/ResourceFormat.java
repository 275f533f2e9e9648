package org.tsunagu.exchange.control;

import org.tsunagu.csv.CsvTable;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.util.Arrays;
import java.util.Collection;
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
    /** 医療機関一覧 of the 推奨データセット / 自治体標準オープンデータセット and prefectural lists like them. */
    JP_MEDICAL("jp-medical", new MedicalColumns()),
    /** 介護サービス事業所一覧 of the 推奨データセット / 自治体標準オープンデータセット. */
    JP_CARE("jp-care", CareColumns.JP_CARE),
    /** The open-data CSV of the MHLW 介護サービス情報公表システム (24 columns, one file per service). */
    MHLW_CARE("mhlw-care", CareColumns.MHLW_CARE),
    /** 医療情報ネット（ナビイ） of the MHLW: facility and hours files of 病院・診療所・歯科, and the 薬局 file (ZIP or CSVs). */
    NAVII("navii", new NaviiColumns());

    /**
     * The field of {@link #fields} with the row's 6-digit 全国地方公共団体コード ("" when the file does not
     * say), so that an import can skip the rows of other municipalities. The open-data formats set it;
     * it is not a Tsunagu column and nothing stores it.
     */
    public static final String MUNICIPALITY_CODE = OpenDataColumns.MUNICIPALITY_CODE;

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

    /** The columns {@link CsvTable#parse} must find verbatim (none for the open-data formats, see {@link #read}). */
    public List<String> requiredColumns() {
        return columns.required();
    }

    /**
     * The required columns this header lacks, whichever of their accepted spellings it uses (「所在地」 for
     * 住所, 「名称（必須）」 for 名称): one error per column, named as the format's standard spells it.
     */
    public List<FieldError> missingColumns(Collection<String> header) {
        List<FieldError> missing = new java.util.ArrayList<>();
        for (String required : requiredColumns()) {
            if (!header.contains(required)) {
                missing.add(FieldError.at(1, required, "必須の列 " + required + " がありません"));
            }
        }
        missing.addAll(columns.missing(header));
        return missing;
    }

    /** Parses a file of this format, or throws a 400 problem naming every required column it lacks. */
    public CsvTable read(byte[] file) {
        CsvTable table = CsvTable.parse(file, requiredColumns());
        List<FieldError> missing = missingColumns(table.header());
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("required columns are missing", missing);
        }
        return table;
    }

    /**
     * The Tsunagu fields of one row of a file in this format (open-data formats add
     * {@link #MUNICIPALITY_CODE}). A row of a file lacking a required column throws the problem
     * {@link #read} would have.
     */
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
        if (this == NAVII) {
            return own.length() > 2 ? own.substring(2, 3) : "";
        }
        return "";
    }

    /** The column of this format that a Tsunagu field came from (for error messages). */
    public String column(String field) {
        return columns.column(field);
    }
}
