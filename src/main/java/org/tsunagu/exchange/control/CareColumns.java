package org.tsunagu.exchange.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lists of 介護サービス事業所: the 介護サービス事業所一覧 of the 推奨データセット and of the 自治体標準
 * オープンデータセット (jp-care), and the MHLW 介護サービス情報公表システム open data (mhlw-care), carry the
 * same facts under different headers. A service with 訪問看護 is home_nursing, anything else
 * care_service; services whose staff come to the home (訪問…, 定期巡回, 夜間対応型訪問介護) set
 * home_visit. 利用可能曜日 with 開始時間/終了時間 (+ 特記事項) is the schedule, the services, 定員 and
 * 備考 the description. MHLW writes 定員 {@code 0} for services that have none: it is not shown.
 *
 * <p>External ids: {@code <format>:} + 事業所番号 + {@code :} + the service ({@code mhlw-care:1371234567:訪問介護}).
 * One 事業所番号 often runs several services (訪問介護 and 居宅介護支援 at one office, under different names):
 * the MHLW files come one per service, and 介護サービス事業所一覧 list such an office once per service, so
 * the number alone would make the second row overwrite (or, in one file, duplicate) the first. The
 * service is read from サービスの種類 / 実施サービス, never from the file name. The 事業所番号 is 10
 * digits; one Excel shortened (「161090008」) gets its leading zeros back. jp-care rows without
 * 事業所番号 use the 自治体標準 list's ID, else a hash of name and address; mhlw-care requires the number.
 */
final class CareColumns extends OpenDataColumns {

    // the columns of this format, the 推奨データセット's spelling first; the address and code columns are shared
    static final Column NAME = Column.of("介護サービス事業所名称", "事業所名", "事業所名称", "名称", "施設名");
    static final Column KANA = Column.of("介護サービス事業所名称_カナ", "事業所名カナ", "事業所名_カナ", "事業所名称_カナ",
            "名称_カナ", "フリガナ");
    static final Column SERVICE = Column.of("実施サービス", "サービスの種類", "サービス種類", "サービス種別", "サービス");
    static final Column OFFICE_NO = Column.of("事業所番号", "介護保険事業所番号");
    /** The 自治体標準 list's own ID (「131202-K0001」), for rows without 事業所番号 (jp-care only). */
    static final Column LIST_ID = Column.of("ID");
    static final Column DAYS = Column.of("利用可能曜日", "営業日", "サービス提供日");
    static final Column OPENS = Column.of("開始時間", "利用開始時間", "営業開始時間");
    static final Column CLOSES = Column.of("終了時間", "利用終了時間", "営業終了時間");
    static final Column NOTE = Column.of("利用可能曜日特記事項", "利用可能日時特記事項");
    static final Column CAPACITY = Column.of("定員", "利用定員");

    static final CareColumns JP_CARE = new CareColumns("jp-care", false, NAME, KANA, SERVICE);
    static final CareColumns MHLW_CARE = new CareColumns("mhlw-care", true, NAME.spelled("事業所名"),
            KANA.spelled("事業所名カナ"), SERVICE.spelled("サービスの種類"));

    private final String prefix;
    private final boolean numberRequired;
    private final Column name;
    private final Column kana;
    private final Column service;

    private CareColumns(String format, boolean numberRequired, Column name, Column kana, Column service) {
        this.prefix = format + ":";
        this.numberRequired = numberRequired;
        this.name = source("name", name);
        this.kana = source("name_kana", kana);
        this.service = source("category", service);
        source("address", ADDRESS);
        source("lat", LAT);
        source("lon", LON);
        source("phone", PHONE);
        source("url", URL);
        source("organizer", CORPORATION);
        source("external_id", OFFICE_NO);
        source("schedule", DAYS);
        source("description", REMARKS);
        source("postal_code", POSTAL_CODE);
    }

    @Override
    protected List<Column> requiredColumns() {
        List<Column> required = new ArrayList<>(List.of(name, service, ADDRESS));
        if (numberRequired) {
            required.add(OFFICE_NO);
        }
        return required;
    }

    @Override
    protected Map<String, String> fields(Cells row) {
        Map<String, String> f = emptyFields();
        common(row, f);
        String services = row.get(service);
        String no = officeNumber(row.get(OFFICE_NO));
        String id;
        if (no.isEmpty()) {
            String listId = nfkc(row.get(LIST_ID));
            id = listId.isEmpty() ? hash(row.get(name), f.get("address")) : listId;
        } else {
            id = no + ":" + nfkc(services);
        }
        f.put("external_id", prefix + id);
        f.put("name", row.get(name));
        f.put("name_kana", row.get(kana));
        f.put("category", category(services));
        f.put("home_visit", Boolean.toString(homeVisit(services)));
        String[] schedule = schedule(row.get(DAYS), times(row.get(OPENS), row.get(CLOSES)), row.get(NOTE));
        f.put("schedule", schedule[0]);
        String cap = nfkc(row.get(CAPACITY));
        f.put("description", join("\n", labelled("サービス", services),
                labelled("定員", cap.matches("0+") ? "" : cap.matches("\\d+") ? cap + "人" : cap),
                labelled("利用可能曜日", schedule[1]), row.get(REMARKS)));
        return f;
    }

    /** The 10-digit 事業所番号, its leading zeros back when Excel dropped them; other text as written. */
    static String officeNumber(String text) {
        String no = nfkc(text);
        return no.matches("\\d{1,9}") ? "0".repeat(10 - no.length()) + no : no;
    }

    static String category(String services) {
        return nfkc(services).contains("訪問看護") ? "home_nursing" : "care_service";
    }

    /** Services delivered in the resident's home: 訪問介護, 訪問入浴, 訪問看護, 訪問リハ, 定期巡回・随時対応型… */
    static boolean homeVisit(String services) {
        String s = nfkc(services);
        return s.contains("訪問") || s.contains("定期巡回");
    }
}
