package org.tsunagu.areas.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import org.tsunagu.areas.control.Centers;
import org.tsunagu.areas.entity.Center;

import java.util.List;
import java.util.Map;

/**
 * センター一覧 for admins (/admin/centers): every center with what the public list leaves out — the
 * email address that alert notifications go to — and its number of towns. Read only: centers are
 * kept in the municipality's centers file, so changes go through its import (/admin/areas) and the
 * file stays the one source.
 */
@Named
@RequestScoped
public class AdminCentersPage {

    /** One table line. */
    public record Row(Center center, String municipality, long towns) {
    }

    @Inject
    Centers centers;

    private List<Row> rows;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Row> getRows() {
        if (rows == null) {
            Map<String, Long> counts = centers.townCounts();
            rows = centers.all().stream().map(c -> new Row(c,
                    c.getMunicipality() == null ? "" : c.getMunicipality().displayName(),
                    counts.getOrDefault(c.getCode(), 0L))).toList();
        }
        return rows;
    }
}
