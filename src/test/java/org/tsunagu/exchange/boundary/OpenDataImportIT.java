package org.tsunagu.exchange.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tsunagu.Api;
import org.tsunagu.PortalIT;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Black-box tests of the published open data as downloaded (../shared/data/open-data), posted to the
 * running portal unchanged for 練馬区 (131202) and 小平市 (132110), whose towns come from
 * ../shared/data/towns: rows of other municipalities skipped and counted, national-size files as
 * background jobs (202, progress, 409 for a second, dry run), re-imports that update in place, list what
 * vanished for staff to confirm 掲載終了, and keep what staff added.
 */
class OpenDataImportIT extends PortalIT {

    static final String NERIMA = "131202";
    static final String KODAIRA = "132110";
    static final String MHLW_HEADER = "都道府県コード又は市町村コード,No,都道府県名,市区町村名,事業所名,事業所名カナ,サービスの種類,住所,"
            + "方書（ビル名等）,緯度,経度,電話番号,FAX番号,法人番号,法人の名称,事業所番号,利用可能曜日,利用可能曜日特記事項,定員,URL,"
            + "高齢者の方と障害者の方が同時一体的に利用できるサービス,介護保険の通常の指定基準を満たしている,"
            + "障害福祉の通常の指定基準を満たしている,備考\n";

    private static boolean areas;
    private static String nerimaStaff;
    static final String PASSWORD = "opendata-import-staff-2026";

    static Path shared(String relative) {
        return Path.of(System.getProperty("tsunagu.shared", "../shared")).resolve(relative);
    }

    static byte[] read(String relative) throws Exception {
        return Files.readAllBytes(shared(relative));
    }

    /** 練馬区 and 小平市 with one core center each and every town of ../shared/data/towns (once per server). */
    @BeforeEach
    void municipalities() throws Exception {
        synchronized (OpenDataImportIT.class) {
            if (areas) {
                return;
            }
            // 練馬区's centers exactly as TownSourcesIT makes them (the ITs share one server; one core per municipality)
            municipality(NERIMA, "nerima-it-core", "center_code,name,kind,region,address,phone,email\n"
                    + "nerima-it-core,練馬区地域包括支援センター（基幹型・試験）,core,全域,東京都練馬区豊玉北6-12-1,03-0000-1001,\n"
                    + "nerima-it-asahi,旭丘地域包括支援センター（試験）,commissioned,南部,東京都練馬区旭丘1-1-1,03-0000-1002,\n");
            municipality(KODAIRA, "kodaira-od-core", "center_code,name,kind,region,address,phone,email\n"
                    + "kodaira-od-core,小平市地域包括支援センター（基幹型・取込試験）,core,全域,東京都小平市小川町2-1333,03-0000-0000,\n");
            nerimaStaff = Api.token("odstaff");
            Api.Reply account = admin.postJson("api/v1/accounts", "{\"username\":\"" + nerimaStaff + "\",\"password\":\""
                    + PASSWORD + "\",\"role\":\"core\",\"centerCode\":\"nerima-it-core\"}");
            assertEquals(201, account.status(), account::toString);
            areas = true;
        }
    }

    /** The centers, then every town of ../shared/data/towns for the municipality, all in the core center's catchment. */
    void municipality(String code, String center, String centers) throws Exception {
        Api.Reply c = admin.post("api/v1/imports/centers", "text/csv", centers.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, c.status(), c::toString);
        List<String> towns = Files.readAllLines(shared("data/towns/geolonia_towns_" + code + ".csv"), StandardCharsets.UTF_8);
        StringBuilder catchment = new StringBuilder("city_code,pref_name,city_name,town,koaza,lat,lon,center_code,town_kana\n");
        for (String line : towns.subList(1, towns.size())) {
            String[] cells = line.split(",", -1);
            catchment.append(String.join(",", cells[2], cells[1], cells[3], cells[4], cells[7], cells[8], cells[9], center, ""))
                    .append('\n');
        }
        Api.Reply t = admin.post("api/v1/imports/towns", "text/csv", catchment.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(200, t.status(), t::toString);
    }

    Api.Reply post(String query, String type, byte[] body) {
        return admin.post("api/v1/imports/resources?" + query, type, body);
    }

    /** Follows a 202 to the job's end (or returns the 200 summary). */
    JsonObject finished(Api.Reply r) throws InterruptedException {
        assertTrue(r.status() == 200 || r.status() == 202, r::toString);
        if (r.status() == 200) {
            return r.json();
        }
        String location = "api/v1/import-jobs/" + r.json().getString("id");
        String header = r.raw().headers().firstValue("Location").orElseThrow();
        assertTrue(header.endsWith("/" + location), header);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject job = admin.get(location).json();
            String state = job.getString("state");
            if (state.equals("done") || state.equals("failed")) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the job did not end within 120 s: " + admin.get(location));
    }

    JsonObject detailByExternalId(String name) {
        JsonObject r = anonymous.get("api/v1/resources?q=" + Api.q(name) + "&size=50").json();
        List<JsonObject> found = r.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("name").equals(name)).toList();
        assertEquals(1, found.size(), () -> name + " → " + r);
        return anonymous.get("api/v1/resources/" + found.get(0).getJsonNumber("id").longValue()).json();
    }

