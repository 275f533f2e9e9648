package org.tsunagu.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * The EclipseLink session customizer of persistence.xml: first {@link RefuseDefaultSecrets} (before
 * JPA's first login), then how the session behaves when the database goes away. EclipseLink's own
 * default retries a failed read three times, five seconds apart, so while PostgreSQL is down every
 * page and API call hung for about ten seconds before its 503 (DatabaseOutageIT measured it), and
 * requests piled up. The connection pool already validates connections before handing them out
 * (Database), so one immediate retry is enough to replace a connection that broke since; a database
 * that is really down is reported at once.
 */
public class DatabaseSession implements SessionCustomizer {

    static final int RETRIES = 1;
    static final int DELAY_MILLIS = 0;

    @Override
    public void customize(Session session) throws Exception {
        new RefuseDefaultSecrets().customize(session);
        DatabaseLogin login = session.getLogin();
        login.setQueryRetryAttemptCount(RETRIES);
        login.setDelayBetweenConnectionAttempts(DELAY_MILLIS);
    }
}
