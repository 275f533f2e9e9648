package org.tsunagu.directory.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tsunagu.addresses.control.AreaLookup;
import org.tsunagu.areas.control.Centers;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.GeoPoint;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.calendar.control.Recurrence;
import org.tsunagu.calendar.control.ScheduleParser;
import org.tsunagu.calendar.entity.Schedule;
import org.tsunagu.csv.CsvTable;
import org.tsunagu.directory.entity.Category;
import org.tsunagu.directory.entity.Resource;
import org.tsunagu.japanese.KanaReading;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of a resource as staff give them, one rule for every way in: checked (sizes, category,
 * URL, a known center), the address placed on its town (geocoded when no coordinates are given), the
 * center of that catchment when none is named, the schedule text parsed. The resource API calls it
 * for one resource and exchange's file import for each row, so a file and a form never disagree
 * about what a valid resource is. Field names are the Tsunagu import columns (formats.md).
 */
@ApplicationScoped
public class ResourceFields {

    private static final java.util.regex.Pattern WEB_ADDRESS = java.util.regex.Pattern.compile("(?i)https?://\\S+");

    @PersistenceContext
    EntityManager em;

    @Inject
    AreaLookup lookup;

    @Inject
    Centers centers;

    @jakarta.annotation.Resource
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    /** The transaction's centers by code, looked up once per transaction (an export names one on every row). */
    private static final Object CENTERS_BY_CODE = ResourceFields.class.getName() + ".centers";

    @Inject
    Event<ResourcesChanged> changes;

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

    /** Writes checked fields onto a resource (new or existing); the caller persists and announces it. */
    public void apply(Row r, Resource res) {
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

    /**
     * Checks one row of fields (a file's row mapped onto the Tsunagu columns, or the API's fields):
     * errors and warnings are added to the lists; null when the row has errors.
     */
    public Row parse(CsvTable.Row row, ScheduleParser schedules, List<FieldError> errors, List<FieldError> warnings,
                      boolean fromFile) {
        return parse(row, schedules, errors, warnings, fromFile, null, false);
    }

    /**
     * As {@link #parse(CsvTable.Row, ScheduleParser, List, List, boolean)}, with the municipality the row
     * says it belongs to (open data carries its code: the address is matched there first) and, for
     * published open data, an address that matches no town as an error rather than a warning: such a row
     * would be filed under a guessed center.
     */
    public Row parse(CsvTable.Row row, ScheduleParser schedules, List<FieldError> errors, List<FieldError> warnings,
                     boolean fromFile, String municipalityHint, boolean townRequired) {
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
        if (row.has("url") && !WEB_ADDRESS.matcher(row.get("url")).matches()) {
            errors.add(FieldError.at(line, "url", "url は http:// または https:// で始めてください"));
        }
        Center center = null;
        if (row.has("center_code")) {
            center = center(row.get("center_code")).orElse(null);
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
                ? center.getMunicipality().getCode() : municipalityHint);
        if (found.town() == null && townRequired) {
            errors.add(FieldError.at(line, "address", "住所から町丁目を特定できません（担当センターを決められないため取り込みません）"));
            return null;
        }
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

    @SuppressWarnings("unchecked")
    private Optional<Center> center(String code) {
        if (transactions == null || transactions.getTransactionKey() == null) {
            return centers.find(code);
        }
        Map<String, Optional<Center>> known = (Map<String, Optional<Center>>) transactions.getResource(CENTERS_BY_CODE);
        if (known == null) {
            known = new java.util.HashMap<>();
            transactions.putResource(CENTERS_BY_CODE, known);
        }
        return known.computeIfAbsent(code, centers::find);
    }

    public static Boolean bool(String value) {
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

    /** external_id → externalId: the API names fields in camelCase. */
    public static String apiName(String column) {
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

    /** One checked set of fields, ready to {@link #apply} to a resource. */
    public record Row(CsvTable.Row cells, String externalId, String name, Category category, String address,
                       GeoPoint point, boolean homeVisit, Center center, Municipality municipality,
                       AreaLookup.Result lookup, Schedule schedule) {
    }}
