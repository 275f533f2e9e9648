package org.tsunagu.areas.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.CenterKind;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.areas.entity.Region;
import org.tsunagu.csv.CsvTable;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Imports the centers file (formats.md): validates every row first and changes nothing when any row
 * is wrong; then creates or updates centers by code. The file names no municipality code, so a
 * center is bound to its municipality by {@code city_code} (optional column), by the
 * {@code municipality} parameter, by a known municipality named in its address, or later by the
 * towns file that routes towns to it.
 */
@ApplicationScoped
public class CenterImport {

    static final List<String> REQUIRED = List.of("center_code", "name", "kind", "address", "phone");
    /** address_area keeps the whole address, normalised, in 100 characters. */
    static final int MAX_ADDRESS = 100;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @PersistenceContext
    EntityManager em;

    public ImportSummary importCsv(byte[] file, String municipalityCode) {
        CsvTable table = CsvTable.parse(file, REQUIRED);
        Municipality param = null;
        if (municipalityCode != null && !municipalityCode.isBlank()) {
            param = findMunicipality(municipalityCode).orElseThrow(() -> ProblemException.invalid("municipality",
                    "unknown municipality " + municipalityCode + " (import its towns first or omit the parameter)"));
        }
        List<Municipality> known = em.createNamedQuery(Municipality.FIND_ALL, Municipality.class).getResultList();
        List<FieldError> errors = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            int line = row.line();
            String code = row.get("center_code");
            if (!CODE.matcher(code).matches()) {
                errors.add(FieldError.at(line, "center_code", "センターコードは英数字と _ . - で指定してください"));
            } else if (!seen.add(code)) {
                errors.add(FieldError.at(line, "center_code", "センターコード " + code + " が重複しています"));
            }
            Optional<CenterKind> kind = CenterKind.ofCode(row.get("kind").toLowerCase(java.util.Locale.ROOT));
            if (kind.isEmpty()) {
                errors.add(FieldError.at(line, "kind", "kind は core, commissioned, direct のいずれかです"));
            }
            for (String required : List.of("name", "address", "phone")) {
                if (!row.has(required)) {
                    errors.add(FieldError.at(line, required, required + " は必須です"));
                }
            }
            // the columns' sizes (V1): longer text used to fail the insert with a 500
            for (String[] limit : new String[][]{{"name", "200"}, {"region", "100"}, {"phone", "40"}, {"email", "254"}}) {
                if (row.get(limit[0]).length() > Integer.parseInt(limit[1])) {
                    errors.add(FieldError.at(line, limit[0], limit[0] + " は" + limit[1] + "文字以内です"));
                }
            }
            if (normaliseAddress(row.get("address")).length() > MAX_ADDRESS) {
                errors.add(FieldError.at(line, "address", "address は" + MAX_ADDRESS + "文字以内です"));
            }
            if (row.has("email") && !EMAIL.matcher(row.get("email")).matches()) {
                errors.add(FieldError.at(line, "email", "メールアドレスの形式が正しくありません"));
            }
            Municipality m = param;
            if (row.has("city_code")) {
                m = findMunicipality(row.get("city_code")).orElse(null);
                if (!Municipality.isValidCode(row.get("city_code"))) {
                    errors.add(FieldError.at(line, "city_code", "city_code は6桁の数字です"));
                }
            }
            if (m == null) {
                m = municipalityNamedIn(row.get("address"), known).orElse(null);
            }
            Municipality boundTo = findCenter(code).map(Center::getMunicipality).orElse(null);
            if (m != null && boundTo != null && !boundTo.getCode().equals(m.getCode())) {
                errors.add(FieldError.at(line, "center_code", "センター " + code + " は別の市区町村 ("
                        + boundTo.getCode() + ") のセンターです"));
            }
            parsed.add(new Parsed(line, code, row.get("name"), kind.orElse(null), row.get("region"),
                    row.get("address"), row.get("phone"), row.get("email"), m));
        }
        checkOneCorePerMunicipality(parsed, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("the centers file has errors; nothing was imported", errors);
        }
        int created = 0;
        int updated = 0;
        for (Parsed p : parsed) {
            Center center = findCenter(p.code).orElse(null);
            if (center == null) {
                center = new Center(p.code, p.name, p.kind, p.address, p.phone);
                created++;
            } else {
                updated++;
            }
            center.describe(p.name, p.kind, p.address, p.phone, p.email);
            center.placeInRegion(p.region);
            center.setAddressArea(normaliseAddress(p.address));
            if (center.getId() == null) {
                em.persist(center);
            }
            if (p.municipality != null) {
                bind(center, p.municipality);
            }
        }
        return new ImportSummary(param != null ? param.getCode() : null, created, updated, 0);
    }

    /** Binds the center to the municipality and its 圏域 (created on first use). */
    void bind(Center center, Municipality m) {
        Region region = null;
        String regionName = center.getRegionName();
        if (regionName != null) {
            region = em.createNamedQuery(Region.FIND_BY_NAME, Region.class)
                    .setParameter("municipality", m).setParameter("name", regionName)
                    .getResultStream().findFirst().orElse(null);
            if (region == null) {
                region = new Region(m, regionName);
                em.persist(region);
            }
        }
        center.bindTo(m, region);
    }

    private void checkOneCorePerMunicipality(List<Parsed> parsed, List<FieldError> errors) {
        Map<String, Parsed> coreInFile = new HashMap<>();
        for (Parsed p : parsed) {
            if (p.kind != CenterKind.CORE) {
                continue;
            }
            String group = p.municipality != null ? p.municipality.getCode() : "file";
            Parsed other = coreInFile.putIfAbsent(group, p);
            if (other != null) {
                errors.add(FieldError.at(p.line, "kind", "基幹型(core)センターは市区町村に1つだけです（"
                        + other.code + " と重複）"));
                continue;
            }
            if (p.municipality != null) {
                em.createNamedQuery(Center.FIND_CORE, Center.class)
                        .setParameter("municipality", p.municipality).setParameter("kind", CenterKind.CORE)
                        .getResultStream().filter(c -> !c.getCode().equals(p.code)).findFirst()
                        .ifPresent(c -> errors.add(FieldError.at(p.line, "kind",
                                "この市区町村にはすでに基幹型センター " + c.getCode() + " があります")));
            }
        }
    }

    Optional<Municipality> findMunicipality(String code) {
        return em.createNamedQuery(Municipality.FIND_BY_CODE, Municipality.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    Optional<Center> findCenter(String code) {
        return em.createNamedQuery(Center.FIND_BY_CODE, Center.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    /** The known municipality whose prefecture+name (or name) starts the address. */
    static Optional<Municipality> municipalityNamedIn(String address, List<Municipality> known) {
        String a = normaliseAddress(address);
        return known.stream()
                .filter(m -> a.startsWith(normaliseAddress(m.getPrefecture() + m.getName()))
                        || a.startsWith(normaliseAddress(m.getName())))
                .findFirst();
    }

    static String normaliseAddress(String address) {
        return address == null ? "" : Normalizer.normalize(address, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    private record Parsed(int line, String code, String name, CenterKind kind, String region, String address,
                          String phone, String email, Municipality municipality) {
    }
}
