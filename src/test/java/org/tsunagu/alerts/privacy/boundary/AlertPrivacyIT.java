package org.tsunagu.alerts.privacy.boundary;

import org.tsunagu.notifications.boundary.NotificationsIT;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tsunagu.Api;
import org.tsunagu.PayaraProcess;
import org.tsunagu.persistence.FieldCipher;
import org.tsunagu.persistence.StartGuard;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Privacy of alert data, black-box on a Payara Micro this test starts itself ({@link PayaraProcess}): its
 * own data directory (H2) or its own database {@code tsunagu_privacy} (the PostgreSQL run), its own log
 * file, its own SMTP server and key ring. A full alert flow with distinctive personal values runs once
 * (filing, triage, transfer, resolution, the notification email, bad requests carrying personal data);
 * then the server is stopped, so the H2 file is no longer locked, and the database is read with plain
 * JDBC: no personal value in any text column of any table (nor, for H2, anywhere in the database file),
 * every personal column sealed. The log of the run is searched for every personal value. A second start
 * with a rotated key ring, after legacy plaintext was written into a row as an upgraded database would
 * have it, proves that the start-up job seals both under the new key and that the API still reads them.
 */
class AlertPrivacyIT {

    static final String K1 = "k1:" + FieldCipher.newKey();
    static final String K2 = "k2:" + FieldCipher.newKey();

    /** Every personal value of the flow; ASCII tokens too, so an escaped log line (\\uXXXX) still shows them. */
    static final Map<String, String> PERSONAL = Map.ofEntries(
            Map.entry("address", "若葉2-17-29"),
            Map.entry("placeNote", "裏口の物置横 PLACE-NOTE-7Q"),
            Map.entry("personName", "比留間トヨ子 HIRUMA-TOYOKO"),
            Map.entry("personDescription", "紫の杖を持つ小柄な女性 PURPLE-CANE-2W"),
            Map.entry("details", "郵便受けに督促状が九通 DETAIL-NINE-3X"),
            Map.entry("otherAnomaly", "窓に貼り紙 WINDOW-PAPER-8K"),
            Map.entry("reporterName", "猪狩ジュン IKARI-JUN-5R"),
            Map.entry("reporterPhone", "099-777-4321"),
            Map.entry("lat", "35.871234"),
            Map.entry("lon", "139.912345"),
            Map.entry("note", "比留間さんの長女に連絡 NOTE-DAUGHTER-4T"),
            Map.entry("transfer", "トヨ子さんは南地区の娘宅に滞在 TRANSFER-NOTE-6Y"),
            Map.entry("resolve", "トヨ子さんの無事を確認 RESOLVE-NOTE-1U"),
            Map.entry("legacy", "旧版の平文 LEGACY-PLAIN-9Z"));

    static GreenMail smtp;
    static Path data;
    static Path dataRoot;
    static PayaraProcess first;
    static String receipt;
    static long alertId;
    static long longAlertId;
    static JsonObject readBack;
    static List<Integer> badRequestStatus = new ArrayList<>();
    static Optional<MimeMessage> mail;
    static int auditBefore;
    static int auditAfter;

