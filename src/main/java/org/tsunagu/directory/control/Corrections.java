package org.tsunagu.directory.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.accounts.entity.Role;
import org.tsunagu.areas.control.Centers;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.audit.control.Audit;
import org.tsunagu.directory.entity.Correction;
import org.tsunagu.directory.entity.Resource;
import org.tsunagu.directory.entity.ResourceStatus;
import org.tsunagu.problems.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Residents' 「情報が違う・古い」 reports and the maintaining center's queue of them. Anyone may
 * report without an account, so the door is rate-limited per client (the address is only held in
 * memory, as a key, for the length of the window) and nothing personal is asked for. The client is
 * the address the login throttle resolves (the configured proxy header behind a load balancer), never
 * the balancer's own address, or five reports an hour would close the form for the whole city.
 */
@ApplicationScoped
public class Corrections {

    @PersistenceContext
    EntityManager em;

    @Inject
    Centers centers;

    @Inject
    Audit audit;

    @Inject
    @ConfigProperty(name = "tsunagu.corrections.per.hour", defaultValue = "5")
    int perHour;

    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    /** Accepts a report unless this client already sent {@code perHour} within the last hour (→ 429). */
    @Transactional
    public Correction report(String resourceId, Correction.Kind kind, String message, String client) {
        Resource r = resourceId == null || !resourceId.matches("[0-9]{1,18}") ? null
                : em.find(Resource.class, Long.parseLong(resourceId));
        if (r == null || r.getStatus() != ResourceStatus.PUBLISHED) {
            throw ProblemException.notFound("資源 " + resourceId + " はありません");
        }
        if (!admit(client, Instant.now())) {
            throw new ProblemException(429, "Too Many Requests",
                    "短い時間に多くの報告を受け付けました。しばらくしてからもう一度お送りください。", List.of());
        }
        Correction c;
        try {
            c = new Correction(r, r.maintainer(), kind, message, Instant.now());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(kind == null ? "kind" : "message", e.getMessage());
        }
        em.persist(c);
        return c;
    }

    /** Sliding one-hour window per client key. */
    boolean admit(String client, Instant now) {
        Deque<Instant> times = recent.computeIfAbsent(client == null ? "?" : client, k -> new ArrayDeque<>());
        synchronized (times) {
            Instant from = now.minus(Duration.ofHours(1));
            while (!times.isEmpty() && times.peekFirst().isBefore(from)) {
                times.pollFirst();
            }
            if (times.size() >= perHour) {
                return false;
            }
            times.addLast(now);
        }
        if (recent.size() > 10_000) {
            recent.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || e.getValue().peekLast().isBefore(now.minus(Duration.ofHours(1)));
                }
            });
        }
        return true;
    }

    /** Open reports for the caller's center (core: every center of the municipality, and unassigned ones). */
    public List<Correction> open(Account me) {
        if (me.getCenter() == null) {
            return List.of();
        }
        List<Center> mine = me.getRole() == Role.CORE ? centers.of(me.getCenter().getMunicipality()) : List.of(me.getCenter());
        List<Correction> list = new java.util.ArrayList<>(em.createNamedQuery(Correction.FIND_OPEN_BY_CENTERS, Correction.class)
                .setParameter("centers", mine).setMaxResults(500).getResultList());
        if (me.getRole() == Role.CORE) {
            list.addAll(em.createNamedQuery(Correction.FIND_OPEN_UNASSIGNED, Correction.class)
                    .setParameter("municipality", me.getCenter().getMunicipality()).setMaxResults(500).getResultList());
        }
        return list;
    }

    /** An unassigned report is the core center's of the resource's municipality, and no other's. */
    static boolean unassignedInMunicipalityOf(Account me, Correction c) {
        return c.getCenter() == null && me.getRole() == Role.CORE && me.getCenter() != null
                && me.getCenter().getMunicipality() != null && c.getResource().getMunicipality() != null
                && me.getCenter().getMunicipality().getCode().equals(c.getResource().getMunicipality().getCode());
    }

    /** Handled: recorded with who and when. */
    @Transactional
    public Correction close(Account me, String id, String note) {
        Correction c = id == null || !id.matches("[0-9]{1,18}") ? null : em.find(Correction.class, Long.parseLong(id));
        if (c == null || !(me.mayActFor(c.getCenter()) || unassignedInMunicipalityOf(me, c))) {
            throw ProblemException.notFound("報告 " + id + " はありません");
        }
        try {
            c.close(me.getUsername(), note, Instant.now());
        } catch (IllegalStateException e) {
            throw ProblemException.conflict("この報告は対応済みです");
        }
        audit.record(me.getUsername(), "correction.close", "correction", Long.toString(c.getId()), null);
        return c;
    }
}
