package org.tsunagu;

import jakarta.json.JsonObject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import org.tsunagu.FacesSession.Page;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The access control matrix (issue 8), proved black-box: every JAX-RS endpoint and every page has a
 * row in {@link #API} / {@link #PAGES} saying who may use it, and a test scanning the compiled classes
 * and the webapp fails when one is missing — a new endpoint without an access rule breaks the build.
 * Beyond roles, the data itself is isolated: staff of center B never read or change center A's
 * alerts, resources or corrections, partners see only their own organisation's alerts, and anonymous
 * callers get nothing private.
 */
class AccessControlIT extends PortalIT {

    /** Every role a demo account has; "anonymous" is checked separately. */
    static final List<String> ROLES = List.of("partner", "staff", "core", "admin");

    /** One row of the matrix: who may call it; everybody else gets 403 (signed in) or 401 (anonymous). */
    record Rule(String method, String path, Set<String> may) {
        boolean isPublic() {
            return may == null;
        }

        String key() {
            return method + " " + path;
        }
    }

    static Rule open(String method, String path) {
        return new Rule(method, path, null);
    }

    static Rule only(String method, String path, String... roles) {
        return new Rule(method, path, Set.of(roles));
    }

    /** The API (/api/v1/…): method, path template, roles. Object-level rules are in the other tests. */
    static final List<Rule> API = List.of(
            only("POST", "alerts", "partner"),
            only("GET", "alerts/mine", "partner"),
            only("GET", "alerts", "staff", "core"),
            only("GET", "alerts/{id}", "staff", "core"),
            only("POST", "alerts/{id}/events", "staff", "core"),
            only("GET", "stats/alerts", "staff", "core", "admin"),
            only("GET", "notifications/unsent", "core", "admin"),
            only("GET", "notifications/{id}", "core", "admin"),
            only("POST", "notifications/{id}/retry", "core", "admin"),
            only("GET", "audit", "core", "admin"),
            only("POST", "imports/towns", "core", "admin"),
            only("POST", "imports/centers", "core", "admin"),
            open("GET", "centers"),
            open("GET", "centers/{code}"),
            open("GET", "centers/lookup"),
            only("GET", "search/index", "admin"),
            only("POST", "search/index/rebuild", "admin"),
            only("GET", "search/synonyms", "admin"),
            only("POST", "search/synonyms", "admin"),
            only("DELETE", "search/synonyms/{id}", "admin"),
            open("GET", "categories"),
            only("GET", "corrections", "staff", "core"),
            only("POST", "corrections/{id}/close", "staff", "core"),
            only("GET", "exports/resources", "staff", "core", "admin"),
            open("GET", "resources"),
            open("GET", "resources/{id}"),
            open("GET", "resources/{id}/calendar.ics"),
            only("POST", "resources", "staff", "core"),
            only("PUT", "resources/{id}", "staff", "core"),
            only("DELETE", "resources/{id}", "staff", "core"),
            only("POST", "resources/{id}/verify", "staff", "core"),
            open("POST", "resources/{id}/corrections"),
            only("GET", "resources/{id}/history", "staff", "core"),
            only("POST", "imports/resources", "staff", "core", "admin"),
            only("GET", "import-jobs/{id}", "staff", "core", "admin"),
            only("GET", "import-jobs/{id}/vanished", "staff", "core", "admin"),
            only("POST", "import-jobs/{id}/vanished", "staff", "core"),
            open("GET", "suggest"),
            open("GET", "booklets"),
            only("POST", "accounts", "admin"),
            only("PATCH", "accounts/{username}", "admin"),
            open("GET", "partners"),
            only("POST", "partners", "admin"));

    /** The pages (extensionless, as linked): who may open them. */
    static final List<Rule> PAGES = List.of(
            open("GET", "index"), open("GET", "login"), open("GET", "expired"), open("GET", "correction"),
            open("GET", "partners"), open("GET", "resource"), open("GET", "resource-print"),
            open("GET", "centers/index"), open("GET", "centers/lookup"), open("GET", "centers/booklet"),
            only("GET", "account/password", "partner", "staff", "core", "admin"),
            only("GET", "admin/index", "admin"), only("GET", "admin/accounts", "admin"), only("GET", "admin/areas", "admin"),
            only("GET", "admin/centers", "admin"), only("GET", "admin/partners", "admin"),
            only("GET", "partner/index", "partner"), only("GET", "partner/receipt", "partner"),
            only("GET", "partner/report", "partner"),
            only("GET", "staff/index", "staff", "core", "admin"), only("GET", "staff/alert", "staff", "core", "admin"),
            only("GET", "staff/alerts", "staff", "core", "admin"), only("GET", "staff/corrections", "staff", "core", "admin"),
            only("GET", "staff/import", "staff", "core", "admin"), only("GET", "staff/resource", "staff", "core", "admin"),
            only("GET", "staff/resources", "staff", "core", "admin"), only("GET", "staff/stats", "staff", "core", "admin"),
            only("GET", "staff/unsent", "staff", "core", "admin"), only("GET", "staff/audit", "core", "admin"),
            // servlets (@WebServlet): the statistics CSV and the error page
            only("GET", "staff/stats.csv", "staff", "core", "admin"), open("GET", "error"));

    // --- the table covers everything ------------------------------------------------------------

    @Test
    void the_matrix_names_every_endpoint_and_every_page() throws Exception {
        java.nio.file.Path classes = Paths.get("target", "classes");
        Set<String> found = new TreeSet<>();
        Set<String> servlets = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, getClass().getClassLoader());
                jakarta.servlet.annotation.WebServlet servlet = c.getAnnotation(jakarta.servlet.annotation.WebServlet.class);
                if (servlet != null) {
                    Stream.concat(Stream.of(servlet.value()), Stream.of(servlet.urlPatterns()))
                            .forEach(u -> servlets.add("GET " + u.replaceAll("^/", "")));
                }
                Path root = c.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method m : c.getDeclaredMethods()) {
                    String verb = null;
                    for (Annotation a : m.getAnnotations()) {
                        HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
                        if (h != null) {
                            verb = h.value();
                        }
                    }
                    Path sub = m.getAnnotation(Path.class);
                    if (verb == null && sub != null) {
                        throw new AssertionError("sub-resource locator " + c.getName() + "." + m.getName() + ": give it a rule");
                    }
                    if (verb != null) {
                        found.add(verb + " " + join(root.value(), sub == null ? "" : sub.value()));
                    }
                }
            }
        }
        assertTrue(found.size() > 30, "the scan found the resources: " + found);
        Set<String> table = API.stream().map(Rule::key).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(API.size(), table.size(), "no duplicate rows");
        Set<String> missing = new TreeSet<>(found);
        missing.removeAll(table);
        assertTrue(missing.isEmpty(), "endpoints without an access rule in AccessControlIT.API: " + missing);
        Set<String> stale = new TreeSet<>(table);
        stale.removeAll(found);
        assertTrue(stale.isEmpty(), "rules for endpoints that no longer exist: " + stale);

        java.nio.file.Path webapp = Paths.get("src", "main", "webapp");
        Set<String> pages;
        try (Stream<java.nio.file.Path> files = Files.walk(webapp)) {
            pages = files.map(p -> webapp.relativize(p).toString().replace(java.io.File.separatorChar, '/'))
                    .filter(p -> p.endsWith(".xhtml") && !p.startsWith("WEB-INF/"))
                    .map(p -> "GET " + p.replaceAll("\\.xhtml$", "")).collect(Collectors.toCollection(TreeSet::new));
        }
        assertTrue(servlets.contains("GET staff/stats.csv"), "the scan found the servlets: " + servlets);
        pages.addAll(servlets);
        Set<String> pageTable = PAGES.stream().map(Rule::key).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(pages, pageTable, "every page of src/main/webapp and every servlet has exactly one row in AccessControlIT.PAGES");
    }

    static String join(String a, String b) {
        String s = (a + "/" + b).replaceAll("/+", "/").replaceAll("^/|/$", "");
        return s;
    }

    // --- roles: the matrix holds for every row --------------------------------------------------

    static String concrete(String template) {
        return template.replace("{id}", "1").replace("{code}", "hidamari-core").replace("{username}", "nobody-here");
    }

    Api.Reply call(Api who, String method, String path) {
        String p = "api/v1/" + path;
        return switch (method) {
            case "GET" -> who.get(p);
            case "POST" -> path.startsWith("imports/") ? who.post(p, "text/csv", new byte[0]) : who.postJson(p, "{}");
            case "PUT" -> who.putJson(p, "{}");
            case "PATCH" -> who.patchJson(p, "{}");
            case "DELETE" -> who.delete(p);
            default -> throw new AssertionError(method);
        };
    }

    @Test
    void every_api_row_refuses_anonymous_with_401_and_other_roles_with_403() {
        Map<String, String> wrong = new LinkedHashMap<>();
        for (Rule r : API) {
            String path = concrete(r.path());
            if (r.isPublic()) {
                if (r.method().equals("GET") && !path.contains("resources/1")) {
                    Api.Reply reply = anonymous.get("api/v1/" + path + (path.equals("booklets") ? "?center=hidamari-core" : ""));
                    if (reply.status() == 401 || reply.status() == 403) {
                        wrong.put("anonymous " + r.key(), reply.toString());
                    }
                }
                continue;
            }
            Api.Reply anon = call(anonymous, r.method(), path);
            if (anon.status() != 401 || !anon.isProblem()) {
                wrong.put("anonymous " + r.key(), anon.toString());
            }
            for (String role : ROLES) {
                if (!r.may().contains(role)) {
                    Api.Reply reply = call(anonymous.asDemo(role), r.method(), path);
                    if (reply.status() != 403) {
                        wrong.put(role + " " + r.key(), reply.toString());
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), "not as in the matrix: " + wrong);
    }

    @Test
    void every_page_row_sends_anonymous_to_login_and_refuses_other_roles_with_403() {
        URI root = Api.loopback(base);
        Map<String, FacesSession> as = new LinkedHashMap<>();
        for (String role : ROLES) {
            as.put(role, FacesSession.loggedIn(root, role, Api.DEMO_PASSWORD));
        }
        Map<String, String> wrong = new LinkedHashMap<>();
        for (Rule r : PAGES) {
            for (String path : r.path().contains(".") ? List.of(r.path()) : List.of(r.path(), r.path() + ".xhtml")) {
                Page anon = new FacesSession(root).get(path);
                boolean atLogin = anon.uri().getPath().endsWith("/login") && anon.contains("name=\"login:password\"")
                        || anon.contains("id=\"login\"");
                if (r.isPublic() == atLogin && !(r.isPublic() && path.startsWith("login"))) {
                    wrong.put("anonymous " + path, anon.status() + " " + anon.uri());
                }
                if (r.isPublic()) {
                    continue;
                }
                for (String role : ROLES) {
                    int status = as.get(role).get(path).status();
                    boolean allowed = r.may().contains(role);
                    if (allowed ? status != 200 : status != 403) {
                        wrong.put(role + " " + path, Integer.toString(status));
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), "not as in the matrix: " + wrong);
    }

    // --- object level: center A's data stays center A's ----------------------------------------

    /** Center A: the alerts and resources of 若葉 are routed to it. Center B: any other center. */
    static final String CENTER_A = "hidamari-kita1";
    static final String CENTER_B = "hidamari-minami1";

    /**
     * A fresh staff account of a center. The demo "staff" belongs to the first non-core center by
     * code (hidamari-chubu1), so both sides of each check get accounts of their own.
     */
    Api staffOf(String center) {
        String username = "b" + UUID.randomUUID().toString().substring(0, 8);
        String password = "CenterB-" + UUID.randomUUID();
        Api.Reply made = admin.postJson("api/v1/accounts", "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\",\"role\":\"staff\",\"centerCode\":\"" + center + "\"}");
        assertEquals(201, made.status(), made::toString);
        Api api = anonymous.as(username, password);
        credentials.put(api, new String[] {username, password});
        return api;
    }

    private final Map<Api, String[]> credentials = new java.util.IdentityHashMap<>();

    /** The same account signed in to the pages. */
    FacesSession pages(Api api) {
        String[] userPassword = api == admin ? new String[] {"admin", Api.DEMO_PASSWORD}
                : api == null ? null : credentials.get(api);
        return FacesSession.loggedIn(Api.loopback(base), userPassword[0], userPassword[1]);
    }

    /** An alert of center A (hidamari-kita1) with personal values nobody else may see. */
    JsonObject alertOfCenterA(Api partner, String secret) {
        Api.Reply filed = partner.postJson("api/v1/alerts", "{\"address\":\"ひだまり市若葉2-3-5\","
                + "\"observedAt\":\"2026-11-23T09:40:00+09:00\",\"anomalies\":[\"no_response\"],\"urgency\":\"urgent\","
                + "\"personName\":\"" + secret + "\",\"personDescription\":\"" + secret + "の様子\",\"details\":\"" + secret
                + "\",\"reporterName\":\"通報者" + secret + "\",\"reporterPhone\":\"099-000-0000\"}");
        assertEquals(201, filed.status(), filed::toString);
        assertEquals("hidamari-kita1", filed.json().getJsonObject("center").getString("code"));
        return filed.json();
    }

    @Test
    void staff_of_another_center_neither_read_nor_change_center_a_alerts() {
        Api staffA = staffOf(CENTER_A);
        Api staffB = staffOf(CENTER_B);
        String secret = "秘密" + UUID.randomUUID().toString().substring(0, 6);
        JsonObject receipt = alertOfCenterA(anonymous.asDemo("partner"), secret);
        String id = receipt.get("id").toString().replace("\"", "");
        String no = receipt.getString("receiptNo");
        JsonObject before = staffA.get("api/v1/alerts/" + id).json();

        Api.Reply read = staffB.get("api/v1/alerts/" + id);
        assertTrue(read.status() == 404 || read.status() == 403, read::toString);
        assertFalse(read.body().contains(secret), "no personal value in the refusal");
        for (String event : List.of("{\"type\":\"acknowledge\"}", "{\"type\":\"note\",\"note\":\"B\"}",
                "{\"type\":\"transfer\",\"toCenter\":\"" + CENTER_B + "\",\"note\":\"奪う\"}",
                "{\"type\":\"resolve\",\"outcome\":\"no_issue\"}")) {
            Api.Reply act = staffB.postJson("api/v1/alerts/" + id + "/events", event);
            assertTrue(act.status() == 404 || act.status() == 403, event + " → " + act);
            assertFalse(act.body().contains(secret));
        }
        JsonObject after = staffA.get("api/v1/alerts/" + id).json();
        assertEquals(before.getString("status"), after.getString("status"), "nothing changed");
        assertEquals(before.getJsonArray("events"), after.getJsonArray("events"), "no event was added");
        assertEquals("hidamari-kita1", after.getJsonObject("center").getString("code"));

        // lists: the API list (also when asking for center A by name), the board, the detail page
        assertFalse(staffB.get("api/v1/alerts?size=100").body().contains(no), "B's list");
        Api.Reply named = staffB.get("api/v1/alerts?center=hidamari-kita1&size=100");
        assertFalse(named.body().contains(no), named::toString);
        assertNotEquals(200, named.status(), "asking for another center's list is refused: " + named);
        assertTrue(staffA.get("api/v1/alerts?size=100").body().contains(no), "A's list has it (the check can fail)");
        FacesSession pageB = pages(staffB);
        assertFalse(pageB.get("staff/alerts").contains(no), "B's board");
        Page detail = pageB.get("staff/alert?id=" + id);
        assertFalse(detail.contains(secret) || detail.contains(no), "B's detail page");
        assertFalse(pageB.get("staff/index").contains(no));
        // the stats count only what the caller may see: B's figures name no other center
        Api.Reply stats = staffB.get("api/v1/stats/alerts?groupBy=center");
        assertEquals(200, stats.status(), stats::toString);
        assertFalse(stats.body().contains("hidamari-kita1") || stats.body().contains("若葉地域"), stats::toString);
        String csv = pageB.get("staff/stats.csv?groupBy=center").html();
        assertFalse(csv.contains("若葉地域"), "B's statistics CSV (servlet)");
        assertTrue(pages(staffA).get("staff/stats.csv?groupBy=center").html().contains("若葉地域"), "A's has it (the check can fail)");
        // admins have no center: no alert detail either
        Api.Reply adminRead = admin.get("api/v1/alerts/" + id);
        assertEquals(403, adminRead.status());
        Page adminPage = pages(admin).get("staff/alert?id=" + id);
        assertFalse(adminPage.contains(secret), "an admin does not read alerts");
    }

    @Test
    void partners_see_only_their_own_organisation_alerts() {
        String secret = "秘密" + UUID.randomUUID().toString().substring(0, 6);
        JsonObject receipt = alertOfCenterA(anonymous.asDemo("partner"), secret);
        String no = receipt.getString("receiptNo");
        Api.Reply org = admin.postJson("api/v1/partners", "{\"name\":\"別団体" + UUID.randomUUID().toString().substring(0, 6)
                + "\",\"type\":\"delivery\",\"municipality\":\"990001\",\"agreementDate\":\"2026-04-01\"}");
        assertEquals(201, org.status(), org::toString);
        String username = "q" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Partner-" + UUID.randomUUID();
        assertEquals(201, admin.postJson("api/v1/accounts", "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\",\"role\":\"partner\",\"partnerId\":" + org.json().getJsonNumber("id").longValue() + "}").status());
        Api other = anonymous.as(username, password);

        assertTrue(anonymous.asDemo("partner").get("api/v1/alerts/mine").body().contains(no), "the own organisation sees it");
        Api.Reply mine = other.get("api/v1/alerts/mine");
        assertEquals(200, mine.status());
        assertFalse(mine.body().contains(no), "another organisation does not");
        String id = receipt.get("id").toString().replace("\"", "");
        assertEquals(403, other.get("api/v1/alerts/" + id).status(), "partners have no staff detail");
        FacesSession page = FacesSession.loggedIn(Api.loopback(base), username, password);
        assertFalse(page.get("partner/").contains(no));
        Page foreign = page.get("partner/receipt?no=" + no);
        assertFalse(foreign.contains(no) && foreign.text("receipt-no") != null, "no foreign receipt: " + foreign.html());
        assertFalse(foreign.contains(secret));
        // the own receipt page does show it (so the check above can fail)
        Page own = FacesSession.loggedIn(Api.loopback(base), "partner", Api.DEMO_PASSWORD).get("partner/receipt?no=" + no);
        assertEquals(no, own.text("receipt-no"));
    }

    long resourceOfCenterA(Api staffA, String name, boolean draft) {
        Api.Reply created = staffA.postJson("api/v1/resources", "{\"name\":\"" + name + "\",\"category\":\"salon\","
                + "\"address\":\"ひだまり市若葉2-3-5\",\"schedule\":\"毎週水曜日 10:00〜11:30\",\"phone\":\"03-0000-1111\""
                + (draft ? ",\"status\":\"draft\"" : "") + "}");
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    @Test
    void staff_of_another_center_neither_read_nor_change_center_a_resources_and_corrections() {
        Api staffA = staffOf(CENTER_A);
        Api staffB = staffOf(CENTER_B);
        String name = "A資源" + UUID.randomUUID().toString().substring(0, 6);
        long id = resourceOfCenterA(staffA, name, false);
        JsonObject before = staffA.get("api/v1/resources/" + id).json();
        long version = before.getJsonNumber("version").longValue();

        Api.Reply put = staffB.putJson("api/v1/resources/" + id, "{\"version\":" + version + ",\"name\":\"乗っ取り\","
                + "\"category\":\"salon\",\"address\":\"ひだまり市若葉2-3-5\"}");
        assertTrue(put.status() == 403 || put.status() == 404, put::toString);
        Api.Reply verify = staffB.postJson("api/v1/resources/" + id + "/verify", "{}");
        assertTrue(verify.status() == 403 || verify.status() == 404, verify::toString);
        Api.Reply delete = staffB.delete("api/v1/resources/" + id);
        assertTrue(delete.status() == 403 || delete.status() == 404, delete::toString);
        Api.Reply history = staffB.get("api/v1/resources/" + id + "/history");
        assertTrue(history.status() == 403 || history.status() == 404, history::toString);
        JsonObject after = staffA.get("api/v1/resources/" + id).json();
        assertEquals(before, after, "nothing changed (name, version, verifiedAt, status)");

        // B cannot create a resource in A's catchment either (and nothing of it remains)
        String intruder = "B作成" + UUID.randomUUID().toString().substring(0, 6);
        Api.Reply create = staffB.postJson("api/v1/resources", "{\"name\":\"" + intruder + "\",\"category\":\"salon\","
                + "\"address\":\"ひだまり市若葉2-3-6\"}");
        assertEquals(403, create.status(), create::toString);
        assertEquals(0, anonymous.get("api/v1/resources?q=" + Api.q(intruder)).json().getInt("total"));
        assertFalse(pages(staffA).get("staff/resources?status=draft").contains(intruder));

        // the editor page of B: not A's resource
        FacesSession pageB = pages(staffB);
        Page editor = pageB.get("staff/resource?id=" + id);
        assertFalse(editor.contains(name) && editor.contains("id=\"editor:save\""), "B's editor does not open A's resource");
        assertFalse(pageB.get("staff/resources").contains(name), "B's list");
        assertTrue(pages(staffA).get("staff/resources").contains(name), "A's list has it (the check can fail)");

        // a draft of A: neither public nor in B's export/list
        String draftName = "A下書き" + UUID.randomUUID().toString().substring(0, 6);
        long draft = resourceOfCenterA(staffA, draftName, true);
        Api.Reply publicDraft = anonymous.get("api/v1/resources/" + draft);
        assertEquals(404, publicDraft.status(), publicDraft::toString);
        assertFalse(publicDraft.body().contains(draftName));
        assertEquals(404, anonymous.get("api/v1/resources/" + draft + "/calendar.ics").status());
        assertFalse(anonymous.get("api/v1/resources?q=" + Api.q(draftName)).body().contains(draftName));
        assertFalse(anonymous.get("resource?id=" + draft).body().contains(draftName), "the resident page");
        assertFalse(anonymous.get("resource-print?id=" + draft).body().contains(draftName), "the print page");
        assertFalse(anonymous.get("correction?resource=" + draft).body().contains(draftName), "the correction form");
        assertFalse(anonymous.get("api/v1/suggest?q=" + Api.q(draftName.substring(0, 5))).body().contains(draftName), "suggestions");
        assertEquals(404, anonymous.postJson("api/v1/resources/" + draft + "/corrections", "{\"kind\":\"ended\"}").status(),
                "no correction of a draft (its existence is not confirmed)");
        for (String format : List.of("csv", "geojson", "hsds")) {
            Api.Reply export = staffB.get("api/v1/exports/resources?format=" + format);
            assertEquals(200, export.status(), export::toString);
            assertFalse(export.body().contains(draftName), format + " export of B has no draft of A");
        }
        Api.Reply exportA = staffB.get("api/v1/exports/resources?format=csv&center=hidamari-kita1");
        assertFalse(exportA.body().contains(draftName), exportA::toString);
        assertFalse(pageB.get("staff/resources?status=draft").contains(draftName));
        Api.Reply draftPut = staffB.putJson("api/v1/resources/" + draft, "{\"version\":0,\"name\":\"乗っ取り\","
                + "\"category\":\"salon\",\"address\":\"ひだまり市南台1-1\",\"status\":\"published\"}");
        assertTrue(draftPut.status() == 403 || draftPut.status() == 404, draftPut::toString);
        assertFalse(draftPut.body().contains(draftName));
        assertEquals(404, anonymous.get("api/v1/resources/" + draft).status(), "still a draft");

        // a resident's correction of A's resource: in A's queue, not B's; B cannot close it
        String message = "A宛て訂正" + UUID.randomUUID().toString().substring(0, 6);
        Api.Reply reported = anonymous.send("api/v1/resources/" + id + "/corrections", "application/json",
                "{\"kind\":\"schedule\",\"message\":\"" + message + "\"}", "X-Forwarded-For", "203.0.113." + (1 + (int) (Math.random() * 200)));
        assertEquals(201, reported.status(), reported::toString);
        long correction = reported.json().getJsonNumber("id").longValue();
        assertFalse(staffB.get("api/v1/corrections").body().contains(message), "B's queue");
        assertFalse(pageB.get("staff/corrections").contains(message), "B's queue page");
        Api.Reply close = staffB.postJson("api/v1/corrections/" + correction + "/close", "{\"note\":\"B\"}");
        assertTrue(close.status() == 403 || close.status() == 404, close::toString);
        assertFalse(close.body().contains(message));
        assertTrue(staffA.get("api/v1/corrections").body().contains(message), "still open in A's queue");
    }

    @Test
    void a_resource_import_of_another_center_never_overwrites_center_a_resources() {
        Api staffA = staffOf(CENTER_A);
        Api staffB = staffOf(CENTER_B);
        String name = "A取込先" + UUID.randomUUID().toString().substring(0, 6);
        long id = resourceOfCenterA(staffA, name, false);
        JsonObject before = staffA.get("api/v1/resources/" + id).json();
        String own = "B自前" + UUID.randomUUID().toString().substring(0, 6);
        String ownId = "b-" + UUID.randomUUID();
        // the export's id for a resource without one of its own (tsunagu:<id>) and B's own new row
        byte[] file = ("external_id,name,category,address\r\n" + ownId + "," + own + ",salon,ひだまり市新田1-1\r\n"
                + "tsunagu:" + id + ",乗っ取り,salon,ひだまり市新田1-2\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        Api.Reply dry = staffB.post("api/v1/imports/resources?dryRun=true", "text/csv", file);
        assertEquals(200, dry.status(), dry::toString);
        assertEquals(0, dry.json().getInt("updated"), dry::toString);
        assertEquals(1, dry.json().getInt("rejected"), dry::toString);
        Api.Reply all = staffB.post("api/v1/imports/resources", "text/csv", file);
        assertEquals(400, all.status(), "all or nothing: " + all);
        Api.Reply skipping = staffB.post("api/v1/imports/resources?skipInvalid=true", "text/csv", file);
        assertEquals(200, skipping.status(), skipping::toString);
        assertEquals(1, skipping.json().getInt("created"), "B's own row is imported (the check can fail): " + skipping);
        assertEquals(0, skipping.json().getInt("updated"), skipping::toString);
        assertEquals(before, staffA.get("api/v1/resources/" + id).json(), "A's resource is unchanged");
        // through the page (same control), too
        FacesSession pageB = pages(staffB);
        Page form = pageB.get("staff/import");
        Page preview = pageB.upload(form, "upload", Map.of("upload:format", "tsunagu"), "upload:file", "take.csv", file, "upload:check");
        assertTrue(preview.contains("id=\"preview-errors\""), preview::html);
        assertEquals(before, staffA.get("api/v1/resources/" + id).json());
        // the same file from A updates A's own resource (so the refusal is about the center)
        Api.Reply fromA = staffA.post("api/v1/imports/resources?dryRun=true", "text/csv",
                ("external_id,name,category,address\r\ntsunagu:" + id + "," + name + "（改）,salon,ひだまり市若葉2-3-5\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(1, fromA.json().getInt("updated"), fromA::toString);
    }

    @Test
    void core_staff_load_the_areas_of_their_own_municipality_only() {
        int n = java.util.concurrent.ThreadLocalRandom.current().nextInt(1000, 9999);
        String city = "97" + n;
        String centers = "center_code,name,kind,region,address,phone,email,city_code\n"
                + "x" + n + "-core,他市基幹型センター,core,中央,架空県他市" + n + "本郷1-1,000-000-0000,," + city + "\n";
        String towns = "city_code,pref_name,city_name,town,koaza,lat,lon,center_code\n"
                + city + ",架空県,他市" + n + ",本郷,,35.1,139.1,x" + n + "-core\n";
        byte[] townsFile = towns.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Api core = anonymous.asDemo("core");
        Api.Reply refused = core.post("api/v1/imports/towns", "text/csv", townsFile);
        assertEquals(403, refused.status(), refused::toString);
        Api.Reply centersRefused = core.post("api/v1/imports/centers", "text/csv", centers.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(403, centersRefused.status(), centersRefused::toString);
        assertEquals(404, anonymous.get("api/v1/centers/x" + n + "-core").status(), "nothing was created");
        // the admin may (so the refusal is about the municipality); then core still may not change it
        assertEquals(200, admin.post("api/v1/imports/centers", "text/csv", centers.getBytes(java.nio.charset.StandardCharsets.UTF_8)).status());
        assertEquals(200, admin.post("api/v1/imports/towns", "text/csv", townsFile).status());
        assertEquals(403, core.post("api/v1/imports/towns", "text/csv", (towns + city + ",架空県,他市" + n + ",新田,,35.2,139.2,x" + n
                + "-core\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)).status());
        assertEquals(403, core.post("api/v1/imports/centers?municipality=" + city, "text/csv",
                ("center_code,name,kind,region,address,phone,email\nx" + n + "-core,乗っ取り,core,中央,架空県他市" + n
                        + "本郷1-1,000-000-0000,\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)).status());
        assertEquals("他市基幹型センター", anonymous.get("api/v1/centers/x" + n + "-core").json().getString("name"), "unchanged");
    }

    @Test
    void an_alert_that_cannot_be_placed_stays_in_the_partners_municipality() {
        int n = java.util.concurrent.ThreadLocalRandom.current().nextInt(1000, 9999);
        String city = "95" + n;
        // a municipality whose only center was its core and is now commissioned (a centers re-import may do
        // that): no 基幹型 there, while the demo's core is in another municipality
        String center = "center_code,name,kind,region,address,phone,email,city_code\n"
                + "z" + n + "-east,遠市東センター,%s,東,架空県遠市" + n + "本郷1-1,000-000-0000,," + city + "\n";
        Api.Reply centers = admin.post("api/v1/imports/centers", "text/csv",
                String.format(center, "core").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, centers.status(), centers::toString);
        Api.Reply towns = admin.post("api/v1/imports/towns", "text/csv", ("city_code,pref_name,city_name,town,koaza,lat,lon,center_code\n"
                + city + ",架空県,遠市" + n + ",本郷,,35.1,139.1,z" + n + "-east\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, towns.status(), towns::toString);
        Api.Reply commissioned = admin.post("api/v1/imports/centers", "text/csv",
                String.format(center, "commissioned").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, commissioned.status(), commissioned::toString);
        Api.Reply org = admin.postJson("api/v1/partners", "{\"name\":\"遠市新聞店" + n + "\",\"type\":\"newspaper\",\"municipality\":\""
                + city + "\",\"agreementDate\":\"2026-04-01\"}");
        assertEquals(201, org.status(), org::toString);
        String username = "z" + UUID.randomUUID().toString().substring(0, 8);
        String password = "FarPartner-" + UUID.randomUUID();
        assertEquals(201, admin.postJson("api/v1/accounts", "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\",\"role\":\"partner\",\"partnerId\":" + org.json().getInt("id") + "}").status());
        Api.Reply filed = anonymous.as(username, password).postJson("api/v1/alerts", "{\"address\":\"どこか分からない場所\","
                + "\"observedAt\":\"2026-11-23T09:40:00+09:00\",\"anomalies\":[\"no_response\"],\"urgency\":\"urgent\","
                + "\"reporterName\":\"遠市の配達員\",\"reporterPhone\":\"099-000-0000\"}");
        assertEquals(201, filed.status(), filed::toString);
        assertEquals("z" + n + "-east", filed.json().getJsonObject("center").getString("code"),
                () -> "the municipality's own center takes it, never another municipality's core: " + filed);
    }

    @Test
    void core_staff_of_another_municipality_see_nothing_of_this_one() throws InterruptedException {
        int n = java.util.concurrent.ThreadLocalRandom.current().nextInt(1000, 9999);
        String city = "96" + n;
        assertEquals(200, admin.post("api/v1/imports/centers", "text/csv", ("center_code,name,kind,region,address,phone,email,city_code\n"
                + "y" + n + "-core,別市基幹型センター,core,中央,架空県別市" + n + "本郷1-1,000-000-0000,," + city + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).status());
        assertEquals(200, admin.post("api/v1/imports/towns", "text/csv", ("city_code,pref_name,city_name,town,koaza,lat,lon,center_code\n"
                + city + ",架空県,別市" + n + ",本郷,,35.1,139.1,y" + n + "-core\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)).status());
        String username = "y" + UUID.randomUUID().toString().substring(0, 8);
        String password = "OtherCore-" + UUID.randomUUID();
        assertEquals(201, admin.postJson("api/v1/accounts", "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\",\"role\":\"core\",\"centerCode\":\"y" + n + "-core\"}").status());
        Api otherCore = anonymous.as(username, password);
        Api core = anonymous.asDemo("core");

        String secret = "秘密" + UUID.randomUUID().toString().substring(0, 6);
        JsonObject receipt = alertOfCenterA(anonymous.asDemo("partner"), secret);
        String id = receipt.get("id").toString();
        String no = receipt.getString("receiptNo");
        Api.Reply read = otherCore.get("api/v1/alerts/" + id);
        assertEquals(404, read.status(), read::toString);
        assertFalse(read.body().contains(secret));
        assertEquals(404, otherCore.postJson("api/v1/alerts/" + id + "/events", "{\"type\":\"acknowledge\"}").status());
        assertEquals("received", core.get("api/v1/alerts/" + id).json().getString("status"), "unchanged");
        assertFalse(otherCore.get("api/v1/alerts?size=100").body().contains(no));
        assertTrue(core.get("api/v1/alerts?size=100").body().contains(no), "this municipality's core sees it");

        // the "new alert" email of A's alert fails here (no mail server in the IT environment): 未送信
        long notification = -1;
        for (int i = 0; i < 40 && notification < 0; i++) {
            for (JsonObject item : admin.get("api/v1/notifications/unsent").json().getJsonArray("items").getValuesAs(JsonObject.class)) {
                if (item.getString("receiptNo", "").equals(no)) {
                    notification = item.getJsonNumber("id").longValue();
                }
            }
            Thread.sleep(500);
        }
        assertTrue(notification > 0, "the notification of " + no + " is on the admin's 未送信 list");
        assertEquals(200, core.get("api/v1/notifications/" + notification).status(), "this municipality's core reads it");
        assertEquals(404, otherCore.get("api/v1/notifications/" + notification).status());
        assertEquals(404, otherCore.postJson("api/v1/notifications/" + notification + "/retry", "{}").status());
        assertFalse(otherCore.get("api/v1/notifications/unsent").body().contains(no));

        // resources and corrections of this municipality
        long resource = resourceOfCenterA(staffOf(CENTER_A), "別市から" + UUID.randomUUID().toString().substring(0, 6), false);
        assertEquals(403, otherCore.postJson("api/v1/resources/" + resource + "/verify", "{}").status());
        assertEquals(403, otherCore.get("api/v1/resources/" + resource + "/history").status());
        String message = "別市に見えない訂正" + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(201, anonymous.postJson("api/v1/resources/" + resource + "/corrections",
                "{\"kind\":\"schedule\",\"message\":\"" + message + "\"}").status());
        assertTrue(core.get("api/v1/corrections").body().contains(message), "this municipality's core has it");
        Api.Reply corrections = otherCore.get("api/v1/corrections");
        assertEquals(200, corrections.status());
        assertFalse(corrections.body().contains(message) || corrections.body().contains("hidamari"), corrections::toString);
    }

    @Test
    void an_event_answered_with_the_personal_record_is_audited_as_a_read() {
        Api core = anonymous.asDemo("core");
        String id = alertOfCenterA(anonymous.asDemo("partner"), "記録" + UUID.randomUUID().toString().substring(0, 6)).get("id").toString();
        int before = readsOf(core, id);
        Api.Reply note = core.postJson("api/v1/alerts/" + id + "/events", "{\"type\":\"note\",\"note\":\"電話した\"}");
        assertEquals(200, note.status(), note::toString);
        assertEquals(before + 1, readsOf(core, id), "the answer shows the personal fields: one alert.read entry");
    }

    private static int readsOf(Api as, String id) {
        Api.Reply r = as.get("api/v1/audit?action=alert.read&size=100");
        assertEquals(200, r.status(), r::toString);
        return (int) r.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("targetId", "").equals(id)).count();
    }

    @Test
    void notifications_and_the_audit_log_are_not_for_center_staff() {
        Api staffB = staffOf(CENTER_B);
        alertOfCenterA(anonymous.asDemo("partner"), "通知" + UUID.randomUUID().toString().substring(0, 6));
        for (String path : List.of("api/v1/notifications/unsent", "api/v1/notifications/1", "api/v1/audit")) {
            assertEquals(403, staffB.get(path).status(), path);
            assertEquals(403, anonymous.asDemo("staff").get(path).status(), path);
        }
        assertEquals(403, staffB.postJson("api/v1/notifications/1/retry", "{}").status());
        assertTrue(pages(staffB).get("staff/unsent").contains("基幹型センターの職員と管理者だけ"), "the page says so, lists nothing");
    }

    @Test
    void public_endpoints_leak_no_private_field() {
        Api.Reply partners = anonymous.get("api/v1/partners");
        assertEquals(200, partners.status(), partners::toString);
        for (String field : List.of("contact", "email", "phone", "accounts", "agreementDate")) {
            assertFalse(partners.body().contains("\"" + field), field + " in " + partners.body());
        }
        Api.Reply centers = anonymous.get("api/v1/centers");
        assertEquals(200, centers.status());
        assertFalse(centers.body().contains("\"staff\"") || centers.body().contains("username"), centers::toString);
        Api.Reply resources = anonymous.get("api/v1/resources?size=50");
        assertEquals(200, resources.status());
        for (String field : List.of("history", "actor", "\"status\":\"draft\"", "createdBy", "updatedBy")) {
            assertFalse(resources.body().contains(field), field);
        }
        assertEquals(401, anonymous.get("api/v1/alerts/mine").status());
        assertEquals(401, anonymous.get("api/v1/exports/resources").status(), "the export is for staff");
    }
}
