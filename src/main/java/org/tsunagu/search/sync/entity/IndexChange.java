package org.tsunagu.search.sync.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One entry of the index change log: this resource's index entry may have changed (or, with no
 * resource, "many changed: rebuild"). Written in the transaction of the edit, so the log holds
 * exactly the committed changes; every instance applies the entries newer than the one it
 * remembers, which is how an edit made on one instance reaches the search index of the others.
 * Ids are drawn one by one (allocation size 1): pre-allocated blocks per instance would order the
 * log by instance instead of by time.
 */
@Entity
@Table(name = "resource_change_log")
@NamedQuery(name = IndexChange.FIND_AFTER,
        query = "SELECT c FROM IndexChange c WHERE c.id > :after ORDER BY c.id")
@NamedQuery(name = IndexChange.LATEST, query = "SELECT MAX(c.id) FROM IndexChange c")
@NamedQuery(name = IndexChange.OLDEST, query = "SELECT MIN(c.id) FROM IndexChange c")
@NamedQuery(name = IndexChange.LATEST_BEFORE, query = "SELECT MAX(c.id) FROM IndexChange c WHERE c.changedAt < :before")
@NamedQuery(name = IndexChange.PRUNE,
        query = "DELETE FROM IndexChange c WHERE c.changedAt < :before AND c.id < :latest")
public class IndexChange {

    public static final String FIND_AFTER = "IndexChange.findAfter";
    public static final String LATEST = "IndexChange.latest";
    public static final String OLDEST = "IndexChange.oldest";
    public static final String LATEST_BEFORE = "IndexChange.latestBefore";
    public static final String PRUNE = "IndexChange.prune";

    @Id
    @SequenceGenerator(name = "resource_change_log_seq", sequenceName = "resource_change_log_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "resource_change_log_seq")
    private Long id;

    /** The resource, or null: too many changed at once to list, every instance rebuilds. */
    @Column(name = "resource_id")
    private Long resourceId;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected IndexChange() {
        // JPA
    }

    public IndexChange(Long resourceId, Instant changedAt) {
        this.resourceId = resourceId;
        this.changedAt = changedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getResourceId() {
        return resourceId;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
