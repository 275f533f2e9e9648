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
import org.tsunagu.problems.ProblemException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Takes a partner's watch alert in and decides who must act on it: the center responsible for the
 * address (town, or a 番地 override), found through the areas lookup; a point without an address
 * goes to the nearest town; anything that cannot be placed goes to the core center's triage — an
 * alert never goes nowhere. The reason is stored on the alert. The same Idempotency-Key from the
 * same partner returns the alert already filed, so a double tap or a retry creates one alert.
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
        Routed routed = route(report, partner.getPartner().getMunicipality());
        Alert alert = new Alert(nextReceipt(), partner, report, routed.center(), routed.routing(), routed.reason(),
                routed.town(), Instant.now());
        em.persist(alert);
        mail.announce(alert);
        em.flush();
        return new Filed(alert, true);
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
