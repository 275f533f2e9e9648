package org.tsunagu.accounts.entity;

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
import jakarta.persistence.PrePersist;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.tsunagu.areas.entity.Municipality;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 見守り協定団体: a business or group that signed a watch agreement with the municipality.
 * Its employees hold partner accounts and file alerts in its name; the public sees only its name
 * and type, never its contacts or accounts.
 */
@Entity
@Table(name = "partner_organisation")
@NamedQuery(name = PartnerOrganisation.FIND_ALL,
        query = "SELECT p FROM PartnerOrganisation p JOIN FETCH p.municipality ORDER BY p.type, p.name")
@NamedQuery(name = PartnerOrganisation.FIND_BY_NAME,
        query = "SELECT p FROM PartnerOrganisation p WHERE p.municipality = :municipality AND p.name = :name")
public class PartnerOrganisation {

    public static final String FIND_ALL = "PartnerOrganisation.findAll";
    public static final String FIND_BY_NAME = "PartnerOrganisation.findByName";

    @Id
    @SequenceGenerator(name = "partner_seq", sequenceName = "partner_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "partner_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "municipality_id")
    private Municipality municipality;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PartnerType type;

    @Column(name = "agreement_date")
    private LocalDate agreementDate;

    @Column(name = "contact_phone")
    private String contactPhone;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PartnerOrganisation() {
        // JPA
    }

    public PartnerOrganisation(Municipality municipality, String name, PartnerType type, LocalDate agreementDate) {
        if (municipality == null || name == null || name.isBlank() || type == null) {
            throw new IllegalArgumentException("municipality, name and type are required");
        }
        this.municipality = municipality;
        this.name = name.strip();
        this.type = type;
        this.agreementDate = agreementDate;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone == null || contactPhone.isBlank() ? null : contactPhone.strip();
    }

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
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

    public PartnerType getType() {
        return type;
    }

    public LocalDate getAgreementDate() {
        return agreementDate;
    }

    public String getContactPhone() {
        return contactPhone;
    }
}
