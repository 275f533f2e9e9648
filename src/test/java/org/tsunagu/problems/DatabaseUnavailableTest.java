package org.tsunagu.problems;

import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures are "the database is not there" (503) and which stay bugs or client errors. */
class DatabaseUnavailableTest {

    @Test
    void connectionFailuresDeepInTheChainAreOutages() {
        // PostgreSQL's driver: connection refused, SQL state 08001, under JPA and EJB wrappers
        SQLException refused = new SQLException("Connection to 127.0.0.1:55433 refused.", "08001");
        assertTrue(DatabaseUnavailable.in(new jakarta.ejb.EJBException(new PersistenceException("query failed", refused))));
        // a session ended by pg_ctl stop -m fast
        assertTrue(DatabaseUnavailable.in(new PersistenceException(new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(DatabaseUnavailable.in(new SQLException("the database system is starting up", "57P03")));
        // the pool could not allocate a connection (message only, no SQL state)
        SQLException pool = new SQLException("Error in allocating a connection.");
        pool.initCause(new ResourceAllocationException("Connection could not be allocated"));
        assertTrue(DatabaseUnavailable.in(new PersistenceException(pool)));
        assertTrue(DatabaseUnavailable.in(new RuntimeException(new SQLTransientConnectionException("timeout"))));
        // hidden in the next-exception list of a batch
        SQLException batch = new SQLException("batch entry 0 failed", "XX000");
        batch.setNextException(new SQLException("I/O error", "08006"));
        assertTrue(DatabaseUnavailable.in(new PersistenceException(batch)));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseUnavailable.in(new PersistenceException(new SQLIntegrityConstraintViolationException("dup", "23505"))));
        assertFalse(DatabaseUnavailable.in(new PersistenceException(new SQLException("syntax error", "42601"))));
        assertFalse(DatabaseUnavailable.in(new IllegalStateException("bug")));
        assertFalse(DatabaseUnavailable.in(new SQLException("no state")));
        // the mail server being down is not the database being down
        assertFalse(DatabaseUnavailable.in(new RuntimeException(new java.net.ConnectException("Connection refused"))));
        // a cycle in the chain ends the walk
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(DatabaseUnavailable.in(a));
    }
}
