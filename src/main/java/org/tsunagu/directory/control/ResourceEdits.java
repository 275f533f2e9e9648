package org.tsunagu.directory.control;

import org.tsunagu.calendar.control.JapanTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.accounts.entity.Role;
import org.tsunagu.audit.control.Audit;
import org.tsunagu.directory.entity.Category;
import org.tsunagu.directory.entity.Resource;
import org.tsunagu.directory.entity.ResourceChange;
import org.tsunagu.directory.entity.ResourceStatus;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;
import org.tsunagu.problems.QueryParameters;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A center's edits of its resource map, the same for the API and the staff pages: who may edit
 * what (staff their own catchment, core staff their municipality), optimistic versions so two
 * people editing one entry never silently overwrite each other, the field-level history of every
 * change, 「内容を確認しました」 and the list of entries nobody has confirmed for a long time.
 */
@ApplicationScoped
public class ResourceEdits {


    @PersistenceContext
    EntityManager em;

    @Inject
    ResourceFields resources;

    @Inject
    Audit audit;

    @Inject
    Event<ResourcesChanged> changes;

    @Inject
    @ConfigProperty(name = "tsunagu.stale.after", defaultValue = "P12M")
    String staleAfter;

    /** A new resource from the import format's fields; published unless {@code publish} is false. */
    @Transactional
    public Resource create(Account me, Map<String, String> fields, boolean publish, List<FieldError> earlier) {
        Resource r = resources.save(fields, null, publish, earlier);
        mayMaintain(me, r);
        em.flush();
        record(me, r, Map.of());
        audit.record(me.getUsername(), "resource.create", "resource", Long.toString(r.getId()), null);
        return r;
    }

    /**
     * Replaces the fields of a resource that is still at {@code expectedVersion}; someone else's
     * save in between is a 409 that names the newer version.
     */
    @Transactional
    public Resource update(Account me, String id, long expectedVersion, Map<String, String> fields, boolean publish) {
        Resource r = existing(id);
        mayMaintain(me, r);
        if (expectedVersion != r.getVersion()) {
            throw ProblemException.conflict("この資源は他の人が先に更新しました（version " + r.getVersion()
                    + "）。最新の内容を読み込んでからやり直してください");
        }
        Map<String, String> before = r.fields();
        em.lock(r, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        if (!publish) {
            r.withdraw();
        }
        resources.save(fields, r, publish, List.of());
        mayMaintain(me, r);
        record(me, r, before);
        audit.record(me.getUsername(), "resource.update", "resource", Long.toString(r.getId()), null);
        em.flush();
        return r;
    }

    /** Removed from the portal, kept for its history. */
    @Transactional
    public Resource archive(Account me, String id) {
        Resource r = existing(id);
        mayMaintain(me, r);
        Map<String, String> before = r.fields();
        r.archive();
        record(me, r, before);
        changes.fire(new ResourcesChanged(Set.of(r.getId())));
        audit.record(me.getUsername(), "resource.archive", "resource", Long.toString(r.getId()), null);
        return r;
    }

    /** 「内容を確認しました」: the entry was checked and is still right. */
    @Transactional
    public Resource verify(Account me, String id) {
        Resource r = existing(id);
        mayMaintain(me, r);
        r.markVerified(Instant.now());
        audit.record(me.getUsername(), "resource.verify", "resource", Long.toString(r.getId()), null);
        em.flush();
        return r;
    }

    /** Every recorded change of a resource the caller maintains, newest first. */
    public List<ResourceChange> history(Account me, String id) {
        Resource r = existing(id);
        mayMaintain(me, r);
        return em.createNamedQuery(ResourceChange.FIND_BY_RESOURCE, ResourceChange.class).setParameter("resource", r)
                .setMaxResults(1000).getResultList();
    }

    /** A resource the caller maintains (not archived), for the editor. */
    public Resource editable(Account me, String id) {
        Resource r = existing(id);
        mayMaintain(me, r);
        return r;
    }

    /**
     * The resources the caller maintains, by name; {@code staleOnly}: not confirmed (or created)
     * within the configured period (TSUNAGU_STALE_AFTER, default 12 months).
     */
    public List<Resource> maintained(Account me, ResourceStatus status, Category category, boolean staleOnly, int max) {
        StringBuilder jpql = new StringBuilder("SELECT r FROM Resource r LEFT JOIN r.town t WHERE r.status <> :archived");
        boolean core = me.getRole() == Role.CORE;
        if (me.getCenter() == null) {
            return List.of();
        }
        jpql.append(core ? " AND r.municipality = :municipality" : " AND (r.center = :center OR (r.center IS NULL AND t.center = :center))");
        if (status != null) {
            jpql.append(" AND r.status = :status");
        }
        if (category != null) {
            jpql.append(" AND r.category = :category");
        }
        if (staleOnly) {
            jpql.append(" AND ((r.verifiedAt IS NULL AND r.createdAt < :cutoff) OR r.verifiedAt < :cutoff)");
        }
        jpql.append(" ORDER BY r.nameKana, r.name, r.id");
        TypedQuery<Resource> q = em.createQuery(jpql.toString(), Resource.class).setParameter("archived", ResourceStatus.ARCHIVED);
        if (core) {
            q.setParameter("municipality", me.getCenter().getMunicipality());
        } else {
            q.setParameter("center", me.getCenter());
        }
        if (status != null) {
            q.setParameter("status", status);
        }
        if (category != null) {
            q.setParameter("category", category);
        }
        if (staleOnly) {
            q.setParameter("cutoff", staleCutoff(Instant.now()));
        }
        return q.setMaxResults(max).getResultList();
    }

    /** Entries older than this (never confirmed since) are stale. */
    public Instant staleCutoff(Instant now) {
        return now.atZone(JapanTime.ZONE).minus(stalePeriod()).toInstant();
    }

    Period stalePeriod() {
        try {
            return Period.parse(staleAfter);
        } catch (RuntimeException e) {
            throw new IllegalStateException("TSUNAGU_STALE_AFTER must be an ISO-8601 period such as P12M", e);
        }
    }

    /** Staff maintain their own catchment's resources; core staff every center's of their municipality. */
    public static void mayMaintain(Account me, Resource r) {
        if (!me.mayActFor(r.maintainer())) {
            throw ProblemException.forbidden("この資源を編集する権限がありません（担当圏域の資源のみ編集できます）");
        }
    }

    private void record(Account me, Resource r, Map<String, String> before) {
        ResourceChange.between(r, before, r.fields(), me.getUsername(), Instant.now()).forEach(em::persist);
    }

    private Resource existing(String id) {
        Resource r = id == null || !id.matches("[0-9]{1,18}") ? null : em.find(Resource.class, Long.parseLong(id));
        if (r == null || r.getStatus() == ResourceStatus.ARCHIVED) {
            throw ProblemException.notFound("資源 " + QueryParameters.shown(id) + " はありません");
        }
        return r;
    }

    public Optional<Resource> find(String id) {
        return id == null || !id.matches("[0-9]{1,18}") ? Optional.empty()
                : Optional.ofNullable(em.find(Resource.class, Long.parseLong(id)));
    }
}
