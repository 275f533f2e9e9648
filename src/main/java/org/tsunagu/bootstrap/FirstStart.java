package org.tsunagu.bootstrap;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tsunagu.accounts.control.Accounts;
import org.tsunagu.accounts.control.Partners;
import org.tsunagu.accounts.entity.PartnerOrganisation;
import org.tsunagu.accounts.entity.Role;
import org.tsunagu.addresses.control.AreaLookup;
import org.tsunagu.areas.control.CenterImport;
import org.tsunagu.areas.control.Centers;
import org.tsunagu.areas.control.TownImport;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.exchange.control.ImportResult;
import org.tsunagu.exchange.control.ResourceImport;
import org.tsunagu.persistence.RefusedStart;
import org.tsunagu.persistence.StartGuard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What happens when the portal starts on an empty database. The demo profile (default) loads the
 * fictional municipality ひだまり市（デモ） from src/main/resources/demo through the same importers
 * that centers use, plus one demo account per role. With {@code TSUNAGU_DEMO=false} only an
 * {@code admin} account is created, with the password from {@code TSUNAGU_ADMIN_PASSWORD}; the
 * portal refuses to start without it, so no deployment ever has an account with a known password.
 * Demo data on PostgreSQL (a production database) is refused too, unless a test setup opts in with
 * {@code TSUNAGU_DEMO_POSTGRES=true}. Runs in one transaction: a failed first start leaves the database empty.
 */
@Singleton
@Startup
@DependsOn({"Database", "SearchStartup"})
public class FirstStart {

    public static final String DEMO_MUNICIPALITY = "990001";
    /** Demo accounts, documented in the README; created only in the demo profile. */
    public static final String DEMO_PASSWORD = StartGuard.DEMO_PASSWORD;
    private static final Logger LOG = Logger.getLogger(FirstStart.class.getName());

    @Inject
    @ConfigProperty(name = "tsunagu.demo", defaultValue = "true")
    boolean demo;

    /** Demo data on PostgreSQL only with this explicit opt-in (test setups; StartGuard#demoRefusal). */
    @Inject
    @ConfigProperty(name = "tsunagu.demo.postgres", defaultValue = "false")
    boolean demoOnPostgres;

    @Inject
    @ConfigProperty(name = "tsunagu.db.url", defaultValue = "")
    String dbUrl;

    @Inject
    @ConfigProperty(name = "tsunagu.admin.password")
    Optional<String> adminPassword;

    @Inject
    Accounts accounts;

    @Inject
    CenterImport centerImport;

    @Inject
    TownImport townImport;

    @Inject
    ResourceImport resourceImport;

    @Inject
    Partners partners;

    @Inject
    Centers centers;

    @Inject
    AreaLookup lookup;

    @PostConstruct
    void start() {
        if (accounts.count() > 0) {
            return;
        }
        StartGuard.demoRefusal(dbUrl, demo, demoOnPostgres).or(() -> StartGuard.firstStartRefusal(demo, adminPassword))
                .ifPresent(reason -> {
                    throw RefusedStart.refuse("refusing the first start", List.of(reason));
                });
        if (demo) {
            loadDemo();
        } else {
            accounts.create("admin", adminPassword.orElseThrow(), Role.ADMIN, null, null);
            LOG.info("first start: created the admin account");
        }
    }

    private void loadDemo() {
        long started = System.nanoTime();
        centerImport.importCsv(read("centers.csv"), null);
        townImport.importCsv(read("towns.csv"));
        lookup.invalidate();
        Municipality m = lookup.municipality(DEMO_MUNICIPALITY).orElseThrow();
        m.markDemo();
        partners.importCsv(read("partners.csv"), m);
        ImportResult resources = resourceImport.importTsunagu(read("resources.csv"), false, false, true);
        Center core = lookup.coreCenter(m).orElseThrow();
        Center other = centers.of(m).stream().filter(c -> !c.isCore()).findFirst().orElseThrow();
        PartnerOrganisation partner = partners.all().stream()
                .filter(p -> p.getMunicipality().getCode().equals(DEMO_MUNICIPALITY)).findFirst().orElseThrow();
        accounts.create("admin", DEMO_PASSWORD, Role.ADMIN, null, null);
        accounts.create("core", DEMO_PASSWORD, Role.CORE, core, null);
        accounts.create("staff", DEMO_PASSWORD, Role.STAFF, other, null);
        accounts.create("partner", DEMO_PASSWORD, Role.PARTNER, null, partner).setProfile("見守 花子", "090-0000-0000");
        lookup.invalidate();
        LOG.info(() -> String.format("first start: demo municipality %s loaded (%d resources, %d warnings) in %d ms",
                m.displayName(), resources.created(), resources.warnings().size(),
                (System.nanoTime() - started) / 1_000_000));
    }

    private static byte[] read(String name) {
        try (InputStream in = FirstStart.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo data missing from the build: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
