package org.tsunagu.alerts.privacy.control;

import org.tsunagu.calendar.control.JapanTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tsunagu.alerts.entity.Alert;
import org.tsunagu.audit.control.Audit;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.logging.Logger;

/**
 * 保存期間: personal data of a watch alert is kept only as long as the municipality's rules say
 * (TSUNAGU_ALERT_RETENTION, default five years after the alert was resolved). After that the alert's
 * personal fields are erased ({@link Alert#anonymise}) while everything the monthly statistics count
 * stays, so the figures of past years do not change. Open alerts are never touched. Run by
 * {@link RetentionWorker}; each erasure is audited (actor {@code system}).
 */
@ApplicationScoped
public class AlertRetention {

    private static final Logger LOG = Logger.getLogger(AlertRetention.class.getName());
    public static final int BATCH = 100;

    /**
     * How long after resolution personal data is kept: an ISO-8601 period of the calendar ({@code P5Y},
     * {@code P18M}, {@code P30D}; counted in Japan time) or an exact ISO-8601 duration ({@code PT20S},
     * {@code PT12H}, {@code P2DT3H}) — the latter mainly so tests can use seconds.
     */
    public record Limit(String text, Period calendar, Duration exact) {

        public static Limit parse(String text) {
            String v = text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
            if (!v.contains("T")) {
                try {
                    Period p = Period.parse(v);
                    if (p.isNegative() || p.isZero()) {
                        throw new IllegalArgumentException("the alert retention must be positive: " + text);
                    }
                    return new Limit(v, p, null);
                } catch (DateTimeParseException e) {
                    // not a calendar period: try a duration below
                }
            }
            try {
                Duration d = Duration.parse(v);
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("the alert retention must be positive: " + text);
                }
                return new Limit(v, null, d);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("TSUNAGU_ALERT_RETENTION is neither an ISO-8601 period (P5Y) nor a duration (PT20S): "
                        + text);
            }
        }

        /** Alerts resolved before this instant are due for anonymisation. */
        public Instant cutoff(Instant now) {
            return calendar != null ? now.atZone(JapanTime.ZONE).minus(calendar).toInstant() : now.minus(exact);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Audit audit;

    @Inject
    @ConfigProperty(name = "tsunagu.alert.retention", defaultValue = "P5Y")
    String retention;

    private volatile Limit limit;

    /** The configured limit; an invalid value fails here (the worker refuses to start with it). */
    public Limit limit() {
        Limit l = limit;
        if (l == null) {
            l = Limit.parse(retention);
            limit = l;
        }
        return l;
    }

    /**
     * Anonymises up to {@link #BATCH} resolved alerts whose retention is over, in a transaction of
     * its own; returns how many.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int anonymiseDue(Instant now) {
        List<Alert> due = em.createNamedQuery(Alert.FIND_DUE_FOR_ANONYMISATION, Alert.class)
                .setParameter("cutoff", limit().cutoff(now)).setMaxResults(BATCH).getResultList();
        int done = 0;
        for (Alert a : due) {
            if (a.anonymise(now)) {
                audit.record("system", "alert.anonymise", "alert", Long.toString(a.getId()), "retention " + limit().text(), a.getReceiptNo());
                done++;
            }
        }
        if (done > 0) {
            int count = done;
            LOG.info(() -> "retention: personal fields of " + count + " resolved alerts erased");
        }
        return done;
    }
}
