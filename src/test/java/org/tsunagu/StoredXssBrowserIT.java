package org.tsunagu;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stored XSS (issue 8): script, event-handler, {@code javascript:} and SVG payloads go into every
 * text field of a resource, a center, a partner organisation, an account and an alert (through the
 * API, as core, admin and partner), and every page that shows them is rendered in headless Chromium
 * with a hook installed before any page script: the payloads call {@code window.__xss=…} or
 * {@code alert()}, so a page is inert when no dialog opened and {@code window.__xss} is still
 * undefined — including the search page's and the detail page's Leaflet map popups. The exports are
 * checked as files: CSV formula cells escaped, GeoJSON/HSDS JSON carrying the payload as an exact
 * string, the calendar without injected lines, the booklet PDF printing the payload as text.
 */
class StoredXssBrowserIT extends BrowserIT {

    /** Records anything a payload could call; installed before the page's own scripts. */
    static final String HOOK = "window.alert = function (m) { window.__xss = 'alert:' + m; };"
            + "window.confirm = window.prompt = window.alert;";

    static final String MARK = "xssmark";
    /** For long fields. */
    static final String LONG = MARK + " <script>window.__xss='script'</script>\"><img src=x onerror=\"window.__xss='img'\">"
            + "<svg onload=\"window.__xss='svg'\"></svg>'-alert(1)-'</script><a href=\"javascript:window.__xss='a'\">x</a>";
    /** For fields of at most 100 characters. */
    static final String SHORT = "\"><img src=x onerror=window.__xss=1><svg onload=alert(2)>";
    /** For fields of at most 40 characters. */
    static final String TINY = "\"><svg onload=alert(3)>";
    static final String PASSWORD = "correct horse battery staple 9";

    String id;
    String code;

