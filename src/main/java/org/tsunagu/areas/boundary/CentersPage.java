package org.tsunagu.areas.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import org.tsunagu.areas.control.Centers;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.Municipality;

import java.util.List;

/** The centers page: each municipality's centers with contact details and the towns they answer for. */
@Named
@RequestScoped
public class CentersPage {

    /** A municipality with its centers, core center first. */
    public record MunicipalityCenters(Municipality municipality, List<CenterWithTowns> centers) {
    }

    public record CenterWithTowns(Center center, List<String> towns) {
        public String townList() {
            return String.join("、", towns);
        }
    }

    @Inject
    Centers centers;

    private List<MunicipalityCenters> municipalities;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MunicipalityCenters> getMunicipalities() {
        if (municipalities == null) {
            municipalities = centers.municipalities().stream()
                    .map(m -> new MunicipalityCenters(m, centers.of(m).stream()
                            .sorted(java.util.Comparator.comparing((Center c) -> !c.isCore())
                                    .thenComparing(c -> c.getRegionName() == null ? "" : c.getRegionName())
                                    .thenComparing(Center::getCode))
                            .map(c -> new CenterWithTowns(c, centers.catchmentNames(c)))
                            .toList()))
                    .filter(mc -> !mc.centers().isEmpty())
                    .toList();
        }
        return municipalities;
    }
}
