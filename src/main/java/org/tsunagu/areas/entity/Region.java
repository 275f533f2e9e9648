package org.tsunagu.areas.entity;

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

/** 圏域: a grouping of centers inside a municipality (練馬・光が丘・石神井・大泉 in Nerima). */
@Entity
@Table(name = "region")
@NamedQuery(name = Region.FIND_BY_NAME,
        query = "SELECT r FROM Region r WHERE r.municipality = :municipality AND r.name = :name")
public class Region {

    public static final String FIND_BY_NAME = "Region.findByName";

    @Id
    @SequenceGenerator(name = "region_seq", sequenceName = "region_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "region_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "municipality_id")
    private Municipality municipality;

    @Column(nullable = false)
    private String name;

    protected Region() {
        // JPA
    }

    public Region(Municipality municipality, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("region name is required");
        }
        this.municipality = municipality;
        this.name = name.strip();
    }

    public Long getId() {
        return id;
    }

    public Municipality getMunicipality() {
        return municipality;
    }

    public String getName() {
        return name;
    }
}
