package org.tsunagu.areas.control;

import org.tsunagu.japanese.KanaReading;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tsunagu.areas.entity.BlockRange;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.GeoPoint;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.areas.entity.Town;
import org.tsunagu.csv.CsvTable;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports the towns/catchment file (formats.md) and replaces each named municipality's town list and
 * routing in one go: every row is checked first and any error changes nothing. Towns are matched by
 * (name, 小字) and updated in place, so records that point at a town (resources, alerts) keep pointing at it; towns no
 * longer listed are removed and those references cleared. Centers used by the file are bound to the
 * municipality, which must end up with exactly one core (基幹型) center for unroutable alerts.
 */
@ApplicationScoped
public class TownImport {

    static final List<String> REQUIRED = List.of("city_code", "pref_name", "city_name", "town", "lat", "lon",
            "center_code");

    @PersistenceContext
    EntityManager em;

    @Inject
    CenterImport centers;

    @Inject
    Event<TownsChanged> changed;

    public List<ImportSummary> importCsv(byte[] file) {
        CsvTable table = CsvTable.parse(file, REQUIRED);
        List<FieldError> errors = new ArrayList<>();
        Map<String, MunicipalityRows> byMunicipality = new LinkedHashMap<>();
        Map<String, Center> centerCache = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            TownRow parsed = parse(row, errors, centerCache);
            if (parsed == null) {
                continue;
            }
            MunicipalityRows group = byMunicipality.computeIfAbsent(parsed.cityCode,
                    c -> new MunicipalityRows(c, parsed.prefecture, parsed.cityName));
            if (!group.prefecture.equals(parsed.prefecture) || !group.name.equals(parsed.cityName)) {
                errors.add(FieldError.at(row.line(), "city_name", "同じ city_code " + parsed.cityCode
                        + " に異なる市区町村名があります"));
            }
            group.rows.add(parsed);
        }
        if (table.rows().isEmpty()) {
            errors.add(FieldError.at(1, "town", "町丁目の行がありません"));
        }
        for (MunicipalityRows group : byMunicipality.values()) {
            checkGroup(group, errors);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("the towns file has errors; nothing was imported", errors);
        }
        List<ImportSummary> summaries = new ArrayList<>();
        for (MunicipalityRows group : byMunicipality.values()) {
            summaries.add(apply(group));
        }
        for (MunicipalityRows group : byMunicipality.values()) {
            changed.fire(new TownsChanged(group.code));
        }
        return summaries;
    }

    private TownRow parse(CsvTable.Row row, List<FieldError> errors, Map<String, Center> centerCache) {
        int line = row.line();
        int before = errors.size();
        String cityCode = row.get("city_code");
        if (!Municipality.isValidCode(cityCode)) {
            errors.add(FieldError.at(line, "city_code", "city_code は6桁の全国地方公共団体コードです"));
        }
        for (String required : List.of("pref_name", "city_name", "town")) {
            if (!row.has(required)) {
                errors.add(FieldError.at(line, required, required + " は必須です"));
            }
        }
        // the columns' sizes (V1): longer text used to fail the insert with a 500
        for (String[] limit : new String[][]{{"pref_name", "20"}, {"city_name", "100"}, {"town", "100"}, {"koaza", "100"},
                {"town_kana", "200"}}) {
            if (row.get(limit[0]).length() > Integer.parseInt(limit[1])) {
                errors.add(FieldError.at(line, limit[0], limit[0] + " は" + limit[1] + "文字以内です"));
            }
        }
        Double lat = number(row, "lat", -90, 90, errors);
        Double lon = number(row, "lon", -180, 180, errors);
        String centerCode = row.get("center_code");
        Center center = null;
        if (centerCode.isEmpty()) {
            errors.add(FieldError.at(line, "center_code", "center_code は必須です"));
        } else {
            center = centerCache.computeIfAbsent(centerCode, c -> centers.findCenter(c).orElse(null));
            if (center == null) {
                errors.add(FieldError.at(line, "center_code", "センター " + centerCode
                        + " は登録されていません（先にセンターを取り込んでください）"));
            }
        }
        Integer from = null;
        Integer to = null;
        if (row.has("block_from") || row.has("block_to")) {
            from = integer(row, row.has("block_from") ? "block_from" : "block_to", errors);
            to = integer(row, row.has("block_to") ? "block_to" : "block_from", errors);
            if (from != null && to != null && (from < 1 || to < from)) {
                errors.add(FieldError.at(line, "block_to", "番地の範囲は 1 ≦ block_from ≦ block_to です"));
            }
        }
        if (errors.size() > before) {
            return null;
        }
        return new TownRow(line, cityCode, row.get("pref_name"), row.get("city_name"), row.get("town"),
                row.get("koaza"), new GeoPoint(lat, lon), center, KanaReading.clean(row.get("town_kana")), from, to);
    }

    private void checkGroup(MunicipalityRows group, List<FieldError> errors) {
        Set<String> plainTowns = new HashSet<>();
        Map<String, List<TownRow>> blocks = new HashMap<>();
        for (TownRow r : group.rows) {
            String key = r.town + "\u0000" + r.koaza;
            if (r.blockFrom == null) {
                if (!plainTowns.add(key)) {
                    errors.add(FieldError.at(r.line, "town", "町丁目 " + r.town + (r.koaza.isEmpty() ? "" : " " + r.koaza)
                            + " が重複しています"));
                }
            } else {
                List<TownRow> ranges = blocks.computeIfAbsent(key, k -> new ArrayList<>());
                for (TownRow other : ranges) {
                    if (r.blockFrom <= other.blockTo && other.blockFrom <= r.blockTo) {
                        errors.add(FieldError.at(r.line, "block_from", "番地の範囲が " + other.line + " 行目と重なっています"));
                    }
                }
                ranges.add(r);
            }
            Municipality boundTo = r.center.getMunicipality();
            if (boundTo != null && !boundTo.getCode().equals(group.code)) {
                errors.add(FieldError.at(r.line, "center_code", "センター " + r.center.getCode()
                        + " は別の市区町村 (" + boundTo.getCode() + ") のセンターです"));
            }
        }
        Set<String> cores = new HashSet<>();
        for (Center c : centersOf(group)) {
            if (c.isCore()) {
                cores.add(c.getCode());
            }
        }
        if (cores.size() != 1) {
            errors.add(FieldError.at(1, "center_code", cores.isEmpty()
                    ? group.name + " に基幹型(core)センターがありません。振り分けできない通報の受け先として1つ必要です"
                    : group.name + " に基幹型(core)センターが複数あります: " + String.join(", ", new java.util.TreeSet<>(cores))));
        }
    }

    /** Centers that will belong to the municipality: those the file routes to, already bound ones, and unbound ones whose address is there. */
    private Set<Center> centersOf(MunicipalityRows group) {
        Set<Center> result = new java.util.LinkedHashSet<>();
        group.rows.forEach(r -> result.add(r.center));
        Municipality existing = centers.findMunicipality(group.code).orElse(null);
        if (existing != null) {
            result.addAll(em.createNamedQuery(Center.FIND_BY_MUNICIPALITY, Center.class)
                    .setParameter("municipality", existing).getResultList());
        }
        result.addAll(unboundCentersIn(group));
        return result;
    }

    private List<Center> unboundCentersIn(MunicipalityRows group) {
        String full = CenterImport.normaliseAddress(group.prefecture + group.name);
        String city = CenterImport.normaliseAddress(group.name);
        return em.createQuery("SELECT c FROM Center c WHERE c.municipality IS NULL", Center.class).getResultList()
                .stream().filter(c -> c.getAddressArea() != null
                        && (c.getAddressArea().startsWith(full) || c.getAddressArea().startsWith(city)))
                .toList();
    }

    private ImportSummary apply(MunicipalityRows group) {
        Municipality m = centers.findMunicipality(group.code).orElse(null);
        if (m == null) {
            m = new Municipality(group.code, group.prefecture, group.name);
            em.persist(m);
        } else {
            m.rename(group.prefecture, group.name);
        }
        for (Center c : centersOf(group)) {
            centers.bind(c, m);
        }
        Map<String, Town> existing = new HashMap<>();
        for (Town t : em.createNamedQuery(Town.FIND_BY_MUNICIPALITY, Town.class)
                .setParameter("municipality", m).getResultList()) {
            existing.put(t.getName() + "\u0000" + t.getKoaza(), t);
        }
        Map<String, Town> kept = new LinkedHashMap<>();
        int created = 0;
        int updated = 0;
        // plain rows first, so that a block row finds its town's default center
        List<TownRow> ordered = new ArrayList<>(group.rows);
        ordered.sort(java.util.Comparator.comparing(r -> r.blockFrom != null));
        for (TownRow r : ordered) {
            String key = r.town + "\u0000" + r.koaza;
            Town town = kept.get(key);
            if (town == null) {
                town = existing.remove(key);
                if (town != null) {
                    town.reassign(r.point, r.center);
                    updated++;
                } else {
                    town = new Town(m, r.town, r.koaza, r.point, r.center);
                    em.persist(town);
                    created++;
                }
                town.setKana(r.kana != null ? r.kana : KanaReading.of(r.town + r.koaza));
                kept.put(key, town);
            }
            if (r.blockFrom != null) {
                town.assignBlocks(new BlockRange(r.blockFrom, r.blockTo, r.center));
            }
        }
        int removed = existing.size();
        for (Town gone : existing.values()) {
            clearReferences(gone);
            em.remove(gone);
        }
        em.flush();
        return new ImportSummary(m.getCode(), created, updated, removed);
    }

    private void clearReferences(Town gone) {
        for (String table : List.of("resource", "alert")) {
            em.createNativeQuery("UPDATE " + table + " SET town_id = NULL WHERE town_id = ?")
                    .setParameter(1, gone.getId()).executeUpdate();
        }
    }

    private static Double number(CsvTable.Row row, String column, double min, double max, List<FieldError> errors) {
        try {
            double v = Double.parseDouble(java.text.Normalizer.normalize(row.get(column), java.text.Normalizer.Form.NFKC));
            if (!Double.isFinite(v) || v < min || v > max) {
                errors.add(FieldError.at(row.line(), column, column + " は " + min + "〜" + max + " の数値です"));
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            errors.add(FieldError.at(row.line(), column, column + " が数値ではありません: " + row.get(column)));
            return null;
        }
    }

    private static Integer integer(CsvTable.Row row, String column, List<FieldError> errors) {
        try {
            return Integer.parseInt(java.text.Normalizer.normalize(row.get(column), java.text.Normalizer.Form.NFKC));
        } catch (NumberFormatException e) {
            errors.add(FieldError.at(row.line(), column, column + " が整数ではありません: " + row.get(column)));
            return null;
        }
    }

    private static final class MunicipalityRows {
        final String code;
        final String prefecture;
        final String name;
        final List<TownRow> rows = new ArrayList<>();

        MunicipalityRows(String code, String prefecture, String name) {
            this.code = code;
            this.prefecture = prefecture;
            this.name = name;
        }
    }

    private record TownRow(int line, String cityCode, String prefecture, String cityName, String town, String koaza,
                           GeoPoint point, Center center, String kana, Integer blockFrom, Integer blockTo) {
    }
}