    @BeforeAll
    static void runTheFlowThenStop() throws Exception {
        int smtpPort = PayaraProcess.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        dataRoot = Files.createDirectories(Path.of("target", "privacy"));
        data = Files.createTempDirectory(dataRoot, "data-");
        if (postgres()) {
            wipePostgres();
        }
        first = server("privacy-1", K1, smtpPort).start();
        Api partner = first.api().asDemo("partner");
        Api core = first.api().asDemo("core");

        Api.Reply filed = partner.postJson("alerts", "{\"address\":\"ひだまり市" + PERSONAL.get("address") + "\","
                + "\"placeNote\":\"" + PERSONAL.get("placeNote") + "\",\"lat\":" + PERSONAL.get("lat") + ",\"lon\":" + PERSONAL.get("lon") + ","
                + "\"observedAt\":\"2026-11-23T09:40:00+09:00\",\"anomalies\":[\"mail_piling_up\",\"other\"],"
                + "\"otherAnomaly\":\"" + PERSONAL.get("otherAnomaly") + "\",\"urgency\":\"urgent\","
                + "\"personName\":\"" + PERSONAL.get("personName") + "\",\"personAge\":\"80代\",\"personSex\":\"女性\","
                + "\"personDescription\":\"" + PERSONAL.get("personDescription") + "\",\"details\":\"" + PERSONAL.get("details") + "\","
                + "\"reporterName\":\"" + PERSONAL.get("reporterName") + "\",\"reporterPhone\":\"" + PERSONAL.get("reporterPhone") + "\"}");
        assertEquals(201, filed.status(), filed::toString);
        receipt = filed.json().getString("receiptNo");
        alertId = filed.json().getJsonNumber("id").longValue();
        String events = "alerts/" + alertId + "/events";
        assertEquals(200, core.postJson(events, "{\"type\":\"acknowledge\"}").status());
        assertEquals(200, core.postJson(events, "{\"type\":\"note\",\"note\":\"" + PERSONAL.get("note") + "\"}").status());
        assertEquals(200, core.postJson(events, "{\"type\":\"assign\",\"assignee\":\"佐藤\"}").status());
        Api.Reply moved = core.postJson(events, "{\"type\":\"transfer\",\"toCenter\":\"hidamari-minami1\",\"note\":\""
                + PERSONAL.get("transfer") + "\"}");
        assertEquals(200, moved.status(), moved::toString);
        assertEquals(200, core.postJson(events, "{\"type\":\"acknowledge\"}").status());
        Api.Reply resolved = core.postJson(events, "{\"type\":\"resolve\",\"outcome\":\"safe_no_issue\",\"note\":\""
                + PERSONAL.get("resolve") + "\"}");
        assertEquals(200, resolved.status(), resolved::toString);

        // the longest texts the API accepts, in 3-byte characters: the widened columns hold their ciphertext
        Api.Reply longest = partner.postJson("alerts", "{\"address\":\"ひだまり市若葉2-3-5" + "あ".repeat(300 - 14) + "\","
                + "\"placeNote\":\"" + "い".repeat(200) + "\",\"observedAt\":\"2026-11-23T09:40:00+09:00\","
                + "\"anomalies\":[\"other\"],\"otherAnomaly\":\"" + "う".repeat(200) + "\",\"urgency\":\"info\","
                + "\"personName\":\"" + "え".repeat(100) + "\",\"personAge\":\"" + "お".repeat(40) + "\",\"personSex\":\"" + "か".repeat(16) + "\","
                + "\"personDescription\":\"" + "き".repeat(1000) + "\",\"details\":\"" + "く".repeat(4000) + "\","
                + "\"reporterName\":\"" + "け".repeat(100) + "\",\"reporterPhone\":\"" + "こ".repeat(40) + "\"}");
        assertEquals(201, longest.status(), longest::toString);
        longAlertId = longest.json().getJsonNumber("id").longValue();
        Api.Reply longNote = core.postJson("alerts/" + longAlertId + "/events", "{\"type\":\"note\",\"note\":\"" + "さ".repeat(4000) + "\"}");
        assertEquals(200, longNote.status(), longNote::toString);

        // requests that fail while carrying personal data
        String name = PERSONAL.get("personName");
        badRequestStatus.add(partner.postJson("alerts", "{\"personName\":\"" + name + "\",\"details\":\"" + PERSONAL.get("details")).status());
        badRequestStatus.add(partner.postJson("alerts", "{\"personName\":\"" + name + "\",\"reporterPhone\":\"" + PERSONAL.get("reporterPhone")
                + "\",\"observedAt\":\"2099-01-01T00:00:00+09:00\",\"anomalies\":[\"none_such\"],\"urgency\":\"urgent\"}").status());
        badRequestStatus.add(partner.postJson("alerts", "{\"personName\":12,\"address\":\"" + PERSONAL.get("address")
                + "\",\"details\":\"" + PERSONAL.get("details") + "\"}").status());
        badRequestStatus.add(core.postJson(events, "{\"type\":\"resolve\",\"outcome\":\"safe_no_issue\",\"note\":\"" + name + "\"}").status());
        badRequestStatus.add(core.postJson(events, "{\"type\":\"transfer\",\"toCenter\":\"" + name + "\",\"note\":\"" + name + "\"}").status());
        badRequestStatus.add(core.get("alerts/" + Api.q(name)).status());
        badRequestStatus.add(core.get("alerts?status=" + Api.q(name)).status());

        mail = awaitMail(receipt, 30_000);

        auditBefore = readsOf(core, alertId);
        Api.Reply read = core.get("alerts/" + alertId);
        assertEquals(200, read.status(), read::toString);
        readBack = read.json();
        auditAfter = readsOf(core, alertId);

        first.stop();
        assertFalse(first.alive(), "stopped: the H2 file is free for plain JDBC");
    }

