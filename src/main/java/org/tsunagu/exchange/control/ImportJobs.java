package org.tsunagu.exchange.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tsunagu.accounts.control.Accounts;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.accounts.entity.Role;
import org.tsunagu.audit.control.Audit;
import org.tsunagu.exchange.entity.ImportJob;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The import jobs' state in the database, each change in a transaction of its own, so that every
 * instance behind the load balancer answers {@code GET /import-jobs/{id}} alike while the job runs on
 * the one that received the file. The file waits in a spool folder below TSUNAGU_DATA_DIR until the
 * job ends; a job whose instance died (no heartbeat for {@code tsunagu.import.orphaned}) is run again
 * from that folder when it is still there (the instance restarted on the same disk), or failed with a
 * reason when it is not — never left "running" forever. Applying the file and marking the job done is
 * one transaction ({@link #apply}), which is what makes a job all or nothing across a crash.
 */
@ApplicationScoped
public class ImportJobs {

    /** Who this instance is, for the job's owner column (a new one at every start). */
    private final String instance = UUID.randomUUID().toString();

    /** The jobs this instance holds (queued in its executor or running): their heartbeat. */
    private final Set<String> live = ConcurrentHashMap.newKeySet();

    @PersistenceContext
    EntityManager em;

    @Inject
    ResourceImport imports;

    @Inject
    Accounts accounts;

    @Inject
    Audit audit;

    @Inject
    @ConfigProperty(name = "tsunagu.data.dir", defaultValue = "./data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "tsunagu.import.orphaned", defaultValue = "PT30S")
    Duration orphaned;

    public String instance() {
        return instance;
    }

    public Duration orphanedAfter() {
        return orphaned;
    }

    /**
     * The mark of a spool folder whose job runs in the background: only such a job is run again after
     * its instance died. A small file imported while its request waited is not: that request got no
     * answer, and its client decides whether to send the file again.
     */
    public static final String BACKGROUND = ".background";

    /** Marks the job's spool folder as a background job's (see {@link #BACKGROUND}). */
    public static void markBackground(ImportJob job) {
        try {
            Files.createFile(Path.of(job.getSpool(), BACKGROUND));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh folder for one upload. */
    public Path newSpool() {
        try {
            return Files.createDirectories(Path.of(dataDir, "imports", UUID.randomUUID().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("the import spool folder cannot be created below " + dataDir, e);
        }
    }

    /**
     * A queued job for the spooled file; 409 when a job of the same municipalities and format is queued
     * or running (checked, and guaranteed by the unique active key when two arrive at once).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ImportJob queue(ResourceFormat format, MunicipalityScope scope, boolean dryRun, boolean skipInvalid,
                           String actor, Path spool) {
        ImportJob job = ImportJob.queue(format.code(), scope.key(), dryRun, skipInvalid, actor, Instant.now());
        if (!em.createNamedQuery(ImportJob.FIND_ACTIVE, ImportJob.class).setParameter("key", scope.key() + "|" + format.code())
                .getResultList().isEmpty()) {
            throw busy();
        }
        job.spooledAt(spool.toString(), instance);
        em.persist(job);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw busy();
        }
        live.add(job.getId());
        return job;
    }

    private static ProblemException busy() {
        return new ProblemException(409, "Conflict", "an import of this municipality and format is already running",
                List.of(FieldError.of("format", "同じ市区町村・形式の取込が実行中です。終わってからもう一度お試しください")));
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ImportJob> find(String id) {
        if (id == null || !id.matches("[0-9a-f-]{36}")) {
            return Optional.empty();
        }
        ImportJob job = em.find(ImportJob.class, id);
        if (job != null) {
            job.getVanished().size();
            em.detach(job);
        }
        return Optional.ofNullable(job);
    }

    /** queued → running on this instance; empty when the job is gone or already ended. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ImportJob> claim(String id) {
        ImportJob job = em.find(ImportJob.class, id);
        if (job == null || job.getState() == ImportJob.State.DONE || job.getState() == ImportJob.State.FAILED) {
            live.remove(id);
            return Optional.empty();
        }
        job.start(instance, Instant.now());
        live.add(id);
        em.flush();
        em.detach(job);
        return Optional.of(job);
    }

    /** Rows read so far (and the heartbeat); a bulk update that never meets the job's own version. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void progress(String id, int read, Integer total) {
        int known = total == null ? -1 : total;
        em.createNativeQuery(ImportJob.PROGRESS_SQL).setParameter(1, read).setParameter(2, known).setParameter(3, known)
                .setParameter(4, java.sql.Timestamp.from(Instant.now())).setParameter(5, id).executeUpdate();
    }

    /** The heartbeat of every job this instance holds. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void beat() {
        java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
        for (String id : List.copyOf(live)) {
            em.createNativeQuery(ImportJob.BEAT_SQL).setParameter(1, now).setParameter(2, id).executeUpdate();
        }
    }

    /**
     * Applies the rows and marks the job done, in one transaction: a crash before the commit leaves
     * nothing of the file in the directory and the job still running (then taken over or failed).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ImportResult apply(String id, ResourceFormat format, ImportFiles.Mapped mapped) {
        ImportJob job = em.find(ImportJob.class, id);
        Account by = accounts.find(job.getRequestedBy()).orElse(null);
        ResourceImport.Options options = new ResourceImport.Options(job.isDryRun(), job.isSkipInvalid(), true,
                center -> by != null && by.isEnabled() && (by.getRole() == Role.ADMIN || by.mayActFor(center)),
                MunicipalityScope.ofKey(job.getMunicipalities()), job.getRequestedBy());
        ImportResult r = imports.importRows(format, mapped, options);
        job.finish(new ImportJob.Counts(r.rowsRead(), r.created(), r.updated(), r.unchanged(), r.skippedOtherMunicipality(),
                r.rejected()), report(r.errors(), r.warnings()), r.vanished(), Instant.now());
        if (!job.isDryRun()) {
            audit.record(job.getRequestedBy(), "import.resources", "resource", null, "format=" + format.code() + " job=" + id
                    + " created=" + r.created() + " updated=" + r.updated() + " rejected=" + r.rejected()
                    + " skippedOtherMunicipality=" + r.skippedOtherMunicipality());
        }
        // still live until the commit is over (released by the run): a long commit must go on beating,
        // or this instance's worker would take its own job for an orphan and claim it again under it
        return r;
    }

    /**
     * The run of the job is over, its transaction committed or rolled back: this instance stops beating
     * its heartbeat. Called after {@link #apply} or {@link #fail} returned, never inside them.
     */
    public void released(String id) {
        live.remove(id);
    }

    /** running or queued → failed, with the reason and the errors (a file that could not be read). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(String id, String why, List<FieldError> errors) {
        ImportJob job = em.find(ImportJob.class, id);
        if (job != null && job.getState() != ImportJob.State.DONE && job.getState() != ImportJob.State.FAILED) {
            job.fail(why, report(errors, List.of()), Instant.now());
        }
    }

    /**
     * Jobs whose instance stopped beating: those whose spool folder this instance can read are claimed
     * again (returned, for the caller to run); the others are failed with a reason.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> adoptOrphans() {
        Instant now = Instant.now();
        List<String> adopted = new java.util.ArrayList<>();
        for (ImportJob job : em.createNamedQuery(ImportJob.FIND_UNFINISHED, ImportJob.class)
                .setParameter("states", List.of(ImportJob.State.QUEUED, ImportJob.State.RUNNING)).getResultList()) {
            if (live.contains(job.getId()) || !job.isOrphaned(now, orphaned)) {
                continue;
            }
            if (job.getSpool() != null && Files.exists(Path.of(job.getSpool(), BACKGROUND))) {
                job.start(instance, now);
                live.add(job.getId());
                adopted.add(job.getId());
            } else {
                String spool = job.getSpool();
                job.fail("取込を実行していたポータルが停止したため中断しました。何も取り込まれていません。もう一度取り込んでください",
                        null, now);
                delete(spool);
            }
        }
        return adopted;
    }

    /** Staff confirmed 掲載終了 for these vanished resources: they leave the job's list. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void confirmed(String id, List<Long> resourceIds) {
        ImportJob job = em.find(ImportJob.class, id);
        if (job != null) {
            job.confirmed(resourceIds);
        }
    }

    /** Removes a spool folder and what is in it (the job ended). */
    public static void delete(String spool) {
        if (spool == null) {
            return;
        }
        Path dir = Path.of(spool);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a left-over folder only takes disk space; the next start does not read it
        }
    }

    /** The report column: the first errors and warnings, by line. */
    static String report(List<FieldError> errors, List<FieldError> warnings) {
        return Json.createObjectBuilder().add("errors", list(errors)).add("warnings", list(warnings)).build().toString();
    }

    private static JsonArrayBuilder list(List<FieldError> list) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        list.stream().limit(ImportJob.REPORTED).forEach(e -> a.add(Json.createObjectBuilder()
                .add("line", e.line() == null ? 0 : e.line()).add("field", e.field() == null ? "" : e.field())
                .add("message", e.message())));
        return a;
    }

    /** What a finished job did, as the import's result (its report's first errors and warnings). */
    public static ImportResult resultOf(ImportJob job) {
        jakarta.json.JsonObject report = job.getReport() == null ? jakarta.json.JsonValue.EMPTY_JSON_OBJECT
                : Json.createReader(new java.io.StringReader(job.getReport())).readObject();
        return new ImportResult(job.getCreated(), job.getUpdated(), job.getRejected(), fieldErrors(report, "errors"),
                fieldErrors(report, "warnings"), job.getUnchanged(), job.getSkippedOtherMunicipality(),
                List.copyOf(job.getVanished()), job.getRowsRead());
    }

    private static List<FieldError> fieldErrors(jakarta.json.JsonObject report, String key) {
        if (!report.containsKey(key)) {
            return List.of();
        }
        return report.getJsonArray(key).getValuesAs(jakarta.json.JsonObject.class).stream()
                .map(e -> new FieldError(e.getInt("line") == 0 ? null : e.getInt("line"), e.getString("field"), e.getString("message")))
                .toList();
    }

    /** A new spool folder holding a copy of another's files (the page imports the very file it checked). */
    public Path copyOf(Path held) {
        Path spool = newSpool();
        try (Stream<Path> files = Files.list(held)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> !f.getFileName().toString().startsWith("unzipped-")).toList()) {
                Files.copy(f, spool.resolve(f.getFileName()));
            }
        } catch (IOException e) {
            delete(spool.toString());
            throw new UncheckedIOException(e);
        }
        return spool;
    }
}
