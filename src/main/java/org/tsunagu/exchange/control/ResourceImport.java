package org.tsunagu.exchange.control;

import org.tsunagu.calendar.control.Recurrence;
import org.tsunagu.calendar.control.ScheduleParser;
import org.tsunagu.directory.control.ResourceEdits;
import org.tsunagu.directory.control.ResourcesChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tsunagu.addresses.control.AreaLookup;
import org.tsunagu.areas.control.Centers;
import org.tsunagu.japanese.KanaReading;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.GeoPoint;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.directory.entity.Category;
import org.tsunagu.directory.entity.Resource;
import org.tsunagu.directory.entity.ResourceChange;
import org.tsunagu.calendar.entity.Schedule;
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
 * {@link ResourceFormat} — and saves those the staff enter through the API: every row is validated, geocoded to its
 * town's point when it has no coordinates, and given the center of its catchment when it names none.
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
    AreaLookup lookup;

    @Inject
    Centers centers;

    @Inject
    Event<ResourcesChanged> changes;

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
        List<Row> good = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        ScheduleParser schedules = new ScheduleParser();
        int rejected = 0;
        for (CsvTable.Row source : table.rows()) {
            int before = errors.size();
            int warned = warnings.size();
            CsvTable.Row row = new CsvTable.Row(source.line(), format.fields(source));
            Row parsed = parse(row, schedules, errors, warnings, true);
            if (parsed != null && !mayMaintain.test(parsed.center)) {
                errors.add(FieldError.at(row.line(), "center_code", "担当圏域外のセンター（"
                        + (parsed.center == null ? "不明" : parsed.center.getCode()) + "）の資源は取り込めません"));
            }
            if (parsed != null && !seen.add(parsed.externalId)) {
                errors.add(FieldError.at(row.line(), "external_id", "external_id " + parsed.externalId + " が重複しています"));
            }
            renameFields(format, errors, before);
            renameFields(format, warnings, warned);
            if (errors.size() > before) {
                rejected++;
            } else {
                good.add(parsed);
            }
        }
        Map<String, Resource> known = existing(good.stream().map(Row::externalId).toList());
        // a row may name where the resource is now, but not take over one that another center maintains
        for (var it = good.iterator(); it.hasNext(); ) {
            Row r = it.next();
            Resource there = known.get(r.externalId);
            if (there != null && !mayMaintain.test(ResourceEdits.maintainer(there))) {
                int before = errors.size();
                errors.add(FieldError.at(r.cells().line(), "external_id", "external_id " + r.externalId
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
        for (Row r : good) {
            Optional<Resource> existing = Optional.ofNullable(known.get(r.externalId));
            if (existing.isPresent()) {
                updated++;
                Resource probe = new Resource(r.municipality, r.name, r.category, r.address);
                apply(r, probe);
                if (TsunaguColumns.ownId(r.externalId) != null && existing.get().getExternalId() == null) {
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
            Resource res = existing.orElseGet(() -> new Resource(r.municipality, r.name, r.category, r.address));
            Map<String, String> before = existing.isPresent() ? res.fields() : null;
            apply(r, res);
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

    /** external_id → externalId: the API names fields in camelCase. */
    static String apiName(String column) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
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

    /**
     * Creates or replaces one resource from the fields of the API (the import format's columns):
     * the same validation, geocoding and schedule parsing as a file row. Errors → 400 with fields.
     */
    public Resource save(Map<String, String> fields, Resource target, boolean publish, List<FieldError> earlier) {
        List<FieldError> errors = new ArrayList<>(earlier);
        List<FieldError> warnings = new ArrayList<>();
        Row r = parse(new CsvTable.Row(0, fields), new ScheduleParser(), errors, warnings, false);
        if (r == null || !errors.isEmpty()) {
            throw ProblemException.invalid("入力内容に誤りがあります",
                    errors.stream().map(e -> FieldError.of(apiName(e.field()), e.message())).distinct().toList());
        }
        if (r.externalId != null && !r.externalId.isEmpty()) {
            Optional<Resource> other = em.createNamedQuery(Resource.FIND_BY_EXTERNAL_ID, Resource.class)
                    .setParameter("externalId", r.externalId).getResultStream().findFirst();
            if (other.isPresent() && (target == null || !other.get().getId().equals(target.getId()))) {
                throw ProblemException.conflict("externalId " + r.externalId + " is used by resource " + other.get().getId());
            }
        }
        Resource res = target != null ? target : new Resource(r.municipality, r.name, r.category, r.address);
        apply(r, res);
        if (publish) {
            res.publish();
        }
        if (res.getId() == null) {
            em.persist(res);
        }
        changes.fire(new ResourcesChanged(Set.of(res.getId())));
        return res;
    }

    private void apply(Row r, Resource res) {
        res.setExternalId(r.externalId);
        res.rename(r.name);
        res.categorise(r.category);
        res.relocate(r.address, r.lookup.town(), r.point);
        CsvTable.Row c = r.cells;
        res.setNameKana(c.has("name_kana") ? KanaReading.clean(c.get("name_kana")) : KanaReading.of(r.name));
        res.setDescription(c.get("description"));
        res.setPostalCode(c.get("postal_code"));
        res.setContact(c.get("phone"), c.get("url"), c.get("email"));
        res.setSchedule(r.schedule);
        res.setCost(c.get("cost"));
        res.setReservation(c.get("reservation"));
        res.setTarget(c.get("target"));
        res.setAccessibility(Arrays.asList(c.get("accessibility").split(";")));
        res.setHomeVisit(r.homeVisit);
        res.setDepartments(Arrays.asList(c.get("departments").split(";")));
        res.setOrganizer(c.get("organizer"));
        res.maintainedBy(r.center);
    }

    private Row parse(CsvTable.Row row, ScheduleParser schedules, List<FieldError> errors, List<FieldError> warnings,
                      boolean fromFile) {
        int line = row.line();
        int before = errors.size();
        String externalId = row.get("external_id");
        if ((fromFile && externalId.isEmpty()) || externalId.length() > 100) {
            errors.add(FieldError.at(line, "external_id", "external_id は1〜100文字で必須です"));
        }
        String name = row.get("name");
        if (name.isEmpty() || name.length() > 200) {
            errors.add(FieldError.at(line, "name", "name は1〜200文字で必須です"));
        }
        Category category = Category.ofCode(row.get("category").toLowerCase(Locale.ROOT)).orElse(null);
        if (category == null) {
            errors.add(FieldError.at(line, "category", "category が不明です: " + row.get("category")));
        }
        String address = row.get("address");
        if (address.isEmpty() || address.length() > 300) {
            errors.add(FieldError.at(line, "address", "address は1〜300文字で必須です"));
        }
        GeoPoint point = null;
        if (row.has("lat") || row.has("lon")) {
            try {
                point = new GeoPoint(Double.parseDouble(nfkc(row.get("lat"))), Double.parseDouble(nfkc(row.get("lon"))));
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.at(line, row.has("lat") ? "lat" : "lon", "lat と lon は両方とも数値で指定してください"));
            }
        }
        Boolean homeVisit = bool(row.get("home_visit"));
        if (homeVisit == null) {
            errors.add(FieldError.at(line, "home_visit", "home_visit は true/false（可/不可）です"));
        }
        for (String[] limit : new String[][]{{"description", "4000"}, {"schedule", "500"}, {"url", "500"},
                {"email", "254"}, {"phone", "40"}, {"cost", "200"}, {"target", "300"}, {"organizer", "200"},
                {"accessibility", "500"}, {"departments", "500"}, {"name_kana", "400"}, {"postal_code", "10"}}) {
            if (row.get(limit[0]).length() > Integer.parseInt(limit[1])) {
                errors.add(FieldError.at(line, limit[0], limit[0] + " は" + limit[1] + "文字以内です"));
            }
        }
        if (row.has("url") && !row.get("url").matches("(?i)https?://\\S+")) {
            errors.add(FieldError.at(line, "url", "url は http:// または https:// で始めてください"));
        }
        Center center = null;
        if (row.has("center_code")) {
            center = centers.find(row.get("center_code")).orElse(null);
            if (center == null) {
                errors.add(FieldError.at(line, "center_code", "センター " + row.get("center_code") + " は登録されていません"));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        Schedule schedule = schedules.parse(row.get("schedule"));
        if (schedule.warning() != null) {
            warnings.add(FieldError.at(line, "schedule", schedule.warning() + "（文章のまま掲載します）"));
        } else if (schedule.isParsed() && schedule.rules().contains(Recurrence.ANCHOR + ":" + Recurrence.ASSUMED)) {
            warnings.add(FieldError.at(line, "schedule", "隔週の開始週が書かれていないため、取込日から数えています（日付をご確認ください）"));
        }
        AreaLookup.Result found = lookup.lookup(address, center != null && center.getMunicipality() != null
                ? center.getMunicipality().getCode() : null);
        if (found.town() == null) {
            warnings.add(FieldError.at(line, "address", "住所から町丁目を特定できません（地図上の位置は未設定になります）"));
        }
        if (center == null && found.town() != null) {
            center = found.center();
        }
        Municipality municipality = found.town() != null ? found.town().getMunicipality()
                : center != null ? center.getMunicipality() : found.municipality();
        if (municipality == null) {
            errors.add(FieldError.at(line, "address", "どの市区町村の資源か分かりません（center_code か正しい住所を指定してください）"));
            return null;
        }
        if (center == null) {
            warnings.add(FieldError.at(line, "center_code", "担当センターを特定できません"));
        }
        return new Row(row, externalId, name, category, address, point, homeVisit, center, municipality, found,
                schedule);
    }

    static Boolean bool(String value) {
        String v = nfkc(value).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "", "false", "0", "no", "不可", "なし", "無" -> Boolean.FALSE;
            case "true", "1", "yes", "可", "あり", "有", "対応" -> Boolean.TRUE;
            default -> null;
        };
    }

    private static String nfkc(String s) {
        return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKC).strip();
    }

    private record Row(CsvTable.Row cells, String externalId, String name, Category category, String address,
                       GeoPoint point, boolean homeVisit, Center center, Municipality municipality,
                       AreaLookup.Result lookup, Schedule schedule) {
    }
}
