package org.tsunagu.exchange.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import org.tsunagu.accounts.control.Caller;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.accounts.entity.Role;
import org.tsunagu.areas.control.Centers;
import org.tsunagu.areas.entity.Municipality;
import org.tsunagu.directory.control.ResourceEdits;
import org.tsunagu.directory.entity.Resource;
import org.tsunagu.directory.entity.ResourceStatus;
import org.tsunagu.exchange.control.ImportJobs;
import org.tsunagu.exchange.control.ImportResult;
import org.tsunagu.exchange.control.ImportSubmission;
import org.tsunagu.exchange.control.MunicipalityScope;
import org.tsunagu.exchange.control.ResourceFormat;
import org.tsunagu.exchange.entity.ImportJob;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;
import org.tsunagu.web.PageText;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 一括取込 for staff (/staff/import): most centers keep their lists in Excel, and the national open
 * data comes as large CSV or ZIP files. A file is first checked without changing anything — the preview
 * lists, row by row, what would be refused (errors) and what would be taken with a caveat (a schedule
 * kept as text, an address that could not be placed) — and only then imported. The uploaded file is kept
 * on disk between the two steps, so the import is exactly the file previewed. A large file runs as a
 * background job: the page shows its progress (rows read of the total) until the report is ready. After an
 * open-data import the resources that vanished from the source are listed for staff to confirm 掲載終了.
 */
