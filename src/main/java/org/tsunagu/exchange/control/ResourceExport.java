package org.tsunagu.exchange.control;

import org.tsunagu.calendar.control.Recurrence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.GeoPoint;
import org.tsunagu.directory.entity.Category;
import org.tsunagu.directory.entity.Resource;
import org.tsunagu.directory.entity.ResourceStatus;
import org.tsunagu.csv.FormulaEscape;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes the published resources out, for Excel (the Tsunagu CSV, which imports back unchanged), for
 * maps (GeoJSON) and for other directories (Open Referral HSDS 3.0, see {@link HsdsExport}).
 *
 * <p>A municipality may hold 100,000 resources, so nothing is collected: resources are read in pages
 * of {@value #PAGE} by id (keyset, no OFFSET) and written to the stream as they come. The caller runs
 * this outside a transaction (while the response is written), so each page is read in its own
 * persistence context and forgotten afterwards. An export is therefore not a snapshot: a resource
 * edited meanwhile appears as it was when its page was read.
 */
@ApplicationScoped
public class ResourceExport {

    static final int PAGE = 500;
    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

    /** Which resources: all published ones, or those of one center and/or category. */
    public record Filter(Center center, Category category) {
    }

    @PersistenceContext
    EntityManager em;

    /** Every published resource matching the filter, in id order, one page in memory at a time. */
    public void forEach(Filter filter, Consumer<Resource> each) {
        long after = 0;
        while (true) {
            List<Resource> page = page(filter, after);
            page.forEach(each);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).getId();
        }
    }

    private List<Resource> page(Filter filter, long after) {
        String jpql = "SELECT r FROM Resource r WHERE r.status = :status AND r.id > :after"
                + (filter.center() != null ? " AND r.center = :center" : "")
                + (filter.category() != null ? " AND r.category = :category" : "") + " ORDER BY r.id";
        TypedQuery<Resource> q = em.createQuery(jpql, Resource.class)
                .setParameter("status", ResourceStatus.PUBLISHED).setParameter("after", after).setMaxResults(PAGE);
        if (filter.center() != null) {
            q.setParameter("center", filter.center());
        }
        if (filter.category() != null) {
            q.setParameter("category", filter.category());
        }
        return q.getResultList();
    }

    /**
     * The Tsunagu import format (formats.md column order), UTF-8 with a BOM so that Excel reads it as
     * UTF-8, CRLF line ends, formula-like cells defused with an apostrophe ({@link FormulaEscape}).
     */
    public void writeCsv(Filter filter, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180);
        csv.printRecord(TsunaguColumns.COLUMNS);
        try {
            forEach(filter, r -> {
                try {
                    csv.printRecord(TsunaguColumns.cells(r).stream().map(FormulaEscape::escape).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }

    /**
     * A GeoJSON FeatureCollection (RFC 7946): one Point feature per resource ([lon, lat]); a resource
     * without a point has a null geometry. Properties are what a map popup shows, with the next three
     * dates from the parsed schedule.
     */
    public void writeGeoJson(Filter filter, OutputStream out, LocalDate today) {
        JsonGenerator g = JSON.createGenerator(out, StandardCharsets.UTF_8);
        g.writeStartObject().write("type", "FeatureCollection").writeStartArray("features");
        forEach(filter, r -> {
            g.writeStartObject().write("type", "Feature").write("id", r.getId());
            GeoPoint p = r.getPoint();
            if (p == null) {
                g.writeNull("geometry");
            } else {
                g.writeStartObject("geometry").write("type", "Point")
                        .writeStartArray("coordinates").write(p.lon()).write(p.lat()).writeEnd().writeEnd();
            }
            g.writeStartObject("properties").write("id", r.getId());
            text(g, "externalId", r.getExternalId());
            g.write("name", r.getName()).write("category", r.getCategory().code())
                    .write("categoryLabel", r.getCategory().labelJa()).write("address", r.getAddress());
            text(g, "town", r.getTown() == null ? null : r.getTown().displayName());
            text(g, "centerCode", r.getCenter() == null ? null : r.getCenter().getCode());
            text(g, "phone", r.getPhone());
            text(g, "url", r.getUrl());
            text(g, "schedule", r.getSchedule().text());
            g.writeStartArray("nextDates");
            Recurrence.of(r.getSchedule()).nextDates(today, 3).forEach(d -> g.write(d.toString()));
            g.writeEnd().write("homeVisit", r.isHomeVisit()).writeEnd().writeEnd();
        });
        g.writeEnd().writeEnd();
        g.flush();
    }

    /** Open Referral HSDS 3.0: see {@link HsdsExport}. */
    public void writeHsds(Filter filter, OutputStream out, LocalDate today) {
        JsonGenerator g = JSON.createGenerator(out, StandardCharsets.UTF_8);
        HsdsExport hsds = new HsdsExport(g);
        g.writeStartObject().write("hsds_version", "3.0").write("generated_on", today.toString());
        for (HsdsExport.Table table : HsdsExport.Table.values()) {
            g.writeStartArray(table.key());
            forEach(filter, r -> hsds.write(table, r));
            g.writeEnd();
        }
        g.writeEnd();
        g.flush();
    }

    static void text(JsonGenerator g, String key, String value) {
        if (value == null) {
            g.writeNull(key);
        } else {
            g.write(key, value);
        }
    }
}
