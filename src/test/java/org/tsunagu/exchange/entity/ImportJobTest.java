package org.tsunagu.exchange.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An import job's life: queued → running → done | failed, the key it holds while alive, and when it counts as orphaned. */
class ImportJobTest {

    static final Instant T0 = Instant.parse("2026-12-02T01:00:00Z");

    static ImportJob job() {
        return ImportJob.queue("mhlw-care", "131202", false, false, "admin", T0);
    }

    @Test
    void a_job_runs_and_finishes_with_its_counts_and_gives_up_its_key() {
        ImportJob job = job();
        assertEquals(ImportJob.State.QUEUED, job.getState());
        assertEquals(36, job.getId().length());
        job.spooledAt("/data/imports/x", "instance-a");
        job.start("instance-a", T0.plusSeconds(1));
        assertEquals(ImportJob.State.RUNNING, job.getState());
        job.finish(new ImportJob.Counts(35_000, 500, 10, 5, 34_485, 5), "{}", List.of(7L, 9L), T0.plusSeconds(20));
        assertEquals(ImportJob.State.DONE, job.getState());
        assertEquals(500, job.getCreated());
        assertEquals(34_485, job.getSkippedOtherMunicipality());
        assertEquals(35_000, job.getRowsTotal());
        assertEquals(2, job.getVanishedCount());
        assertNull(job.getSpool(), "the file is gone with the job");
        job.confirmed(List.of(7L));
        assertEquals(List.of(9L), List.copyOf(job.getVanished()));
        assertEquals(2, job.getVanishedCount(), "the count says what the file did, the list what is left to confirm");
    }

    @Test
    void illegal_transitions_are_refused() {
        ImportJob queued = job();
        assertThrows(IllegalStateException.class, () -> queued.finish(new ImportJob.Counts(0, 0, 0, 0, 0, 0), "{}", List.of(), T0),
                "only a running job finishes");
        queued.fail("壊れたファイル", null, T0);
        assertEquals(ImportJob.State.FAILED, queued.getState());
        assertEquals("壊れたファイル", queued.getFailure());
        assertThrows(IllegalStateException.class, () -> queued.start("b", T0), "a failed job does not start again");
        assertThrows(IllegalStateException.class, () -> queued.fail("again", null, T0));
        ImportJob done = job();
        done.start("a", T0);
        done.finish(new ImportJob.Counts(1, 1, 0, 0, 0, 0), "{}", List.of(), T0);
        assertThrows(IllegalStateException.class, () -> done.fail("late", null, T0));
        assertThrows(IllegalArgumentException.class, () -> ImportJob.queue("", "131202", false, false, "a", T0));
    }

    @Test
    void a_job_whose_instance_stopped_beating_is_orphaned_and_may_start_again_elsewhere() {
        ImportJob job = job();
        job.start("a", T0);
        assertFalse(job.isOrphaned(T0.plusSeconds(10), Duration.ofSeconds(30)));
        assertTrue(job.isOrphaned(T0.plusSeconds(31), Duration.ofSeconds(30)));
        job.start("b", T0.plusSeconds(31));
        assertEquals("b", job.getOwner());
        assertEquals(0, job.getRowsRead(), "run again from the start");
        job.finish(new ImportJob.Counts(3, 3, 0, 0, 0, 0), "{}", List.of(), T0.plusSeconds(40));
        assertFalse(job.isOrphaned(T0.plusSeconds(400), Duration.ofSeconds(30)), "an ended job is nobody's worry");
    }
}
