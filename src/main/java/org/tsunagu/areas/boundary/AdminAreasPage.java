package org.tsunagu.areas.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import jakarta.transaction.Transactional;
import org.tsunagu.areas.control.CenterImport;
import org.tsunagu.areas.control.Centers;
import org.tsunagu.areas.control.ImportSummary;
import org.tsunagu.areas.control.TownImport;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.audit.control.Audit;
import org.tsunagu.web.PageTransaction;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * 担当地域の管理 (/admin/areas, admins only — web.xml): each municipality with its centers and how
 * many towns they answer for, and the two uploads that change them. The files go through the very
 * controls the import API uses ({@link CenterImport}, {@link TownImport}), so a file is accepted or
 * refused the same way in both places; a refused file changes nothing and its problems are listed
 * by line in Japanese, so the person who keeps the spreadsheet can fix it.
 */
@Named
@RequestScoped
public class AdminAreasPage {

    /** The API's limit on request bodies (BodyLimit), kept for uploads too. */
    static final long MAX_FILE = 1024 * 1024;

    /** A municipality with its centers (core first) and its number of towns. */
    public record MunicipalityRow(Municipality municipality, List<CenterRow> centers, long towns) {
    }

    /** A center with the number of towns it answers for. */
    public record CenterRow(Center center, long towns) {
    }

    @Inject
    Centers centers;

    @Inject
    CenterImport centerImport;

    @Inject
    TownImport townImport;

    @Inject
    Audit audit;

    @Inject
    PageTransaction transaction;

    private Part centersFile;
    private Part townsFile;
    private String municipality;
    /** Which upload failed ("centers" or "towns"), to show its problems beside its form. */
    private String failed;
    private final List<String> errors = new ArrayList<>();
    private List<MunicipalityRow> municipalities;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MunicipalityRow> getMunicipalities() {
        if (municipalities == null) {
            Map<String, Long> counts = centers.townCounts();
            municipalities = centers.municipalities().stream()
                    .map(m -> new MunicipalityRow(m, centers.of(m).stream()
                            .sorted(Comparator.comparing((Center c) -> !c.isCore()).thenComparing(Center::getCode))
                            .map(c -> new CenterRow(c, counts.getOrDefault(c.getCode(), 0L))).toList(),
                            centers.townCount(m)))
                    .toList();
        }
        return municipalities;
    }

    /** 「センターを取り込む」: creates or updates centers by code; nothing changes when a line is wrong. */
    public void importCenters() throws IOException {
        byte[] file = read(centersFile, "centers");
        if (file == null) {
            return;
        }
        String caller = caller();
        String code = municipality == null || municipality.isBlank() ? null : municipality.strip();
        try {
            ImportSummary s = transaction.call(() -> {
                ImportSummary summary = centerImport.importCsv(file, code);
                audit.record(caller, "import.centers", "center", null,
                        "created=" + summary.created() + " updated=" + summary.updated());
                return summary;
            });
            done(text("admin.areas.centers.done", s.created(), s.updated()));
        } catch (ProblemException e) {
            refuse("centers", e);
        }
    }

    /** 「担当地域を取り込む」: replaces the towns and routing of the municipalities in the file, all or nothing. */
    public void importTowns() throws IOException {
        byte[] file = read(townsFile, "towns");
        if (file == null) {
            return;
        }
        String caller = caller();
        try {
            List<ImportSummary> result = transaction.call(() -> {
                List<ImportSummary> summaries = townImport.importCsv(file);
                for (ImportSummary s : summaries) {
                    audit.record(caller, "import.towns", "municipality", s.municipality(),
                            "created=" + s.created() + " updated=" + s.updated() + " removed=" + s.removed());
                }
                return summaries;
            });
            List<String> lines = result.stream().map(s -> text("admin.areas.towns.done", s.municipality(),
                    s.created(), s.updated(), s.removed())).toList();
            done(String.join(" ", lines));
        } catch (ProblemException e) {
            refuse("towns", e);
        }
    }

    private byte[] read(Part part, String which) throws IOException {
        if (part == null || part.getSize() == 0) {
            failed = which;
            errors.add(text("admin.areas.noFile"));
            return null;
        }
        if (part.getSize() > MAX_FILE) {
            failed = which;
            errors.add(text("admin.areas.tooLarge"));
            return null;
        }
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private void refuse(String which, ProblemException e) {
        failed = which;
        if (e.errors().isEmpty()) {
            errors.add(e.getMessage());
        }
        for (FieldError error : e.errors()) {
            errors.add(describe(error));
        }
    }

    /** 「12行目（center_code）: センター … は登録されていません」 */
    static String describe(FieldError error) {
        String field = error.field() == null || error.field().isBlank() ? "" : "（" + error.field() + "）";
        return error.line() == null ? field.isEmpty() ? error.message() : error.field() + ": " + error.message()
                : error.line() + "行目" + field + ": " + error.message();
    }

    private void done(String summary) throws IOException {
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        ext.getFlash().put("done", summary);
        ext.redirect(ext.getRequestContextPath() + "/admin/areas");
    }

    private static String caller() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    static String text(String key, Object... args) {
        return org.tsunagu.web.PageText.of(key, args);
    }

    public List<String> getErrors() {
        return errors;
    }

    public String getFailed() {
        return failed;
    }

    public Part getCentersFile() {
        return centersFile;
    }

    public void setCentersFile(Part centersFile) {
        this.centersFile = centersFile;
    }

    public Part getTownsFile() {
        return townsFile;
    }

    public void setTownsFile(Part townsFile) {
        this.townsFile = townsFile;
    }

    public String getMunicipality() {
        return municipality;
    }

    public void setMunicipality(String municipality) {
        this.municipality = municipality;
    }
}
