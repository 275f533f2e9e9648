package org.tsunagu.audit.control;

import org.tsunagu.calendar.control.JapanTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.tsunagu.audit.entity.AuditEvent;
import org.tsunagu.problems.ProblemException;
import org.tsunagu.problems.QueryParameters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the audit trail for the people who answer for it: who read or changed which alert, and
 * when, newest first. Admins see everything; core staff see what the accounts of their
 * municipality's centers did (every alert read and change is made by such an account, because only
 * they may see the municipality's alerts; admin and system entries are left out). The trail holds
 * identifiers only, so reading it reveals nobody's personal data; alerts are named by 受付番号.
 */
@ApplicationScoped
public class AuditLog {

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /** What to show: days in Japan time (both inclusive, optional), actor and action (exact), a page. */
    public record Filter(LocalDate from, LocalDate to, String actor, String action, int page, int size) {

        /** Every mistake reported together (400 naming the fields). */
        public static Filter parse(String from, String to, String actor, String action, String page, String size) {
            QueryParameters p = new QueryParameters();
            LocalDate f = date(p, "from", from);
            LocalDate t = date(p, "to", to);
            String who = p.text("actor", actor, 64);
            String what = p.text("action", action, 64);
            Integer pageNo = p.integer("page", page, 0, 10_000, 0);
            Integer pageSize = p.integer("size", size, 1, 100, 50);
            if (f != null && t != null && f.isAfter(t)) {
                p.error("from", "from（" + f + "）が to（" + t + "）より後の日付です");
            }
            p.verify();
            return new Filter(f, t, who, what, pageNo, pageSize);
        }

        private static LocalDate date(QueryParameters p, String field, String value) {
            String v = p.text(field, value, 10);
            if (v == null) {
                return null;
            }
            try {
                if (DATE.matcher(v).matches()) {
                    return LocalDate.parse(v);
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
            p.error(field, field + " は YYYY-MM-DD の形式の日付です（例: 2026-04-01）: " + QueryParameters.shown(v));
            return null;
        }
    }

    /** One entry, with the alert's 受付番号 when the target is an alert (the label recorded with it). */
    public record Entry(AuditEvent event, String receiptNo) {
    }

    public record Page(long total, int page, int size, List<Entry> entries) {
    }

    @PersistenceContext
    EntityManager em;

    public Page find(AuditScope scope, Filter filter) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (scope.refused()) {
            throw ProblemException.forbidden("監査ログを見られるのは基幹型センターと管理者です");
        }
        if (!scope.all()) {
            where.append(" AND e.actor IN :actors");
            params.put("actors", List.copyOf(scope.actors()));
        }
        if (filter.from() != null) {
            where.append(" AND e.occurredAt >= :from");
            params.put("from", filter.from().atStartOfDay(JapanTime.ZONE).toInstant());
        }
        if (filter.to() != null) {
            where.append(" AND e.occurredAt < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay(JapanTime.ZONE).toInstant());
        }
        if (filter.actor() != null) {
            where.append(" AND e.actor = :actor");
            params.put("actor", filter.actor());
        }
        if (filter.action() != null) {
            where.append(" AND e.action = :action");
            params.put("action", filter.action());
        }
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM AuditEvent e" + where, Long.class);
        TypedQuery<AuditEvent> list = em.createQuery("SELECT e FROM AuditEvent e" + where
                + " ORDER BY e.occurredAt DESC, e.id DESC", AuditEvent.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            list.setParameter(k, v);
        });
        List<AuditEvent> events = list.setFirstResult(filter.page() * filter.size()).setMaxResults(filter.size())
                .getResultList();
        List<Entry> entries = events.stream().map(e -> new Entry(e, "alert".equals(e.getTargetType()) ? e.getLabel() : null))
                .toList();
        return new Page(count.getSingleResult(), filter.page(), filter.size(), entries);
    }

    /** The actions recorded so far, for a filter list. */
    public List<String> actions() {
        return em.createNamedQuery(AuditEvent.ACTIONS, String.class).getResultList();
    }
}
