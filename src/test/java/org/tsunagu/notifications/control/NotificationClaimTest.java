package org.tsunagu.notifications.control;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The outbox claim on the embedded database (H2 2.2): two transactions claiming the same due rows
 * get disjoint sets, so two instances never send one email twice. PostgreSQL runs the same statement;
 * that is not tested here (no PostgreSQL in the unit build).
 */
class NotificationClaimTest {

    static List<Long> claim(Connection c, List<Long> ids) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(Notifications.claimSql(ids))) {
            while (r.next()) {
                out.add(r.getLong(1));
            }
        }
        return out;
    }

    @Test
    void a_second_transaction_skips_the_rows_the_first_one_claimed() throws SQLException {
        String url = "jdbc:h2:mem:claim" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (Connection setup = DriverManager.getConnection(url)) {
            setup.createStatement().execute("CREATE TABLE notification (id BIGINT PRIMARY KEY, sent_at TIMESTAMP)");
            setup.createStatement().execute("INSERT INTO notification VALUES (1, NULL), (2, NULL), (3, NULL), (4, CURRENT_TIMESTAMP)");
        }
        try (Connection a = DriverManager.getConnection(url); Connection b = DriverManager.getConnection(url)) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            assertEquals(List.of(1L, 2L), claim(a, List.of(1L, 2L)));
            assertEquals(List.of(3L), claim(b, List.of(1L, 2L, 3L, 4L)), "held rows are skipped, sent ones never claimed");
            a.createStatement().executeUpdate("UPDATE notification SET sent_at = CURRENT_TIMESTAMP WHERE id IN (1, 2)");
            a.commit();
            b.commit();
            assertEquals(List.of(3L), claim(b, List.of(1L, 2L, 3L)), "once sent, a row is not claimed again");
            b.rollback();
        }
    }
}
