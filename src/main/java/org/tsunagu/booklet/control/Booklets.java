package org.tsunagu.booklet.control;

import org.tsunagu.web.PublicAddress;
import org.tsunagu.calendar.control.Recurrence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tsunagu.areas.control.Centers;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.areas.entity.Region;
import org.tsunagu.directory.entity.Category;
import org.tsunagu.directory.entity.Resource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Chooses what goes into a printed booklet: the published resources of a center's catchment or of a
 * 圏域, in the chosen categories, with the same membership rules as the search's {@code center} and
 * {@code region} filters (so the paper and the web agree), and the centers to call for the cover.
 * It turns entities into the plain {@link Booklet.Model}, so the PDF is drawn outside any transaction.
 */
@ApplicationScoped
public class Booklets {

    /** How many coming dates a resource shows (次回). */
    static final int NEXT_DATES = 3;

    /**
     * Categories that are held on days (a salon meets on the 2nd Thursday) rather than open on days:
     * only these print 次回. For a clinic open Monday to Friday the next three weekdays say nothing.
     */
    static final Set<Category> HELD_ON_DAYS = EnumSet.of(Category.SALON, Category.DEMENTIA_CAFE,
            Category.COMMUNITY_CAFE, Category.EXERCISE);

    @PersistenceContext
    EntityManager em;

    @Inject
    Centers centers;

    /** The portal's public address: the QR codes lead there (the same property as the email links). */
    @Inject
    PublicAddress publicAddress;

    /**
     * 受付時間 printed under every center on the cover. Centers carry no opening hours of their own yet
     * (the centers file has no such column); a municipality's centers usually share them. Unset: no line.
     */
    @Inject
    @ConfigProperty(name = "tsunagu.center.hours")
    Optional<String> centerHours;

    /** The 圏域 of that name: in the municipality when one is given, else in any (several when ambiguous). */
    public List<Region> regions(String name, Municipality municipality) {
        String jpql = "SELECT r FROM Region r WHERE r.name = :name" + (municipality == null ? "" : " AND r.municipality = :m")
                + " ORDER BY r.id";
        var q = em.createQuery(jpql, Region.class).setParameter("name", name);
        if (municipality != null) {
            q.setParameter("m", municipality);
        }
        return q.getResultList();
    }

    public Optional<Municipality> municipality(String code) {
        return em.createNamedQuery(Municipality.FIND_BY_CODE, Municipality.class).setParameter("code", code)
                .getResultStream().findFirst();
    }

    public Booklet.Model forCenter(Center center, Set<Category> categories, LocalDate today) {
        List<Resource> resources = em.createNamedQuery(Resource.FIND_PUBLISHED_FOR_CENTER, Resource.class)
                .setParameter("center", center).setParameter("categories", categories).getResultList();
        Booklet.Cover cover = new Booklet.Cover(center.getName(), municipalityLine(center.getMunicipality()),
                List.of(contact(center)), today);
        return new Booklet.Model(cover, sections(resources, today));
    }

    public Booklet.Model forRegion(Region region, Set<Category> categories, LocalDate today) {
        List<Resource> resources = em.createNamedQuery(Resource.FIND_PUBLISHED_FOR_REGION, Resource.class)
                .setParameter("region", region).setParameter("categories", categories).getResultList();
        List<Booklet.Contact> contacts = centers.of(region.getMunicipality()).stream()
                .filter(c -> c.getRegion() != null && Objects.equals(c.getRegion().getId(), region.getId()))
                .sorted(Comparator.comparing((Center c) -> !c.isCore()).thenComparing(Center::getCode))
                .map(this::contact).toList();
        Booklet.Cover cover = new Booklet.Cover(regionTitle(region.getName()), municipalityLine(region.getMunicipality()),
                contacts, today);
        return new Booklet.Model(cover, sections(resources, today));
    }

    /** 「北部」 → 「北部圏域」; a name that already says 圏域 stays as it is. */
    public static String regionTitle(String name) {
        return name.endsWith("圏域") ? name : name + "圏域";
    }

    private List<Booklet.Section> sections(Collection<Resource> resources, LocalDate today) {
        Map<Category, List<Resource>> byCategory = new TreeMap<>();
        for (Resource r : resources) {
            byCategory.computeIfAbsent(r.getCategory(), c -> new ArrayList<>()).add(r);
        }
        Comparator<Resource> reading = Comparator
                .comparing((Resource r) -> r.getNameKana() != null ? r.getNameKana() : r.getName())
                .thenComparing(Resource::getName).thenComparing(Resource::getId);
        List<Booklet.Section> sections = new ArrayList<>();
        byCategory.forEach((category, list) -> sections.add(new Booklet.Section(category.labelJa(),
                list.stream().sorted(reading).map(r -> entry(r, today)).toList())));
        return sections;
    }

    private Booklet.Entry entry(Resource r, LocalDate today) {
        List<LocalDate> next = HELD_ON_DAYS.contains(r.getCategory())
                ? Recurrence.of(r.getSchedule()).nextDates(today, NEXT_DATES) : List.of();
        return new Booklet.Entry(r.getName(), r.getSchedule().text(), next, r.getAddress(), r.getPhone(),
                publicAddress.of("/resources/" + r.getId()));
    }

    private Booklet.Contact contact(Center c) {
        return new Booklet.Contact(c.getName(), c.getAddress(), c.getPhone(),
                centerHours.filter(h -> !h.isBlank()).orElse(null));
    }

    private static String municipalityLine(Municipality m) {
        return m == null ? "" : m.getPrefecture() + " " + m.displayName();
    }
}
