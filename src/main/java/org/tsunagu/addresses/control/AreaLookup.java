package org.tsunagu.addresses.control;

import org.tsunagu.areas.control.TownsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.CenterKind;
import org.tsunagu.areas.entity.GeoPoint;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.areas.entity.Town;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Address → town → responsible center: the routing every other feature relies on (resident "my
 * center", alert routing, geocoding of imported resources). The {@link AddressMatcher} is built from
 * all towns once and rebuilt after a towns import commits.
 */
@ApplicationScoped
public class AreaLookup {

    /** The longest address a lookup accepts (characters), on the API and the lookup page alike. */
    public static final int MAX_ADDRESS = 300;

    /** How an address was resolved; {@code town} is null unless matched is TOWN or BLOCK. */
    public record Result(Matched matched, Town town, Integer block, Center center, Municipality municipality,
                         List<Town> candidates) {

        public Optional<GeoPoint> point() {
            return Optional.ofNullable(town).map(Town::getPoint);
        }
    }

    public enum Matched {
        TOWN("town"), BLOCK("block"), NONE("none"), AMBIGUOUS("ambiguous");

        private final String code;

        Matched(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "tsunagu.default.municipality", defaultValue = " ")
    String defaultMunicipality;

    private volatile AddressMatcher matcher;

    public Result lookup(String address, String municipalityCode) {
        AddressMatch match = matcher().match(address, blankToNull(municipalityCode));
        switch (match.outcome()) {
            case TOWN -> {
                Town town = em.find(Town.class, match.town().orElseThrow().id());
                if (town == null) {
                    // the town list changed under us; try again with a fresh matcher
                    invalidate();
                    return lookup(address, municipalityCode);
                }
                Integer block = match.block();
                boolean byBlock = town.blockRangeFor(block).isPresent();
                return new Result(byBlock ? Matched.BLOCK : Matched.TOWN, town, block, town.centerFor(block),
                        town.getMunicipality(), List.of());
            }
            case AMBIGUOUS -> {
                List<Town> candidates = match.candidates().stream()
                        .map(k -> em.find(Town.class, k.id())).filter(t -> t != null).toList();
                return new Result(Matched.AMBIGUOUS, null, null, null, null, candidates);
            }
            default -> {
                Municipality m = triageMunicipality(match.municipalityCode()).orElse(null);
                return new Result(Matched.NONE, null, null, m == null ? null : coreCenter(m).orElse(null), m,
                        List.of());
            }
        }
    }

    /** The core center of a municipality: receives what cannot be routed. */
    public Optional<Center> coreCenter(Municipality m) {
        return em.createNamedQuery(Center.FIND_CORE, Center.class)
                .setParameter("municipality", m).setParameter("kind", CenterKind.CORE)
                .getResultStream().findFirst();
    }

    public Optional<Municipality> municipality(String code) {
        return em.createNamedQuery(Municipality.FIND_BY_CODE, Municipality.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    /**
     * Whose core center triages an unmatched address: the municipality named (in the address or the
     * parameter), else the only one, else the configured default, else the first by code.
     */
    private Optional<Municipality> triageMunicipality(String named) {
        if (named != null) {
            Optional<Municipality> m = municipality(named);
            if (m.isPresent()) {
                return m;
            }
        }
        List<Municipality> all = em.createNamedQuery(Municipality.FIND_ALL, Municipality.class).getResultList();
        if (all.isEmpty()) {
            return Optional.empty();
        }
        return all.stream().filter(m -> m.getCode().equals(defaultMunicipality.strip())).findFirst()
                .or(() -> all.stream().filter(m -> !m.isDemo()).findFirst())
                .or(() -> Optional.of(all.get(0)));
    }

    AddressMatcher matcher() {
        AddressMatcher current = matcher;
        if (current == null) {
            synchronized (this) {
                current = matcher;
                if (current == null) {
                    List<KnownTown> towns = em.createNamedQuery(Town.FIND_ALL, Town.class).getResultList().stream()
                            .map(t -> new KnownTown(t.getId(), t.getMunicipality().getCode(),
                                    t.getMunicipality().getPrefecture(), t.getMunicipality().getName(), t.getName(),
                                    t.getKoaza().isEmpty() ? null : t.getKoaza()))
                            .toList();
                    current = new AddressMatcher(towns);
                    matcher = current;
                }
            }
        }
        return current;
    }

    public void invalidate() {
        matcher = null;
    }

    void onTownsChanged(@Observes(during = TransactionPhase.AFTER_COMPLETION) TownsChanged event) {
        invalidate();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
