package org.tsunagu.search.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/**
 * A group of equivalent search words an admin added (e.g. a local nickname for a facility), on top
 * of the list shipped with the portal. Terms are stored comma-separated, already validated.
 */
@Entity
@Table(name = "synonym_group")
@NamedQuery(name = SynonymGroup.FIND_ALL, query = "SELECT g FROM SynonymGroup g ORDER BY g.id")
public class SynonymGroup {

    public static final String FIND_ALL = "SynonymGroup.findAll";

    @Id
    @SequenceGenerator(name = "synonym_group_seq", sequenceName = "synonym_group_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "synonym_group_seq")
    private Long id;

    @Column(nullable = false)
    private String terms;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SynonymGroup() {
        // JPA
    }

    public SynonymGroup(List<String> terms, String createdBy, Instant createdAt) {
        if (terms == null || terms.size() < 2) {
            throw new IllegalArgumentException("a synonym group has at least two terms");
        }
        this.terms = String.join(",", terms);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public List<String> getTerms() {
        return List.of(terms.split(","));
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
