package org.tsunagu.alerts.triage.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.accounts.entity.Role;
import org.tsunagu.alerts.entity.Alert;
import org.tsunagu.alerts.entity.AlertStatus;
import org.tsunagu.alerts.entity.Outcome;
import org.tsunagu.alerts.entity.Urgency;
import org.tsunagu.areas.control.Centers;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.audit.control.Audit;
import org.tsunagu.problems.ProblemException;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The center's side of an alert, shared by the API and the triage board so both enforce the same
 * rule of who sees what: staff see their own center's alerts, core staff every center of their
 * municipality, nobody else any. Reading personal fields and every action are audited here, once.
 */
@ApplicationScoped
public class Triage {

    /** What a staff member does to an alert (api.md POST /alerts/{id}/events). */
    public record Action(String type, String note, String assignee, String toCenter, String outcome) {
    }

    /** Which alerts to list; {@code center} null = every center the caller may see. */
    public record Filter(Center center, AlertStatus status, Urgency urgency, boolean openOnly) {
    }

    /** Open first, most urgent first, then the oldest: what must be looked at next is on top. */
    public static final Comparator<Alert> BOARD_ORDER = Comparator
            .comparing((Alert a) -> !a.getStatus().isOpen())
            .thenComparing(Alert::getUrgency)
            .thenComparing(Alert::getFiledAt);

    /**
     * {@link #BOARD_ORDER} in the database, so a page of the board is the top of the whole order: open
     * before resolved, then urgency in {@link Urgency}'s order (emergency, urgent, info), then the oldest.
     * A flood of newer alerts can push only less urgent or newer ones off the board, never an open emergency.
     */
    static final String BOARD_ORDER_JPQL = " ORDER BY CASE WHEN a.status = " + AlertStatus.class.getName() + "."
            + AlertStatus.RESOLVED.name() + " THEN 1 ELSE 0 END, CASE"
            + java.util.Arrays.stream(Urgency.values()).limit(Urgency.values().length - 1L)
                    .map(u -> " WHEN a.urgency = " + Urgency.class.getName() + "." + u.name() + " THEN " + u.ordinal())
                    .collect(java.util.stream.Collectors.joining())
            + " ELSE " + (Urgency.values().length - 1) + " END, a.filedAt, a.id"; // JPQL's CASE needs its ELSE: the least urgent

    /** A board: its first alerts in {@link #BOARD_ORDER}, and how many the filter matches in all. */
    public record Board(List<Alert> alerts, long total) {

