package org.tsunagu.exchange.control;

import org.tsunagu.calendar.control.ScheduleParser;
import org.tsunagu.directory.control.ResourceFields;
import org.tsunagu.directory.control.ResourcesChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.directory.entity.Resource;
import org.tsunagu.directory.entity.ResourceChange;
import org.tsunagu.csv.CsvTable;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Imports resources from CSV — the Tsunagu format (formats.md) or an open-data list mapped onto it by
 * {@link ResourceFormat}: every row is checked, geocoded and given its center by directory's
 * {@link ResourceFields} (the same rules as a resource entered through the API).
 * Upsert by external_id. All or nothing, unless the caller chose to skip bad rows; a dry run only
 * reports. Text that cannot be placed (an address matching no town) or read (a schedule that is not a
 * regular one, 「不定期」) is kept and reported as a warning. Rows that would change nothing are
 * counted as unchanged and not written (so an export imported back touches nothing).
 */
@ApplicationScoped
public class ResourceImport {

    @Inject
    java.security.Principal caller;

    static final List<String> REQUIRED = List.of("external_id", "name", "category", "address");

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ResourcesChanged> changes;

    @Inject
    ResourceFields fields;

    public ImportResult importTsunagu(byte[] file, boolean dryRun, boolean skipBadRows, boolean publish) {
        return importFile(ResourceFormat.TSUNAGU, file, dryRun, skipBadRows, publish, center -> true);
    }

    /** As {@link #importFile}, for the Tsunagu format. */
    public ImportResult importTsunagu(byte[] file, boolean dryRun, boolean skipBadRows, boolean publish,
                                      Predicate<Center> mayMaintain) {
        return importFile(ResourceFormat.TSUNAGU, file, dryRun, skipBadRows, publish, mayMaintain);
    }

    /** Who is importing: the signed-in caller, or "system" for the first start. */
    private String actor() {
        String name = caller == null ? null : caller.getName();
        return name == null || name.isBlank() || name.equalsIgnoreCase("anonymous") ? "system" : name;
    }