@Named
@ViewScoped
public class ResourceImportPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ImportSubmission submission;

    @Inject
    transient ImportJobs jobs;

    @Inject
    transient Caller caller;

    @Inject
    transient Centers centers;

    @Inject
    transient ResourceEdits edits;

    private transient Part file;
    /** The uploaded file's folder, kept until the import ran (or the view ends). */
    private String held;
    private String fileName;
    private String format = "tsunagu";
    private String municipality;
    private boolean skipInvalid;
    private ImportResult preview;
    private ImportResult done;
    /** The background job this page waits for, and whether it is the check (dry run) or the import. */
    private String waitingFor;
    private boolean waitingForCheck;
    private String doneJob;
    private final Map<Long, Boolean> withdraw = new HashMap<>();

    /** 「内容を確認する」: a dry run of the chosen file; nothing is stored. */
    public void check() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        done = null;
        preview = null;
        waitingFor = null;
        if (held != null) {
            ImportJobs.delete(held);
            held = null;
        }
        if (file == null || file.getSize() == 0) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, PageText.of("import.noFile"), null));
            return;
        }
        Path folder = jobs.newSpool();
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, folder.resolve("upload-0"));
        }
        held = folder.toString();
        fileName = file.getSubmittedFileName();
        run(true);
    }

    /** 「取り込む」: the previewed file, for real. */
    public void importNow() {
        if (held == null || preview == null) {
            return;
        }
        run(false);
    }

    /** Asked by the page every few seconds while a job runs: picks up the report when the job ended. */
    public void refresh() {
        if (waitingFor == null) {
            return;
        }
        Optional<ImportJob> job = jobs.find(waitingFor);
        if (job.isEmpty() || job.get().getState() == ImportJob.State.QUEUED || job.get().getState() == ImportJob.State.RUNNING) {
            return;
        }
        ended(job.get(), waitingForCheck);
        waitingFor = null;
    }

    private void run(boolean dryRun) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Optional<Account> me = caller.find();
        ResourceFormat chosen = ResourceFormat.ofCode(format).orElse(ResourceFormat.TSUNAGU);
        if (me.isEmpty()) {
            return;
        }
        try {
            ImportSubmission.Submitted s = submission.submit(chosen, scope(me.get(), chosen), dryRun, skipInvalid,
                    me.get().getUsername(), jobs.copyOf(Path.of(held)));
            if (s.inBackground()) {
                waitingFor = s.job().getId();
                waitingForCheck = dryRun;
                return;
            }
            if (s.outcome() != null && s.outcome().problem() != null) {
                throw s.outcome().problem();
            }
            ended(jobs.find(s.job().getId()).orElseThrow(), dryRun);
        } catch (ProblemException e) {
            // the file itself is unreadable (encoding, a missing column), or it has errors: a message, nothing stored
            preview = new ImportResult(0, 0, 0, e.errors().isEmpty()
                    ? List.of(FieldError.of("file", e.getMessage())) : e.errors(), List.of());
            if (!dryRun) {
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, PageText.of("import.refused"), null));
            }
        }
    }

    private void ended(ImportJob job, boolean check) {
        if (job.getState() == ImportJob.State.FAILED) {
            preview = new ImportResult(0, 0, 0, ImportJobs.resultOf(job).errors().isEmpty()
                    ? List.of(FieldError.of("file", job.getFailure())) : ImportJobs.resultOf(job).errors(), List.of());
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, PageText.of("import.refused"), null));
            return;
        }
        if (check) {
            preview = ImportJobs.resultOf(job);
        } else {
            done = ImportJobs.resultOf(job);
            doneJob = job.getId();
            preview = null;
            ImportJobs.delete(held);
            held = null;
        }
    }

    /** Staff import their own municipality's open data; an admin names one (or the file holds only one). */
    private MunicipalityScope scope(Account me, ResourceFormat chosen) {
        if (me.getRole() == Role.ADMIN) {
            return municipality == null || municipality.isBlank() ? MunicipalityScope.unspecified()
                    : MunicipalityScope.of(Set.of(municipality));
        }
        if (chosen == ResourceFormat.TSUNAGU || me.getCenter() == null) {
            return MunicipalityScope.unspecified();
        }
        return MunicipalityScope.of(Set.of(me.getCenter().getMunicipality().getCode()));
    }

    /** 「選んだ資源を掲載終了にする」: the vanished resources staff ticked. */
    public void withdrawSelected() {
        Optional<Account> me = caller.find();
        if (me.isEmpty() || doneJob == null) {
            return;
        }
        List<Long> chosen = new ArrayList<>();
        withdraw.forEach((id, yes) -> {
            if (Boolean.TRUE.equals(yes)) {
                chosen.add(id);
            }
        });
        for (Long id : chosen) {
            edits.find(id.toString()).filter(r -> r.getStatus() != ResourceStatus.ARCHIVED)
                    .ifPresent(r -> edits.archive(me.get(), id.toString()));
        }
        jobs.confirmed(doneJob, chosen);
        withdraw.clear();
        done = jobs.find(doneJob).map(ImportJobs::resultOf).orElse(done);
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                PageText.of("import.withdrawn").replace("{0}", String.valueOf(chosen.size())), null));
    }

    /** The vanished resources of the finished import, still listed. */
    public List<Resource> getVanished() {
        if (done == null) {
            return List.of();
        }
        return done.vanished().stream().map(id -> edits.find(id.toString())).flatMap(Optional::stream)
                .filter(r -> r.getStatus() != ResourceStatus.ARCHIVED).toList();
    }

    /** The job the page waits for, for its progress bar. */
    public ImportJob getJob() {
        return waitingFor == null ? null : jobs.find(waitingFor).orElse(null);
    }

    public boolean isRunning() {
        return waitingFor != null;
    }

    public boolean isImportable() {
        return held != null && preview != null && waitingFor == null
                && (preview.errors().isEmpty() || skipInvalid || !"tsunagu".equals(format))
                && preview.created() + preview.updated() > 0;
    }

    public boolean isAdmin() {
        return caller.find().map(a -> a.getRole() == Role.ADMIN).orElse(false);
    }

    public List<Municipality> getMunicipalities() {
        return centers.municipalities();
    }

    public List<ResourceFormat> getFormats() {
        return List.of(ResourceFormat.values());
    }

    public Map<Long, Boolean> getWithdraw() {
        return withdraw;
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

    public String getMunicipality() {
        return municipality;
    }

    public void setMunicipality(String municipality) {
        this.municipality = municipality;
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
