package org.tsunagu.exchange.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tsunagu.exchange.entity.ImportJob;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Turns a spooled upload into a job and decides where it runs: a file of up to
 * TSUNAGU_IMPORT_SYNC_MAX_BYTES (default 1 MiB) while the request or page waits, a larger one on this
 * instance's executor in the background. Both the API and the staff page submit through it, so they
 * share the header check, the one-job-per-municipality-and-format rule and the job record.
 */
@ApplicationScoped
public class ImportSubmission {

    private static final Logger LOG = Logger.getLogger(ImportSubmission.class.getName());

    @Inject
    ImportJobs jobs;

    @Inject
    ImportRun run;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "tsunagu.import.sync.max.bytes", defaultValue = "1048576")
    long syncMaxBytes;

    /** A submitted job: the job as queued, and the run's outcome when it ran while the caller waited. */
    public record Submitted(ImportJob job, ImportRun.Outcome outcome) {
        public boolean inBackground() {
            return outcome == null;
        }
    }

    /**
     * Checks the spooled files' headers (400 before any job exists), queues the job (409 when one of the
     * same municipalities and format runs) and runs it. The spool folder belongs to the job from here
     * on; on a refusal it is removed.
     */
    public Submitted submit(ResourceFormat format, MunicipalityScope scope, boolean dryRun, boolean skipInvalid,
                            String actor, Path spool) {
        ImportJob job;
        long size;
        try {
            size = size(spool);
            if (size == 0) {
                throw ProblemException.invalid("the file is empty", List.of(FieldError.at(1, "", "ファイルが空です")));
            }
            ImportFiles.checkHeaders(format, spool);
            job = jobs.queue(format, scope, dryRun, skipInvalid, actor, spool);
        } catch (RuntimeException e) {
            ImportJobs.delete(spool.toString());
            throw e;
        }
        if (size > syncMaxBytes) {
            ImportJobs.markBackground(job);
            dispatch(job.getId());
            return new Submitted(job, null);
        }
        return new Submitted(job, run.run(job.getId()).orElse(null));
    }

    /** Runs a job on this instance's executor. */
    public void dispatch(String id) {
        executor.submit(() -> {
            try {
                run.run(id);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "import job " + id + " could not run", e);
            }
        });
    }

    static long size(Path spool) {
        try (Stream<Path> files = Files.list(spool)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
