package org.tsunagu.alerts.privacy.control;

import org.tsunagu.alerts.entity.Alert;
import org.tsunagu.alerts.entity.AlertEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.tsunagu.persistence.Database;
import org.tsunagu.persistence.EncryptedText;
import org.tsunagu.persistence.FieldCipher;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings every personal column of alerts under the current key and form: legacy plaintext (rows
 * written before encryption, V12) is sealed, values of the old form {@code gcm1:} (not bound to their
 * row) and values under an older key of TSUNAGU_ALERT_KEYS are opened and sealed again, bound to the
 * column and the alert's receipt number, so an old key can be dropped from the ring once a pass reports nothing left. Works on the raw
 * columns with JDBC (an entity would not write a value whose plain text did not change), a batch of
 * rows per transaction, walking the ids upwards so a value that cannot be opened is counted once, not
 * retried forever. Each column is updated only if it still holds what was read (compare-and-set): a
 * concurrent write — the retention job erasing the row, another instance sealing it — wins, and
 * nothing old is written back. Run at every start by {@link SealingWorker}.
 */
@ApplicationScoped
public class AlertSealing {

    static final int BATCH = 200;

    /**
     * The personal (sealed) columns, by table, and how a row's key (the alert's receipt number, which
     * the values are bound to) is read: the same columns the entities seal.
     */
    public static final List<Table> TABLES = List.of(
            new Table(Alert.TABLE, "t.receipt_no", "", List.of("address", "place_note", "point", "other_anomaly", "details",
                    "person_name", "person_age", "person_sex", "person_description", "reporter_name", "reporter_phone",
                    "routing_reason")),
            new Table(AlertEvent.TABLE, "a.receipt_no", " JOIN alert a ON a.id = t.alert_id", List.of("note")));

    public record Table(String name, String rowKey, String join, List<String> columns) {

        String staleQuery() {
            List<String> stale = columns.stream().map(c -> "(t." + c + " IS NOT NULL AND t." + c + " NOT LIKE ?)").toList();
            return "SELECT t.id, " + rowKey + ", " + String.join(", ", columns.stream().map(c -> "t." + c).toList())
                    + " FROM " + name + " t" + join + " WHERE t.id > ? AND (" + String.join(" OR ", stale) + ") ORDER BY t.id";
        }
    }

    /** What one batch did; {@code lastId} is where the next batch of that table starts (null: table done). */
    public record Batch(int sealed, int unreadable, Long lastId) {
    }

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /** Seals up to {@link #BATCH} stale rows of {@code table} with ids above {@code afterId}, in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Batch sealBatch(Table table, long afterId) {
        FieldCipher cipher = EncryptedText.cipher();
        String current = cipher.currentPrefix() + "%";
        int sealed = 0;
        int unreadable = 0;
        Long last = null;
        try (Connection c = dataSource.getConnection()) {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement(table.staleQuery())) {
                q.setMaxRows(BATCH);
                q.setLong(1, afterId);
                for (int i = 0; i < table.columns().size(); i++) {
                    q.setString(i + 2, current);
                }
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Object[] row = new Object[table.columns().size() + 2];
                        row[0] = rs.getLong(1);
                        row[1] = rs.getString(2);
                        for (int i = 0; i < table.columns().size(); i++) {
                            row[i + 2] = rs.getString(i + 3);
                        }
                        rows.add(row);
                    }
                }
            }
            for (Object[] row : rows) {
                long id = (Long) row[0];
                String rowKey = (String) row[1];
                last = id;
                for (int i = 0; i < table.columns().size(); i++) {
                    String stored = (String) row[i + 2];
                    if (cipher.isCurrent(stored)) {
                        continue;
                    }
                    String column = table.columns().get(i);
                    String resealed;
                    try {
                        resealed = cipher.reseal(stored, FieldCipher.place(table.name(), column, rowKey));
                    } catch (IllegalStateException | IllegalArgumentException e) {
                        unreadable++;
                        continue;
                    }
                    try (PreparedStatement u = c.prepareStatement(
                            "UPDATE " + table.name() + " SET " + column + " = ? WHERE id = ? AND " + column + " = ?")) {
                        u.setString(1, resealed);
                        u.setLong(2, id);
                        u.setString(3, stored);
                        sealed += u.executeUpdate();
                    }
                }
            }
            return new Batch(sealed, unreadable, rows.size() < BATCH ? null : last);
        } catch (SQLException e) {
            // not chained: a driver's message may quote the row, and this ends up in the log
            throw new IllegalStateException("sealing " + table.name() + " failed (SQLState " + e.getSQLState()
                    + ", error " + e.getErrorCode() + ")");
        }
    }
}
