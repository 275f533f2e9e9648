package org.tsunagu.alerts.intake.control;

import org.tsunagu.alerts.control.AlertMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.alerts.entity.Alert;
import org.tsunagu.alerts.entity.Report;
import org.tsunagu.alerts.entity.Routing;
import org.tsunagu.addresses.control.AreaLookup;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.areas.entity.Town;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tsunagu.accounts.entity.PartnerOrganisation;
import org.tsunagu.audit.control.Audit;
import org.tsunagu.problems.ProblemException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Takes a partner's watch alert in and decides who must act on it: the center responsible for the
 * address (town, or a 番地 override), found through the areas lookup; a point without an address
 * goes to the nearest town; anything that cannot be placed goes to the core center's triage — an
 * alert never goes nowhere. The reason is stored on the alert. The same Idempotency-Key from the
 * same partner returns the alert already filed, so a double tap or a retry creates one alert.
 * A flood is refused: an organisation files at most {@code tsunagu.alerts.per.hour} alerts within
 * any hour (counted in the database, so the limit holds across instances behind a balancer); a
 * retry of an alert already filed is answered as before and never counted.
 */
@ApplicationScoped
public class AlertIntake {

    /** The alert, and whether this call created it (false: the idempotency key named an earlier one). */
    public record Filed(Alert alert, boolean created) {
    }

    record Routed(Center center, Routing routing, String reason, Town town) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    AreaLookup lookup;

    @Inject
    AlertMail mail;

    @Inject
    Audit audit;

    /** How far back the filing limit counts. */
    static final Duration WINDOW = Duration.ofHours(1);

    /** The audit action of the admins' notice that an organisation reached the limit (once per organisation and hour). */
    public static final String LIMIT_NOTICE = "alert.rate_limited";

    @Inject
    @ConfigProperty(name = "tsunagu.alerts.per.hour", defaultValue = "1000")
    int perHour;

    private volatile Boolean postgres;

    public Optional<Alert> previous(Account partner, String idempotencyKey) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(Alert.FIND_BY_IDEMPOTENCY_KEY, Alert.class)
                .setParameter("partner", partner.getPartner()).setParameter("key", idempotencyKey)
                .getResultStream().findFirst();
    }

    /** The alert with this 受付番号 if the partner's organisation filed it (never another's). */
    public Optional<Alert> ofPartner(org.tsunagu.accounts.entity.PartnerOrganisation partner, String receiptNo) {
        if (receiptNo == null || partner == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(Alert.FIND_BY_RECEIPT, Alert.class).setParameter("receiptNo", receiptNo)
                .getResultStream().filter(a -> a.getPartner().getId().equals(partner.getId())).findFirst();
    }

    /** The organisation's alerts, newest first. */
    public List<Alert> ofPartner(org.tsunagu.accounts.entity.PartnerOrganisation partner) {
        return em.createNamedQuery(Alert.FIND_BY_PARTNER, Alert.class).setParameter("partner", partner)
                .setMaxResults(500).getResultList();
    }

    /** Files the alert in the caller's transaction; it is flushed, so a constraint problem shows here. */
    public Filed file(Account partner, Report report) {
        Optional<Alert> earlier = previous(partner, report.idempotencyKey());
        if (earlier.isPresent()) {
            return new Filed(earlier.get(), false);
        }
        admit(partner.getPartner(), Instant.now());
        Routed routed = route(report, partner.getPartner().getMunicipality());
        Alert alert = new Alert(nextReceipt(), partner, report, routed.center(), routed.routing(), routed.reason(),
                routed.town(), Instant.now());
        em.persist(alert);
        mail.announce(alert);
        em.flush();
        return new Filed(alert, true);
    }

    /**
     * Refuses (429 with Retry-After) a new alert of an organisation that already filed {@link #perHour}
     * within the last hour. Counted from the alert table, so every instance sees the same count; copies
     * filed at the very same moment on several instances may pass it by the few in flight.
     */
    void admit(PartnerOrganisation org, Instant now) {
        Object[] filed = em.createNamedQuery(Alert.FILED_SINCE, Object[].class).setParameter("partner", org)
                .setParameter("since", now.minus(WINDOW)).getSingleResult();
        long count = filed[0] == null ? 0 : ((Number) filed[0]).longValue();
        OptionalLong wait = retryAfter(count, (Instant) filed[1], now, perHour);
        if (wait.isPresent()) {
            throw ProblemException.tooManyRequests("この事業者からの通報は1時間に" + perHour + "件までです。"
                    + "Retry-After の秒数だけ待ってから送り直してください。急ぐ場合は担当センターに電話してください。",
                    wait.getAsLong());
        }
    }

    /**
     * Seconds until the organisation may file again — when the first alert of the window leaves it —
     * or empty while it is under the limit.
     *
     * @param filed alerts filed within the window before {@code now}
     * @param first the first of them (null when none)
     */
    static OptionalLong retryAfter(long filed, Instant first, Instant now, int perHour) {
        if (filed < perHour) {
            return OptionalLong.empty();
        }
        Instant free = (first == null ? now : first).plus(WINDOW);
        return OptionalLong.of(Math.max(1, Duration.between(now, free).toSeconds() + 1));
    }

    /**
     * Tells admins that an organisation reached the filing limit: an audit entry (the organisation,
     * the limit; nothing about any alert), at most one per organisation and hour. In the caller's
     * transaction, which must not be the refused filing's (that one rolls back).
     */
    public void noticeLimit(Account partner) {
        PartnerOrganisation org = partner.getPartner();
        Instant now = Instant.now();
        String id = Long.toString(org.getId());
        if (!audit.recordedSince(LIMIT_NOTICE, "partner", id, now.minus(WINDOW))) {
            audit.record(partner.getUsername(), LIMIT_NOTICE, "partner", id, perHour + " per hour", org.getName());
        }
    }

    /** Where the alert goes: addresses' one routing rule, told in the alert's words. */
    Routed route(Report report, Municipality home) {
        AreaLookup.Route r;
        try {
            r = lookup.route(report.address(), report.point(), home);
        } catch (IllegalStateException e) {
            // a municipality without any center cannot take alerts: say so, never file it with a stranger
            throw new ProblemException(503, "Service Unavailable",
                    "この自治体には見守り通報を受け付けるセンターが登録されていません。お急ぎの場合は市区町村の窓口へお電話ください。", null);
        }
        Routing routing = switch (r.found()) {
            case BLOCK -> Routing.BLOCK;
            case TOWN, NEAREST_TOWN -> Routing.TOWN;
            case CORE -> Routing.NONE;
        };
        return new Routed(r.center(), routing, r.reason(), r.town());
    }

    /** The next 受付番号 from the receipt sequence (one by one), in the caller's transaction. */
    long nextReceipt() {
        String sql = isPostgres() ? "SELECT nextval('alert_receipt_seq')" : "SELECT NEXT VALUE FOR alert_receipt_seq";
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    /** Asks the connection once; a failed look is not remembered, so PostgreSQL is never taken for H2 for good. */
    private boolean isPostgres() {
        Boolean p = postgres;
        if (p == null) {
            try {
                Connection c = em.unwrap(Connection.class);
                p = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
                postgres = p;
            } catch (SQLException | RuntimeException e) {
                return false;
            }
        }
        return p;
    }
}
