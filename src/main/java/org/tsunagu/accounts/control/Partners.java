package org.tsunagu.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tsunagu.accounts.entity.PartnerOrganisation;
import org.tsunagu.accounts.entity.PartnerType;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.csv.CsvTable;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The watch-agreement partner organisations (見守り協定団体) of each municipality. */
@ApplicationScoped
public class Partners {

    @PersistenceContext
    EntityManager em;

    public List<PartnerOrganisation> all() {
        return em.createNamedQuery(PartnerOrganisation.FIND_ALL, PartnerOrganisation.class).getResultList();
    }

    public Optional<PartnerOrganisation> find(long id) {
        return Optional.ofNullable(em.find(PartnerOrganisation.class, id));
    }

    public PartnerOrganisation create(Municipality m, String name, PartnerType type, LocalDate agreementDate) {
        boolean taken = !em.createNamedQuery(PartnerOrganisation.FIND_BY_NAME, PartnerOrganisation.class)
                .setParameter("municipality", m).setParameter("name", name.strip()).getResultList().isEmpty();
        if (taken) {
            throw ProblemException.conflict("partner " + name + " already exists in " + m.getName());
        }
        PartnerOrganisation p = new PartnerOrganisation(m, name, type, agreementDate);
        em.persist(p);
        return p;
    }

    /** Loads a partners CSV (name,type,agreement_date) for one municipality; all rows or none. */
    public int importCsv(byte[] file, Municipality m) {
        CsvTable table = CsvTable.parse(file, List.of("name", "type"));
        List<FieldError> errors = new ArrayList<>();
        record Parsed(String name, PartnerType type, LocalDate date) {
        }
        List<Parsed> rows = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            PartnerType type = PartnerType.ofCode(row.get("type")).orElse(null);
            if (type == null) {
                errors.add(FieldError.at(row.line(), "type", "type が不明です: " + row.get("type")));
            }
            if (!row.has("name")) {
                errors.add(FieldError.at(row.line(), "name", "name は必須です"));
            }
            LocalDate date = null;
            if (row.has("agreement_date")) {
                try {
                    date = LocalDate.parse(row.get("agreement_date"));
                } catch (DateTimeParseException e) {
                    errors.add(FieldError.at(row.line(), "agreement_date", "agreement_date は YYYY-MM-DD です"));
                }
            }
            rows.add(new Parsed(row.get("name"), type, date));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("the partners file has errors; nothing was imported", errors);
        }
        rows.forEach(r -> create(m, r.name(), r.type(), r.date()));
        return rows.size();
    }
}
