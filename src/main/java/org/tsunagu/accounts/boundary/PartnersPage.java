package org.tsunagu.accounts.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tsunagu.accounts.control.Partners;
import org.tsunagu.accounts.entity.PartnerOrganisation;
import org.tsunagu.accounts.entity.PartnerType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * 見守り協定事業者 (/partners): the businesses that signed a watch agreement, grouped by type, so
 * residents know who may notice and report that something is wrong. Names and types only, never
 * contacts or accounts.
 */
@Named
@RequestScoped
public class PartnersPage {

    /** One type with its organisations, in name order. */
    public record Group(String label, List<String> names) {
    }

    @Inject
    Partners partners;

    public List<Group> getGroups() {
        boolean english = "en".equals(FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage());
        Map<PartnerType, List<String>> byType = new EnumMap<>(PartnerType.class);
        for (PartnerOrganisation p : partners.all()) {
            String name = p.getName() + (p.getMunicipality() == null ? "" : "（" + p.getMunicipality().displayName() + "）");
            byType.computeIfAbsent(p.getType(), t -> new ArrayList<>()).add(name);
        }
        List<Group> out = new ArrayList<>();
        byType.forEach((type, names) -> {
            names.sort(Comparator.naturalOrder());
            out.add(new Group(english ? type.labelEn() : type.labelJa(), names));
        });
        return out;
    }
}
