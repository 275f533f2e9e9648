package org.tsunagu.areas.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * 番地 range of a split town whose residents belong to another center than the rest of the town.
 * Both ends inclusive.
 */
@Embeddable
public class BlockRange {

    @Column(name = "block_from", nullable = false)
    private int from;

    @Column(name = "block_to", nullable = false)
    private int to;

    @ManyToOne(optional = false)
    @JoinColumn(name = "center_id")
    private Center center;

    protected BlockRange() {
        // JPA
    }

    public BlockRange(int from, int to, Center center) {
        if (from < 1 || to < from) {
            throw new IllegalArgumentException("block range must satisfy 1 <= from <= to: " + from + ".." + to);
        }
        this.from = from;
        this.to = to;
        this.center = center;
    }

    public boolean contains(int block) {
        return block >= from && block <= to;
    }

    public boolean overlaps(BlockRange other) {
        return from <= other.to && other.from <= to;
    }

    public int from() {
        return from;
    }

    public int to() {
        return to;
    }

    public Center center() {
        return center;
    }
}