    @AfterAll
    static void stop() throws Exception {
        if (first != null) {
            first.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    static Optional<MimeMessage> awaitMail(String subjectPart, long millis) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getSubject().contains(subjectPart)) {
                    return Optional.of(m);
                }
            }
            Thread.sleep(200);
        }
        return Optional.empty();
    }

    static boolean postgres() {
        return StartGuard.postgres(System.getenv("TSUNAGU_DB_URL"));
    }

    static PayaraProcess server(String name, String keys, int smtpPort) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("TSUNAGU_DATA_DIR", data.toAbsolutePath().toString());
        env.put("TSUNAGU_ALERT_KEYS", keys);
        env.put("TSUNAGU_SMTP_HOST", "127.0.0.1");
        env.put("TSUNAGU_SMTP_PORT", String.valueOf(smtpPort));
        env.put("TSUNAGU_ALERT_RETENTION", "P5Y"); // not the builds' 20 s: these alerts keep their personal fields (AlertStatsIT erases)
        if (postgres()) {
            String url = System.getenv("TSUNAGU_DB_URL");
            env.put("TSUNAGU_DB_URL", url.substring(0, url.lastIndexOf('/') + 1) + "tsunagu_privacy");
        }
        return new PayaraProcess(name, List.of("--nohazelcast"), env);
    }

    /** The database the servers of this class use, opened with plain JDBC (H2: only while no server runs). */
    static Connection raw() throws SQLException {
        if (postgres()) {
            String url = System.getenv("TSUNAGU_DB_URL");
            return DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "tsunagu_privacy",
                    System.getenv("TSUNAGU_DB_USER"), System.getenv("TSUNAGU_DB_PASSWORD"));
        }
        return DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath() + "/db/tsunagu;IFEXISTS=TRUE",
                "tsunagu", StartGuard.EMBEDDED_DB_PASSWORD);
    }

    /** A fresh tsunagu_privacy for each build (the throwaway cluster is new per build; a local rerun may reuse it). */
    static void wipePostgres() throws SQLException {
        try (Connection c = raw(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
    }

    static int readsOf(Api core, long id) {
        Api.Reply r = core.get("audit?action=alert.read&size=100");
        assertEquals(200, r.status(), r::toString);
        return (int) r.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("targetId", "").equals(Long.toString(id))).count();
    }

    /** Every text value of every table (table.column → values). */
    static Map<String, List<String>> everyText(Connection c) throws SQLException {
        Map<String, List<String>> out = new HashMap<>();
        DatabaseMetaData meta = c.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet t = meta.getTables(null, postgres() ? "public" : "PUBLIC", "%", new String[] {"TABLE"})) {
            while (t.next()) {
                tables.add(t.getString("TABLE_NAME"));
            }
        }
        assertTrue(tables.stream().anyMatch(t -> t.equalsIgnoreCase("alert")), "found the tables: " + tables);
        for (String table : tables) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= n; i++) {
                        int type = rs.getMetaData().getColumnType(i);
                        if (type == Types.BLOB || type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY) {
                            continue;
                        }
                        String v = rs.getString(i);
                        if (v != null) {
                            out.computeIfAbsent(table.toLowerCase() + "." + rs.getMetaData().getColumnName(i).toLowerCase(),
                                    k -> new ArrayList<>()).add(v);
                        }
                    }
                }
            }
        }
        return out;
    }

    static List<String> personalFound(String text) {
        return PERSONAL.values().stream().flatMap(v -> Stream.concat(Stream.of(v), Stream.of(v.split(" ")))).distinct()
                .filter(text::contains).toList();
    }

    static Map<String, String> sealedColumns(Connection c, long id) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement q = c.prepareStatement("SELECT address, place_note, point, other_anomaly, details, person_name, person_age,"
                + " person_sex, person_description, reporter_name, reporter_phone, routing_reason FROM alert WHERE id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next(), "alert " + id);
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    out.put(rs.getMetaData().getColumnName(i).toLowerCase(), rs.getString(i));
                }
            }
        }
        try (PreparedStatement q = c.prepareStatement("SELECT id, note FROM alert_event WHERE alert_id = ? AND note IS NOT NULL")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.put("alert_event.note#" + rs.getLong(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    @Test
    void the_database_holds_no_personal_value_only_ciphertext() throws Exception {
        try (Connection c = raw()) {
            Map<String, List<String>> texts = everyText(c);
            texts.forEach((column, values) -> values.forEach(v ->
                    assertEquals(List.of(), personalFound(v), () -> "plaintext in " + column)));
            Map<String, String> sealed = sealedColumns(c, alertId);
            assertEquals(12 + 4, sealed.size(), "12 personal columns and 4 notes (filing reason, note, transfer, resolve): " + sealed.keySet());
            sealed.forEach((column, v) -> assertTrue(v != null && v.startsWith(FieldCipher.PREFIX), () -> column + " is sealed: " + v));
            Map<String, String> longest = sealedColumns(c, longAlertId);
            assertTrue(longest.get("details").length() > 16_000, "4000 characters of 3 bytes: " + longest.get("details").length());
            longest.forEach((column, v) -> assertTrue(v == null || v.startsWith(FieldCipher.PREFIX), () -> column + " is sealed"));
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT receipt_no, status, town_id FROM alert WHERE id = " + alertId)) {
                assertTrue(rs.next());
                assertEquals(receipt, rs.getString(1), "what queries use stays plain");
                assertEquals("RESOLVED", rs.getString(2));
                assertNotNull(rs.getObject(3), "the town (routing, statistics) stays plain");
            }
        }
        if (!postgres()) {
            try (Stream<Path> files = Files.walk(data.resolve("db"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    for (Map.Entry<String, String> v : PERSONAL.entrySet()) {
                        if (v.getKey().equals("legacy")) {
                            continue; // written as plaintext on purpose (the rotation test); old pages may keep it
                        }
                        for (String part : v.getValue().split(" ")) {
                            String utf8 = new String(part.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                            assertFalse(bytes.contains(utf8), "'" + part + "' in the H2 file " + f);
                        }
                    }
                }
            }
        }
    }

    @Test
    void the_api_still_shows_the_plain_text_to_the_center() {
        String json = readBack.toString();
        for (String key : List.of("placeNote", "personName", "personDescription", "details", "reporterName",
                "reporterPhone", "note", "transfer", "resolve", "address")) { // the API shows neither otherAnomaly nor the point
            assertTrue(json.contains(PERSONAL.get(key)), () -> key + " readable: " + json);
        }
    }

    @Test
    void no_personal_value_reaches_the_log() throws Exception {
        assertEquals(List.of(400, 400, 400, 409, 400, 404, 400), badRequestStatus, "the error cases ran");
        assertTrue(mail.isPresent(), "the notification email was sent: " + receipt);
        assertEquals(List.of(), personalFound(NotificationsIT.text(mail.get()) + mail.get().getSubject()), "the email");
        String log = first.logText();
        assertTrue(log.contains("alert encryption: AES-GCM, current key 'k1'") && log.contains(" ready in "),
                "the log of this server: " + first.log());
        assertEquals(List.of(), personalFound(log), "personal values in " + first.log());
    }

    @Test
    void reading_an_alert_writes_an_audit_entry() {
        assertEquals(auditBefore + 1, auditAfter, "one alert.read entry per GET of the alert");
    }

    @Test
    void a_rotated_key_ring_seals_legacy_plaintext_and_old_values_under_the_new_key_at_start() throws Exception {
        long legacyEvent;
        try (Connection c = raw()) { // as an upgraded database has it: plaintext from before V12
            try (PreparedStatement u = c.prepareStatement("UPDATE alert SET person_name = ?, point = ? WHERE id = ?")) {
                u.setString(1, PERSONAL.get("legacy"));
                u.setString(2, "35.5,139.5");
                u.setLong(3, longAlertId);
                assertEquals(1, u.executeUpdate());
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT MIN(id) FROM alert_event WHERE alert_id = " + longAlertId)) {
                assertTrue(rs.next());
                legacyEvent = rs.getLong(1);
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE alert_event SET note = ? WHERE id = ?")) {
                u.setString(1, PERSONAL.get("legacy"));
                u.setLong(2, legacyEvent);
                assertEquals(1, u.executeUpdate());
            }
        }
        PayaraProcess second = server("privacy-2", K2 + "," + K1, PayaraProcess.freePort()).start();
        try {
            long deadline = System.currentTimeMillis() + 60_000;
            while (!second.logText().contains("values sealed under key 'k2', 0 left") && System.currentTimeMillis() < deadline) {
                Thread.sleep(250);
            }
            assertTrue(second.logText().contains("values sealed under key 'k2', 0 left"), "the start-up job finished: " + second.log());
            Api core = second.api().asDemo("core");
            Api.Reply legacy = core.get("alerts/" + longAlertId);
            assertEquals(200, legacy.status(), legacy::toString);
            assertTrue(legacy.body().contains(PERSONAL.get("legacy")), "legacy plaintext still reads: " + legacy.body());
            Api.Reply old = core.get("alerts/" + alertId);
            assertEquals(200, old.status(), old::toString);
            assertTrue(old.body().contains(PERSONAL.get("personName")), "values sealed under k1 read after rotation");
            assertEquals(List.of(), personalFound(second.logText()), "personal values in " + second.log());
        } finally {
            second.stop();
        }
        try (Connection c = raw()) {
            for (long id : new long[] {alertId, longAlertId}) {
                sealedColumns(c, id).forEach((column, v) -> assertTrue(v == null || v.startsWith("gcm2:k2:"),
                        () -> column + " under the new key"));
            }
            everyText(c).forEach((column, values) -> values.forEach(v ->
                    assertEquals(List.of(), personalFound(v), () -> "plaintext in " + column)));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT COUNT(*) FROM alert WHERE reporter_name NOT LIKE 'gcm2:k2:%' OR details NOT LIKE 'gcm2:k2:%'")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1), "every alert (demo data too) is under k2: k1 may leave the ring");
            }
        }
    }
}