    static String no() {
        return "13" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
    }

    /** One MHLW row (訪問介護 unless said) in 練馬区 at a real town. */
    static String mhlwRow(String city, String cityName, String officeNo, String name, String address, String service) {
        return String.join(",", city, officeNo, "東京都", cityName, name, "", service, address, "", "", "", "03-0000-0001", "", "",
                "株式会社つなぐ試験", officeNo, "\"平日,土曜日\"", "", "0", "", "", "", "", "") + "\n";
    }

    @Test
    void the_mhlw_sample_imports_its_municipality_and_counts_the_others() throws Exception {
        Api.Reply r = post("format=mhlw-care&municipality=" + NERIMA, "text/csv", read("data/open-data/mhlw_jigyosho_130.csv"));
        JsonObject s = finished(r);
        assertEquals(200, r.status(), r::toString);
        assertEquals(5, s.getInt("created") + s.getInt("updated"), s::toString);
        assertEquals(3, s.getInt("skippedOtherMunicipality"), "2 小平市 rows and 1 札幌市 row: " + s);
        assertEquals(0, s.getInt("rejected"), s::toString);
        JsonObject nurse = detailByExternalId("ねりま桜台訪問看護ステーション");
        assertEquals("home_nursing", nurse.getString("category"), nurse::toString);
        assertTrue(nurse.getBoolean("homeVisit"), nurse::toString);
        assertTrue(nurse.getJsonObject("center").getString("code").equals("nerima-it-core"), nurse::toString);
        assertFalse(nurse.toString().contains("定員：0"), "定員 0 means not applicable: " + nurse);

        // the same file for 小平市: its two rows, the others skipped
        JsonObject k = finished(post("format=mhlw-care&municipality=" + KODAIRA, "text/csv",
                read("data/open-data/mhlw_jigyosho_130.csv")));
        assertEquals(2, k.getInt("created") + k.getInt("updated"), k::toString);
        assertEquals(6, k.getInt("skippedOtherMunicipality"), k::toString);
        assertEquals("kodaira-od-core", detailByExternalId("訪問看護ステーション津田町").getJsonObject("center").getString("code"));

        // an admin naming no municipality for a national file is told to name one; nothing changes
        Api.Reply none = post("format=mhlw-care", "text/csv", read("data/open-data/mhlw_jigyosho_130.csv"));
        assertEquals(400, none.status(), none::toString);
        assertTrue(none.isProblem());
        assertTrue(none.body().contains("municipality"), none::toString);
        Api.Reply unknown = post("format=mhlw-care&municipality=472018", "text/csv", read("data/open-data/mhlw_jigyosho_130.csv"));
        assertEquals(400, unknown.status(), unknown::toString);
    }

