package org.tsunagu.exchange.control;

import org.tsunagu.calendar.control.ScheduleParser;
import org.tsunagu.directory.control.ResourceFields;
import org.tsunagu.directory.control.ResourcesChanged;
import org.tsunagu.search.control.ResourceSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.directory.entity.Resource;
import org.tsunagu.directory.entity.ResourceChange;
import org.tsunagu.directory.entity.ResourceStatus;
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

    @Inject
    ResourceSearch search;

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
        return importFile(format, file, new Options(dryRun, skipBadRows, publish, mayMaintain,
                MunicipalityScope.unspecified(), actor()));
    }

    /** As above, with every option (the municipalities whose rows are taken, who imports). */
    public ImportResult importFile(ResourceFormat format, byte[] file, Options options) {
        CsvTable table = format.read(file);
        List<CsvTable.Row> rows = new ArrayList<>();
        for (CsvTable.Row source : table.rows()) {
            rows.add(new CsvTable.Row(source.line(), format.fields(source)));
        }
        return importRows(format, ImportFiles.scoped(rows, options.scope(), table.rows().size()), options);
    }

    /** How an import runs: dry or for real, all or nothing or skip bad rows, for whom and for which municipalities. */
    public record Options(boolean dryRun, boolean skipBadRows, boolean publish, Predicate<Center> mayMaintain,
                          MunicipalityScope scope, String actor) {
    }

    /**
     * Imports rows already mapped onto the Tsunagu fields (by a {@link ResourceFormat} or the ナビイ
     * reader) and already restricted to the scope's municipalities where the rows said theirs.
     *
     * <p>Published open data differs from a center's own file in three ways: its error rows are skipped
     * and listed while the valid rows import (a national file always has a few); an address that matches no
     * town is an error, not a warning, since the row would be filed under a guess; and on a re-import an
     * empty cell never erases what the resource holds, so that what staff added (a phone number the source
     * does not carry, a note on access) survives the next half-year's file. It also reports the resources
     * of the same source that the file no longer holds ({@link ImportResult#vanished()}).
     */
    public ImportResult importRows(ResourceFormat format, ImportFiles.Mapped mapped, Options options) {
        boolean openData = format != ResourceFormat.TSUNAGU;
        boolean skipBadRows = options.skipBadRows() || openData;
        List<FieldError> errors = new ArrayList<>();
        List<FieldError> warnings = new ArrayList<>();
        List<ResourceFields.Row> good = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> inFile = new HashSet<>();
        ScheduleParser schedules = new ScheduleParser();
        // rows the reader could not hand over (control characters): errors of their own lines
        errors.addAll(mapped.unreadable());
        int rejected = (int) mapped.unreadable().stream().map(FieldError::line).distinct().count();
        int skippedOther = mapped.skippedOtherMunicipality();
        Map<String, Resource> known = existing(mapped.rows().stream().map(r -> r.get("external_id"))
                .filter(id -> !id.isEmpty()).distinct().toList());
        for (CsvTable.Row candidate : mapped.rows()) {
            int before = errors.size();
            int warned = warnings.size();
            String rowMunicipality = candidate.get(ImportFiles.MUNICIPALITY_CODE);
            inFile.add(candidate.get("external_id"));
            CsvTable.Row row = openData ? keepWhatTheSourceLeavesEmpty(candidate, known.get(candidate.get("external_id")))
                    : candidate;
            ResourceFields.Row parsed = fields.parse(row, schedules, errors, warnings, true,
                    rowMunicipality.isEmpty() ? null : rowMunicipality, openData);
            if (parsed != null && !options.scope().accepts(parsed.municipality().getCode())) {
                if (rowMunicipality.isEmpty()) {
                    // the file did not say; the address belongs to a municipality the import is not for
                    skippedOther++;
                    warnings.subList(warned, warnings.size()).clear();
                    continue;
                }
                errors.add(FieldError.at(row.line(), "address", "住所が別の市区町村（" + parsed.municipality().getName()
                        + "）にあります"));
            }
            if (parsed != null && !options.mayMaintain().test(parsed.center())) {
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
        // a row may name where the resource is now, but not take over one that another center maintains
        for (var it = good.iterator(); it.hasNext(); ) {
            ResourceFields.Row r = it.next();
            Resource there = known.get(r.externalId());
            if (there != null && !options.mayMaintain().test(there.maintainer())) {
                int before = errors.size();
                errors.add(FieldError.at(r.cells().line(), "external_id", "external_id " + r.externalId()
                        + " は担当圏域外のセンターの資源です（取り込めません）"));
                renameFields(format, errors, before);
                rejected++;
                it.remove();
            }
        }
        errors.sort(java.util.Comparator.comparing(FieldError::line, java.util.Comparator.nullsFirst(Integer::compare)));
        List<Long> vanished = openData ? vanished(format, options.scope(), good, inFile) : List.of();
        if (!errors.isEmpty() && !skipBadRows) {
            if (options.dryRun()) {
                return new ImportResult(0, 0, rejected, errors, warnings, 0, skippedOther, List.of(), mapped.rowsRead());
            }
            throw new ProblemException(400, "Invalid request",
                    "the resources file has errors; nothing was imported", errors);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        Set<Long> saved = new HashSet<>();
        ResourceSearch.Stager stager = options.dryRun() ? null : search.stager(good.size());
        List<Resource> chunk = new ArrayList<>();
        List<Object> written = new ArrayList<>();
        for (ResourceFields.Row r : good) {
            Optional<Resource> existing = Optional.ofNullable(known.get(r.externalId()));
            if (existing.isPresent()) {
                updated++;
                Resource probe = new Resource(r.municipality(), r.name(), r.category(), r.address());
                fields.apply(r, probe);
                if (TsunaguColumns.ownId(r.externalId()) != null && existing.get().getExternalId() == null) {
                    probe.setExternalId(null);
                }
                if (options.publish() || existing.get().isPublished()) {
                    probe.publish();
                }
                if (existing.get().sameContentAs(probe)) {
                    unchanged++;
                    continue;
                }
            } else {
                created++;
            }
            if (options.dryRun()) {
                continue;
            }
            Resource res = existing.orElseGet(() -> new Resource(r.municipality(), r.name(), r.category(), r.address()));
            Map<String, String> before = existing.isPresent() ? res.fields() : null;
            fields.apply(r, res);
            if (options.publish()) {
                res.publish();
            }
            if (res.getId() == null) {
                em.persist(res);
            }
            written.add(res);
            if (before != null) {
                // field-level history of what the file changed; a created row is dated by the resource itself
                for (ResourceChange change : ResourceChange.between(res, before, res.fields(), options.actor(), Instant.now())) {
                    em.persist(change);
                    written.add(change);
                }
            }
            saved.add(res.getId());
            chunk.add(res);
            if (chunk.size() >= writeChunk) {
                writeChunk(chunk, written, stager);
            }
        }
        if (!saved.isEmpty()) {
            writeChunk(chunk, written, stager);
            stager.finish(saved);
            changes.fire(new ResourcesChanged(saved));
        }
        return new ImportResult(created, updated, rejected, errors, warnings, unchanged, skippedOther, vanished,
                mapped.rowsRead());
    }

    /** Rows written to the database at a time, within the import's one transaction. */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "tsunagu.import.write-chunk", defaultValue = "2000")
    int writeChunk;

    /**
     * Sends a chunk of written rows to the database (still in the import's transaction: a rollback
     * undoes every chunk), hands their index documents to the stager, and lets the persistence context
     * forget them: an import of 100,000 rows otherwise holds every entity and its change set until the
     * commit, and spends its heap and the commit's time on them. Nothing later in the transaction reads
     * these entities again; what follows needs only their ids.
     */
    private void writeChunk(List<Resource> chunk, List<Object> written, ResourceSearch.Stager stager) {
        em.flush();
        if (stager != null) {
            stager.add(chunk);
        }
        written.forEach(em::detach);
        written.clear();
        chunk.clear();
    }

    /** The fields a re-import of open data leaves as they are when the file's cell is empty. */
    static final List<String> KEPT_WHEN_EMPTY = List.of("name_kana", "description", "postal_code", "phone", "url", "email",
            "schedule", "cost", "reservation", "target", "accessibility", "home_visit", "departments", "organizer");

    /** The row, with the resource's own value in every {@link #KEPT_WHEN_EMPTY} field the file leaves empty. */
    static CsvTable.Row keepWhatTheSourceLeavesEmpty(CsvTable.Row row, Resource existing) {
        if (existing == null) {
            return row;
        }
        Map<String, String> now = existing.fields();
        Map<String, String> cells = new java.util.LinkedHashMap<>(row.cells());
        for (String field : KEPT_WHEN_EMPTY) {
            if (row.get(field).isEmpty() && now.get(field) != null && !now.get(field).isBlank()) {
                cells.put(field, now.get(field));
            }
        }
        if (!row.has("lat") && !row.has("lon") && existing.getPoint() != null && existing.getTown() == null) {
            // a point staff placed by hand for an address the catchment does not know
            cells.put("lat", now.get("lat"));
            cells.put("lon", now.get("lon"));
        }
        return new CsvTable.Row(row.line(), cells);
    }

    /**
     * This source's resources in the scope's municipalities that are still listed but no longer in the
     * file, within the parts of the source the file covers: an MHLW file is one service (a 訪問介護 file says
     * nothing about the same office's 居宅介護支援), a ナビイ file one kind of facility. Rows that were in the
     * file but rejected do not count as vanished.
     */
    private List<Long> vanished(ResourceFormat format, MunicipalityScope scope, List<ResourceFields.Row> good,
                                Set<String> inFile) {
        Set<String> municipalities = new HashSet<>(scope.codes());
        good.forEach(r -> municipalities.add(r.municipality().getCode()));
        if (municipalities.isEmpty() || inFile.isEmpty()) {
            return List.of();
        }
        Set<String> parts = new HashSet<>();
        inFile.forEach(id -> parts.add(format.sourcePart(id)));
        List<Long> gone = new ArrayList<>();
        List<String> codes = List.copyOf(municipalities);
        for (int from = 0; from < codes.size(); from += 500) {
            for (Resource r : em.createNamedQuery(Resource.FIND_LISTED_FROM_SOURCE, Resource.class)
                    .setParameter("prefix", format.code() + ":%")
                    .setParameter("municipalities", codes.subList(from, Math.min(codes.size(), from + 500)))
                    .setParameter("archived", ResourceStatus.ARCHIVED).getResultList()) {
                if (!inFile.contains(r.getExternalId()) && parts.contains(format.sourcePart(r.getExternalId()))) {
                    gone.add(r.getId());
                }
            }
        }
        gone.sort(null);
        return gone;
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