    /**
     * Imports a file in one of the {@link ResourceFormat}s: each row is mapped onto the Tsunagu fields
     * and from there on treated exactly like a Tsunagu row. Errors and warnings name the file's own
     * columns. Rows whose maintaining center the caller may not maintain are errors, and so are rows
     * whose external_id (or the export's {@code tsunagu:<id>}) names a resource that such a center
     * maintains now: an import must not move another center's resource into the caller's catchment.
     */
    public ImportResult importFile(ResourceFormat format, byte[] file, boolean dryRun, boolean skipBadRows,
                                   boolean publish, Predicate<Center> mayMaintain) {
        CsvTable table = CsvTable.parse(file, format.requiredColumns());
        List<FieldError> errors = new ArrayList<>();
        List<FieldError> warnings = new ArrayList<>();
        List<ResourceFields.Row> good = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        ScheduleParser schedules = new ScheduleParser();
        int rejected = 0;
        for (CsvTable.Row source : table.rows()) {
            int before = errors.size();
            int warned = warnings.size();
            CsvTable.Row row = new CsvTable.Row(source.line(), format.fields(source));
            ResourceFields.Row parsed = fields.parse(row, schedules, errors, warnings, true);
            if (parsed != null && !mayMaintain.test(parsed.center())) {
                errors.add(FieldError.at(row.line(), "center_code", "担当圏域外のセンター（"
                        + (parsed.center() == null ? "不明" : parsed.center().getCode()) + "）の資源は取り込めません"));
            }
            if (parsed != null && !seen.add(parsed.externalId())) {
                errors.add(FieldError.at(row.line(), "external_id", "external_id " + parsed.externalId() + " が重複しています"));
            }
            renameFields(format, errors, before);
            renameFields(format, warnings, warned);
            if (errors.size() > before) {
                rejected++;
            } else {
                good.add(parsed);
            }
        }
        Map<String, Resource> known = existing(good.stream().map(ResourceFields.Row::externalId).toList());
        // a row may name where the resource is now, but not take over one that another center maintains
        for (var it = good.iterator(); it.hasNext(); ) {
            ResourceFields.Row r = it.next();
            Resource there = known.get(r.externalId());
            if (there != null && !mayMaintain.test(there.maintainer())) {
                int before = errors.size();
                errors.add(FieldError.at(r.cells().line(), "external_id", "external_id " + r.externalId()
                        + " は担当圏域外のセンターの資源です（取り込めません）"));
                renameFields(format, errors, before);
                rejected++;
                it.remove();
            }
        }
        errors.sort(java.util.Comparator.comparing(FieldError::line, java.util.Comparator.nullsFirst(Integer::compare)));
        if (!errors.isEmpty() && !skipBadRows) {
            if (dryRun) {
                return new ImportResult(0, 0, rejected, errors, warnings, 0);
            }
            throw new ProblemException(400, "Invalid request",
                    "the resources file has errors; nothing was imported", errors);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        Set<Long> saved = new HashSet<>();
        for (ResourceFields.Row r : good) {
            Optional<Resource> existing = Optional.ofNullable(known.get(r.externalId()));
            if (existing.isPresent()) {
                updated++;
                Resource probe = new Resource(r.municipality(), r.name(), r.category(), r.address());
                fields.apply(r, probe);
                if (TsunaguColumns.ownId(r.externalId()) != null && existing.get().getExternalId() == null) {
                    probe.setExternalId(null);
                }
                if (publish || existing.get().isPublished()) {
                    probe.publish();
                }
                if (existing.get().sameContentAs(probe)) {
                    unchanged++;
                    continue;
                }
            } else {
                created++;
            }
            if (dryRun) {
                continue;
            }
            Resource res = existing.orElseGet(() -> new Resource(r.municipality(), r.name(), r.category(), r.address()));
            Map<String, String> before = existing.isPresent() ? res.fields() : null;
            fields.apply(r, res);
            if (publish) {
                res.publish();
            }
            if (res.getId() == null) {
                em.persist(res);
            }
            if (before != null) {
                // field-level history of what the file changed; a created row is dated by the resource itself
                ResourceChange.between(res, before, res.fields(), actor(), Instant.now()).forEach(em::persist);
            }
            saved.add(res.getId());
        }
        if (!saved.isEmpty()) {
            changes.fire(new ResourcesChanged(saved));
        }
        return new ImportResult(created, updated, rejected, errors, warnings, unchanged);
    }

    /** Errors and warnings from {@code from} on name the format's column instead of the Tsunagu field. */
    private static void renameFields(ResourceFormat format, List<FieldError> list, int from) {
        if (format == ResourceFormat.TSUNAGU) {
            return;
        }
        for (int i = from; i < list.size(); i++) {
            FieldError e = list.get(i);
            list.set(i, new FieldError(e.line(), format.column(e.field()), e.message()));
        }
    }

    /**
     * Resources already in the database for these external ids, fetched in blocks rather than row by
     * row. An id the CSV export made up for a resource without one ({@code tsunagu:42}) finds that
     * resource as long as it still has no external id of its own.
     */
    private Map<String, Resource> existing(List<String> externalIds) {
        Map<String, Resource> found = new HashMap<>();
        for (int from = 0; from < externalIds.size(); from += 500) {
            List<String> block = externalIds.subList(from, Math.min(externalIds.size(), from + 500));
            for (Resource r : em.createNamedQuery(Resource.FIND_BY_EXTERNAL_IDS, Resource.class)
                    .setParameter("externalIds", block).getResultList()) {
                found.put(r.getExternalId(), r);
            }
        }
        Map<Long, String> own = new HashMap<>();
        for (String id : externalIds) {
            Long resourceId = TsunaguColumns.ownId(id);
            if (resourceId != null && !found.containsKey(id)) {
                own.put(resourceId, id);
            }
        }
        List<Long> ids = List.copyOf(own.keySet());
        for (int from = 0; from < ids.size(); from += 500) {
            for (Resource r : em.createNamedQuery(Resource.FIND_BY_IDS, Resource.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 500))).getResultList()) {
                if (r.getExternalId() == null) {
                    found.put(own.get(r.getId()), r);
                }
            }
        }
        return found;
    }


}
