package org.tsunagu.exchange.control;

import org.tsunagu.csv.CsvTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lists of 介護サービス事業所: the 推奨データセット's 介護サービス事業所一覧 (jp-care) and the MHLW
 * 介護サービス情報公表システム open data (mhlw-care) carry the same facts under different headers.
 * A service with 訪問看護 is home_nursing, anything else care_service; services whose staff come to
 * the home (訪問…, 定期巡回, 夜間対応型訪問介護) set home_visit. 利用可能曜日 (+ 特記事項) is the schedule,
 * the services, 定員 and 備考 the description.
 *
 * <p>External ids: jp-care lists one row per 事業所, so {@code jp-care:} + 事業所番号. The MHLW files come
 * one per service, and one 事業所番号 often runs several services (訪問介護 and 居宅介護支援 at one office),
 * so mhlw-care adds the service: {@code mhlw-care:1371234567:訪問介護} — otherwise importing the second
 * file would overwrite the first. Rows without 事業所番号 (jp-care only) fall back to a hash of name and
 * address.
 */
final class CareColumns extends OpenDataColumns {

    static final CareColumns JP_CARE = new CareColumns("jp-care", false, "介護サービス事業所名称",
            "介護サービス事業所名称_カナ", "実施サービス", "方書", "都道府県名", "市区町村名");
    static final CareColumns MHLW_CARE = new CareColumns("mhlw-care", true, "事業所名", "事業所名カナ",
            "サービスの種類", "方書（ビル名等）", "都道府県名", "市区町村名");

    private final String prefix;
    private final boolean perService;
    private final String name;
    private final String kana;
    private final String service;
    private final String addressColumn = source("address", "住所");
    private final String building;
    private final String pref;
    private final String city;
    private final String lat = source("lat", "緯度");
    private final String lon = source("lon", "経度");
    private final String phone = source("phone", "電話番号");
    private final String corporation = source("organizer", "法人の名称");
    private final String officeNo = source("external_id", "事業所番号");
    private final String days = source("schedule", "利用可能曜日");
    private final String daysNote = "利用可能曜日特記事項";
    private final String capacity = "定員";
    private final String url = source("url", "url");
    private final String remarks = source("description", "備考");

    private CareColumns(String format, boolean perService, String name, String kana, String service,
                        String building, String pref, String city) {
        this.prefix = format + ":";
        this.perService = perService;
        this.name = source("name", name);
        this.kana = source("name_kana", kana);
        this.service = source("category", service);
        this.building = building;
        this.pref = pref;
        this.city = city;
    }

    @Override
    public List<String> required() {
        List<String> required = new ArrayList<>(List.of(name, service, addressColumn));
        if (perService) {
            required.add(officeNo);
        }
        return required;
    }

    @Override
    public Map<String, String> fields(CsvTable.Row row) {
        Map<String, String> f = emptyFields();
        String address = address(row, addressColumn, building, pref, city);
        String services = row.get(service);
        String no = nfkc(row.get(officeNo));
        String id = no.isEmpty() ? hash(row.get(name), address) : no;
        if (perService && !no.isEmpty()) {
            id = id + ":" + nfkc(services);
        }
        f.put("external_id", prefix + id);
        f.put("name", row.get(name));
        f.put("name_kana", row.get(kana));
        f.put("category", category(services));
        f.put("home_visit", Boolean.toString(homeVisit(services)));
        f.put("address", address);
        f.put("lat", row.get(lat));
        f.put("lon", row.get(lon));
        f.put("phone", row.get(phone));
        f.put("url", url(row.get(url)));
        f.put("organizer", row.get(corporation));
        String[] schedule = schedule(row.get(days), "", row.get(daysNote));
        f.put("schedule", schedule[0]);
        String cap = nfkc(row.get(capacity));
        f.put("description", join("\n", labelled("サービス", services),
                labelled("定員", cap.matches("\\d+") ? cap + "人" : cap), labelled("利用可能曜日", schedule[1]),
                row.get(remarks)));
        return f;
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
