package org.tsunagu.accounts.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import org.tsunagu.accounts.control.Caller;
import org.tsunagu.accounts.control.Partners;
import org.tsunagu.accounts.entity.PartnerOrganisation;
import org.tsunagu.accounts.entity.PartnerType;
import org.tsunagu.addresses.control.AreaLookup;
import org.tsunagu.areas.control.Centers;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.audit.control.Audit;
import org.tsunagu.web.PageTransaction;
import org.tsunagu.problems.ProblemException;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * 見守り協定事業者の管理 (/admin/partners, admins only): the organisations that signed a watch
 * agreement, and the form to register one. Registration is checked like POST /api/v1/partners and
 * done by the same control ({@link Partners#create}), audited as {@code partner.create}; the
 * organisation's employees then get accounts on /admin/accounts.
 */
@Named
@RequestScoped
public class AdminPartnersPage {

    @Inject
    Partners partners;

    @Inject
    Centers centers;

    @Inject
    AreaLookup areas;

    @Inject
    Audit audit;

    @Inject
    PageTransaction transaction;

    @Inject
    Caller caller;

    private String name;
    private String type;
    private String municipality;
    private String agreementDate;
    private final List<String> errors = new ArrayList<>();
    private List<PartnerOrganisation> list;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PartnerOrganisation> getPartners() {
        if (list == null) {
            list = partners.all();
        }
        return list;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Municipality> getMunicipalities() {
        return centers.municipalities();
    }

    public List<PartnerType> getTypes() {
        return List.of(PartnerType.values());
    }

    /** The type's label in the page's language. */
    public String label(PartnerType t) {
        return AdminAccountsPage.english() ? t.labelEn() : t.labelJa();
    }

    /** 「登録する」 */
    public void create() throws IOException {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            errors.add(AdminAccountsPage.text("admin.partners.error.name"));
        } else if (n.length() > 200) {
            errors.add(AdminAccountsPage.text("admin.partners.error.nameLength"));
        }
        PartnerType t = type == null ? null : PartnerType.ofCode(type).orElse(null);
        if (t == null) {
            errors.add(AdminAccountsPage.text("admin.partners.error.type"));
        }
        Municipality m = municipality == null || municipality.isBlank() ? null : areas.municipality(municipality).orElse(null);
        if (m == null) {
            errors.add(AdminAccountsPage.text("admin.partners.error.municipality"));
        }
        LocalDate date = null;
        if (agreementDate != null && !agreementDate.isBlank()) {
            try {
                date = LocalDate.parse(agreementDate.strip());
            } catch (DateTimeParseException e) {
                errors.add(AdminAccountsPage.text("admin.partners.error.date"));
            }
        }
        if (!errors.isEmpty()) {
            return;
        }
        String actor = caller.actor();
        LocalDate agreed = date;
        try {
            transaction.run(() -> {
                PartnerOrganisation p = partners.create(m, n, t, agreed);
                audit.record(actor, "partner.create", "partner", String.valueOf(p.getId()), null);
            });
        } catch (ProblemException e) {
            errors.add(e.status() == 409 ? AdminAccountsPage.text("admin.partners.error.taken", n) : e.getMessage());
            return;
        }
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        ext.getFlash().put("done", AdminAccountsPage.text("admin.partners.done", n));
        ext.redirect(ext.getRequestContextPath() + "/admin/partners");
    }

    public List<String> getErrors() {
        return errors;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getMunicipality() {
        return municipality;
    }

    public void setMunicipality(String municipality) {
        this.municipality = municipality;
    }

    public String getAgreementDate() {
        return agreementDate;
    }

    public void setAgreementDate(String agreementDate) {
        this.agreementDate = agreementDate;
    }
}
