package org.tsunagu.areas.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.tsunagu.Api;
import org.tsunagu.PortalIT;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Black-box tests of the areas API on the real WAR in Payara Micro (demo profile): centers and
 * towns imports (including broken files that must change nothing), the address lookup in mixed
 * notations on the Shiroi sample catchment, authentication and error shapes, health.
 */
class AreasIT extends PortalIT {

    static Path shared(String relative) {
        return Path.of(System.getProperty("tsunagu.shared", "../shared")).resolve(relative);
    }

    static byte[] read(String relative) throws IOException {
        return Files.readAllBytes(shared(relative));
    }

    void importShiroi() throws IOException {
        Api.Reply centers = admin.post("api/v1/imports/centers", "text/csv",
                read("data/catchments/shiroi-sample-centers.csv"));
        assertEquals(200, centers.status(), centers::toString);
        Api.Reply towns = admin.post("api/v1/imports/towns", "text/csv",
                read("data/catchments/shiroi-sample-catchment.csv"));
        assertEquals(200, towns.status(), towns::toString);
    }

    JsonObject lookup(String address) {
        Api.Reply r = anonymous.get("api/v1/centers/lookup?address=" + Api.q(address));
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    @Test
    void health_is_up() {
        Api.Reply r = new Api(Api.loopback(base).resolve("/")).get("health");
        assertEquals(200, r.status(), r::toString);
        assertTrue(r.body().contains("\"UP\""), r::toString);
    }

    @Test
    void demo_municipality_is_loaded_with_one_core_center() {
        Api.Reply r = anonymous.get("api/v1/centers?municipality=990001");
        assertEquals(200, r.status(), r::toString);
        JsonArray centers = r.array();
        assertTrue(centers.size() >= 6, r::toString);
        long cores = centers.stream().map(JsonObject.class::cast).filter(c -> c.getString("kind").equals("core")).count();
        assertEquals(1, cores);
        int towns = centers.stream().map(JsonObject.class::cast).mapToInt(c -> c.getJsonArray("towns").size()).sum();
        assertTrue(towns >= 60, "towns: " + towns);
    }

    @Test
    void shiroi_addresses_in_mixed_notations_find_their_center() throws IOException {
        importShiroi();
        Map<String, String[]> expected = new java.util.LinkedHashMap<>();
        expected.put("千葉県白井市池の上1-2-3", new String[]{"shiroi-ekimae", "池の上一丁目", "town"});
        expected.put("白井市池の上三丁目5番地", new String[]{"nishishiroi-ekimae", "池の上三丁目", "town"});
        expected.put("池の上３－１－１", new String[]{"nishishiroi-ekimae", "池の上三丁目", "town"});
        expected.put("白井市今井123", new String[]{"shiroi-chokuei", "今井", "town"});
        expected.put("千葉県白井市大山口二丁目5番1号", new String[]{"nishishiroi-ekimae", "大山口二丁目", "town"});
        expected.put("白井市根字木戸前12", new String[]{"nishishiroi-ekimae", "根 木戸前", "town"});
        expected.put("白井市根123", new String[]{"shiroi-ekimae", "根", "town"});
        expected.put("白井市冨士西5", new String[]{"nishishiroi-ekimae", "冨士 西", "town"});
        expected.put("白井市七次台３丁目１－２", new String[]{"shiroi-ekimae", "七次台三丁目", "town"});
        expected.put("七次台2ー3ー4", new String[]{"nishishiroi-ekimae", "七次台二丁目", "town"});
        expected.put("白井市堀込3丁目2番1号", new String[]{"nishishiroi-ekimae", "堀込三丁目", "town"});
        expected.put("白井市堀込一丁目", new String[]{"shiroi-ekimae", "堀込一丁目", "town"});
        expected.put("白井市十余一５", new String[]{"shiroi-chokuei", "十余一", "town"});
        expected.put("千葉県 白井市 西白井 4-1-1", new String[]{"nishishiroi-ekimae", "西白井四丁目", "town"});
        expected.put("白井市南山二丁目5番地1", new String[]{"shiroi-ekimae", "南山二丁目", "town"});
        expected.put("白井市中 123", new String[]{"shiroi-chokuei", "中", "town"});
        expected.put("白井市桜台1-1", new String[]{"shiroi-chokuei", "桜台一丁目", "town"});
        expected.put("白井市けやき台２丁目３番地の５", new String[]{"nishishiroi-ekimae", "けやき台二丁目", "town"});
        for (var e : expected.entrySet()) {
            JsonObject r = lookup(e.getKey());
            String[] want = e.getValue();
            assertEquals(want[2], r.getString("matched"), () -> e.getKey() + " → " + r);
            assertEquals(want[1], r.getString("town"), () -> e.getKey() + " → " + r);
            assertEquals(want[0], r.getJsonObject("center").getString("code"), () -> e.getKey() + " → " + r);
            assertTrue(r.getJsonNumber("lat").doubleValue() > 35.7, () -> e.getKey() + " → " + r);
        }
        JsonObject unknown = lookup("千葉県白井市どこにもない町1-1");
        assertEquals("none", unknown.getString("matched"));
        assertEquals("shiroi-chokuei", unknown.getJsonObject("center").getString("code"), unknown::toString);

        Api.Reply center = anonymous.get("api/v1/centers/shiroi-ekimae");
        assertEquals(200, center.status());
        assertTrue(center.json().getJsonArray("towns").getValuesAs(jakarta.json.JsonString.class).stream()
                .anyMatch(t -> t.getString().equals("池の上一丁目")), center::toString);
        assertEquals("122327", center.json().getString("municipality"));
    }

    @Test
    void reimporting_in_cp932_and_with_bom_gives_the_same_routing() throws IOException {
        importShiroi();
        String csv = new String(read("data/catchments/shiroi-sample-catchment.csv"), StandardCharsets.UTF_8);
        Api.Reply sjis = admin.post("api/v1/imports/towns", "text/csv", csv.getBytes(Charset.forName("windows-31j")));
        assertEquals(200, sjis.status(), sjis::toString);
        assertEquals("根 木戸前", lookup("白井市根木戸前1").getString("town"));
        byte[] utf8 = csv.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        Api.Reply withBom = admin.post("api/v1/imports/towns", "text/csv", bom);
        assertEquals(200, withBom.status(), withBom::toString);
        assertEquals(0, withBom.json().getInt("created"), withBom::toString);
        assertEquals("shiroi-ekimae", lookup("池の上1-1").getJsonObject("center").getString("code"));
    }

    /** A fresh fictional municipality per test, so that tests never share data. */
    record Town(String city, String prefix, String core, String a, String b) {
        static Town fresh() {
            int n = ThreadLocalRandom.current().nextInt(1000, 9999);
            return new Town("98" + n, "t" + n, "t" + n + "-core", "t" + n + "-a", "t" + n + "-b");
        }

        String cityName() {
            return "試験" + city.substring(2) + "町";
        }

        String centers() {
            return "center_code,name,kind,region,address,phone,email\n"
                    + core + ",基幹型センター,core,中央,架空県" + cityName() + "本郷1-1,000-000-0000,core@example.invalid\n"
                    + a + ",Aセンター,commissioned,東,架空県" + cityName() + "本郷2-1,000-000-0001,\n"
                    + b + ",Bセンター,commissioned,西,架空県" + cityName() + "新田3,000-000-0002,\n";
        }

        String towns(String... rows) {
            StringBuilder sb = new StringBuilder("city_code,pref_name,city_name,town,koaza,lat,lon,center_code,block_from,block_to\n");
            for (String row : rows) {
                sb.append(city).append(",架空県,").append(cityName()).append(',').append(row).append('\n');
            }
            return sb.toString();
        }
    }

    @Test
    void block_ranges_override_the_town_center_and_centers_bind_to_the_municipality() {
        Town t = Town.fresh();
        assertEquals(200, admin.post("api/v1/imports/centers", "text/csv", t.centers().getBytes(StandardCharsets.UTF_8)).status());
        Api.Reply towns = admin.post("api/v1/imports/towns", "text/csv", t.towns(
                "本郷,,35.1,139.1," + t.a() + ",,",
                "本郷,,35.1,139.1," + t.b() + ",1,10",
                "新田,,35.2,139.2," + t.b() + ",,",
                "新田台,,35.3,139.3," + t.core() + ",,").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, towns.status(), towns::toString);

        JsonObject inRange = lookup(t.cityName() + "本郷5-3");
        assertEquals("block", inRange.getString("matched"), inRange::toString);
        assertEquals(t.b(), inRange.getJsonObject("center").getString("code"));
        JsonObject outside = lookup(t.cityName() + "本郷11");
        assertEquals("town", outside.getString("matched"));
        assertEquals(t.a(), outside.getJsonObject("center").getString("code"));
        JsonObject prefix = lookup(t.cityName() + "新田台4");
        assertEquals("新田台", prefix.getString("town"));
        assertEquals(t.core(), prefix.getJsonObject("center").getString("code"));
        JsonObject none = lookup(t.cityName() + "どこか1");
        assertEquals("none", none.getString("matched"));
        assertEquals(t.core(), none.getJsonObject("center").getString("code"), none::toString);

        Api.Reply list = anonymous.get("api/v1/centers?municipality=" + t.city());
        assertEquals(3, list.array().size(), list::toString);
        JsonObject core = anonymous.get("api/v1/centers/" + t.core()).json();
        assertEquals("中央", core.getString("region"));
        assertEquals(35.1, core.getJsonNumber("lat").doubleValue(), 1e-9, "core center placed at its town 本郷");
    }

    @Test
    void a_broken_towns_file_changes_nothing_and_names_line_and_field() {
        Town t = Town.fresh();
        assertEquals(200, admin.post("api/v1/imports/centers", "text/csv", t.centers().getBytes(StandardCharsets.UTF_8)).status());
        String unknownCenter = t.towns("本郷,,35.1,139.1," + t.a() + ",,", "新田,,35.2,139.2,no-such-center,,");
        Api.Reply r = admin.post("api/v1/imports/towns", "text/csv", unknownCenter.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, r.status(), r::toString);
        assertTrue(r.isProblem(), r::toString);
        JsonObject error = r.json().getJsonArray("errors").getJsonObject(0);
        assertEquals(3, error.getInt("line"));
        assertEquals("center_code", error.getString("field"));
        assertEquals(0, anonymous.get("api/v1/centers?municipality=" + t.city()).array().size(), "nothing bound");
        assertEquals("none", lookup(t.cityName() + "本郷1").getString("matched"), "no town written");

        String badLat = t.towns("本郷,,北緯35,139.1," + t.a() + ",,");
        Api.Reply lat = admin.post("api/v1/imports/towns", "text/csv", badLat.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, lat.status());
        assertEquals("lat", lat.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(2, lat.json().getJsonArray("errors").getJsonObject(0).getInt("line"));

        String missingColumn = "city_code,pref_name,city_name,town,lat,lon\n" + t.city() + ",架空県," + t.cityName() + ",本郷,35,139\n";
        Api.Reply missing = admin.post("api/v1/imports/towns", "text/csv", missingColumn.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, missing.status());
        JsonObject m = missing.json().getJsonArray("errors").getJsonObject(0);
        assertEquals(1, m.getInt("line"));
        assertEquals("center_code", m.getString("field"));

        String noCore = "center_code,name,kind,address,phone\n" + t.a() + "x,X,core,架空県" + t.cityName() + "本郷1,0\n"
                + t.b() + "y,Y,core,架空県" + t.cityName() + "本郷2,0\n";
        Api.Reply twoCores = admin.post("api/v1/imports/centers", "text/csv", noCore.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, twoCores.status(), twoCores::toString);
        assertEquals(404, anonymous.get("api/v1/centers/" + t.a() + "x").status(), "first row not written either");

        Api.Reply garbage = admin.post("api/v1/imports/towns", "text/csv", new byte[]{(byte) 0xFF, (byte) 0xFE, 0x00, (byte) 0x81});
        assertEquals(400, garbage.status(), garbage::toString);
    }

    @Test
    void authentication_and_roles_are_enforced_with_problems() {
        byte[] csv = "center_code,name,kind,address,phone\n".getBytes(StandardCharsets.UTF_8);
        Api.Reply none = anonymous.post("api/v1/imports/centers", "text/csv", csv);
        assertEquals(401, none.status(), none::toString);
        assertTrue(none.isProblem());
        assertTrue(none.raw().headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        Api.Reply wrong = anonymous.as("admin", "not-the-password").post("api/v1/imports/centers", "text/csv", csv);
        assertEquals(401, wrong.status(), wrong::toString);
        assertTrue(wrong.isProblem());
        Api.Reply partner = anonymous.asDemo("partner").post("api/v1/imports/centers", "text/csv", csv);
        assertEquals(403, partner.status(), partner::toString);
        assertTrue(partner.isProblem());
        Api.Reply staff = anonymous.asDemo("staff").post("api/v1/imports/towns", "text/csv", csv);
        assertEquals(403, staff.status(), staff::toString);
        assertEquals(200, anonymous.asDemo("staff").get("api/v1/centers").status(), "public endpoints accept any caller");
    }

    @Test
    void client_mistakes_are_problems_never_500() {
        Api.Reply wrongType = admin.post("api/v1/imports/towns", "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, wrongType.status(), wrongType::toString);
        assertTrue(wrongType.isProblem());
        byte[] huge = new byte[1024 * 1024 + 10];
        java.util.Arrays.fill(huge, (byte) 'a');
        // town imports take national files (the address registries): a large body is read, and refused for its content
        Api.Reply large = admin.post("api/v1/imports/towns", "text/csv", huge);
        assertEquals(400, large.status(), large::toString);
        assertTrue(large.isProblem());
        Api.Reply tooLarge = admin.post("api/v1/imports/centers", "text/csv", huge);
        assertEquals(413, tooLarge.status(), "a centers file stays within the 1 MiB of other bodies: " + tooLarge);
        assertTrue(tooLarge.isProblem());
        Api.Reply missingAddress = anonymous.get("api/v1/centers/lookup");
        assertEquals(400, missingAddress.status());
        assertEquals("address", missingAddress.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Api.Reply notFound = anonymous.get("api/v1/centers/no-such-center");
        assertEquals(404, notFound.status());
        assertTrue(notFound.isProblem());
        assertEquals(404, anonymous.get("api/v1/no-such-thing").status());
        Api.Reply badMunicipality = anonymous.get("api/v1/centers?municipality=abc");
        assertEquals(400, badMunicipality.status());
        Api.Reply empty = admin.post("api/v1/imports/centers", "text/csv", new byte[0]);
        assertEquals(400, empty.status(), empty::toString);
        assertFalse(empty.body().isEmpty());
    }

    @Test
    void ambiguous_town_names_need_the_municipality() throws IOException {
        importShiroi();
        Town t = Town.fresh();
        assertEquals(200, admin.post("api/v1/imports/centers", "text/csv", t.centers().getBytes(StandardCharsets.UTF_8)).status());
        assertEquals(200, admin.post("api/v1/imports/towns", "text/csv",
                t.towns("今井,,35.1,139.1," + t.a() + ",,").getBytes(StandardCharsets.UTF_8)).status());
        JsonObject ambiguous = lookup("今井5");
        assertEquals("ambiguous", ambiguous.getString("matched"), ambiguous::toString);
        assertTrue(ambiguous.getJsonArray("candidates").size() >= 2);
        JsonObject decided = anonymous.get("api/v1/centers/lookup?address=" + Api.q("今井5") + "&municipality=122327").json();
        assertEquals("shiroi-chokuei", decided.getJsonObject("center").getString("code"), decided::toString);
        assertEquals(t.a(), lookup(t.cityName() + "今井5").getJsonObject("center").getString("code"));
    }
}
