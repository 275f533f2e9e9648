package org.tsunagu.booklet.boundary;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.tsunagu.Api;
import org.tsunagu.FacesSession;
import org.tsunagu.PortalIT;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The booklet of the demo municipality ひだまり市 (990001) over HTTP: real demo resources in the PDF,
 * the center's scope respected, 400 problems for bad parameters, a friendly PDF when nothing matches,
 * and the page that composes the request. Also prints size and time for docs/benchmarks.md.
 */
class BookletIT extends PortalIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<byte[]> download(String pathAndQuery) throws IOException, InterruptedException {
        URI uri = Api.loopback(base).resolve(pathAndQuery);
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    @Test
    void aCentersBookletListsItsDemoResources() throws Exception {
        HttpResponse<byte[]> r = download("api/v1/booklets?center=hidamari-kita1&category=salon,dementia_cafe");
        assertEquals(200, r.statusCode(), () -> new String(r.body()));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"), r.headers().toString());
        String disposition = r.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.startsWith("inline; filename=\"booklet-hidamari-kita1-"), disposition);
        assertTrue(disposition.contains("filename*=UTF-8''"), disposition);
        String text = text(r.body());
        for (String expected : List.of("地域資源マップ", "ひだまり市若葉地域包括支援センター", "099-001-1111", "みらい県ひだまり市（デモ）",
                "サロン・通いの場", "認知症カフェ", "いきいきサロン若葉", "歌声サロン「もみじ」", "もみじカフェ上原",
                "隔週月曜日13:00〜15:00（祝日の場合は休み）")) {
            assertTrue(text.contains(expected), expected + " missing");
        }
        // another center's salon and a category not asked for stay out
        assertFalse(text.contains("宮前三世代交流サロン"), "core center's salon");
        assertFalse(text.contains("薬局"), "pharmacies were not asked for");
    }

    @Test
    void aRegionsBookletCoversItsCenters() throws Exception {
        HttpResponse<byte[]> r = download("api/v1/booklets?region=" + Api.q("北部") + "&municipality=990001");
        assertEquals(200, r.statusCode(), () -> new String(r.body()));
        String text = text(r.body());
        for (String expected : List.of("北部圏域", "ひだまり市若葉地域包括支援センター", "ひだまり市中山台地域包括支援センター",
                "みんなのオレンジカフェ中山台", "もみじカフェ上原", "薬局", "（続き）")) {
            assertTrue(text.contains(expected), expected + " missing");
        }
        assertFalse(text.contains("宮前三世代交流サロン"));
    }

    @Test
    void nothingMatchingIsAFriendlyPdf() throws Exception {
        HttpResponse<byte[]> r = download("api/v1/booklets?center=hidamari-minami2&category=dementia_cafe");
        assertEquals(200, r.statusCode());
        String text = text(r.body());
        assertTrue(text.contains("まだ登録されていません"), text);
    }

    @Test
    void badParametersAre400Problems() {
        for (String query : List.of("", "?category=salon", "?center=hidamari-kita1&region=" + Api.q("北部"),
                "?center=nowhere", "?region=" + Api.q("東部"), "?center=hidamari-kita1&category=salon,bingo",
                "?region=" + Api.q("北部") + "&municipality=12345", "?region=" + Api.q("北部") + "&municipality=131202",
                "?center=hidamari-kita1&municipality=131202")) {
            Api.Reply reply = anonymous.get("api/v1/booklets" + query);
            assertEquals(400, reply.status(), query + " → " + reply);
            assertTrue(reply.isProblem(), query + " → " + reply);
            assertFalse(reply.json().getJsonArray("errors").isEmpty(), query);
        }
    }

    @Test
    void thePageComposesTheRequest() {
        FacesSession session = new FacesSession(Api.loopback(base));
        assertTrue(session.get("centers/").html().contains("centers/booklet"));
        FacesSession.Page page = session.get("centers/booklet");
        assertEquals(200, page.status());
        assertTrue(page.contains("冊子（PDF）を作る"), page.html());
        assertTrue(page.contains("value=\"region:990001:北部\""), "regions offered");

        FacesSession.Page missing = session.post(page, "booklet", Map.of("booklet:scope", "", "booklet:categories", List.of()), "booklet:make");
        assertTrue(missing.contains("圏域または地域包括支援センターを選んでください"), missing.html());

        FacesSession.Page pdf = session.post(page, "booklet",
                Map.of("booklet:scope", "center:hidamari-kita1", "booklet:categories", List.of("salon", "exercise")), "booklet:make");
        assertEquals(200, pdf.status());
        assertEquals("/api/v1/booklets", pdf.uri().getPath().replaceFirst("^/[^/]+(?=/api/)", ""), pdf.uri().toString());
        assertEquals("center=hidamari-kita1&category=salon,exercise", pdf.uri().getQuery());
    }

    /** Size and time of the largest demo region with every category (docs/benchmarks.md). */
    @Test
    void measureTheLargestRegion() throws Exception {
        String path = "api/v1/booklets?region=" + Api.q("中部") + "&municipality=990001";
        List<Long> millis = new ArrayList<>();
        byte[] pdf = null;
        for (int i = 0; i < 6; i++) {
            long started = System.nanoTime();
            HttpResponse<byte[]> r = download(path);
            millis.add((System.nanoTime() - started) / 1_000_000);
            assertEquals(200, r.statusCode());
            pdf = r.body();
        }
        int pages;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            pages = doc.getNumberOfPages();
        }
        List<Long> warm = new ArrayList<>(millis.subList(1, millis.size()));
        warm.sort(Long::compare);
        System.out.printf("BOOKLET-BENCH region=中部 all categories: %d pages, %,d bytes; first request %d ms, "
                + "next 5: median %d ms, max %d ms (all: %s)%n", pages, pdf.length, millis.get(0),
                warm.get(warm.size() / 2), warm.get(warm.size() - 1), millis);
        assertTrue(pdf.length < 2_000_000, pdf.length + " bytes");
    }
}
