package org.tsunagu.alerts.entity;

import org.tsunagu.calendar.control.JapanTime;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.accounts.entity.PartnerOrganisation;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.GeoPoint;
import org.tsunagu.areas.entity.Town;
import org.tsunagu.persistence.EncryptedText;

import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * 見守り通報: what a partner's employee noticed about an elderly person during work. The alert owns
 * its lifecycle — received → acknowledged → in progress → resolved, with transfers between centers —
 * and refuses illegal transitions itself, so the rule lives in one place and every change leaves an
 * entry in the timeline.
 */
@Entity
@Table(name = "alert")
@NamedQuery(name = Alert.FIND_BY_IDEMPOTENCY_KEY,
        query = "SELECT a FROM Alert a WHERE a.partner = :partner AND a.idempotencyKey = :key")
@NamedQuery(name = Alert.FIND_BY_PARTNER,
        query = "SELECT a FROM Alert a WHERE a.partner = :partner ORDER BY a.filedAt DESC")
@NamedQuery(name = Alert.FILED_SINCE,
        query = "SELECT COUNT(a), MIN(a.filedAt) FROM Alert a WHERE a.partner = :partner AND a.filedAt > :since")
@NamedQuery(name = Alert.FIND_AWAITING_ACKNOWLEDGEMENT,
        query = "SELECT a FROM Alert a WHERE a.escalated = false AND a.status IN :statuses ORDER BY a.filedAt")
@NamedQuery(name = Alert.FIND_BY_RECEIPT, query = "SELECT a FROM Alert a WHERE a.receiptNo = :receiptNo")
@NamedQuery(name = Alert.FIND_DUE_FOR_ANONYMISATION,
        query = "SELECT a FROM Alert a WHERE a.status = org.tsunagu.alerts.entity.AlertStatus.RESOLVED"
                + " AND a.anonymisedAt IS NULL AND a.resolvedAt < :cutoff ORDER BY a.resolvedAt, a.id")
@NamedQuery(name = Alert.STATISTICS,
        query = "SELECT a.id, a.filedAt, a.acknowledgedAt, c.code, c.name, p.type, a.outcome, an FROM Alert a"
                + " JOIN a.center c JOIN a.partner p JOIN a.anomalies an"
                + " WHERE a.center IN :centers AND a.filedAt >= :from AND a.filedAt < :to")
@NamedQuery(name = Alert.RECEIPTS, query = "SELECT a.id, a.receiptNo FROM Alert a WHERE a.id IN :ids")
public class Alert {

    public static final String FIND_BY_RECEIPT = "Alert.findByReceipt";

    /** 受付番号 by id, e.g. for the audit log (no personal field). */
    public static final String RECEIPTS = "Alert.receipts";
    public static final String FIND_DUE_FOR_ANONYMISATION = "Alert.findDueForAnonymisation";
    /** One row per (alert, anomaly): what the monthly statistics need, and nothing personal. */
    public static final String STATISTICS = "Alert.statistics";
    /** What replaces personal text once the retention period is over. */
    public static final String ERASED = "（保存期間経過により削除）";

    public static final String FIND_AWAITING_ACKNOWLEDGEMENT = "Alert.findAwaitingAcknowledgement";

    public static final String FIND_BY_IDEMPOTENCY_KEY = "Alert.findByIdempotencyKey";
    public static final String FIND_BY_PARTNER = "Alert.findByPartner";
    /** How many alerts an organisation filed after a time, and the first of them (the filing rate limit). */
    public static final String FILED_SINCE = "Alert.filedSince";

    @Id
    @SequenceGenerator(name = "alert_seq", sequenceName = "alert_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alert_seq")
    private Long id;

    /** 受付番号, e.g. W-2026-000009. */
    @Column(name = "receipt_no", nullable = false, unique = true)
    private String receiptNo;

    @ManyToOne(optional = false)
    @JoinColumn(name = "partner_id")
    private PartnerOrganisation partner;

