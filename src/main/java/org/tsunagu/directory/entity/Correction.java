package org.tsunagu.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.tsunagu.areas.entity.Center;

import java.time.Instant;
import java.util.Optional;
import org.tsunagu.codes.Term;
import org.tsunagu.codes.Termed;

/**
 * 「情報が違う・古い」: a resident tells the maintaining center that an entry is wrong. Residents
 * know first when a salon moved or a clinic closed; this is how the map stays true without asking
 * them for an account or anything personal. The center closes it once handled.
 */
@Entity
@Table(name = "correction")
@NamedQuery(name = Correction.FIND_OPEN_BY_CENTERS,
        query = "SELECT c FROM Correction c WHERE c.status = org.tsunagu.directory.entity.Correction.Status.OPEN"
                + " AND c.center IN :centers ORDER BY c.createdAt")
@NamedQuery(name = Correction.FIND_OPEN_UNASSIGNED,
        query = "SELECT c FROM Correction c WHERE c.status = org.tsunagu.directory.entity.Correction.Status.OPEN"
                + " AND c.center IS NULL AND c.resource.municipality = :municipality ORDER BY c.createdAt")
public class Correction {

    public static final String FIND_OPEN_BY_CENTERS = "Correction.findOpenByCenters";
    public static final String FIND_OPEN_UNASSIGNED = "Correction.findOpenUnassigned";
    public static final int MAX_MESSAGE = 2000;

    /** What is wrong, as a resident would say it. */
    public enum Kind implements Termed {
        ENDED("ended", "活動が終わった・閉店した"),
        SCHEDULE("schedule", "日時が違う"),
        PLACE("place", "場所が違う"),
        CONTACT("contact", "電話番号・連絡先が違う"),
        OTHER("other", "その他");

        private final Term term;

        Kind(String code, String label) {
            this.term = new Term(code, label);
        }

        @Override
        public Term term() {
            return term;
        }

        public static Optional<Kind> ofCode(String code) {
            return Termed.ofCode(Kind.class, code);
        }
    }

    public enum Status { OPEN, DONE }

    @Id
    @SequenceGenerator(name = "correction_seq", sequenceName = "correction_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "correction_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "resource_id")
    private Resource resource;

    /** The center that maintains the resource when it was reported (null: the core center triages). */
    @ManyToOne
    @JoinColumn(name = "center_id")
    private Center center;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(nullable = false)
    private String message;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.OPEN;

    @Column(name = "handled_by")
    private String handledBy;

    @Column(name = "handled_at")
    private Instant handledAt;

    private String reply;

    @Version
    private long version;

    protected Correction() {
    }

    public Correction(Resource resource, Center center, Kind kind, String message, Instant at) {
        if (resource == null || kind == null) {
            throw new IllegalArgumentException("resource and kind are required");
        }
        String text = message == null ? "" : message.strip();
        if (text.length() > MAX_MESSAGE) {
            throw new IllegalArgumentException("message is longer than " + MAX_MESSAGE);
        }
        if (text.isEmpty() && kind == Kind.OTHER) {
            throw new IllegalArgumentException("「その他」は内容を書いてください");
        }
        this.resource = resource;
        this.center = center;
        this.kind = kind;
        this.message = text;
        this.createdAt = at;
    }

    /** Handled: by whom, when and what was done (the reply stays with the center). */
    public void close(String staff, String note, Instant at) {
        if (status == Status.DONE) {
            throw new IllegalStateException("this correction is already handled");
        }
        this.status = Status.DONE;
        this.handledBy = staff;
        this.handledAt = at;
        this.reply = note == null || note.isBlank() ? null : note.strip();
    }

    public Long getId() {
        return id;
    }

    public Resource getResource() {
        return resource;
    }

    public Center getCenter() {
        return center;
    }

    public Kind getKind() {
        return kind;
    }

    public String getMessage() {
        return message;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Status getStatus() {
        return status;
    }

    public String getHandledBy() {
        return handledBy;
    }

    public Instant getHandledAt() {
        return handledAt;
    }

    public String getReply() {
        return reply;
    }
}
