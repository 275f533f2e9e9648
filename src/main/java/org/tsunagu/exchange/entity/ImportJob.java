package org.tsunagu.exchange.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A resources import that runs in the background because its file is large (a national open-data
 * file): what {@code GET /api/v1/import-jobs/{id}} shows on every instance, and what keeps a second
 * import of the same municipality and format from running beside it.
 *
 * <p>Its life is {@code queued → running → done | failed}. The job applies its file in one
 * transaction together with {@link #finish}, so a job is never half-applied: either every counted row
 * is in the directory and the job says done, or nothing is and it says running or failed. While it is
 * queued or running it holds its {@link #activeKey} (unique in the table), which it gives up when it
 * ends. The instance running it beats a heartbeat; a job whose heartbeat stopped (the instance died)
 * is taken over or failed by another, never left running forever.
 */
@Entity
@Table(name = "import_job")
@NamedQuery(name = ImportJob.FIND_ACTIVE, query = "SELECT j FROM ImportJob j WHERE j.activeKey = :key")
@NamedQuery(name = ImportJob.FIND_UNFINISHED,
        query = "SELECT j FROM ImportJob j WHERE j.state IN :states ORDER BY j.requestedAt")
public class ImportJob {

    public static final String FIND_ACTIVE = "ImportJob.findActive";
    public static final String FIND_UNFINISHED = "ImportJob.findUnfinished";
    /**
     * The heartbeat and progress are written by plain SQL: a JPQL bulk update would raise the version,
     * and the transaction applying the file, which read the job before, would then fail its commit.
     */
    public static final String BEAT_SQL = "UPDATE import_job SET heartbeat_at = ? WHERE id = ? AND active_key IS NOT NULL";
    public static final String PROGRESS_SQL = "UPDATE import_job SET rows_read = ?, rows_total = CASE WHEN ? < 0 THEN rows_total ELSE ? END, "
            + "heartbeat_at = ? WHERE id = ? AND state = 'RUNNING'";
    /** The parameters of {@link #PROGRESS_SQL}: rows read, the total (-1: not known yet, twice), now, the id. */

    /** The errors and warnings a job keeps for its report (the first ones, by line). */
    public static final int REPORTED = 200;

    public enum State {
        QUEUED, RUNNING, DONE, FAILED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 20)
    private String format;

    /** The municipality codes whose rows are imported (comma separated), or 「pref:13」 for a prefecture. */
    @Column(nullable = false, length = 400)
    private String municipalities;

    @Column(name = "dry_run", nullable = false)
    private boolean dryRun;

    @Column(name = "skip_invalid", nullable = false)
    private boolean skipInvalid;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private State state;

    @Column(name = "active_key", length = 440)
    private String activeKey;

    @Column(name = "requested_by", nullable = false, length = 100)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    /** The instance running it. */
    @Column(length = 64)
    private String owner;

    /** Where the uploaded file waits (a folder below the data directory of the instance that took it). */
    @Column(length = 1000)
    private String spool;

    @Column(name = "rows_read", nullable = false)
    private int rowsRead;

    @Column(name = "rows_total")
    private Integer rowsTotal;

    @Column(name = "created_count", nullable = false)
    private int created;

    @Column(name = "updated_count", nullable = false)
    private int updated;

    @Column(name = "unchanged_count", nullable = false)
    private int unchanged;

    @Column(name = "skipped_other", nullable = false)
    private int skippedOtherMunicipality;

    @Column(name = "rejected_count", nullable = false)
    private int rejected;

    @Column(name = "vanished_count", nullable = false)
    private int vanishedCount;

    /** The first errors and warnings as JSON ({"errors": […], "warnings": […]}), written when the job ends. */
    @Column(length = 200000)
    private String report;

    @Column(length = 1000)
    private String failure;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "import_job_vanished", joinColumns = @JoinColumn(name = "job_id"))
    @Column(name = "resource_id")
    private Set<Long> vanished = new LinkedHashSet<>();

    @Version
    private long version;

    protected ImportJob() {
        // JPA
    }

    private ImportJob(String format, String municipalities, boolean dryRun, boolean skipInvalid, String requestedBy,
                      Instant now) {
        this.id = UUID.randomUUID().toString();
        this.format = format;
        this.municipalities = municipalities;
        this.dryRun = dryRun;
        this.skipInvalid = skipInvalid;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
        this.heartbeatAt = now;
        this.state = State.QUEUED;
        this.activeKey = municipalities + "|" + format;
    }

    /** A job waiting to run, holding the key of its municipalities and format. */
    public static ImportJob queue(String format, String municipalities, boolean dryRun, boolean skipInvalid,
                                  String requestedBy, Instant now) {
        if (format == null || format.isBlank() || municipalities == null || municipalities.isBlank()) {
            throw new IllegalArgumentException("a job needs its format and municipalities");
        }
        return new ImportJob(format, municipalities, dryRun, skipInvalid, requestedBy, now);
    }

    /** Where the file waits; set once, before the job runs. */
    public void spooledAt(String folder, String instance) {
        this.spool = folder;
        this.owner = instance;
    }

    /** queued → running (or running again on another instance after its first one died). */
    public void start(String instance, Instant now) {
        if (state != State.QUEUED && state != State.RUNNING) {
            throw new IllegalStateException("a " + state.code() + " job does not start again");
        }
        this.state = State.RUNNING;
        this.owner = instance;
        this.startedAt = now;
        this.heartbeatAt = now;
        this.rowsRead = 0;
    }

    /** running → done, with what the file did (in the transaction that applied it). */
    public void finish(Counts counts, String report, Collection<Long> vanishedIds, Instant now) {
        if (state != State.RUNNING) {
            throw new IllegalStateException("only a running job finishes (this one is " + state.code() + ")");
        }
        this.state = State.DONE;
        this.created = counts.created();
        this.updated = counts.updated();
        this.unchanged = counts.unchanged();
        this.skippedOtherMunicipality = counts.skippedOtherMunicipality();
        this.rejected = counts.rejected();
        this.rowsRead = Math.max(rowsRead, counts.rowsRead());
        this.rowsTotal = counts.rowsRead();
        this.report = report;
        this.vanished.clear();
        this.vanished.addAll(vanishedIds);
        this.vanishedCount = vanished.size();
        end(now);
    }

    /** queued or running → failed; nothing of its file is in the directory. */
    public void fail(String why, String report, Instant now) {
        if (state == State.DONE || state == State.FAILED) {
            throw new IllegalStateException("a " + state.code() + " job cannot fail any more");
        }
        this.state = State.FAILED;
        this.failure = why == null ? null : why.length() > 1000 ? why.substring(0, 1000) : why;
        this.report = report;
        end(now);
    }

    private void end(Instant now) {
        this.finishedAt = now;
        this.activeKey = null;
        this.spool = null;
    }

    /** Its instance stopped beating: it died with the job (queued or running) in its hands. */
    public boolean isOrphaned(Instant now, Duration timeout) {
        return (state == State.QUEUED || state == State.RUNNING) && heartbeatAt != null
                && heartbeatAt.plus(timeout).isBefore(now);
    }

    /** Staff confirmed 掲載終了 for these: they are no longer listed as vanished. */
    public void confirmed(Collection<Long> resourceIds) {
        vanished.removeAll(resourceIds);
    }

    /** What a finished job counted. */
    public record Counts(int rowsRead, int created, int updated, int unchanged, int skippedOtherMunicipality,
                         int rejected) {
    }

    public String getId() {
        return id;
    }

    public String getFormat() {
        return format;
    }

    public String getMunicipalities() {
        return municipalities;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public boolean isSkipInvalid() {
        return skipInvalid;
    }

    public State getState() {
        return state;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public String getOwner() {
        return owner;
    }

    public String getSpool() {
        return spool;
    }

    public int getRowsRead() {
        return rowsRead;
    }

    public Integer getRowsTotal() {
        return rowsTotal;
    }

    public int getCreated() {
        return created;
    }

    public int getUpdated() {
        return updated;
    }

    public int getUnchanged() {
        return unchanged;
    }

    public int getSkippedOtherMunicipality() {
        return skippedOtherMunicipality;
    }

    public int getRejected() {
        return rejected;
    }

    /** How many vanished resources the job found (staff confirming some does not change the count). */
    public int getVanishedCount() {
        return vanishedCount;
    }

    public Set<Long> getVanished() {
        return vanished;
    }

    public String getReport() {
        return report;
    }

    public String getFailure() {
        return failure;
    }
}
