package org.tsunagu.exchange.boundary;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.tsunagu.Api;
import org.tsunagu.PortalIT;
import org.tsunagu.exchange.control.ResourceFormat;
import org.tsunagu.exchange.control.TsunaguColumns;
import org.tsunagu.csv.CsvTable;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Black-box tests of the open-data imports (jp-medical, jp-care, mhlw-care, in UTF-8, CP932 and with
 * a BOM; broken files; skipInvalid) and of the exports: the CSV imports back without a single change,
 * GeoJSON is a FeatureCollection of points, HSDS has its five tables linked by ids. Every test makes
 * its own resources (random codes) and checks what changed, not absolute counts.
 */
class ResourceExchangeIT extends PortalIT {

    static final String MEDICAL_HEADER = "都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,名称,名称_カナ,医療機関の種類,住所,方書,"
            + "緯度,経度,電話番号,内線番号,FAX番号,法人番号,法人の名称,医療機関コード,診療曜日,診療開始時間,診療終了時間,"
            + "診療日時特記事項,時間外における対応,診療科目,病床数,URL,備考\n";
    static final String CARE_HEADER = "都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,介護サービス事業所名称,"
            + "介護サービス事業所名称_カナ,実施サービス,住所,方書,緯度,経度,電話番号,内線番号,FAX番号,法人番号,法人の名称,事業所番号,"
            + "利用可能曜日,利用可能曜日特記事項,定員,URL,備考\n";
    static final String MHLW_HEADER = "都道府県コード又は市町村コード,No,都道府県名,市区町村名,事業所名,事業所名カナ,サービスの種類,住所,"
            + "方書（ビル名等）,緯度,経度,電話番号,FAX番号,法人番号,法人の名称,事業所番号,利用可能曜日,利用可能曜日特記事項,定員,URL,"
            + "高齢者の方と障害者の方が同時一体的に利用できるサービス,介護保険の通常の指定基準を満たしている,"
            + "障害福祉の通常の指定基準を満たしている,備考\n";

