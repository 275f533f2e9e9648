package org.tsunagu.directory.entity;

import org.tsunagu.calendar.entity.Schedule;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.GeoPoint;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.areas.entity.Town;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * 社会資源: anything residents can use — a salon, a dementia cafe, a clinic, a watch partner.
 * Carries every field of the Tsunagu import format. Its lifecycle (draft → published → archived)
 * and freshness (verifiedAt) are its own rules; the optimistic version makes concurrent edits
 * fail loudly instead of silently overwriting each other.
 */
@Entity
@Table(name = "resource")
@NamedQuery(name = Resource.FIND_BY_EXTERNAL_ID, query = "SELECT r FROM Resource r WHERE r.externalId = :externalId")
@NamedQuery(name = Resource.COUNT_BY_STATUS, query = "SELECT COUNT(r) FROM Resource r WHERE r.status = :status")
@NamedQuery(name = Resource.FIND_PUBLISHED_BY_CENTER,
        query = "SELECT r FROM Resource r WHERE r.center = :center"
                + " AND r.status = org.tsunagu.directory.entity.ResourceStatus.PUBLISHED ORDER BY r.nameKana, r.name")
@NamedQuery(name = Resource.FIND_PUBLISHED_FOR_CENTER,
        query = "SELECT r FROM Resource r LEFT JOIN r.town t LEFT JOIN t.center tc"
                + " WHERE r.status = org.tsunagu.directory.entity.ResourceStatus.PUBLISHED AND r.category IN :categories"
                + " AND (tc = :center OR r.center = :center)")
@NamedQuery(name = Resource.FIND_PUBLISHED_FOR_REGION,
        query = "SELECT r FROM Resource r LEFT JOIN r.town t LEFT JOIN t.center tc LEFT JOIN r.center rc"
                + " WHERE r.status = org.tsunagu.directory.entity.ResourceStatus.PUBLISHED AND r.category IN :categories"
                + " AND (tc.region = :region OR (t IS NULL AND rc.region = :region))")
@NamedQuery(name = Resource.FIND_BY_EXTERNAL_IDS, query = "SELECT r FROM Resource r WHERE r.externalId IN :externalIds")
@NamedQuery(name = Resource.FIND_BY_IDS, query = "SELECT r FROM Resource r WHERE r.id IN :ids")
@NamedQuery(name = Resource.FIND_LISTED_FROM_SOURCE, query = "SELECT r FROM Resource r WHERE r.externalId LIKE :prefix "
        + "AND r.municipality.code IN :municipalities AND r.status <> :archived")
@NamedQuery(name = Resource.FIND_PUBLISHED_AFTER,
        query = "SELECT r FROM Resource r WHERE r.status = :status AND r.id > :after ORDER BY r.id")
public class Resource {

    /** Resources of one source (external id prefix) in these municipalities that are still listed. */
    public static final String FIND_LISTED_FROM_SOURCE = "Resource.findListedFromSource";
    public static final String FIND_BY_IDS = "Resource.findByIds";
    public static final String FIND_BY_EXTERNAL_IDS = "Resource.findByExternalIds";
    public static final String FIND_PUBLISHED_AFTER = "Resource.findPublishedAfter";
    public static final String FIND_BY_EXTERNAL_ID = "Resource.findByExternalId";
    public static final String COUNT_BY_STATUS = "Resource.countByStatus";
    public static final String FIND_PUBLISHED_BY_CENTER = "Resource.findPublishedByCenter";
    /** Published, in the center's catchment or maintained by it (the search's `center` filter). */
    public static final String FIND_PUBLISHED_FOR_CENTER = "Resource.findPublishedForCenter";
    /** Published, in a catchment of the 圏域 (the search's `region` filter: the town's center, else the maintainer). */
    public static final String FIND_PUBLISHED_FOR_REGION = "Resource.findPublishedForRegion";

    @Id
    @SequenceGenerator(name = "resource_seq", sequenceName = "resource_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "resource_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "municipality_id")
    private Municipality municipality;

    /** The id the resource had in the file it was imported from; re-imports update by it. */
    @Column(name = "external_id", unique = true)
    private String externalId;

    @Column(nullable = false)
    private String name;

    @Column(name = "name_kana")
    private String nameKana;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Category category;

    private String description;

    @Column(name = "postal_code")
    private String postalCode;

    @Column(nullable = false)
    private String address;

    @ManyToOne
    @JoinColumn(name = "town_id")
    private Town town;

    @Embedded
    private GeoPoint point;

    private String phone;
    private String url;
    private String email;

    @Embedded
    private Schedule schedule = Schedule.none();

    private String cost;

    @Column(name = "free_of_charge")
    private boolean free;

