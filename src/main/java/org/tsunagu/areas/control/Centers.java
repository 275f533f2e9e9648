package org.tsunagu.areas.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.areas.entity.Town;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading centers and their catchments (担当地域). */
@ApplicationScoped
public class Centers {

    @PersistenceContext
    EntityManager em;

    public List<Center> all() {
        return em.createNamedQuery(Center.FIND_ALL, Center.class).getResultList();
    }

    public List<Center> of(Municipality m) {
        return em.createNamedQuery(Center.FIND_BY_MUNICIPALITY, Center.class)
                .setParameter("municipality", m).getResultList();
    }

    public Optional<Center> find(String code) {
        return em.createNamedQuery(Center.FIND_BY_CODE, Center.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    public List<Town> catchment(Center c) {
        return em.createNamedQuery(Town.FIND_BY_CENTER, Town.class).setParameter("center", c).getResultList();
    }

    /** Town names of the catchment, 小字 included, in reading order. */
    public List<String> catchmentNames(Center c) {
        return catchment(c).stream().map(Town::displayName).distinct().toList();
    }

    /** Town names of a municipality (小字 included), for address suggestions. */
    public List<String> townNames(Municipality m) {
        return em.createNamedQuery(Town.FIND_BY_MUNICIPALITY, Town.class).setParameter("municipality", m).getResultList()
                .stream().map(Town::displayName).distinct().toList();
    }

    /** How many towns (町丁目・小字) each center answers for, by center code; centers without towns are absent. */
    public Map<String, Long> townCounts() {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : em.createNamedQuery(Town.COUNT_BY_CENTER, Object[].class).getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    public long townCount(Municipality m) {
        return em.createNamedQuery(Town.COUNT_BY_MUNICIPALITY, Long.class).setParameter("municipality", m).getSingleResult();
    }

    /** The municipality of a 6-digit 全国地方公共団体コード. */
    public Optional<Municipality> municipality(String code) {
        return em.createNamedQuery(Municipality.FIND_BY_CODE, Municipality.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    public List<Municipality> municipalities() {
        return em.createNamedQuery(Municipality.FIND_ALL, Municipality.class).getResultList();
    }
}
