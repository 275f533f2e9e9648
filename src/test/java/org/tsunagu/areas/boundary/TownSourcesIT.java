package org.tsunagu.areas.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tsunagu.Api;
import org.tsunagu.PortalIT;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Towns from the national address registries on the real WAR: the published Geolonia and アドレス・ベース・
 * レジストリ samples merged into a municipality this test sets up itself (練馬区, whose towns the samples
 * hold), existing towns keeping their center, new ones unassigned and routed to the core center, broken
 * files changing nothing, and a national-size file streamed past the 1 MiB body limit.
 */
class TownSourcesIT extends PortalIT {

    static final String CODE = "131202";
    static final String IMPORT = "api/v1/imports/towns?municipality=" + CODE + "&format=";

    @BeforeEach
    void nerima() {
        Api.Reply centers = admin.post("api/v1/imports/centers", "text/csv", ("center_code,name,kind,region,address,phone,email\n"
                + "nerima-it-core,練馬区地域包括支援センター（基幹型・試験）,core,全域,東京都練馬区豊玉北6-12-1,03-0000-1001,\n"
                + "nerima-it-asahi,旭丘地域包括支援センター（試験）,commissioned,南部,東京都練馬区旭丘1-1-1,03-0000-1002,\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(200, centers.status(), centers::toString);
        // the catchment resets the municipality's towns: 旭丘一丁目 (in both samples) and one town in neither
        Api.Reply towns = admin.post("api/v1/imports/towns", "text/csv", ("city_code,pref_name,city_name,town,koaza,lat,lon,center_code\n"
                + CODE + ",東京都,練馬区,旭丘一丁目,,35.7,139.6,nerima-it-asahi\n"
                + CODE + ",東京都,練馬区,豊玉北六丁目,,35.74,139.65,nerima-it-core\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, towns.status(), towns::toString);
    }

    static byte[] sample(String name) throws IOException {
        return AreasIT.read("data/open-data/" + name);
    }

    /** The sample's rows of 練馬区 (5-digit 13120), counted from the file rather than assumed. */
    static long nerimaRows(String file, String column) throws IOException {
        List<String> lines = Files.readAllLines(AreasIT.shared("data/open-data/" + file), StandardCharsets.UTF_8);
        int i = List.of(lines.get(0).replace("\"", "").split(",")).indexOf(column);
        return lines.stream().skip(1).filter(l -> l.replace("\"", "").split(",")[i].startsWith("13120")).count();
    }

    JsonObject lookup(String address) {
        Api.Reply r = anonymous.get("api/v1/centers/lookup?address=" + Api.q(address));
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    static List<String> names(JsonObject o, String key) {
        return o.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    @Test
    void geolonia_sample_adds_unassigned_towns_and_keeps_routing() throws IOException {
        long rows = nerimaRows("geolonia_latest_sample.csv", "市区町村コード");
        Api.Reply r = admin.post(IMPORT + "geolonia", "text/csv", sample("geolonia_latest_sample.csv"));
        assertEquals(200, r.status(), r::toString);
        JsonObject s = r.json();
        assertEquals(rows - 1, s.getInt("created"), s::toString);
        assertEquals(1, s.getInt("updated"), s::toString);
        assertTrue(s.getInt("skippedOtherMunicipality") > 0, s::toString);
        assertEquals(rows + s.getInt("skippedOtherMunicipality"), s.getInt("rowsRead"), s::toString);
        assertEquals(rows - 1, s.getInt("unassigned"), s::toString);
        assertTrue(names(s, "unassignedTowns").contains("旭丘二丁目"), s::toString);
        assertFalse(names(s, "unassignedTowns").contains("旭丘一丁目"), s::toString);
        assertEquals(List.of("豊玉北六丁目"), names(s, "notInSourceTowns"), s::toString);

        JsonObject kept = lookup("東京都練馬区旭丘一丁目1-1");
        assertEquals("旭丘一丁目", kept.getString("town"), kept::toString);
        assertEquals("nerima-it-asahi", kept.getJsonObject("center").getString("code"), kept::toString);
        assertEquals(35.734074, kept.getJsonNumber("lat").doubleValue(), 1e-6, "the point comes from the registry");
        JsonObject fresh = lookup("東京都練馬区旭丘二丁目3-4");
        assertEquals("town", fresh.getString("matched"), fresh::toString);
        assertEquals("旭丘二丁目", fresh.getString("town"), fresh::toString);
        assertEquals("nerima-it-core", fresh.getJsonObject("center").getString("code"), fresh::toString);
        assertEquals("nerima-it-core", lookup("練馬区豊玉北六丁目2").getJsonObject("center").getString("code"));

        Api.Reply again = admin.post(IMPORT + "geolonia", "text/csv", sample("geolonia_latest_sample.csv"));
        assertEquals(200, again.status(), again::toString);
        assertEquals(0, again.json().getInt("created"), again::toString);
        assertEquals(rows, again.json().getInt("unchanged"), again::toString);
        assertEquals(rows - 1, again.json().getInt("unassigned"), again::toString);
    }

    @Test
    void broken_files_unknown_municipalities_and_other_municipalities_change_nothing() throws IOException {
        String csv = new String(sample("geolonia_latest_sample.csv"), StandardCharsets.UTF_8);
        String broken = csv + "\"13\",\"東京都\",\"トウキョウト\",\"TOKYO TO\",\"13120\",\"練馬区\",\"ネリマク\",\"NERIMA KU\","
                + "\"壊れ町\",,,,north,139.6\n";
        Api.Reply bad = admin.post(IMPORT + "geolonia", "text/csv", broken.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, bad.status(), bad::toString);
        assertTrue(bad.isProblem(), bad::toString);
        JsonObject error = bad.json().getJsonArray("errors").getJsonObject(0);
        assertEquals("緯度", error.getString("field"), bad::toString);
        assertEquals(csv.split("\n").length + 1, error.getInt("line"), bad::toString);
        assertEquals("none", lookup("東京都練馬区旭丘二丁目3-4").getString("matched"), "nothing half-written");

        Api.Reply unknown = admin.post("api/v1/imports/towns?format=geolonia&municipality=139999", "text/csv",
                sample("geolonia_latest_sample.csv"));
        assertEquals(400, unknown.status(), unknown::toString);
        Api.Reply missing = admin.post("api/v1/imports/towns?format=geolonia", "text/csv", sample("geolonia_latest_sample.csv"));
        assertEquals(400, missing.status(), missing::toString);
        Api.Reply format = admin.post(IMPORT + "kenall", "text/csv", sample("geolonia_latest_sample.csv"));
        assertEquals(400, format.status(), format::toString);
        Api.Reply otherCore = anonymous.asDemo("core").post(IMPORT + "geolonia", "text/csv", sample("geolonia_latest_sample.csv"));
        assertEquals(403, otherCore.status(), otherCore::toString);
        Api.Reply partner = anonymous.asDemo("partner").post(IMPORT + "geolonia", "text/csv", sample("geolonia_latest_sample.csv"));
        assertEquals(403, partner.status(), partner::toString);
    }

    @Test
    void abr_pair_as_multipart_in_either_order() throws IOException {
        long rows = nerimaRows("abr_mt_town_pref13_sample.csv", "lg_code");
        String boundary = "----tsunagu" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] part : new String[][]{{"position", "abr_mt_town_pos_pref13_sample.csv"}, {"file", "abr_mt_town_pref13_sample.csv"}}) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part[0] + "\"; filename=\"" + part[1]
                    + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(sample(part[1]));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Api.Reply r = admin.post(IMPORT + "abr", "multipart/form-data; boundary=" + boundary, body.toByteArray());
        assertEquals(200, r.status(), r::toString);
        JsonObject s = r.json();
        assertEquals(rows - 1, s.getInt("created"), s::toString);
        assertEquals(1, s.getInt("updated"), s::toString);
        assertTrue(names(s, "unassignedTowns").contains("上石神井南町"), s::toString);
        assertEquals("nerima-it-asahi", lookup("練馬区旭丘一丁目2-3").getJsonObject("center").getString("code"));
        JsonObject fresh = lookup("東京都練馬区上石神井南町5-6");
        assertEquals("上石神井南町", fresh.getString("town"), fresh::toString);
        assertEquals("nerima-it-core", fresh.getJsonObject("center").getString("code"), fresh::toString);

        Api.Reply one = admin.post(IMPORT + "abr", "multipart/form-data; boundary=b", ("--b\r\n\r\n"
                + new String(sample("abr_mt_town_pref13_sample.csv"), StandardCharsets.UTF_8) + "\r\n--b--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(400, one.status(), one::toString);
    }

    /** About 20 MB of Geolonia rows of many municipalities, 練馬区's in the middle, made as it is sent. */
    static final class NationalFile extends InputStream {
        static final int TOWNS = 40;
        private final List<byte[]> segments = new java.util.ArrayList<>();
        private int segment;
        private int pos;
        final int otherRows;

        NationalFile(int blocks) {
            StringBuilder header = new StringBuilder("\"都道府県コード\",\"都道府県名\",\"都道府県名カナ\",\"都道府県名ローマ字\",\"市区町村コード\","
                    + "\"市区町村名\",\"市区町村名カナ\",\"市区町村名ローマ字\",\"大字町丁目名\",\"大字町丁目名カナ\",\"大字町丁目名ローマ字\","
                    + "\"小字・通称名\",\"緯度\",\"経度\"\n");
            StringBuilder other = new StringBuilder();
            int n = 0;
            for (int pref = 1; pref <= 47; pref++) {
                for (int city = 1; city <= 4; city++) {
                    String code = String.format("%02d%03d", pref, 100 + city * 2);
                    other.append(row(code, "試験町" + city + "丁目", "シケンチョウ " + city, 35 + city * 0.01, 139 + pref * 0.01));
                    n++;
                }
            }
            StringBuilder nerima = new StringBuilder();
            for (int i = 0; i < TOWNS; i++) {
                String town = "大量" + "東西南北".charAt(i / 10) + "一二三四五六七八九十".charAt(i % 10) + "丁目";
                nerima.append(row("13120", town, "タイリョウ " + (i % 10 + 1), 35.7 + i * 0.0001, 139.6));
            }
            byte[] block = other.toString().getBytes(StandardCharsets.UTF_8);
            segments.add(header.toString().getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < blocks; i++) {
                segments.add(block);
                if (i == blocks / 2) {
                    segments.add(nerima.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
            otherRows = n * blocks;
        }

        static String row(String code, String town, String kana, double lat, double lon) {
            return "\"" + code.substring(0, 2) + "\",\"試験県\",\"シケンケン\",\"SHIKEN KEN\",\"" + code + "\",\"試験市\",\"シケンシ\","
                    + "\"SHIKEN SHI\",\"" + town + "\",\"" + kana + "\",\"SHIKEN\",," + lat + "," + lon + "\n";
        }

        long length() {
            return segments.stream().mapToLong(b -> b.length).sum();
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buf, int off, int len) {
            while (segment < segments.size() && pos == segments.get(segment).length) {
                segment++;
                pos = 0;
            }
            if (segment == segments.size()) {
                return -1;
            }
            int n = Math.min(len, segments.get(segment).length - pos);
            System.arraycopy(segments.get(segment), pos, buf, off, n);
            pos += n;
            return n;
        }
    }

    @Test
    void a_national_size_file_is_streamed_past_the_body_limit() throws Exception {
        NationalFile probe = new NationalFile(1);
        int blocks = (int) (20L * 1024 * 1024 / (probe.length() - probe.segments.get(0).length));
        long length = new NationalFile(blocks).length();
        assertTrue(length > 16L * 1024 * 1024, "larger than the limit and than what a refused body is drained for: " + length);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        URI uri = Api.loopback(base).resolve(IMPORT + "geolonia");
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (boolean declared : List.of(true, false)) {
            NationalFile file = new NationalFile(blocks);
            HttpRequest.BodyPublisher streamed = HttpRequest.BodyPublishers.ofInputStream(() -> file);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                    .header("Authorization", basic).header("Content-Type", "text/csv; charset=UTF-8")
                    .POST(declared ? HttpRequest.BodyPublishers.fromPublisher(streamed, length) : streamed).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, r.statusCode(), (declared ? "Content-Length: " : "chunked: ") + r.body());
            JsonObject s = jakarta.json.Json.createReader(new java.io.StringReader(r.body())).readObject();
            assertEquals(file.otherRows + NationalFile.TOWNS, s.getInt("rowsRead"), s::toString);
            assertEquals(file.otherRows, s.getInt("skippedOtherMunicipality"), s::toString);
            assertEquals(NationalFile.TOWNS, s.getInt("created") + s.getInt("unchanged"), s::toString);
            assertEquals(declared ? NationalFile.TOWNS : 0, s.getInt("created"), s::toString);
        }
        assertEquals("nerima-it-core", lookup("練馬区大量西七丁目1-2").getJsonObject("center").getString("code"));

        // the limit still holds where no registry file is read
        Api.Reply centers = admin.post("api/v1/imports/centers?format=geolonia", "text/csv", new byte[2 * 1024 * 1024]);
        assertEquals(413, centers.status(), centers::toString);
        // the catchment endpoint is the same streamed one: a large body is read, and refused for its content
        Api.Reply catchment = admin.post("api/v1/imports/towns", "text/csv", new byte[2 * 1024 * 1024]);
        assertEquals(400, catchment.status(), catchment::toString);
    }
}