        /** How many matched but are not shown (「ほか N 件」). */
        public long more() {
            return Math.max(0, total - alerts.size());
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Centers centers;

    @Inject
    Audit audit;

    /** Alerts the caller may see, newest first (the API's order), paged. */
    public List<Alert> list(Account me, Filter filter, int first, int max) {
        return query(me, filter, "SELECT a", " ORDER BY a.filedAt DESC", Alert.class).setFirstResult(first)
                .setMaxResults(max).getResultList();
    }

    /**
     * The board: the first {@code max} open alerts (or all, when asked) in {@link #BOARD_ORDER},
     * ordered by the database ({@link #BOARD_ORDER_JPQL}); when more match, how many (one count).
     */
    public Board board(Account me, Filter filter, int max) {
        List<Alert> alerts = query(me, filter, "SELECT a", BOARD_ORDER_JPQL, Alert.class).setMaxResults(max).getResultList();
        long total = alerts.size() < max ? alerts.size()
                : query(me, filter, "SELECT COUNT(a)", "", Long.class).getSingleResult();
        return new Board(alerts, total);
    }

    private <T> TypedQuery<T> query(Account me, Filter f, String select, String order, Class<T> type) {
        if (f.center() != null && !me.mayActFor(f.center())) {
            throw ProblemException.forbidden("このセンターの通報は見られません");
        }
        StringBuilder jpql = new StringBuilder(select).append(" FROM Alert a WHERE ");
        boolean wholeMunicipality = f.center() == null && me.getRole() == Role.CORE;
        jpql.append(wholeMunicipality ? "a.center.municipality = :scope" : "a.center = :scope");
        if (f.status() != null) {
            jpql.append(" AND a.status = :status");
        } else if (f.openOnly()) {
            jpql.append(" AND a.status <> :resolved");
        }
        if (f.urgency() != null) {
            jpql.append(" AND a.urgency = :urgency");
        }
        TypedQuery<T> q = em.createQuery(jpql + order, type);
        q.setParameter("scope", wholeMunicipality ? me.getCenter().getMunicipality()
                : f.center() != null ? f.center() : me.getCenter());
        if (f.status() != null) {
            q.setParameter("status", f.status());
        } else if (f.openOnly()) {
            q.setParameter("resolved", AlertStatus.RESOLVED);
        }
        if (f.urgency() != null) {
            q.setParameter("urgency", f.urgency());
        }
        return q;
    }

    /**
     * The alert if the caller's center handles it (core: any center of the municipality) or handed
     * it on by a transfer — both centers see the timeline; only the current one acts.
     */
    public Optional<Alert> find(Account me, String id) {
        Alert a = id != null && id.matches("[0-9]{1,18}") ? em.find(Alert.class, Long.parseLong(id)) : null;
        if (a == null || me.getCenter() == null) {
            return Optional.empty();
        }
        return me.mayActFor(a.getCenter()) || a.wasTransferredFrom(me::mayActFor) ? Optional.of(a) : Optional.empty();
    }

    /** {@link #find} for reading the personal fields: the read is audited. */
    @Transactional
    public Optional<Alert> read(Account me, String id) {
        Optional<Alert> a = find(me, id);
        a.ifPresent(alert -> audit.record(me.getUsername(), "alert.read", "alert", Long.toString(alert.getId()), null,
                alert.getReceiptNo()));
        return a;
    }

    /**
     * {@link #act} whose answer is the personal record (POST /alerts/{id}/events returns the alert
     * with its personal fields): the read is audited like a GET, so no path shows them unrecorded.
     */
    @Transactional
    public void actAndRead(Account me, Alert a, Action action) {
        act(me, a, action);
        audit.record(me.getUsername(), "alert.read", "alert", Long.toString(a.getId()), null, a.getReceiptNo());
    }

    /** {@link #act} for a caller outside a transaction (the board): all or nothing, the alert after it. */
    @Transactional
    public Alert act(Account me, String id, Action action) {
        Alert a = find(me, id).orElseThrow(() -> ProblemException.notFound("通報 " + id + " はありません"));
        act(me, a, action);
        return a;
    }

    /**
     * Applies one action; the alert refuses illegal transitions ({@link
     * org.tsunagu.alerts.entity.IllegalTransitionException}), a missing or unknown value is a
     * {@link ProblemException} naming the field.
     */
    @Transactional
    public void act(Account me, Alert a, Action action) {
        if (!me.mayActFor(a.getCenter())) {
            throw ProblemException.forbidden("この通報は " + a.getCenter().getName() + " に転送済みです。対応は転送先のセンターが行います");
        }
        Instant now = Instant.now();
        String type = action.type() == null ? "" : action.type();
        try {
            switch (type) {
                case "acknowledge" -> a.acknowledge(me.getUsername(), now);
                case "assign" -> a.assign(me.getUsername(), action.assignee(), now);
                case "note" -> a.addNote(me.getUsername(), action.note(), now);
                case "transfer" -> {
                    Center to = action.toCenter() == null ? null : centers.find(action.toCenter()).orElseThrow(
                            () -> ProblemException.invalid("toCenter", "センター " + action.toCenter() + " は登録されていません"));
                    if (to != null && (to.getMunicipality() == null || a.getCenter().getMunicipality() == null
                            || !to.getMunicipality().getCode().equals(a.getCenter().getMunicipality().getCode()))) {
                        throw ProblemException.invalid("toCenter", "同じ市区町村のセンターにだけ転送できます");
                    }
                    a.transfer(me.getUsername(), to, action.note(), now);
                }
                case "resolve" -> a.resolve(me.getUsername(), action.outcome() == null ? null
                        : Outcome.ofCode(action.outcome()).orElseThrow(
                                () -> ProblemException.invalid("outcome", "outcome が不明です: " + action.outcome())), action.note(), now);
                default -> throw ProblemException.invalid("type", "type は acknowledge, assign, note, transfer, resolve のいずれかです");
            }
        } catch (IllegalArgumentException e) {
            // the entity refuses; the caller needs to know which field to fill in
            switch (type) {
                case "assign" -> throw ProblemException.invalid("assignee", "担当者の名前を入力してください");
                case "transfer" -> throw ProblemException.invalid(action.toCenter() == null ? "toCenter" : "note",
                        action.toCenter() == null ? "転送先のセンターを選んでください" : "転送の理由を入力してください");
                case "resolve" -> throw ProblemException.invalid("outcome", "結果を選んでください");
                default -> throw ProblemException.invalid("note", "記録する内容を入力してください");
            }
        }
        audit.record(me.getUsername(), "alert." + type, "alert", Long.toString(a.getId()), null, a.getReceiptNo());
        em.flush();
    }
}
