package org.tsunagu.exchange.boundary;

import org.tsunagu.web.PageText;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import org.tsunagu.accounts.control.Caller;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.accounts.entity.Role;
import org.tsunagu.audit.control.Audit;
import org.tsunagu.exchange.control.ImportResult;
import org.tsunagu.exchange.control.ResourceFormat;
import org.tsunagu.exchange.control.ResourceImport;
import org.tsunagu.web.PageTransaction;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * 一括取込 for staff (/staff/import): most centers keep their lists in Excel. A file is first
 * checked without changing anything — the preview lists, row by row, what would be refused
 * (errors) and what would be taken with a caveat (a schedule kept as text, an address that could
 * not be placed) — and only then imported, all or nothing unless skipping bad rows was chosen. The
 * file is held in the view between the two steps, so the import is exactly the file previewed.
 */
@Named
@ViewScoped
public class ResourceImportPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final long MAX_FILE = 1024 * 1024;

    @Inject
    transient ResourceImport imports;

    @Inject
    transient Caller caller;

    @Inject
    transient Audit audit;

    @Inject
    transient PageTransaction transaction;

    private transient Part file;
    private byte[] content;
    private String fileName;
    private String format = "tsunagu";
    private boolean skipInvalid;
    private ImportResult preview;
    private ImportResult done;

    /** 「内容を確認する」: a dry run of the chosen file; nothing is stored. */
    public void check() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        done = null;
        preview = null;
        content = null;
        if (file == null || file.getSize() == 0) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, PageText.of("import.noFile"), null));
            return;
        }
        if (file.getSize() > MAX_FILE) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, PageText.of("import.tooLarge"), null));
            return;
        }
        try (InputStream in = file.getInputStream()) {
            content = in.readAllBytes();
        }
        fileName = file.getSubmittedFileName();
        run(true);
    }

    /** 「取り込む」: the previewed file, for real. */
    public void importNow() {
        if (content == null) {
            return;
        }
        run(false);
        if (done != null) {
            content = null;
        }
    }

    private void run(boolean dryRun) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Optional<Account> me = me();
        ResourceFormat chosen = ResourceFormat.ofCode(format).orElse(ResourceFormat.TSUNAGU);
        if (me.isEmpty()) {
            return;
        }
        Account a = me.get();
        try {
            ImportResult r = transaction.call(() -> {
                ImportResult result = imports.importFile(chosen, content, dryRun, skipInvalid, true,
                        center -> a.getRole() == Role.ADMIN || a.mayActFor(center));
                if (!dryRun) {
                    audit.record(a.getUsername(), "import.resources", "resource", null, "format=" + chosen.code()
                            + " created=" + result.created() + " updated=" + result.updated() + " rejected=" + result.rejected());
                }
                return result;
            });
            if (dryRun) {
                preview = r;
            } else {
                done = r;
                preview = null;
            }
        } catch (ProblemException e) {
            // the file itself is unreadable (encoding, a missing column): a message, nothing stored
            preview = new ImportResult(0, 0, 0, e.errors().isEmpty()
                    ? List.of(FieldError.of("file", e.getMessage())) : e.errors(), List.of());
            if (!dryRun) {
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, PageText.of("import.refused"), null));
            }
        }
    }

    public boolean isImportable() {
        return content != null && preview != null && (preview.errors().isEmpty() || skipInvalid)
                && preview.created() + preview.updated() > 0;
    }

    private Optional<Account> me() {
        return caller.find();
    }

    public List<ResourceFormat> getFormats() {
        return List.of(ResourceFormat.values());
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public String getFileName() {
        return fileName;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public boolean isSkipInvalid() {
        return skipInvalid;
    }

    public void setSkipInvalid(boolean skipInvalid) {
        this.skipInvalid = skipInvalid;
    }

    public ImportResult getPreview() {
        return preview;
    }

    public ImportResult getDone() {
        return done;
    }
}
