package org.tsunagu.search.control;

import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.GeoPoint;
import org.tsunagu.areas.entity.Town;
import org.tsunagu.directory.entity.Category;
import org.tsunagu.directory.entity.Resource;

import java.util.List;

/**
 * What the search index knows of one published resource: a flat, detached snapshot taken from the
 * entity after its transaction committed. Building documents from this record (not from managed
 * entities) keeps Lucene out of the persistence context and lets tests and the benchmark index
 * without a database.
 */
public record IndexedResource(long id, String externalId, String name, String nameKana, Category category,
                              String description, String address, String town, String townDisplay,
                              String region, String catchmentCenter, String center, String municipality,
                              Double lat, Double lon, String schedule, String rules, boolean homeVisit,
                              boolean free, String cost, String target, String organizer, List<String> departments,
                              List<String> accessibility, String phone) {

    public static IndexedResource of(Resource r) {
        Town town = r.getTown();
        Center catchment = town != null ? town.getCenter() : r.getCenter();
        Center maintainer = r.getCenter() != null ? r.getCenter() : catchment;
        GeoPoint p = r.getPoint();
        return new IndexedResource(r.getId(), r.getExternalId(), r.getName(), r.getNameKana(), r.getCategory(),
                r.getDescription(), r.getAddress(), town == null ? null : town.getName(),
                town == null ? null : town.displayName(),
                catchment == null ? null : catchment.getRegionName(),
                catchment == null ? null : catchment.getCode(), maintainer == null ? null : maintainer.getCode(),
                r.getMunicipality().getCode(), p == null ? null : p.lat(), p == null ? null : p.lon(),
                r.getSchedule().text(), r.getSchedule().rules(), r.isHomeVisit(), r.isFree(), r.getCost(),
                r.getTarget(), r.getOrganizer(), r.getDepartments(), r.getAccessibility(), r.getPhone());
    }

    /** Up to 80 characters of the description, for result lists. */
    public String summary() {
        return summaryOf(description);
    }

    public static String summaryOf(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        String d = description.strip().replaceAll("\\s+", " ");
        return d.length() <= 80 ? d : d.substring(0, 79) + "…";
    }
}
