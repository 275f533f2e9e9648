package org.tsunagu.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One field of one resource changed by someone at some time (「誰がいつ何を変えたか」). Written
 * for every edit, from the form, the API or an import, so a center can answer "who changed the
 * phone number?" and put a wrong edit right. A new resource is one entry ({@link #CREATED}).
 */
@Entity
@Table(name = "resource_change")
@NamedQuery(name = ResourceChange.FIND_BY_RESOURCE,
        query = "SELECT c FROM ResourceChange c WHERE c.resource = :resource ORDER BY c.changedAt DESC, c.id DESC")
public class ResourceChange {

    public static final String FIND_BY_RESOURCE = "ResourceChange.findByResource";
    /** The field name of the entry that records a creation. */
    public static final String CREATED = "*created";
    static final int MAX = 4000;

    @Id
    @SequenceGenerator(name = "resource_change_seq", sequenceName = "resource_change_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "resource_change_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "resource_id")
    private Resource resource;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(nullable = false)
    private String actor;

    @Column(nullable = false)
    private String field;

    @Column(name = "old_value")
    private String oldValue;

    @Column(name = "new_value")
    private String newValue;

    protected ResourceChange() {
    }

    ResourceChange(Resource resource, Instant at, String actor, String field, String oldValue, String newValue) {
        this.resource = resource;
        this.changedAt = at;
        this.actor = actor == null || actor.isBlank() ? "system" : actor;
        this.field = field;
        this.oldValue = cut(oldValue);
        this.newValue = cut(newValue);
    }

    /**
     * The entries between two states of {@link Resource#fields()}: one per field whose value
     * differs; a resource that had no state before gets a single creation entry.
     */
    public static List<ResourceChange> between(Resource resource, Map<String, String> before, Map<String, String> after,
                                               String actor, Instant at) {
        List<ResourceChange> changes = new ArrayList<>();
        if (before.isEmpty()) {
            changes.add(new ResourceChange(resource, at, actor, CREATED, null, after.get("name")));
            return changes;
        }
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            String was = blankToNull(before.get(name));
            String is = blankToNull(after.get(name));
            if (!Objects.equals(was, is)) {
                changes.add(new ResourceChange(resource, at, actor, name, was, is));
            }
        }
        return changes;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String cut(String s) {
        return s == null || s.length() <= MAX ? s : s.substring(0, MAX - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public Resource getResource() {
        return resource;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getActor() {
        return actor;
    }

    public String getField() {
        return field;
    }

    public String getOldValue() {
        return oldValue;
    }

    public String getNewValue() {
        return newValue;
    }
}
