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
 * (TSUNAGU_DEFAULT_MUNICIPALITY), else the only or first real one, else the demo (shown with （デモ）).
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

    public String getName() {
        if (name == null) {
            List<Municipality> all = centers.municipalities();
            name = all.stream().filter(m -> m.getCode().equals(configured.strip())).findFirst()
                    .or(() -> all.stream().filter(m -> !m.isDemo()).findFirst())
                    .or(() -> all.stream().findFirst())
                    .map(m -> m.getPrefecture() + " " + m.displayName()).orElse("");
        }
        return name;
    }
}