    @Test
    void payloads_in_every_text_field_stay_inert_on_every_page_and_in_every_export() throws Exception {
        ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", HOOK));
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api core = anonymous.asDemo("core");

        // a center (admin, centers import): name, region and address carry payloads
        code = "xss-" + suffix;
        String centers = "center_code,name,kind,region,address,phone,email,city_code\n" + code + "," + csv(LONG) + ",commissioned,"
                + csv(SHORT) + "," + csv("ひだまり市若葉2-3-5 " + SHORT) + ",099-000-0000,xss@example.invalid,990001\n";
        Api.Reply imported = admin.post("api/v1/imports/centers", "text/csv", centers.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, imported.status(), imported::toString);

        // a resource (core) with every text field
        JsonObject resource = Json.createObjectBuilder()
                .add("externalId", "xss-" + suffix).add("name", LONG.substring(0, 190)).add("category", "salon")
                .add("description", LONG + " " + LONG).add("address", "ひだまり市若葉2-3-5 " + SHORT + "\r\nX-INJECTED:1")
                .add("phone", "099-000-0000").add("url", "https://example.invalid/?q=\"><script>alert(4)</script>")
                .add("email", "xss@example.invalid").add("schedule", "毎月第2水曜日 13:30〜15:00")
                .add("cost", "=HYPERLINK(\"http://evil.example\",\"x\")").add("reservation", "+SUM(1)")
                .add("target", "@SUM(1) " + SHORT).add("organizer", "-2+3 " + SHORT).add("centerCode", code)
                .add("accessibility", Json.createArrayBuilder().add(SHORT)).add("departments", Json.createArrayBuilder().add(TINY))
                .add("lat", 35.7651).add("lon", 139.4179).add("status", "published").build();
        Api.Reply created = core.postJson("api/v1/resources", resource.toString());
        assertEquals(201, created.status(), created::toString);
        id = String.valueOf(created.json().getInt("id"));
        // a javascript: link is refused outright
        Api.Reply js = core.postJson("api/v1/resources", Json.createObjectBuilder(resource).add("externalId", "xss-js-" + suffix)
                .add("url", "javascript:alert(5)").build().toString());
        assertEquals(400, js.status(), js::toString);

        // a partner organisation and a partner account in it (admin), an alert by that account
        Api.Reply org = admin.postJson("api/v1/partners", Json.createObjectBuilder().add("name", LONG.substring(0, 180) + suffix)
                .add("type", "other").add("municipality", "990001").build().toString());
        assertEquals(201, org.status(), org::toString);
        String partnerUser = "xss-partner-" + suffix;
        Api.Reply account = admin.postJson("api/v1/accounts", Json.createObjectBuilder().add("username", partnerUser)
                .add("password", PASSWORD).add("role", "partner").add("partnerId", org.json().getInt("id"))
                .add("displayName", SHORT).add("phone", TINY).build().toString());
        assertEquals(201, account.status(), account::toString);
        Api partner = anonymous.as(partnerUser, PASSWORD);
        Api.Reply alert = partner.postJson("api/v1/alerts", Json.createObjectBuilder().add("address", "ひだまり市若葉2-3-5 " + SHORT)
                .add("placeNote", LONG.substring(0, 190)).add("observedAt", "2026-11-23T09:40:00+09:00")
                .add("anomalies", Json.createArrayBuilder().add("other").add("no_response")).add("otherAnomaly", LONG.substring(0, 190))
                .add("urgency", "info").add("personName", SHORT).add("personAge", TINY).add("personSex", "\"><b>x")
                .add("personDescription", LONG).add("details", LONG).add("reporterName", SHORT).add("reporterPhone", TINY).build().toString());
        assertEquals(201, alert.status(), alert::toString);
        String alertId = String.valueOf(alert.json().getInt("id"));
        String receipt = alert.json().getString("receiptNo");
        Api.Reply note = core.postJson("api/v1/alerts/" + alertId + "/events", Json.createObjectBuilder().add("type", "acknowledge").build().toString());
        assertEquals(200, note.status(), note::toString);
        note = core.postJson("api/v1/alerts/" + alertId + "/events", Json.createObjectBuilder().add("type", "assign")
                .add("assignee", SHORT).add("note", LONG).build().toString());
        assertEquals(200, note.status(), note::toString);
        // a resident's correction report with a payload (public)
        Api.Reply correction = anonymous.postJson("api/v1/resources/" + id + "/corrections", Json.createObjectBuilder()
                .add("kind", "other").add("message", LONG).build().toString());
        assertEquals(201, correction.status(), correction::toString);

        // every page that shows them
        List<String> checked = new ArrayList<>();
        inert("search page and its map popups", "?q=" + MARK, true, checked);
        assertTrue(browser.getPageSource().contains("&lt;script&gt;") || browser.findElement(By.tagName("main")).getText()
                .contains("<script>"), "the payload is shown as text");
        inert("resource page and its map popup", "resources/" + id, true, checked);
        inert("printable sheet", "resources/" + id + "/print", false, checked);
        inert("calendar link page (correction form)", "correction?resource=" + id, false, checked);
        inert("centers list", "centers/", false, checked);
        inert("center lookup (reflected)", "centers/lookup?address=" + Api.q(LONG), false, checked);
        inert("booklet page", "centers/booklet", false, checked);
        inert("watch partners", "partners", false, checked);
        login("core", Api.DEMO_PASSWORD);
        inert("staff resource list", "staff/resources", false, checked);
        inert("resource editor with history", "staff/resource?id=" + id, false, checked);
        inert("alert board", "staff/alerts", false, checked);
        Thread.sleep(11_000); // the board reloads its list by script every 10 s
        assertNoXss("alert board after its refresh");
        inert("alert detail", "staff/alert?id=" + alertId, false, checked);
        inert("corrections", "staff/corrections", false, checked);
        inert("staff home", "staff/", false, checked);
        logout();
        login("admin", Api.DEMO_PASSWORD);
        inert("admin partners", "admin/partners", false, checked);
        inert("admin accounts", "admin/accounts", false, checked);
        inert("admin centers", "admin/centers", false, checked);
        inert("admin areas", "admin/areas", false, checked);
        logout();
        login(partnerUser, PASSWORD);
        inert("partner history", "partner/", false, checked);
        inert("receipt", "partner/receipt?no=" + receipt, false, checked);
        inert("report form prefilled from the account", "partner/report", false, checked);
        assertEquals(SHORT, browser.findElement(By.id("report:reporterName")).getAttribute("value"),
                "the prefilled name is the text, not markup");
        System.out.println("StoredXssBrowserIT: inert pages " + checked);

        // exports and files
        String csv = core.get("api/v1/exports/resources?format=csv").body();
        // every formula-looking cell of the payload resource is behind an apostrophe, none is bare
        int at = csv.indexOf("\nxss-" + suffix + ",");
        assertTrue(at > 0, "the payload resource is exported");
        String row = csv.substring(at, csv.indexOf("\nhidamari", at) > 0 ? csv.indexOf("\nhidamari", at) : csv.length());
        for (String formula : List.of("=HYPERLINK\\(", "\\+SUM\\(1\\)", "@SUM\\(1\\)", "-2\\+3")) {
            assertTrue(java.util.regex.Pattern.compile(",\"?'" + formula).matcher(row).find(), () -> formula + " escaped: " + row);
            assertFalse(java.util.regex.Pattern.compile(",\"?" + formula).matcher(row).find(), () -> formula + " bare: " + row);
        }
        JsonObject geo = parse(core.get("api/v1/exports/resources?format=geojson").body());
        JsonObject feature = geo.getJsonArray("features").getValuesAs(JsonObject.class).stream()
                .filter(f -> ("xss-" + suffix).equals(f.getJsonObject("properties").getString("externalId", ""))).findFirst().orElseThrow();
        assertEquals(LONG.substring(0, 190), feature.getJsonObject("properties").getString("name"), "GeoJSON carries the exact text");
        String hsds = core.get("api/v1/exports/resources?format=hsds").body();
        assertTrue(parse(hsds).toString().contains(Json.createValue(LONG.substring(0, 190)).toString()), "HSDS carries the exact text");
        String ics = anonymous.get("api/v1/resources/" + id + "/calendar.ics").body();
        assertFalse(ics.lines().anyMatch(l -> l.startsWith("X-INJECTED")), () -> "no line injected into the calendar: " + ics);
        assertTrue(ics.contains("BEGIN:VEVENT"), ics);
        byte[] pdf = bytes("api/v1/booklets?center=" + code);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("<script>"), "the booklet prints the payload as text");
        }
        assertNoXss("end");
    }

    static String csv(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static JsonObject parse(String json) {
        try (var r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }

    byte[] bytes(String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(root.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), path);
        return r.body();
    }

    void login(String user, String password) {
        open("login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("submit")).click();
        until(d -> !d.getCurrentUrl().contains("/login"));
    }

    void logout() {
        browser.manage().deleteAllCookies();
    }

    /** Opens the page, opens its map popups if asked, and checks nothing ran. */
    void inert(String name, String path, boolean withPopups, List<String> checked) {
        open(path);
        until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        assertFalse(browser.getCurrentUrl().contains("/login"), name + ": not signed in");
        if (withPopups) {
            until(d -> !d.findElements(By.cssSelector(".leaflet-marker-icon")).isEmpty());
            // open each payload marker's popup (Leaflet builds it on click) and read what it holds
            @SuppressWarnings("unchecked")
            List<String> popups = (List<String>) ((JavascriptExecutor) browser).executeScript(
                    "var out = [], mark = arguments[0];"
                    + "document.querySelectorAll('.leaflet-marker-icon').forEach(function (m) {"
                    + "  if ((m.title || '').indexOf(mark) < 0) { return; }"
                    + "  m.click();"
                    + "  var c = document.querySelector('.leaflet-popup-content');"
                    + "  out.push(c ? c.querySelectorAll('script, img, svg, iframe').length + '|' + c.textContent : 'no popup');"
                    + "});"
                    + "return out;", MARK);
            int opened = popups.size();
            for (String popup : popups) {
                // the payload as text: its characters, and no element a payload would make
                assertTrue(popup.startsWith("0|") && popup.contains("<script>"), () -> name + ": popup " + popup);
            }
            assertTrue(opened > 0, () -> name + ": no marker for the payload resource among "
                    + ((JavascriptExecutor) browser).executeScript("return Array.from(document.querySelectorAll('.leaflet-marker-icon'))"
                    + ".map(function (m) { return m.title || m.alt || m.getAttribute('aria-label'); }).join(' / ')"));
        }
        assertNoXss(name);
        checked.add(name);
    }

    void assertNoXss(String page) {
        try {
            String text = browser.switchTo().alert().getText();
            throw new AssertionError(page + ": an alert dialog opened: " + text);
        } catch (NoAlertPresentException expected) {
            // inert
        }
        Object xss = ((JavascriptExecutor) browser).executeScript("return window.__xss === undefined ? null : String(window.__xss)");
        assertEquals(null, xss, page + ": a payload ran");
    }
}
