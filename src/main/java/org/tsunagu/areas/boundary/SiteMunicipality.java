package org.tsunagu.areas.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tsunagu.areas.control.Centers;
import org.tsunagu.areas.entity.Municipality;

import java.util.List;

/**
 * The municipality whose portal this is, for the header of every page: the configured default
 * (TSUNAGU_DEFAULT_MUNICIPALITY), else the only or first real one, else the demo (shown with （デモ）);
 * and, for the footer, whether the fictional demo municipality is loaded at all.
 */
@Named
@RequestScoped
public class SiteMunicipality {

    @Inject
    Centers centers;

    @Inject
    @ConfigProperty(name = "tsunagu.default.municipality", defaultValue = " ")
    String configured;

    private String name;
    private Boolean demoLoaded;
    private List<Municipality> all;

    public String getName() {
        if (name == null) {
            List<Municipality> all = all();
            name = all.stream().filter(m -> m.getCode().equals(configured.strip())).findFirst()
                    .or(() -> all.stream().filter(m -> !m.isDemo()).findFirst())
                    .or(() -> all.stream().findFirst())
                    .map(m -> m.getPrefecture() + " " + m.displayName()).orElse("");
        }
        return name;
    }

    /** Whether the footer says that the demo municipality is fictional: only while it is loaded. */
    public boolean isDemoLoaded() {
        if (demoLoaded == null) {
            demoLoaded = demoLoaded(all());
        }
        return demoLoaded;
    }

    /** A portal of real municipalities only (no demo data loaded, or the demo removed) has no demo notice. */
    static boolean demoLoaded(List<Municipality> municipalities) {
        return municipalities.stream().anyMatch(Municipality::isDemo);
    }

    private List<Municipality> all() {
        if (all == null) {
            all = centers.municipalities();
        }
        return all;
    }
}
