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
                // a town from an address registry not yet assigned: its core center triages
                Center center = town.centerFor(block);
                if (center == null) {
                    center = coreCenter(town.getMunicipality()).orElse(null);
                }
                return new Result(byBlock ? Matched.BLOCK : Matched.TOWN, town, block, center,
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

    /** A point farther than this from every town is not trusted for routing. */
    public static final double NEAREST_TOWN_KM = 3.0;

    /** How a route was found: the 番地 override, the town of the address, the town nearest the point, or none. */
    public enum Found { BLOCK, TOWN, NEAREST_TOWN, CORE }

    /** The center responsible for a place, how it was found, why (in words shown to staff), and the town. */
    public record Route(Center center, Found found, String reason, Town town) {
    }

    /**
     * The center that must act for a place, with every fallback in one rule: the town (or 番地
     * override) of the address; else the town nearest the point within {@value #NEAREST_TOWN_KM} km in
     * the home municipality; else that municipality's core center (基幹型), which triages; else its
     * first center. Never a center of another municipality (issue 16): a place in none gets none.
     *
     * @param address the written address, or null
     * @param point a position (the device's or a map pick), or null
     * @param home the municipality of whoever reports (a partner's), or null
     * @throws IllegalStateException when the home municipality has no center (or there is no home)
     */
    public Route route(String address, GeoPoint point, Municipality home) {
        String municipality = home == null ? null : home.getCode();
        if (address != null && !address.isBlank()) {
            Result r = lookup(address, municipality);
            if (r.town() != null && r.center() != null && r.town().centerFor(r.block()) == null) {
                return new Route(r.center(), Found.CORE, "住所の町丁目「" + r.town().displayName()
                        + "」はまだ担当センターが決まっていないため、基幹型センター（" + r.center().getName()
                        + "）が受け付けて振り分けます", r.town());
            }
            if (r.town() != null && r.center() != null) {
                boolean block = r.matched() == Matched.BLOCK;
                String reason = "住所の町丁目「" + r.town().displayName() + "」" + (block ? "（" + r.block() + "番地）" : "")
                        + "の担当: " + r.center().getName();
                return new Route(r.center(), block ? Found.BLOCK : Found.TOWN, reason, r.town());
            }
        }
        if (point != null && home != null) {
            Town nearest = null;
            double best = Double.MAX_VALUE;
            for (Town t : em.createNamedQuery(Town.FIND_BY_MUNICIPALITY, Town.class).setParameter("municipality", home)
                    .getResultList()) {
                if (t.getPoint() != null) {
                    double d = t.getPoint().distanceKm(point);
                    if (d < best) {
                        best = d;
                        nearest = t;
                    }
                }
            }
            // the nearest town unassigned (from an address registry): the core center below triages
            if (nearest != null && best <= NEAREST_TOWN_KM && nearest.isAssigned()) {
                Center c = nearest.getCenter();
                return new Route(c, Found.NEAREST_TOWN, String.format("位置情報から最寄りの町丁目「%s」（約%.1fkm）の担当: %s",
                        nearest.displayName(), best, c.getName()), nearest);
            }
        }
        if (home == null) {
            throw new IllegalStateException("the place is in no known municipality and the reporter has none");
        }
        Optional<Center> core = coreCenter(home);
        if (core.isPresent()) {
            return new Route(core.get(), Found.CORE, "住所から担当を特定できないため、基幹型センター（" + core.get().getName()
                    + "）が受け付けて振り分けます", null);
        }
        // never another municipality's center: personal data stays with the municipality that is responsible
        Center first = em.createNamedQuery(Center.FIND_BY_MUNICIPALITY, Center.class).setParameter("municipality", home)
                .setMaxResults(1).getResultStream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no center is registered in " + home.getCode() + " to triage alerts"));
        return new Route(first, Found.CORE, "住所から担当を特定できず、基幹型センターも登録されていないため、" + first.getName()
                + "が受け付けて振り分けます", null);
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
