package org.tsunagu.directory.control;

import org.junit.jupiter.api.Test;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.CenterKind;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.areas.entity.Region;
import org.tsunagu.directory.entity.Category;
import org.tsunagu.directory.entity.Correction;
import org.tsunagu.directory.entity.Resource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may close a correction no center maintains: the core staff of the resource's municipality only. */
class CorrectionsTest {

    private static Center center(String code, CenterKind kind, Municipality m) {
        Center c = new Center(code, code, kind, "住所", "000-000-0000");
        c.bindTo(m, new Region(m, "中央"));
        return c;
    }

    @Test
    void an_unassigned_correction_is_only_the_core_of_its_municipality() {
        Municipality here = new Municipality("990001", "架空県", "ひだまり市");
        Municipality there = new Municipality("960001", "架空県", "別市");
        Correction unassigned = new Correction(new Resource(here, "サロン", Category.SALON, "ひだまり市"), null,
                Correction.Kind.SCHEDULE, "日程", Instant.now());
        assertTrue(Corrections.unassignedInMunicipalityOf(Account.staff("core1", "x", center("core", CenterKind.CORE, here)), unassigned));
        assertFalse(Corrections.unassignedInMunicipalityOf(Account.staff("other1", "x", center("other", CenterKind.CORE, there)), unassigned),
                "another municipality's core");
        assertFalse(Corrections.unassignedInMunicipalityOf(Account.staff("staff1", "x", center("a", CenterKind.COMMISSIONED, here)), unassigned),
                "staff of a center");
    }
}