    @Test
    void a_national_size_file_runs_as_a_job_with_progress_and_imports_only_its_municipality() throws Exception {
        String word = Api.token("natl");
        StringBuilder csv = new StringBuilder("\uFEFF").append(MHLW_HEADER);
        int others = 0;
        int ours = 0;
        String[][] places = {{"011011", "札幌市中央区", "札幌市中央区大通西9丁目9-9"}, {"271004", "大阪市", "大阪市北区梅田1-1-1"},
                {KODAIRA, "小平市", "小平市小川町二丁目1-1"}};
        for (int i = 0; csv.length() < 3_000_000; i++) {
            if (i % 200 == 0) {
                csv.append(mhlwRow(NERIMA, "練馬区", no(), "訪問介護" + word + " " + i, "練馬区豊玉北六丁目" + (i % 20 + 1) + "-1", "訪問介護"));
                ours++;
            } else {
                String[] p = places[i % places.length];
                csv.append(mhlwRow(p[0], p[1], no(), "訪問介護" + word + " " + i, p[2], "訪問介護"));
                others++;
            }
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(file.length > 2 * 1024 * 1024, "larger than the 1 MiB body limit of other requests");
        Api.Reply accepted = post("format=mhlw-care&municipality=" + NERIMA, "text/csv", file);
        assertEquals(202, accepted.status(), accepted::toString);
        assertTrue(List.of("queued", "running").contains(accepted.json().getString("state")), accepted::toString);
        JsonObject job = finished(accepted);
        assertEquals("done", job.getString("state"), job::toString);
        assertEquals(ours, job.getInt("created"), job::toString);
        assertEquals(others, job.getInt("skippedOtherMunicipality"), job::toString);
        assertEquals(ours + others, job.getInt("rowsRead"), job::toString);
        assertEquals(ours + others, job.getInt("rowsTotal"), job::toString);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int found;
        while ((found = anonymous.get("api/v1/resources?q=" + word + "&size=1").json().getInt("total")) != ours
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(ours, found, "every imported row is searchable");

        // another user of another municipality does not see the job
        Api.Reply foreign = anonymous.asDemo("staff").get("api/v1/import-jobs/" + job.getString("id"));
        assertEquals(404, foreign.status(), foreign::toString);
        assertEquals(404, admin.get("api/v1/import-jobs/not-a-job").status());
    }

    @Test
    void a_second_job_for_the_same_municipality_and_format_gets_409_and_a_dry_run_job_changes_nothing() throws Exception {
        String word = Api.token("busy");
        StringBuilder csv = new StringBuilder(MHLW_HEADER);
        for (int i = 0; csv.length() < 8_000_000; i++) {
            String[] p = i % 50 == 0 ? new String[]{KODAIRA, "小平市", "小平市小川町二丁目" + (i % 9 + 1) + "-1"}
                    : new String[]{"271004", "大阪市", "大阪市北区梅田1-1-1"};
            csv.append(mhlwRow(p[0], p[1], no(), "通所" + word + " " + i, p[2], "通所介護"));
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        Api.Reply dry = post("format=mhlw-care&dryRun=true&municipality=" + KODAIRA, "text/csv", file);
        assertEquals(202, dry.status(), dry::toString);
        Api.Reply second = post("format=mhlw-care&municipality=" + KODAIRA, "text/csv", file);
        JsonObject dryJob = finished(dry);
        if (second.status() == 202) {
            // only when the first had ended before the second arrived
            JsonObject secondJob = finished(second);
            assertTrue(dryJob.getString("finishedAt").compareTo(secondJob.getString("requestedAt")) <= 0,
                    "two jobs of one municipality and format ran at once: " + dryJob + " / " + secondJob);
        } else {
            assertEquals(409, second.status(), second::toString);
            assertTrue(second.isProblem());
        }
        assertEquals("done", dryJob.getString("state"), dryJob::toString);
        assertTrue(dryJob.getBoolean("dryRun"));
        assertTrue(dryJob.getInt("created") > 0, dryJob::toString);
        if (second.status() == 409) {
            assertEquals(0, anonymous.get("api/v1/resources?q=" + word + "&size=1").json().getInt("total"),
                    "the dry run stored nothing");
        }
    }

    @Test
    void a_reimport_updates_in_place_lists_what_vanished_and_keeps_what_staff_added() throws Exception {
        String word = "再取込" + Api.token("v");
        // a service of its own: what vanished is counted per service, and other tests import 訪問介護 in 練馬区 too
        String service = "訪問介護（" + word + "）";
        String[] nos = {no(), no(), no()};
        String[] towns = {"練馬区豊玉北六丁目1-1", "練馬区桜台二丁目1-5", "練馬区高野台一丁目7-7"};
        StringBuilder first = new StringBuilder(MHLW_HEADER);
        for (int i = 0; i < 3; i++) {
            first.append(mhlwRow(NERIMA, "練馬区", nos[i], word + i, towns[i], service));
        }
        JsonObject a = finished(post("format=mhlw-care&municipality=" + NERIMA, "text/csv", first.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(3, a.getInt("created"), a::toString);

        // staff add what the source does not carry (who it is for, the cost)
        JsonObject detail = detailByExternalId(word + "0");
        long id = detail.getJsonNumber("id").longValue();
        JsonObjectBuilder edit = Json.createObjectBuilder();
        for (String key : List.of("name", "address", "phone", "description", "schedule", "externalId", "organizer")) {
            if (detail.containsKey(key) && detail.get(key).getValueType() == JsonValue.ValueType.STRING) {
                edit.add(key, detail.getString(key));
            }
        }
        edit.add("category", detail.getString("category")).add("homeVisit", true)
                .add("target", "要介護1〜5の方").add("version", detail.getJsonNumber("version").longValue());
        Api.Reply put = anonymous.as(nerimaStaff, PASSWORD).putJson("api/v1/resources/" + id, edit.build().toString());
        assertEquals(200, put.status(), put::toString);

        // the next half-year's file: row 1 renamed, row 2 unchanged, row 3 gone
        String renamed = word + "0改";
        String second = MHLW_HEADER + mhlwRow(NERIMA, "練馬区", nos[0], renamed, towns[0], service)
                + mhlwRow(NERIMA, "練馬区", nos[1], word + 1, towns[1], service);
        JsonObject b = finished(post("format=mhlw-care&municipality=" + NERIMA, "text/csv", second.getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, b.getInt("created"), b::toString);
        assertEquals(2, b.getInt("updated"), b::toString);
        assertEquals(1, b.getInt("unchanged"), b::toString);
        assertEquals(1, b.getInt("vanished"), b::toString);
        JsonObject after = detailByExternalId(renamed);
        assertEquals(id, after.getJsonNumber("id").longValue(), "updated in place");
        assertEquals("要介護1〜5の方", after.getString("target"), "what staff added survives: " + after);

        String jobId = b.getString("id");
        JsonObject vanished = admin.get("api/v1/import-jobs/" + jobId + "/vanished").json();
        assertEquals(1, vanished.getJsonArray("items").size(), vanished::toString);
        JsonObject gone = vanished.getJsonArray("items").getJsonObject(0);
        assertEquals(word + 2, gone.getString("name"));
        // never withdrawn by the import itself
        assertEquals(200, anonymous.get("api/v1/resources/" + gone.getJsonNumber("id")).status());

        Api core = anonymous.as(nerimaStaff, PASSWORD);
        Api.Reply byAdmin = admin.postJson("api/v1/import-jobs/" + jobId + "/vanished", "{\"withdraw\": []}");
        assertEquals(403, byAdmin.status(), "withdrawing is a resource edit, staff's: " + byAdmin);
        Api.Reply wrong = core.postJson("api/v1/import-jobs/" + jobId + "/vanished", "{\"withdraw\": [" + id + "]}");
        assertEquals(400, wrong.status(), "only resources the job listed: " + wrong);
        Api.Reply confirm = core.postJson("api/v1/import-jobs/" + jobId + "/vanished",
                "{\"withdraw\": [" + gone.getJsonNumber("id") + "]}");
        assertEquals(200, confirm.status(), confirm::toString);
        assertEquals(0, confirm.json().getJsonArray("items").size(), confirm::toString);
        assertEquals(404, anonymous.get("api/v1/resources/" + gone.getJsonNumber("id")).status(), "掲載終了");
        List<String> names = new ArrayList<>();
        anonymous.get("api/v1/resources?q=" + Api.q(word) + "&size=10").json().getJsonArray("items")
                .forEach(v -> names.add(v.asJsonObject().getString("name")));
        assertFalse(names.contains(word + 2), names::toString);
    }

    @Test
    void an_address_that_routes_to_no_town_is_an_error_row_while_the_others_import() throws Exception {
        String word = "経路" + Api.token("r");
        String csv = MHLW_HEADER + mhlwRow(NERIMA, "練馬区", no(), word + "ok", "練馬区豊玉北六丁目2-2", "訪問介護")
                + mhlwRow(NERIMA, "練馬区", no(), word + "ng", "練馬区どこにもない町9-9", "訪問介護");
        JsonObject s = finished(post("format=mhlw-care&municipality=" + NERIMA, "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, s.getInt("created"), s::toString);
        assertEquals(1, s.getInt("rejected"), s::toString);
        JsonObject error = s.getJsonArray("errors").getJsonObject(0);
        assertEquals(3, error.getInt("line"), s::toString);
        assertEquals("住所", error.getString("field"), s::toString);
    }

    @Test
    void a_salon_list_in_the_wordings_municipalities_publish_is_searchable_by_date() throws Exception {
        JsonObject s = finished(post("format=tsunagu", "text/csv", read("data/open-data/tsunagu_salons_real_schedule_styles.csv")));
        assertEquals(10, s.getInt("created") + s.getInt("updated"), s::toString);
        assertEquals(0, s.getInt("rejected"), s::toString);
        // 「毎月第1～3水曜日（午前10時～午後3時）」: the third Wednesday of December 2026 is the 16th, the fourth the 23rd
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!found("上石神井いきいき体操", null) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(found("豊玉いきいきサロン", "2026-12-16"), () -> "on the third Wednesday: " + detailByExternalId("豊玉いきいきサロン"));
        assertFalse(found("豊玉いきいきサロン", "2026-12-23"), "not on the fourth");
        // 「毎月第2・4金曜日（午前9時～午後2時）」: 12-11 and 12-25 are the second and fourth Fridays
        assertTrue(found("桜台ふれあいサロン", "2026-12-25"));
        assertFalse(found("桜台ふれあいサロン", "2026-12-18"));
    }

    boolean found(String name, String date) {
        JsonObject r = anonymous.get("api/v1/resources?q=" + Api.q(name) + (date == null ? "" : "&date=" + date) + "&size=20").json();
        return r.getJsonArray("items").getValuesAs(JsonObject.class).stream().anyMatch(i -> i.getString("name").equals(name));
    }

    static final String NAVII_FACILITIES = "data/open-data/navii_02-1_clinic_facility_info_20250601.csv";
    static final String NAVII_HOURS = "data/open-data/navii_02-2_clinic_speciality_hours_20250601.csv";

    /** The files as multipart parts, as a browser or curl -F sends them. */
    static byte[] multipart(String boundary, String... files) throws Exception {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        int n = 0;
        for (String file : files) {
            String name = Path.of(file).getFileName().toString();
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file" + (n++) + "\"; filename=\"" + name
                    + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(read(file));
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** The files in one ZIP, as the MHLW publishes them (hours first: the order must not matter). */
    static byte[] zip(String... files) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (String file : files) {
                zip.putNextEntry(new java.util.zip.ZipEntry("02_clinic/" + Path.of(file).getFileName()));
                zip.write(read(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void the_navii_clinic_pair_imports_as_published_with_departments_and_hours() throws Exception {
        String boundary = "tsunagu-" + Api.token("b");
        Api.Reply parts = post("format=navii&municipality=" + NERIMA, "multipart/form-data; boundary=" + boundary,
                multipart(boundary, NAVII_FACILITIES, NAVII_HOURS));
        JsonObject s = finished(parts);
        assertEquals(4, s.getInt("created") + s.getInt("updated"), s::toString);
        assertEquals(1, s.getInt("skippedOtherMunicipality"), "the 小平市 clinic: " + s);
        assertEquals(0, s.getInt("rejected"), s::toString);

        // the same pair as the published ZIP: nothing changes
        JsonObject again = finished(post("format=navii&municipality=" + NERIMA, "application/zip", zip(NAVII_HOURS, NAVII_FACILITIES)));
        assertEquals(4, again.getInt("unchanged"), again::toString);
        assertEquals(0, again.getInt("vanished"), again::toString);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!found("春日町ファミリークリニック", null) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        JsonObject kasuga = detailByExternalId("春日町ファミリークリニック");
        assertEquals("clinic", kasuga.getString("category"), kasuga::toString);
        assertEquals("navii:1321200000044", kasuga.getString("externalId"), kasuga::toString);
        assertFalse(kasuga.getJsonArray("departments").isEmpty(), kasuga::toString);
        assertEquals("nerima-it-core", kasuga.getJsonObject("center").getString("code"), kasuga::toString);
        // 月・火・木〜土 (水曜・日曜・祝日休診): Thursday 2026-12-17 open, Wednesday 12-16 closed
        assertTrue(found("春日町ファミリークリニック", "2026-12-17"), kasuga::toString);
        assertFalse(found("春日町ファミリークリニック", "2026-12-16"), kasuga::toString);
        String page = anonymous.get("resources/" + kasuga.getJsonNumber("id")).body();
        assertTrue(page.contains("id=\"phone-not-in-source\""), "the page says the source has no phone");

        // the facility file alone would list clinics without hours: refused, with the reason
        Api.Reply alone = post("format=navii&municipality=" + NERIMA, "text/csv", read(NAVII_FACILITIES));
        assertEquals(400, alone.status(), alone::toString);
        assertTrue(alone.body().contains("診療時間"), alone::toString);
        Api.Reply notNavii = post("format=navii&municipality=" + NERIMA, "text/csv", read("data/open-data/mhlw_jigyosho_130.csv"));
        assertEquals(400, notNavii.status(), notNavii::toString);
    }

    /** The rows of 練馬区 in a sample, counted from the file (its code column, 6 or 5 digits) rather than assumed. */
    static long nerimaRows(String file, java.nio.charset.Charset charset) throws Exception {
        List<String> lines = Files.readAllLines(shared("data/open-data/" + file), charset);
        return lines.stream().skip(1).filter(l -> l.replace("\"", "").startsWith("13120")).count();
    }

    @Test
    void every_published_list_layout_imports_unchanged_for_its_municipality() throws Exception {
        java.nio.charset.Charset sjis = java.nio.charset.Charset.forName("windows-31j");
        Object[][] samples = {
                {"jp-care", "jichitai_std_kaigo_jigyosho_ichiran.csv", StandardCharsets.UTF_8},
                {"jp-medical", "suisho_iryokikan_ichiran_cp932.csv", sjis},
                {"jp-care", "suisho_kaigo_jigyosho_ichiran_cp932.csv", sjis},
                {"mhlw-care", "mhlw_jigyosho_150.csv", StandardCharsets.UTF_8}};
        for (Object[] sample : samples) {
            String file = (String) sample[1];
            long ours = nerimaRows(file, (java.nio.charset.Charset) sample[2]);
            JsonObject s = finished(post("format=" + sample[0] + "&municipality=" + NERIMA, "text/csv", read("data/open-data/" + file)));
            assertEquals(ours, s.getInt("created") + s.getInt("updated"), file + ": " + s);
            assertEquals(0, s.getInt("rejected"), file + ": " + s);
            long all = Files.readAllLines(shared("data/open-data/" + file), (java.nio.charset.Charset) sample[2]).stream().skip(1)
                    .filter(l -> !l.isBlank()).count();
            assertEquals(all - ours, s.getInt("skippedOtherMunicipality"), file + ": " + s);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!found("たかのだい歯科", null) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals("dental", detailByExternalId("たかのだい歯科").getString("category"));
        assertEquals("hospital", detailByExternalId("練馬中央病院").getString("category"));
        assertEquals("pharmacy", detailByExternalId("春日町薬局").getString("category"));
        JsonObject visiting = detailByExternalId("定期巡回ステーション土支田");
        assertTrue(visiting.getBoolean("homeVisit"), visiting::toString);
        assertEquals("nerima-it-core", visiting.getJsonObject("center").getString("code"), visiting::toString);
    }

    @Test
    void a_current_layout_medical_list_built_from_the_description_imports_with_departments_written_out() throws Exception {
        // no published sample of the 自治体標準 医療機関一覧 exists: this file follows the README and デジタル庁's column list
        byte[] file;
        try (var in = getClass().getResourceAsStream("/open-data/jichitai_std_iryokikan_ichiran.csv")) {
            file = in.readAllBytes();
        }
        JsonObject s = finished(post("format=jp-medical&municipality=" + NERIMA, "text/csv", file));
        assertEquals(3, s.getInt("created") + s.getInt("updated"), s::toString);
        assertEquals(1, s.getInt("skippedOtherMunicipality"), "the dentist whose 所在地 is in 小平市: " + s);
        assertEquals(0, s.getInt("rejected"), s::toString);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!found("石神井こどもクリニック", null) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        JsonObject kids = detailByExternalId("石神井こどもクリニック");
        assertTrue(kids.getJsonArray("departments").toString().contains("小児科"), "「小」 written out: " + kids);
        assertTrue(kids.getString("address").contains("石神井町三丁目"), "the address from the split columns: " + kids);
        assertEquals("hospital", detailByExternalId("光が丘総合病院").getString("category"));
        JsonObject r = anonymous.get("api/v1/resources?q=" + Api.q("内科") + "&size=100").json();
        assertTrue(r.toString().contains("石神井こどもクリニック"), "a search for 内科 finds the list's 「内」");
    }
}