    @ManyToOne(optional = false)
    @JoinColumn(name = "filed_by_id")
    private Account filedBy;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    /**
     * Personal fields hold their sealed text (AES-GCM, {@link EncryptedText}), bound to this alert's
     * receipt number and their column: sealed in the constructor and setters, opened in the getters.
     * Town, status and dates stay plain.
     */
    private String address;

    @Column(name = "place_note")
    private String placeNote;

    /** Where the person was seen, "lat,lon" (sealed: the point alone can identify a home). */
    @Column(name = "point")
    private String point;

    @ManyToOne
    @JoinColumn(name = "town_id")
    private Town town;

    @Column(name = "observed_at", nullable = false)
    private Instant observedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Urgency urgency;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "alert_anomaly", joinColumns = @JoinColumn(name = "alert_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "anomaly")
    private Set<Anomaly> anomalies = EnumSet.noneOf(Anomaly.class);

    @Column(name = "other_anomaly")
    private String otherAnomaly;

    @Embedded
    private PersonSeen person;

    private String details;

    @Column(name = "reporter_name", nullable = false)
    private String reporterName;

    @Column(name = "reporter_phone", nullable = false)
    private String reporterPhone;

    @ManyToOne(optional = false)
    @JoinColumn(name = "center_id")
    private Center center;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Routing routing;

    @Column(name = "routing_reason", nullable = false)
    private String routingReason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AlertStatus status = AlertStatus.RECEIVED;

    private String assignee;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private boolean escalated;

    @Column(name = "filed_at", nullable = false)
    private Instant filedAt;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    /** When the personal fields were erased after the retention period; null while they are kept. */
    @Column(name = "anonymised_at")
    private Instant anonymisedAt;

    @OneToMany(mappedBy = "alert", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("occurredAt, id")
    private List<AlertEvent> events = new ArrayList<>();

    @Version
    private long version;

    protected Alert() {
        // JPA
    }

    /**
     * Files a new alert, already routed. {@code sequenceNumber} comes from the receipt sequence and
     * becomes the receipt number of the year the alert was filed (Japan time).
     */
    public Alert(long sequenceNumber, Account filedBy, Report report, Center center, Routing routing,
                 String routingReason, Town town, Instant filedAt) {
        if (filedBy == null || filedBy.getPartner() == null) {
            throw new IllegalArgumentException("alerts are filed by partner accounts");
        }
        if (center == null || routing == null || routingReason == null) {
            throw new IllegalArgumentException("an alert always has a responsible center and a routing reason");
        }
        report.validate();
        this.receiptNo = receiptNumber(sequenceNumber, filedAt);
        this.filedBy = filedBy;
        this.partner = filedBy.getPartner();
        this.idempotencyKey = report.idempotencyKey();
        this.address = seal("address", report.address());
        this.placeNote = seal("place_note", report.placeNote());
        this.point = seal("point", pointText(report.point()));
        this.town = town;
        this.observedAt = report.observedAt();
        this.urgency = report.urgency();
        this.anomalies = EnumSet.copyOf(report.anomalies());
        this.otherAnomaly = seal("other_anomaly", report.otherAnomaly());
        this.person = report.person() == null ? null : report.person().sealed(receiptNo);
        this.details = seal("details", report.details());
        this.reporterName = seal("reporter_name", report.reporterName());
        this.reporterPhone = seal("reporter_phone", report.reporterPhone());
        this.center = center;
        this.routing = routing;
        this.routingReason = seal("routing_reason", routingReason);
        this.filedAt = filedAt;
        events.add(new AlertEvent(this, AlertEventType.FILED, filedBy.getUsername(), filedAt).withNote(routingReason));
    }

    public static String receiptNumber(long sequenceNumber, Instant filedAt) {
        return String.format("W-%d-%06d", Year.from(filedAt.atZone(JapanTime.ZONE)).getValue(), sequenceNumber);
    }

    /** 確認: the responsible center has seen the alert. */
    public void acknowledge(String staff, Instant at) {
        requireStatus("acknowledge", AlertStatus.RECEIVED, AlertStatus.TRANSFERRED);
        status = AlertStatus.ACKNOWLEDGED;
        if (acknowledgedAt == null) {
            acknowledgedAt = at;
        }
        events.add(new AlertEvent(this, AlertEventType.ACKNOWLEDGE, staff, at));
    }

    /** 担当者を決める: someone is now handling it (対応中). */
    public void assign(String staff, String assigneeName, Instant at) {
        requireStatus("assign", AlertStatus.ACKNOWLEDGED, AlertStatus.IN_PROGRESS);
        if (assigneeName == null || assigneeName.isBlank()) {
            throw new IllegalArgumentException("assignee is required");
        }
        assignee = assigneeName.strip();
        status = AlertStatus.IN_PROGRESS;
        events.add(new AlertEvent(this, AlertEventType.ASSIGN, staff, at).withAssignee(assignee));
    }

    public void addNote(String staff, String note, Instant at) {
        if (anonymisedAt != null) {
            throw new IllegalTransitionException("the alert's retention period is over: no new notes");
        }
        if (note == null || note.isBlank()) {
            throw new IllegalArgumentException("note is required");
        }
        events.add(new AlertEvent(this, AlertEventType.NOTE, staff, at).withNote(note));
    }

    /** Hands the alert to another center, with the reason; both centers see it in the timeline. */
    public void transfer(String staff, Center to, String reason, Instant at) {
        requireStatus("transfer", AlertStatus.RECEIVED, AlertStatus.TRANSFERRED, AlertStatus.ACKNOWLEDGED,
                AlertStatus.IN_PROGRESS);
        if (to == null) {
            throw new IllegalArgumentException("target center is required");
        }
        if (to.getCode().equals(center.getCode())) {
            throw new IllegalTransitionException("the alert is already at center " + to.getCode());
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a transfer needs a reason");
        }
        Center from = center;
        center = to;
        status = AlertStatus.TRANSFERRED;
        assignee = null;
        escalated = false; // the new center's own deadline runs from now
        events.add(new AlertEvent(this, AlertEventType.TRANSFER, staff, at).withTransfer(from, to).withNote(reason));
    }

    /** Whether the alert was once at this center and transferred away (that center keeps reading its timeline). */
    public boolean wasTransferredFrom(java.util.function.Predicate<Center> center) {
        return events.stream().anyMatch(e -> e.getType() == AlertEventType.TRANSFER && e.getFromCenter() != null
                && center.test(e.getFromCenter()));
    }

    /** 対応完了 with how it ended. */
    public void resolve(String staff, Outcome result, String note, Instant at) {
        requireStatus("resolve", AlertStatus.ACKNOWLEDGED, AlertStatus.IN_PROGRESS);
        if (result == null) {
            throw new IllegalArgumentException("outcome is required");
        }
        outcome = result;
        status = AlertStatus.RESOLVED;
        resolvedAt = at;
        events.add(new AlertEvent(this, AlertEventType.RESOLVE, staff, at).withOutcome(result).withNote(note));
    }

    /**
     * Since when the current center has had the alert: filing, or the last transfer. The
     * acknowledgement deadline runs from here, so a transferred alert gives the new center its own time.
     */
    public Instant awaitingSince() {
        Instant since = filedAt;
        for (AlertEvent e : events) {
            if (e.getType() == AlertEventType.TRANSFER && e.getOccurredAt().isAfter(since)) {
                since = e.getOccurredAt();
            }
        }
        return since;
    }

    /**
     * 保存期間経過: erases what identifies the person, the place and the reporter, keeping what the
     * statistics count (month, center, partner, anomalies, urgency, outcome, timestamps). The address
     * shrinks to its town; free texts, the point, the person, the reporter, the idempotency key and
     * the timeline's notes go. Only resolved alerts: an open case still needs its facts. Returns false
     * when it was already done.
     */
    public boolean anonymise(Instant at) {
        if (at == null) {
            throw new IllegalArgumentException("the time of anonymisation is required");
        }
        if (status != AlertStatus.RESOLVED) {
            throw new IllegalTransitionException("cannot anonymise an alert that is " + status.code());
        }
        if (anonymisedAt != null) {
            return false;
        }
        address = seal("address", town == null ? ERASED
                : (town.getMunicipality() == null ? "" : town.getMunicipality().getName()) + town.displayName());
        placeNote = null;
        point = null;
        otherAnomaly = null;
        person = null;
        details = null;
        reporterName = seal("reporter_name", ERASED);
        reporterPhone = seal("reporter_phone", ERASED);
        if (routing == Routing.BLOCK && town != null) {
            routingReason = seal("routing_reason", "住所の町丁目「" + town.displayName() + "」の番地による担当" + ERASED); // the 番地 goes
        }
        idempotencyKey = null;
        events.forEach(AlertEvent::erase);
        anonymisedAt = at;
        return true;
    }

    /** Not acknowledged within its SLA: marked once, the core center is told. */
    public boolean escalate(Instant at) {
        if (escalated || !status.awaitsAcknowledgement()) {
            return false;
        }
        escalated = true;
        events.add(new AlertEvent(this, AlertEventType.ESCALATE, "system", at));
        return true;
    }

    private void requireStatus(String action, AlertStatus... allowed) {
        for (AlertStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new IllegalTransitionException("cannot " + action + " an alert that is " + status.code());
    }

    public Long getId() {
        return id;
    }

    public String getReceiptNo() {
        return receiptNo;
    }

    public PartnerOrganisation getPartner() {
        return partner;
    }

    public Account getFiledBy() {
        return filedBy;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getAddress() {
        return open("address", address);
    }

    public String getPlaceNote() {
        return open("place_note", placeNote);
    }

    public GeoPoint getPoint() {
        String point = open("point", this.point);
        if (point == null || point.isBlank()) {
            return null;
        }
        int comma = point.indexOf(',');
        return new GeoPoint(Double.parseDouble(point.substring(0, comma).strip()),
                Double.parseDouble(point.substring(comma + 1).strip()));
    }

    /** The table whose personal columns this entity seals; {@code AlertSealing} names the same. */
    public static final String TABLE = "alert";

    /** Seals a personal value for its column of this alert (its receipt number is the row's key). */
    private String seal(String column, String plain) {
        return EncryptedText.seal(plain, TABLE, column, receiptNo);
    }

    private String open(String column, String stored) {
        return EncryptedText.open(stored, TABLE, column, receiptNo);
    }

    private static String pointText(GeoPoint p) {
        GeoPoint given = GeoPoint.orNull(p);
        return given == null ? null : given.lat() + "," + given.lon();
    }

    public Town getTown() {
        return town;
    }

    public Instant getObservedAt() {
        return observedAt;
    }

    public Urgency getUrgency() {
        return urgency;
    }

    public Set<Anomaly> getAnomalies() {
        return anomalies.isEmpty() ? EnumSet.noneOf(Anomaly.class) : EnumSet.copyOf(anomalies);
    }

    public String getOtherAnomaly() {
        return open("other_anomaly", otherAnomaly);
    }

    public PersonSeen getPerson() {
        return person == null ? null : person.opened(receiptNo);
    }

    public String getDetails() {
        return open("details", details);
    }

    public String getReporterName() {
        return open("reporter_name", reporterName);
    }

    public String getReporterPhone() {
        return open("reporter_phone", reporterPhone);
    }

    public Center getCenter() {
        return center;
    }

    public Routing getRouting() {
        return routing;
    }

    public String getRoutingReason() {
        return open("routing_reason", routingReason);
    }

    public AlertStatus getStatus() {
        return status;
    }

    public String getAssignee() {
        return assignee;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public boolean isEscalated() {
        return escalated;
    }

    public Instant getFiledAt() {
        return filedAt;
    }

    public Instant getAcknowledgedAt() {
        return acknowledgedAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public Instant getAnonymisedAt() {
        return anonymisedAt;
    }

    public boolean isAnonymised() {
        return anonymisedAt != null;
    }

    public List<AlertEvent> getEvents() {
        return List.copyOf(events);
    }
}
