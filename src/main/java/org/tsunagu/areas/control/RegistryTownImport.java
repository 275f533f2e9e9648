package org.tsunagu.areas.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.areas.entity.Town;
import org.tsunagu.japanese.KanaReading;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Merges the towns of a national address registry (Geolonia, アドレス・ベース・レジストリ) into a
 * municipality's towns without touching its routing: a town already there (same name and 小字) keeps
 * its center and 番地 ranges and takes the registry's point and reading; a new town gets no center
 * (unassigned: its addresses go to the core center) until a catchment import assigns it; a town the
 * registry does not list is kept and reported, never deleted — assignments change only through the
 * catchment import ({@link TownImport}). Runs in the caller's transaction: an error changes nothing.
 */
@ApplicationScoped
public class RegistryTownImport {

    /** What a registry import did; the town lists hold display names (光が丘二丁目, 根 木戸前). */
    public record Summary(String municipality, int rowsRead, int skippedOtherMunicipality, int created, int updated,
                          int unchanged, List<String> unassigned, List<String> notInSource, List<String> withoutPoint) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<TownsChanged> changed;

    /** The municipality a registry import may name: it must already exist (its catchment import created it). */
    public Municipality municipality(String code) {
        return em.createNamedQuery(Municipality.FIND_BY_CODE, Municipality.class).setParameter("code", code)
                .getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.invalid("municipality", "市区町村 " + code
                        + " は登録されていません（先にセンターと担当地域を取り込んでください）"));
    }

    public Summary merge(Municipality m, RegistryTowns source) {
        if (source.towns().isEmpty()) {
            throw ProblemException.invalid("the file has no towns of municipality " + m.getCode(),
                    List.of(FieldError.at(1, "municipality", "ファイルに " + m.getName() + "（" + m.getCode()
                            + "）の町丁目がありません（" + source.rowsRead() + "行を読みました）")));
        }
        Map<String, Town> existing = new LinkedHashMap<>();
        for (Town t : em.createNamedQuery(Town.FIND_BY_MUNICIPALITY, Town.class).setParameter("municipality", m)
                .getResultList()) {
            existing.put(t.getName() + "\u0000" + t.getKoaza(), t);
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<String> unassigned = new ArrayList<>();
        List<String> withoutPoint = new ArrayList<>();
        for (RegistryTowns.Entry e : source.towns()) {
            Town town = existing.remove(e.key());
            if (town != null) {
                boolean moved = town.moveTo(e.point());
                boolean renamed = e.kana() != null && !Objects.equals(e.kana(), town.getKana());
                if (renamed) {
                    town.setKana(e.kana());
                }
                if (moved || renamed) {
                    updated++;
                } else {
                    unchanged++;
                }
            } else if (e.point() == null) {
                // a town needs a point (V1): without one it cannot be placed and is left out
                withoutPoint.add(e.displayName());
                continue;
            } else {
                town = Town.unassigned(m, e.name(), e.koaza(), e.point());
                town.setKana(e.kana() != null ? e.kana() : KanaReading.of(e.name() + e.koaza()));
                em.persist(town);
                created++;
            }
            if (!town.isAssigned()) {
                unassigned.add(town.displayName());
            }
        }
        List<String> notInSource = existing.values().stream().map(Town::displayName).toList();
        em.flush();
        changed.fire(new TownsChanged(m.getCode()));
        return new Summary(m.getCode(), source.rowsRead(), source.skippedOtherMunicipality(), created, updated,
                unchanged, List.copyOf(unassigned), notInSource, List.copyOf(withoutPoint));
    }
}
