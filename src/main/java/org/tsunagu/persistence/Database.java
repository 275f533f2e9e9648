package org.tsunagu.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The one database of the portal and its schema. The datasource is defined here with MicroProfile
 * Config placeholders, so the embedded H2 file database (default) and PostgreSQL (production) differ
 * only in environment variables. Flyway migrates at boot, before anything else touches the database.
 * Before that, {@link StartGuard} refuses a production start with a public default secret (already
 * checked by {@link RefuseDefaultSecrets} before JPA's first login; again here, before Flyway).
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "${MPCONFIG=tsunagu.db.driver}",
        url = "${MPCONFIG=tsunagu.db.url}",
        user = "${MPCONFIG=tsunagu.db.user}",
        password = "${MPCONFIG=tsunagu.db.password}",
        maxPoolSize = 32,
        minPoolSize = 2,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit"
        })
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/tsunagu";
    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    @Resource(lookup = JNDI_NAME)
    DataSource dataSource;

    /** How long the start waits for the database (a previous process still holding the H2 file, PostgreSQL starting). */
    static final Duration WAIT_AT_START = Duration.ofSeconds(60);

    @PostConstruct
    void migrate() {
        refuseKnownSecrets();
        awaitDatabase();
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
        MigrateResult result = flyway.migrate();
        // targetSchemaVersion is null when nothing was applied: ask for the current version then
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : String.valueOf(flyway.info().current() == null ? null : flyway.info().current().getVersion());
        LOG.info(() -> "database schema at version " + version
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    private void refuseKnownSecrets() {
        Config config = ConfigProvider.getConfig(getClass().getClassLoader());
        RefuseDefaultSecrets.enforce(config);
        if (config.getOptionalValue("tsunagu.demo", Boolean.class).orElse(true)
                && StartGuard.postgres(config.getOptionalValue("tsunagu.db.url", String.class).orElse(""))) {
            LOG.warning("demo profile on PostgreSQL: the demo accounts' passwords are public; "
                    + "set TSUNAGU_DEMO=false for a real deployment");
        }
    }

    private void awaitDatabase() {
        long deadline = System.nanoTime() + WAIT_AT_START.toNanos();
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                if (attempt > 1) {
                    LOG.info("database reachable after " + attempt + " attempts");
                }
                return;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("database not reachable within " + WAIT_AT_START, e);
                }
                LOG.warning("database not reachable yet (" + e.getMessage() + "); retrying");
                try {
                    Thread.sleep(Math.min(500L * attempt, 3_000L));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the database", e);
                }
            }
        }
    }
}