    private String reservation;
    private String target;

    /** `;`-separated, e.g. 車いす可;駐車場あり */
    private String accessibility;

    @Column(name = "home_visit")
    private boolean homeVisit;

    /** `;`-separated 診療科 */
    private String departments;

    private String organizer;

    /** The center that maintains this entry (usually the catchment's center). */
    @ManyToOne
    @JoinColumn(name = "center_id")
    private Center center;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ResourceStatus status = ResourceStatus.DRAFT;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Resource() {
        // JPA
    }

    public Resource(Municipality municipality, String name, Category category, String address) {
        this.municipality = municipality;
        rename(name);
        categorise(category);
        relocate(address, null, null);
    }

    public void rename(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        this.name = name.strip();
    }

    public void categorise(Category category) {
        if (category == null) {
            throw new IllegalArgumentException("category is required");
        }
        this.category = category;
    }

    /** Moves the resource: the address as written, the town it lies in and its point (either may be unknown). */
    public void relocate(String address, Town town, GeoPoint point) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("address is required");
        }
        this.address = address.strip();
        this.town = town;
        this.point = point != null ? point : town != null ? town.getPoint() : null;
    }

    public void publish() {
        if (status == ResourceStatus.PUBLISHED) {
            return;
        }
        this.status = ResourceStatus.PUBLISHED;
    }

    public void archive() {
        this.status = ResourceStatus.ARCHIVED;
    }

    /** Back to draft: hidden from residents while it is being corrected. */
    public void withdraw() {
        this.status = ResourceStatus.DRAFT;
    }

    /** 「内容を確認しました」: staff confirmed the entry is still correct. */
    public void markVerified(Instant at) {
        this.verifiedAt = at;
    }

    /**
     * The resource as the columns of the Tsunagu import format (formats.md), plus its status: what
     * the editor shows, what history compares, and what a file row would carry to recreate it.
     */
    public java.util.Map<String, String> fields() {
        java.util.Map<String, String> f = new java.util.LinkedHashMap<>();
        f.put("external_id", nz(externalId));
        f.put("name", nz(name));
        f.put("name_kana", nz(nameKana));
        f.put("category", category == null ? "" : category.code());
        f.put("description", nz(description));
        f.put("postal_code", nz(postalCode));
        f.put("address", nz(address));
        f.put("lat", point == null ? "" : Double.toString(point.lat()));
        f.put("lon", point == null ? "" : Double.toString(point.lon()));
        f.put("phone", nz(phone));
        f.put("url", nz(url));
        f.put("email", nz(email));
        f.put("schedule", schedule == null ? "" : nz(schedule.text()));
        f.put("cost", nz(cost));
        f.put("reservation", nz(reservation));
        f.put("target", nz(target));
        f.put("accessibility", String.join(";", getAccessibility()));
        f.put("home_visit", Boolean.toString(homeVisit));
        f.put("departments", String.join(";", getDepartments()));
        f.put("center_code", center == null ? "" : center.getCode());
        f.put("organizer", nz(organizer));
        f.put("status", status.name().toLowerCase(java.util.Locale.ROOT));
        return f;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public boolean isStale(Instant now, java.time.Duration maxAge) {
        Instant reference = verifiedAt != null ? verifiedAt : createdAt;
        return reference == null || reference.plus(maxAge).isBefore(now);
    }

    public boolean isPublished() {
        return status == ResourceStatus.PUBLISHED;
    }

    /** 無料 / 0円 (also ０円, 無料（材料費実費） is not free). */
    public static boolean costMeansFree(String cost) {
        if (cost == null) {
            return false;
        }
        String c = java.text.Normalizer.normalize(cost, java.text.Normalizer.Form.NFKC).strip();
        return c.equals("無料") || c.matches("0\\s*円") || c.equalsIgnoreCase("free");
    }

    /**
     * Whether the other resource says the same to residents and staff: every field the import format
     * carries, the town, point, parsed schedule, maintaining center and status. Ids, versions and
     * timestamps are not content.
     */
    public boolean sameContentAs(Resource o) {
        return o != null && Objects.equals(idOf(municipality), idOf(o.municipality))
                && Objects.equals(externalId, o.externalId) && Objects.equals(name, o.name)
                && Objects.equals(nameKana, o.nameKana) && category == o.category
                && Objects.equals(description, o.description) && Objects.equals(postalCode, o.postalCode)
                && Objects.equals(address, o.address) && Objects.equals(idOf(town), idOf(o.town))
                && Objects.equals(getPoint(), o.getPoint()) && Objects.equals(phone, o.phone)
                && Objects.equals(url, o.url) && Objects.equals(email, o.email)
                && Objects.equals(getSchedule().text(), o.getSchedule().text())
                && Objects.equals(getSchedule().rules(), o.getSchedule().rules())
                && Objects.equals(getSchedule().warning(), o.getSchedule().warning())
                && Objects.equals(cost, o.cost) && free == o.free && Objects.equals(reservation, o.reservation)
                && Objects.equals(target, o.target) && Objects.equals(accessibility, o.accessibility)
                && homeVisit == o.homeVisit && Objects.equals(departments, o.departments)
                && Objects.equals(organizer, o.organizer) && Objects.equals(idOf(center), idOf(o.center))
                && status == o.status;
    }

    private static Long idOf(Object entity) {
        if (entity instanceof Municipality m) {
            return m.getId();
        }
        if (entity instanceof Town t) {
            return t.getId();
        }
        return entity instanceof Center c ? c.getId() : null;
    }

    @PrePersist
    void onCreate() {
        Instant now = Instant.now();
        createdAt = now;
        updatedAt = now;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Instant.now();
    }

    static String joinList(List<String> items) {
        if (items == null) {
            return null;
        }
        String joined = items.stream().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.joining(";"));
        return joined.isEmpty() ? null : joined;
    }

    static List<String> splitList(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    // --- descriptive fields: plain data the center maintains -------------------------------

    public void setExternalId(String externalId) {
        this.externalId = blankToNull(externalId);
    }

    public void setNameKana(String nameKana) {
        this.nameKana = blankToNull(nameKana);
    }

    public void setDescription(String description) {
        this.description = blankToNull(description);
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = blankToNull(postalCode);
    }

    public void setContact(String phone, String url, String email) {
        this.phone = blankToNull(phone);
        this.url = blankToNull(url);
        this.email = blankToNull(email);
    }

    public void setSchedule(Schedule schedule) {
        this.schedule = schedule == null ? Schedule.none() : schedule;
    }

    public void setCost(String cost) {
        this.cost = blankToNull(cost);
        this.free = costMeansFree(cost);
    }

    public void setReservation(String reservation) {
        this.reservation = blankToNull(reservation);
    }

    public void setTarget(String target) {
        this.target = blankToNull(target);
    }

    public void setAccessibility(List<String> accessibility) {
        this.accessibility = joinList(accessibility);
    }

    public void setHomeVisit(boolean homeVisit) {
        this.homeVisit = homeVisit;
    }

    public void setDepartments(List<String> departments) {
        this.departments = joinList(departments);
    }

    public void setOrganizer(String organizer) {
        this.organizer = blankToNull(organizer);
    }

    public void maintainedBy(Center center) {
        this.center = center;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // --- accessors ---------------------------------------------------------------------------

    /** The center that maintains this resource: the one named on it, else its town's (null when neither). */
    public Center maintainer() {
        return center != null ? center : town != null ? town.getCenter() : null;
    }

    public Long getId() {
        return id;
    }

    public Municipality getMunicipality() {
        return municipality;
    }

    /**
     * Where the entry came from when a file brought it: the external id's format prefix
     * ({@code navii}, {@code mhlw-care}, {@code jp-medical}…), or "" for entries made here and Tsunagu
     * files. The resource page says 「この情報源には電話番号がありません」 for a source that has none.
     */
    public String source() {
        if (externalId == null) {
            return "";
        }
        int colon = externalId.indexOf(':');
        String prefix = colon < 0 ? "" : externalId.substring(0, colon);
        return prefix.matches("[a-z][a-z-]*") && !prefix.equals("tsunagu") ? prefix : "";
    }

    public String getExternalId() {
        return externalId;
    }

    public String getName() {
        return name;
    }

    public String getNameKana() {
        return nameKana;
    }

    public Category getCategory() {
        return category;
    }

    public String getDescription() {
        return description;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getAddress() {
        return address;
    }

    public Town getTown() {
        return town;
    }

    public GeoPoint getPoint() {
        return GeoPoint.orNull(point);
    }

    public String getPhone() {
        return phone;
    }

    public String getUrl() {
        return url;
    }

    public String getEmail() {
        return email;
    }

    public Schedule getSchedule() {
        return schedule == null ? Schedule.none() : schedule;
    }

    public String getCost() {
        return cost;
    }

    public boolean isFree() {
        return free;
    }

    public String getReservation() {
        return reservation;
    }

    public String getTarget() {
        return target;
    }

    public List<String> getAccessibility() {
        return splitList(accessibility);
    }

    public boolean isHomeVisit() {
        return homeVisit;
    }

    public List<String> getDepartments() {
        return splitList(departments);
    }

    public String getOrganizer() {
        return organizer;
    }

    public Center getCenter() {
        return center;
    }

    public ResourceStatus getStatus() {
        return status;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
