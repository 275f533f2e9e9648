package org.tsunagu.problems;

import jakarta.resource.ResourceException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Tells "the database cannot be reached" apart from a bug. While PostgreSQL restarts, fails over or
 * is down for maintenance, every request that needs it fails deep inside JPA, JTA or the connection
 * pool, wrapped differently each time; answering those with 500 would page the developers and tell
 * clients nothing. Such a failure is temporary and the same process recovers by itself (the pool
 * validates connections before handing them out), so the API answers 503 with {@code Retry-After}
 * ({@link ProblemMappers}), the pages a plain 「保守中」 page ({@link UnavailablePages}), and the
 * login the same ({@code PortalAuthentication}); {@code /health/ready} is DOWN meanwhile.
 *
 * <p>Recognised anywhere in the cause chain (and in {@link SQLException#getNextException()}): the
 * SQL states of class 08 (connection exception) and 57P01–57P03 (PostgreSQL shutting down, crashed,
 * starting up), the JDBC connection exception types, and the application server's connector failing
 * to allocate a connection ({@link ResourceException}).
 */
public final class DatabaseUnavailable {

    /** Seconds a client should wait before trying again: about one database restart. */
    public static final int RETRY_AFTER_SECONDS = 30;

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class.getName());

    private DatabaseUnavailable() {
    }

    /** Whether {@code failure} (or anything it wraps) says the database cannot be reached. */
    public static boolean in(Throwable failure) {
        return any(failure, DatabaseUnavailable::connectionFailure, new IdentityHashMap<>());
    }

    private static boolean any(Throwable t, Predicate<Throwable> test, Map<Throwable, Boolean> seen) {
        for (Throwable x = t; x != null && seen.put(x, Boolean.TRUE) == null; x = x.getCause()) {
            if (test.test(x)) {
                return true;
            }
            if (x instanceof SQLException sql && sql.getNextException() != null
                    && any(sql.getNextException(), test, seen)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

    static boolean connectionFailure(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException || t instanceof ResourceException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || SHUTDOWN_STATES.contains(state);
        }
        return false;
    }

    /** One line, no stack: an outage is an operations matter, and it would repeat for every request. */
    public static void log(String where, Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String cause = root.getClass().getSimpleName() + ": " + root.getMessage();
        LOG.warning(() -> "database unavailable (" + where + "): answering 503; " + cause);
    }
}
