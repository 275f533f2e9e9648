package org.tsunagu.exchange.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tsunagu.exchange.entity.ImportJob;
import org.tsunagu.problems.ProblemException;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one import job from its spooled file: claim it, read the rows of its municipalities (reporting
 * progress), apply them with the job's end in one transaction, and remove the file. A file that cannot
 * be read, or a Tsunagu file with errors (all or nothing), fails the job with its errors; nothing of it
 * is applied. The same run serves small uploads inline (the request waits) and large ones in the
 * background.
 */
@ApplicationScoped
public class ImportRun {

    private static final Logger LOG = Logger.getLogger(ImportRun.class.getName());

    @Inject
    ImportJobs jobs;

    /** How a run ended: the result, or the problem that failed the job (empty when there was nothing to run). */
    public record Outcome(ImportResult result, ProblemException problem) {
    }

    public Optional<Outcome> run(String id) {
        Optional<ImportJob> claimed = jobs.claim(id);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        ImportJob job = claimed.get();
        String spool = job.getSpool();
        try {
            ResourceFormat format = ResourceFormat.ofCode(job.getFormat()).orElseThrow();
            ImportFiles.Mapped mapped = ImportFiles.read(format, Path.of(spool),
                    MunicipalityScope.ofKey(job.getMunicipalities()), (read, total) -> jobs.progress(id, read, total));
            return Optional.of(new Outcome(jobs.apply(id, format, mapped), null));
        } catch (ProblemException e) {
            jobs.fail(id, e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message(), e.errors());
            return Optional.of(new Outcome(null, e));
        } catch (RuntimeException e) {
            // the cause goes to the log (no personal data in resource files); the job says what to do
            LOG.log(Level.WARNING, "import job " + id + " failed", e);
            ProblemException p = new ProblemException(500, "Internal Server Error", "the import failed", List.of());
            jobs.fail(id, "取込中に予期しないエラーが発生しました。何も取り込まれていません。もう一度お試しください", List.of());
            return Optional.of(new Outcome(null, p));
        } finally {
            jobs.released(id);
            ImportJobs.delete(spool);
        }
    }
}
