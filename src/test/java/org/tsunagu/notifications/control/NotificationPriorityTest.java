package org.tsunagu.notifications.control;

import jakarta.persistence.NamedQuery;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.tsunagu.notifications.entity.Notification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After an SMTP outage emergencies go out first: the due query orders by priority before age, and
 * V19 gives the notifications already waiting their alert's urgency (the real migrations on H2 2.2;
 * PostgreSQL runs the same files in the IT build). The H2 table then holds a backlog of 2,000
 * information mails and one emergency written after them: the due order puts the emergency first.
 */
class NotificationPriorityTest {

    static String query(String name) {
        return Arrays.stream(Notification.class.getAnnotationsByType(NamedQuery.class))
                .filter(q -> q.name().equals(name)).findFirst().orElseThrow().query();
    }

    @Test
    void the_due_query_orders_by_priority_then_next_attempt() {
        assertTrue(query(Notification.FIND_DUE_IDS).endsWith(" ORDER BY n.priority, n.nextAttemptAt, n.id"),
                query(Notification.FIND_DUE_IDS));
        assertTrue(Notification.Priority.EMERGENCY.rank() < Notification.Priority.URGENT.rank()
                && Notification.Priority.URGENT.rank() < Notification.Priority.INFO.rank()
                && Notification.Priority.INFO.rank() < Notification.Priority.ROUTINE.rank());
    }

    @Test
    void v19_ranks_waiting_notifications_by_their_alerts_urgency_and_the_emergency_goes_first() throws SQLException {
        String url = "jdbc:h2:mem:priority" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                .target(MigrationVersion.fromVersion("17")).load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("SET REFERENTIAL_INTEGRITY FALSE"); // alerts of a partner and center that need not exist here
            String[] urgencies = {"EMERGENCY", "URGENT", "INFO"};
            for (int i = 0; i < urgencies.length; i++) {
                s.execute("INSERT INTO alert (id, receipt_no, partner_id, filed_by_id, observed_at, urgency, reporter_name,"
                        + " reporter_phone, center_id, routing, routing_reason, status, filed_at) VALUES (" + (i + 1)
                        + ", 'W-2026-00000" + (i + 1) + "', 1, 1, CURRENT_TIMESTAMP, '" + urgencies[i]
                        + "', 'x', 'x', 1, 'TOWN', 'x', 'RECEIVED', CURRENT_TIMESTAMP)");
                s.execute("INSERT INTO notification (id, alert_id, kind, subject, body, created_at, next_attempt_at, label)"
                        + " VALUES (" + (i + 1) + ", " + (i + 1) + ", 'new', 's', 'b', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'W')");
            }
            s.execute("INSERT INTO notification (id, kind, subject, body, created_at, next_attempt_at, label)"
                    + " VALUES (4, 'stale_digest', 's', 'b', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '2026-12')");
            s.execute("SET REFERENTIAL_INTEGRITY TRUE");
        }
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            Map<Long, Integer> ranks = new LinkedHashMap<>();
            try (ResultSet r = s.executeQuery("SELECT id, priority FROM notification ORDER BY id")) {
                while (r.next()) {
                    ranks.put(r.getLong(1), r.getInt(2));
                }
            }
            assertEquals(Map.of(1L, Notification.Priority.EMERGENCY.rank(), 2L, Notification.Priority.URGENT.rank(),
                    3L, Notification.Priority.INFO.rank(), 4L, Notification.Priority.ROUTINE.rank()), ranks);

            // a backlog: 2,000 information mails due since an hour, then one emergency due now
            s.execute("DELETE FROM notification");
            s.execute("INSERT INTO notification (id, kind, subject, body, created_at, next_attempt_at, label, priority)"
                    + " SELECT X, 'new', 's', 'b', DATEADD('MINUTE', -60, CURRENT_TIMESTAMP), DATEADD('SECOND', X - 3600,"
                    + " CURRENT_TIMESTAMP), 'W', 20 FROM SYSTEM_RANGE(1, 2000)");
            s.execute("INSERT INTO notification (id, kind, subject, body, created_at, next_attempt_at, label, priority)"
                    + " VALUES (9999, 'new', 's', 'b', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'W-E', 0)");
            // the named query in SQL (the same columns and order), as EclipseLink sends it
            try (ResultSet r = s.executeQuery("SELECT id FROM notification WHERE sent_at IS NULL"
                    + " AND next_attempt_at <= CURRENT_TIMESTAMP ORDER BY priority, next_attempt_at, id FETCH FIRST 50 ROWS ONLY")) {
                assertTrue(r.next());
                assertEquals(9999, r.getLong(1), "the emergency is the first mail of the first round");
            }
        }
    }
}