    static String code() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    static String word() {
        String kana = "あいうえおかきくけこさしすせそたちつてとなにぬねの";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            b.append(kana.charAt(ThreadLocalRandom.current().nextInt(kana.length())));
        }
        return b.toString();
    }

    static byte[] bom(String text) {
        return ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
    }

    Api.Reply importAs(Api who, String query, byte[] file) {
        return who.post("api/v1/imports/resources?" + query, "text/csv", file);
    }

    /** The published resources of exactly that name (search finds similar names too). */
    List<JsonObject> named(String name) {
        JsonObject r = anonymous.get("api/v1/resources?q=" + Api.q(name) + "&size=100").json();
        return r.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("name").equals(name)).toList();
    }

    JsonObject detailByName(String name) {
        List<JsonObject> found = named(name);
        assertEquals(1, found.size(), () -> name + " → " + found);
        long id = found.get(0).getJsonNumber("id").longValue();
        return anonymous.get("api/v1/resources/" + id).json();
    }

    int total(String name) {
        return named(name).size();
    }

    @Test
    void jp_medical_imports_maps_columns_and_updates_by_code() {
        Api core = anonymous.asDemo("core");
        String code = code();
        String clinic = "ひだまり" + word() + "内科";
        String dentist = word() + "歯科医院";
        String csv = MEDICAL_HEADER
                + "990001,1,みらい県,ひだまり市," + clinic + ",,無床診療所,緑が丘一丁目2-2,,,,099-111-2222,,,,医療法人ひだまり会,"
                + code + ",\"月,火,水,金\",09:00,17:00,日曜・祝日休診,急患は電話で相談,内科;循環器内科,0,,\n"
                + "990001,2,みらい県,ひだまり市," + dentist + ",,無床診療所,若葉一丁目12-6,,,,,,,,,,月火水木土,900,1800,,,"
                + "歯科;小児歯科,0,,\n";
        Api.Reply first = importAs(core, "format=jp-medical", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, first.status(), first::toString);
        assertEquals(2, first.json().getInt("created"), first::toString);
        JsonObject d = detailByName(clinic);
        assertEquals("jp-medical:" + code, d.getString("externalId"));
        assertEquals("clinic", d.getString("category"));
        assertEquals("月・火・水・金 9:00〜17:00（日曜・祝日休診）", d.getString("schedule"));
        assertTrue(d.getBoolean("scheduleParsed"), d::toString);
        assertEquals(List.of("内科", "循環器内科"), d.getJsonArray("departments").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("緑が丘一丁目", d.getString("town"), "geocoded to the town");
        assertEquals("hidamari-kita1", d.getString("centerCode"), "center from the catchment");
        assertTrue(d.getString("description").contains("急患は電話で相談"), d::toString);
        assertEquals("dental", detailByName(dentist).getString("category"));

        Api.Reply again = importAs(core, "format=jp-medical", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, again.status(), again::toString);
        assertEquals(0, again.json().getInt("created"), again::toString);
        assertEquals(2, again.json().getInt("updated"));
        assertEquals(2, again.json().getInt("unchanged"), "same file, same data");
        Api.Reply renamed = importAs(core, "format=jp-medical", csv.replace(clinic, clinic + "分院")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(1, renamed.json().getInt("unchanged"), renamed::toString);
        assertEquals(0, renamed.json().getInt("created"), "the 医療機関コード keeps it the same resource");
        assertEquals(clinic + "分院", detailByName(clinic + "分院").getString("name"));
    }

    @Test
    void jp_care_in_cp932_and_mhlw_care_with_bom() {
        Api core = anonymous.asDemo("core");
        String nursing = word() + "訪問看護ステーション";
        String day = "デイサービス" + word();
        String no = code();
        String care = CARE_HEADER
                + "990001,1,みらい県,ひだまり市," + nursing + ",,訪問看護,緑が丘二丁目3-3,,,,099-222-0001,,,,株式会社ひだまり," + no
                + ",月～金,祝日休み,,,24時間連絡体制あり\n"
                + "990001,2,みらい県,ひだまり市," + day + ",,通所介護,若葉一丁目12-6,,,,099-222-0002,,,,,,月火水木金土,,30,,\n";
        Api.Reply jp = importAs(core, "format=jp-care", care.getBytes(CsvTable.CP932));
        assertEquals(200, jp.status(), jp::toString);
        assertEquals(2, jp.json().getInt("created"), jp::toString);
        JsonObject n = detailByName(nursing);
        assertEquals("home_nursing", n.getString("category"));
        assertTrue(n.getBoolean("homeVisit"));
        assertEquals("jp-care:" + no + ":訪問看護", n.getString("externalId"), "the service keeps an office's services apart");
        assertEquals("月〜金（祝日休み）", n.getString("schedule"), "CP932 decoded");
        JsonObject dayService = detailByName(day);
        assertEquals("care_service", dayService.getString("category"));
        assertFalse(dayService.getBoolean("homeVisit"));

        String helper = "ヘルパーステーション" + word();
        String office = code();
        String mhlw = MHLW_HEADER
                + "990001,1,みらい県,ひだまり市," + helper + ",,訪問介護,みらい県ひだまり市緑が丘一丁目2-2,みどりビル1階,35.7748,139.4133,"
                + "099-333-0001,,,社会福祉法人みどり会," + office + ",月・火・水・木・金・土,,,https://midori.example,,,,\n"
                + "990001,2,みらい県,ひだまり市,ケアプラン" + helper + ",,居宅介護支援,みらい県ひだまり市緑が丘一丁目2-2,,,,"
                + "099-333-0002,,,社会福祉法人みどり会," + office + ",月～金,,,,,,,\n";
        Api.Reply m = importAs(core, "format=mhlw-care", bom(mhlw));
        assertEquals(200, m.status(), m::toString);
        assertEquals(2, m.json().getInt("created"), "one office number, two services, two resources: " + m);
        JsonObject h = detailByName(helper);
        assertEquals("mhlw-care:" + office + ":訪問介護", h.getString("externalId"));
        assertTrue(h.getBoolean("homeVisit"));
        assertEquals(35.7748, h.getJsonNumber("lat").doubleValue(), 1e-9);
        assertEquals("社会福祉法人みどり会", h.getString("organizer"));
    }

    @Test
    void a_broken_open_data_file_imports_its_valid_rows_and_lists_the_others() {
        Api core = anonymous.asDemo("core");
        String good = word() + "クリニック";
        String csv = MEDICAL_HEADER
                + "990001,1,みらい県,ひだまり市," + good + ",,無床診療所,緑が丘一丁目2-2,,,,,,,,," + code() + ",月,9:00,12:00,,,内科,0,,\n"
                + "990001,2,みらい県,ひだまり市," + word() + ",,助産所,緑が丘一丁目2-2,,,,,,,,," + code() + ",,,,,,,0,,\n"
                + "990001,3,みらい県,ひだまり市,,,病院,緑が丘一丁目2-2,,,,,,,,," + code() + ",,,,,,,0,,\n";
        Api.Reply dry = importAs(core, "format=jp-medical&dryRun=true", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, dry.status(), dry::toString);
        assertEquals(2, dry.json().getInt("rejected"));
        assertEquals(0, total(good), "a dry run stores nothing");

        // published open data always has a few broken rows: they are skipped and listed, the others import
        Api.Reply broken = importAs(core, "format=jp-medical", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, broken.status(), broken::toString);
        assertEquals(1, broken.json().getInt("created"), broken::toString);
        assertEquals(2, broken.json().getInt("rejected"), broken::toString);
        List<JsonObject> errors = broken.json().getJsonArray("errors").getValuesAs(JsonObject.class);
        assertTrue(errors.stream().anyMatch(e -> e.getInt("line") == 3 && e.getString("field").equals("医療機関の種類")),
                broken::toString);
        assertTrue(errors.stream().anyMatch(e -> e.getInt("line") == 4 && e.getString("field").equals("名称")),
                broken::toString);
        assertEquals(1, total(good), "the valid row is in");

        Api.Reply missing = importAs(core, "format=mhlw-care", bom("事業所名,サービスの種類,住所\nA,訪問介護,ひだまり市緑が丘一丁目\n"));
        assertEquals(400, missing.status(), missing::toString);
        assertTrue(missing.body().contains("事業所番号"), missing::toString);

        Api.Reply skipped = importAs(core, "format=jp-medical&skipInvalid=true", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, skipped.status(), skipped::toString);
        assertEquals(1, skipped.json().getInt("unchanged"), "the valid row is in already: " + skipped);
        assertEquals(2, skipped.json().getInt("rejected"));
        assertEquals(2, skipped.json().getJsonArray("errors").size(), skipped::toString);
        assertEquals(1, total(good));
    }

    @Test
    void an_import_of_several_write_chunks_is_searchable_when_it_answers_and_so_is_its_reimport() {
        // more rows than tsunagu.import.write-chunk (50 in the ITs): written in chunks within one transaction
        // and, above tsunagu.index.stage-from (20 in the ITs), analysed chunk by chunk while it is written
        int n = 120;
        String before = word();
        String after = word();
        String prefix = "it-chunks-" + code() + "-";
        StringBuilder csv = new StringBuilder("external_id,name,category,address,schedule\n");
        for (int i = 0; i < n; i++) {
            csv.append(prefix).append(i).append(',').append(before).append("サロン").append(i)
                    .append(",salon,ひだまり市緑が丘三丁目").append(i % 9 + 1).append(",毎週水曜日 10:00〜12:00\n");
        }
        Api.Reply first = importAs(admin, "format=tsunagu", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(200, first.status(), first::toString);
        assertEquals(n, first.json().getInt("created"), first::toString);
        assertTrue(anonymous.get("api/v1/resources?q=" + Api.q(before) + "&size=1").json().getInt("total") >= n,
                "every row searchable when the import answers");
        for (int i : new int[]{0, 49, 50, n - 1}) { // the first and last of the chunks
            assertEquals(1, total(before + "サロン" + i), "row " + i);
        }

        Api.Reply again = importAs(admin, "format=tsunagu",
                csv.toString().replace(before, after).getBytes(StandardCharsets.UTF_8));
        assertEquals(200, again.status(), again::toString);
        assertEquals(n, again.json().getInt("updated"), again::toString);
        assertEquals(0, again.json().getInt("unchanged"), again::toString);
        assertTrue(anonymous.get("api/v1/resources?q=" + Api.q(after) + "&size=1").json().getInt("total") >= n,
                "the renamed rows are found by their new names");
        for (int i : new int[]{0, 50, n - 1}) {
            assertEquals(1, total(after + "サロン" + i), "row " + i + " renamed");
            assertEquals(0, total(before + "サロン" + i), "row " + i + " no longer found by its old name");
        }
        JsonObject last = detailByName(after + "サロン" + (n - 1));
        assertTrue(last.getString("address").startsWith("ひだまり市緑が丘三丁目"), last::toString);
    }

    @Test
    void the_csv_export_imports_back_without_a_change() {
        Api core = anonymous.asDemo("core");
        String tricky = word() + "サロン";
        String id = "it-exchange-" + code();
        String csv = "external_id,name,category,description,address,phone,organizer,schedule,accessibility\n"
                + id + "," + tricky + ",salon,\"=1+1 は数式ではありません\n'=引用も\",ひだまり市緑が丘三丁目1,+81-99-000-0000,"
                + "-ひだまり会-,毎週月・木曜日 10:00〜11:30,@車いす可;段差なし\n";
        assertEquals(200, importAs(core, "format=tsunagu", csv.getBytes(StandardCharsets.UTF_8)).status());
        String viaApi = word() + "体操教室";
        Api.Reply created = core.postJson("api/v1/resources", "{\"name\":\"" + viaApi + "\",\"category\":\"exercise\","
                + "\"address\":\"ひだまり市緑が丘二丁目3-3\",\"schedule\":\"隔週水曜日 10:00〜11:00\"}");
        assertEquals(201, created.status(), created::toString);
        long apiId = created.json().getJsonNumber("id").longValue();

        Api.Reply export = admin.get("api/v1/exports/resources?format=csv");
        assertEquals(200, export.status(), export::toString);
        assertTrue(export.contentType().startsWith("text/csv"), export::toString);
        assertTrue(export.body().startsWith("\uFEFF" + String.join(",", TsunaguColumns.COLUMNS) + "\r\n"),
                "BOM and the header of formats.md");
        assertTrue(export.body().contains("\"'=1+1 は数式ではありません\n'=引用も\""), "formula cells escaped");
        assertTrue(export.body().contains(",'+81-99-000-0000,") && export.body().contains(",'-ひだまり会-\r\n")
                && export.body().contains(",'@車いす可;段差なし,"), () -> "every formula-like cell escaped: "
                + export.body().substring(export.body().indexOf(id)));
        assertTrue(export.body().contains("tsunagu:" + apiId + ","), "a resource without external id gets one");

        byte[] file = export.body().getBytes(StandardCharsets.UTF_8);
        CsvTable table = CsvTable.parse(file, ResourceFormat.TSUNAGU.requiredColumns());
        int rows = table.rows().size();
        assertTrue(rows > 300, "the demo resources and ours: " + rows);
        Map<String, String> mine = table.rows().stream().map(ResourceFormat.TSUNAGU::fields)
                .filter(f -> f.get("external_id").equals(id)).findFirst().orElseThrow();
        assertEquals("=1+1 は数式ではありません\n'=引用も", mine.get("description"));
        assertEquals("", mine.get("lat"), "a point that is just the town's is not pinned");

        Api.Reply back = importAs(admin, "format=tsunagu&dryRun=true", file);
        assertEquals(200, back.status(), back::toString);
        JsonObject summary = back.json();
        assertEquals(0, summary.getInt("created"), summary::toString);
        assertEquals(0, summary.getInt("rejected"), summary::toString);
        assertEquals(rows, summary.getInt("updated"), summary::toString);
        assertEquals(rows, summary.getInt("unchanged"), () -> "every row identical: " + summary);

        Api.Reply applied = importAs(admin, "format=tsunagu", file);
        assertEquals(200, applied.status(), applied::toString);
        assertEquals(rows, applied.json().getInt("unchanged"));
        Api.Reply after = admin.get("api/v1/exports/resources?format=csv");
        assertEquals(export.body(), after.body(), "importing the export changed nothing");
        assertEquals(created.json().getJsonNumber("version").longValue(),
                anonymous.get("api/v1/resources/" + apiId).json().getJsonNumber("version").longValue(),
                "unchanged rows are not written");
    }

    @Test
    void geojson_is_a_feature_collection_of_points() {
        Api.Reply r = anonymous.asDemo("staff").get("api/v1/exports/resources?format=geojson&category=pharmacy");
        assertEquals(200, r.status(), r::toString);
        assertTrue(r.contentType().startsWith("application/geo+json"), r::toString);
        JsonObject fc = r.json();
        assertEquals("FeatureCollection", fc.getString("type"));
        List<JsonObject> features = fc.getJsonArray("features").getValuesAs(JsonObject.class);
        assertFalse(features.isEmpty(), r::toString);
        for (JsonObject f : features) {
            assertEquals("Feature", f.getString("type"));
            JsonObject p = f.getJsonObject("properties");
            assertEquals("pharmacy", p.getString("category"));
            for (String key : List.of("id", "name", "address", "phone", "url", "schedule", "nextDates")) {
                assertTrue(p.containsKey(key), () -> key + " missing: " + f);
            }
        }
        JsonObject point = features.stream().filter(f -> f.get("geometry").getValueType() == jakarta.json.JsonValue.ValueType.OBJECT)
                .findFirst().orElseThrow().getJsonObject("geometry");
        assertEquals("Point", point.getString("type"));
        double lon = point.getJsonArray("coordinates").getJsonNumber(0).doubleValue();
        double lat = point.getJsonArray("coordinates").getJsonNumber(1).doubleValue();
        assertTrue(lon > 139 && lon < 140 && lat > 35 && lat < 36, "[lon, lat] order: " + point);
    }

    @Test
    void hsds_tables_are_linked_by_ids() {
        Api.Reply r = anonymous.asDemo("core").get("api/v1/exports/resources?format=hsds&center=hidamari-kita1");
        assertEquals(200, r.status(), r::toString);
        JsonObject hsds = r.json();
        Set<String> organizations = ids(hsds, "organization");
        Set<String> services = ids(hsds, "service");
        Set<String> locations = ids(hsds, "location");
        assertFalse(services.isEmpty(), r::toString);
        assertEquals(services.size(), locations.size());
        assertTrue(organizations.size() <= services.size() && !organizations.isEmpty());
        for (JsonObject s : hsds.getJsonArray("service").getValuesAs(JsonObject.class)) {
            assertTrue(organizations.contains(s.getString("organization_id")), s::toString);
            assertEquals("active", s.getString("status"));
        }
        for (JsonObject l : hsds.getJsonArray("location").getValuesAs(JsonObject.class)) {
            JsonObject a = l.getJsonArray("addresses").getJsonObject(0);
            assertEquals("JP", a.getString("country"));
            assertTrue(a.containsKey("address_1") && a.containsKey("city") && a.containsKey("postal_code"), l::toString);
        }
        Set<String> links = new HashSet<>();
        for (JsonObject sal : hsds.getJsonArray("service_at_location").getValuesAs(JsonObject.class)) {
            assertTrue(services.contains(sal.getString("service_id")) && locations.contains(sal.getString("location_id")));
            links.add(sal.getString("id"));
        }
        List<JsonObject> schedules = hsds.getJsonArray("schedule").getValuesAs(JsonObject.class);
        assertFalse(schedules.isEmpty());
        for (JsonObject s : schedules) {
            assertTrue(services.contains(s.getString("service_id")) && links.contains(s.getString("service_at_location_id")));
        }
        assertTrue(schedules.stream().anyMatch(s -> s.getString("freq", "").equals("MONTHLY")
                && s.getString("byday", "").matches("[1-5-]+[A-Z]{2}.*") && s.getString("opens_at", "").endsWith("+09:00")),
                () -> schedules.stream().limit(5).map(Object::toString).collect(Collectors.joining("\n")));
    }

    static Set<String> ids(JsonObject hsds, String table) {
        return hsds.getJsonArray(table).getValuesAs(JsonObject.class).stream().map(o -> o.getString("id"))
                .collect(Collectors.toSet());
    }

    @Test
    void export_parameters_and_roles() {
        Api staff = anonymous.asDemo("staff");
        assertEquals(400, staff.get("api/v1/exports/resources?format=xml").status());
        assertEquals(400, staff.get("api/v1/exports/resources?category=spa").status());
        Api.Reply center = staff.get("api/v1/exports/resources?center=nowhere");
        assertEquals(400, center.status(), center::toString);
        assertTrue(center.body().contains("\"center\""), center::toString);
        assertEquals(401, anonymous.get("api/v1/exports/resources").status());
        assertEquals(403, anonymous.asDemo("partner").get("api/v1/exports/resources").status());
        Api.Reply kita = staff.get("api/v1/exports/resources?format=csv&center=hidamari-kita1&category=salon");
        assertEquals(200, kita.status(), kita::toString);
        CsvTable t = CsvTable.parse(kita.body().getBytes(StandardCharsets.UTF_8), List.of("center_code", "category"));
        assertFalse(t.rows().isEmpty());
        assertTrue(t.rows().stream().allMatch(row -> row.get("center_code").equals("hidamari-kita1")
                && row.get("category").equals("salon")), "filters apply");
    }
}
