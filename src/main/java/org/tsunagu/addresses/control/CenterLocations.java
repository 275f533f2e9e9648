package org.tsunagu.addresses.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tsunagu.areas.control.TownsChanged;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.areas.entity.Town;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Places the centers of a municipality on the map from their address: the centers file has no
 * coordinates, so a center without a point gets the point of the town its address lies in. Runs
 * in the towns import's transaction (a synchronous observer of {@link TownsChanged}), so the import
 * and the placing commit together, with the same matcher residents' lookups use.
 */
@ApplicationScoped
public class CenterLocations {

    @PersistenceContext
    EntityManager em;

    void locate(@Observes TownsChanged event) {
        Municipality m = em.createNamedQuery(Municipality.FIND_BY_CODE, Municipality.class)
                .setParameter("code", event.municipalityCode()).getResultStream().findFirst().orElse(null);
        if (m == null) {
            return;
        }
        Map<Long, Town> byId = new HashMap<>();
        List<KnownTown> known = new ArrayList<>();
        for (Town t : em.createNamedQuery(Town.FIND_BY_MUNICIPALITY, Town.class).setParameter("municipality", m)
                .getResultList()) {
            byId.put(t.getId(), t);
            known.add(new KnownTown(t.getId(), m.getCode(), m.getPrefecture(), m.getName(), t.getName(),
                    t.getKoaza().isEmpty() ? null : t.getKoaza()));
        }
        AddressMatcher matcher = new AddressMatcher(known);
        for (Center c : em.createNamedQuery(Center.FIND_BY_MUNICIPALITY, Center.class)
                .setParameter("municipality", m).getResultList()) {
            if (c.getPoint() == null) {
                matcher.match(c.getAddress(), m.getCode()).town()
                        .map(k -> byId.get(k.id()))
                        .ifPresent(t -> c.locate(t.getPoint()));
            }
        }
    }
}
