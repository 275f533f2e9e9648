package org.tsunagu.areas.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 町丁目 (or 小字 below a town): the unit of routing. A town has a responsible center, except one read
 * from a national address registry and not yet given one by a catchment import (unassigned: its
 * addresses go to the core center); a split town may hand some 番地 ranges to other centers, and
 * {@link #centerFor(Integer)} is the one place that decides.
 */
@Entity
@Table(name = "town")
@NamedQuery(name = Town.FIND_ALL, query = "SELECT t FROM Town t JOIN FETCH t.municipality")
@NamedQuery(name = Town.FIND_BY_MUNICIPALITY,
        query = "SELECT t FROM Town t WHERE t.municipality = :municipality ORDER BY t.kana, t.name, t.koaza")
@NamedQuery(name = Town.FIND_BY_CENTER,
        query = "SELECT t FROM Town t WHERE t.center = :center ORDER BY t.id")
@NamedQuery(name = Town.FIND_BY_NAME,
        query = "SELECT t FROM Town t WHERE t.municipality = :municipality AND t.name = :name AND t.koaza = :koaza")
@NamedQuery(name = Town.COUNT_BY_MUNICIPALITY,
        query = "SELECT COUNT(t) FROM Town t WHERE t.municipality = :municipality")
@NamedQuery(name = Town.COUNT_BY_CENTER,
        query = "SELECT t.center.code, COUNT(t) FROM Town t GROUP BY t.center.code")
public class Town {

    public static final String FIND_ALL = "Town.findAll";
    public static final String COUNT_BY_CENTER = "Town.countByCenter";
    public static final String FIND_BY_MUNICIPALITY = "Town.findByMunicipality";
    public static final String FIND_BY_CENTER = "Town.findByCenter";
    public static final String FIND_BY_NAME = "Town.findByName";
    public static final String COUNT_BY_MUNICIPALITY = "Town.countByMunicipality";

    @Id
    @SequenceGenerator(name = "town_seq", sequenceName = "town_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "town_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "municipality_id")
    private Municipality municipality;

    @Column(nullable = false)
    private String name;

    /** 小字; empty (never null) when the row is the town itself. */
    @Column(nullable = false)
    private String koaza = "";

    /** Reading in katakana, for あいうえお順 and reading search. */
    private String kana;

    @Embedded
    private GeoPoint point;

    /** Null while the town is unassigned (V16). */
    @ManyToOne
    @JoinColumn(name = "center_id")
    private Center center;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "town_block", joinColumns = @JoinColumn(name = "town_id"))
    private List<BlockRange> blocks = new ArrayList<>();

    protected Town() {
        // JPA
    }

    public Town(Municipality municipality, String name, String koaza, GeoPoint point, Center center) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("town name is required");
        }
        if (point == null || center == null) {
            throw new IllegalArgumentException("town needs a point and a responsible center");
        }
        this.municipality = municipality;
        this.name = name.strip();
        this.koaza = koaza == null ? "" : koaza.strip();
        this.point = point;
        this.center = center;
    }

    /**
     * A town known from an address registry before any catchment names its center: its addresses are
     * routed to the municipality's core center until a catchment import assigns it.
     */
    public static Town unassigned(Municipality municipality, String name, String koaza, GeoPoint point) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("town name is required");
        }
        if (point == null) {
            throw new IllegalArgumentException("town needs a point");
        }
        Town t = new Town();
        t.municipality = municipality;
        t.name = name.strip();
        t.koaza = koaza == null ? "" : koaza.strip();
        t.point = point;
        return t;
    }

    /** A registry import moves the point only: center and 番地 ranges stay. True when the point changed. */
    public boolean moveTo(GeoPoint point) {
        if (point == null || point.equals(GeoPoint.orNull(this.point))) {
            return false;
        }
        this.point = point;
        return true;
    }

    public boolean isAssigned() {
        return center != null;
    }

    /** A re-import moves the point and routing; 番地 overrides are given anew by the same file. */
    public void reassign(GeoPoint point, Center center) {
        if (point == null || center == null) {
            throw new IllegalArgumentException("town needs a point and a responsible center");
        }
        this.point = point;
        this.center = center;
        this.blocks.clear();
    }

    public void setKana(String kana) {
        this.kana = kana == null || kana.isBlank() ? null : kana.strip();
    }

    /** Hands the 番地 range to another center; refuses overlapping ranges (routing must be unambiguous). */
    public void assignBlocks(BlockRange range) {
        for (BlockRange existing : blocks) {
            if (existing.overlaps(range)) {
                throw new IllegalArgumentException("block range " + range.from() + "-" + range.to()
                        + " overlaps " + existing.from() + "-" + existing.to() + " of " + displayName());
            }
        }
        blocks.add(range);
    }

    /**
     * The responsible center for an address in this town, with the 番地 if the address had one; null
     * when the town is unassigned (the caller falls back to the core center).
     */
    public Center centerFor(Integer block) {
        return blockRangeFor(block).map(BlockRange::center).orElse(center);
    }

    public Optional<BlockRange> blockRangeFor(Integer block) {
        if (block == null) {
            return Optional.empty();
        }
        return blocks.stream().filter(b -> b.contains(block)).findFirst();
    }

    /** 光が丘二丁目, or 根 木戸前 for a 小字. */
    public String displayName() {
        return koaza.isEmpty() ? name : name + " " + koaza;
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

    public String getKoaza() {
        return koaza;
    }

    public String getKana() {
        return kana;
    }

    public GeoPoint getPoint() {
        return point;
    }

    public Center getCenter() {
        return center;
    }

    public List<BlockRange> getBlocks() {
        return List.copyOf(blocks);
    }
}
