package org.tsunagu.areas.entity;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * 地域包括支援センター. Centers arrive from a centers file that names no municipality code;
 * they are bound to their municipality when a towns file routes towns to them (or when the
 * address names a municipality the portal already knows). {@link #addressArea} keeps the
 * 都道府県+市区町村 written in the address for that binding.
 */
@Entity
@Table(name = "center")
@NamedQuery(name = Center.FIND_BY_CODE, query = "SELECT c FROM Center c WHERE c.code = :code")
@NamedQuery(name = Center.FIND_ALL, query = "SELECT c FROM Center c ORDER BY c.code")
@NamedQuery(name = Center.FIND_BY_MUNICIPALITY,
        query = "SELECT c FROM Center c WHERE c.municipality = :municipality ORDER BY c.code")
@NamedQuery(name = Center.FIND_CORE,
        query = "SELECT c FROM Center c WHERE c.municipality = :municipality AND c.kind = :kind")
@NamedQuery(name = Center.FIND_UNBOUND_IN_AREA,
        query = "SELECT c FROM Center c WHERE c.municipality IS NULL AND c.addressArea = :area")
public class Center {

    public static final String FIND_BY_CODE = "Center.findByCode";
    public static final String FIND_ALL = "Center.findAll";
    public static final String FIND_BY_MUNICIPALITY = "Center.findByMunicipality";
    public static final String FIND_CORE = "Center.findCore";
    public static final String FIND_UNBOUND_IN_AREA = "Center.findUnboundInArea";

    @Id
    @SequenceGenerator(name = "center_seq", sequenceName = "center_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "center_seq")
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CenterKind kind;

    @ManyToOne
    @JoinColumn(name = "municipality_id")
    private Municipality municipality;

    @ManyToOne
    @JoinColumn(name = "region_id")
    private Region region;

    /** The 圏域 name as imported; becomes {@link #region} once the municipality is known. */
    @Column(name = "region_name")
    private String regionName;

    @Column(nullable = false)
    private String address;

    @Column(name = "address_area")
    private String addressArea;

    @Column(nullable = false)
    private String phone;

    /** Where alert notifications go. */
    private String email;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "lat", column = @Column(name = "lat")),
            @AttributeOverride(name = "lon", column = @Column(name = "lon"))})
    private GeoPoint point;

    @Version
    private long version;

    protected Center() {
        // JPA
    }

    public Center(String code, String name, CenterKind kind, String address, String phone) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("center code is required");
        }
        this.code = code.strip();
        describe(name, kind, address, phone, null);
    }

    /** Replaces the descriptive fields (a re-import of the centers file updates in place). */
    public void describe(String name, CenterKind kind, String address, String phone, String email) {
        if (name == null || name.isBlank() || kind == null || address == null || address.isBlank()
                || phone == null || phone.isBlank()) {
            throw new IllegalArgumentException("name, kind, address and phone are required");
        }
        this.name = name.strip();
        this.kind = kind;
        this.address = address.strip();
        this.phone = phone.strip();
        this.email = email == null || email.isBlank() ? null : email.strip();
    }

    public void placeInRegion(String regionName) {
        this.regionName = regionName == null || regionName.isBlank() ? null : regionName.strip();
        if (this.region != null && !this.region.getName().equals(this.regionName)) {
            this.region = null;
        }
    }

    public void setAddressArea(String addressArea) {
        this.addressArea = addressArea;
    }

    /** Binds the center to its municipality and region; a center never moves between municipalities. */
    public void bindTo(Municipality m, Region r) {
        if (municipality != null && !municipality.getCode().equals(m.getCode())) {
            throw new IllegalStateException("center " + code + " belongs to municipality "
                    + municipality.getCode() + ", not " + m.getCode());
        }
        this.municipality = m;
        this.region = r;
    }

    public void locate(GeoPoint point) {
        this.point = point;
    }

    public boolean isCore() {
        return kind == CenterKind.CORE;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public CenterKind getKind() {
        return kind;
    }

    public Municipality getMunicipality() {
        return municipality;
    }

    public Region getRegion() {
        return region;
    }

    public String getRegionName() {
        return region != null ? region.getName() : regionName;
    }

    public String getAddress() {
        return address;
    }

    public String getAddressArea() {
        return addressArea;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public GeoPoint getPoint() {
        return GeoPoint.orNull(point);
    }
}
