package org.tsunagu.persistence;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies {@link StartGuard} at the earliest point of a deployment. Payara's JPA deployer logs in to
 * the database while the application is being prepared, before any startup bean such as
 * {@link Database} runs; EclipseLink calls this customizer (persistence.xml) just before that login.
 * So a production start with a public default secret fails with one clear log line, before any
 * connection is made with it, instead of with whatever the database answers to that password.
 */
public class RefuseDefaultSecrets implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        enforce(ConfigProvider.getConfig(RefuseDefaultSecrets.class.getClassLoader()));
    }

    /**
     * Logs every reason and throws when {@link StartGuard} refuses these settings; a standalone
     * instance ends its process instead ({@link RefusedStart}).
     */
    static void enforce(Config config) {
        String url = config.getOptionalValue("tsunagu.db.url", String.class).orElse("");
        boolean demo = config.getOptionalValue("tsunagu.demo", Boolean.class).orElse(true);
        List<String> reasons = new ArrayList<>(StartGuard.refusals(url,
                config.getOptionalValue("tsunagu.db.password", String.class).orElse(""),
                demo,
                config.getOptionalValue("tsunagu.admin.password", String.class)));
        StartGuard.alertKeyRefusal(url, demo, config.getOptionalValue("tsunagu.alert.keys", String.class))
                .ifPresent(reasons::add);
        if (!reasons.isEmpty()) {
            throw RefusedStart.refuse("refusing to start", reasons);
        }
    }
}
