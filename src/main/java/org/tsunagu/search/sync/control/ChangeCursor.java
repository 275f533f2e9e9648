package org.tsunagu.search.sync.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * How far this instance has applied the index change log. Log ids are drawn in order but committed
 * in any order, and a rolled-back edit leaves a hole for ever, so "the highest id applied" is not a
 * safe place to resume from: the cursor keeps a watermark below which every committed entry is
 * applied, and the entries above it that it already applied. It moves over a hole once the entry
 * after the hole is older than the grace period (an edit open that long was rolled back). The
 * watermark is what an instance remembers across restarts; applying an entry twice is harmless.
 */
public final class ChangeCursor {

    /** One log entry as the cursor needs it; {@code resourceId} null means "rebuild". */
    public record Entry(long id, Long resourceId, Instant changedAt) {
    }

    /** What to do at start with the remembered watermark. */
    public enum Start {
        /** Apply the log entries after the remembered one. */
        CATCH_UP,
        /** The log cannot tell what was missed: rebuild from the database. */
        REBUILD
    }

    private long watermark;
    private long highest;
    private final TreeSet<Long> applied = new TreeSet<>();

    public ChangeCursor(long watermark) {
        this.watermark = watermark;
        this.highest = watermark;
    }

    /**
     * Whether an instance that remembers {@code remembered} can catch up from the log whose oldest
     * and latest ids are given (null: empty). It cannot when it remembers nothing, when the database
     * is not the one it followed (remembered beyond the latest), or when entries after the
     * remembered one may have been pruned (the oldest left is not its successor).
     */
    public static Start start(Long remembered, Long oldest, Long latest) {
        if (remembered == null || remembered < 0) {
            return Start.REBUILD;
        }
        if (latest == null) {
            return remembered == 0 ? Start.CATCH_UP : Start.REBUILD;
        }
        if (remembered > latest) {
            return Start.REBUILD;
        }
        return oldest != null && remembered < oldest - 1 ? Start.REBUILD : Start.CATCH_UP;
    }

    public synchronized long watermark() {
        return watermark;
    }

    /** The highest entry applied (equal to the latest one when the instance is up to date). */
    public synchronized long highest() {
        return highest;
    }

    /** Entries among {@code rows} not yet applied here. */
    public synchronized List<Entry> unapplied(Collection<Entry> rows) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : rows) {
            if (e.id() > watermark && !applied.contains(e.id())) {
                out.add(e);
            }
        }
        return out;
    }

    /** These entries are in the index now (applied by the poller, or written by this instance). */
    public synchronized void applied(Collection<Long> ids) {
        for (long id : ids) {
            if (id > watermark) {
                applied.add(id);
                highest = Math.max(highest, id);
            }
        }
    }

    /**
     * Moves the watermark over the applied entries that follow it, and over holes whose next entry
     * was written before {@code settled}. {@code rows} are the entries after the watermark as the
     * log holds them now, in id order. Returns whether the watermark moved.
     */
    public synchronized boolean advance(List<Entry> rows, Instant settled) {
        long before = watermark;
        for (Entry e : rows) {
            if (e.id() <= watermark) {
                continue;
            }
            if (!applied.contains(e.id())) {
                break;
            }
            if (e.id() != watermark + 1 && !e.changedAt().isBefore(settled)) {
                break; // a hole: an edit may still commit into it
            }
            watermark = e.id();
        }
        applied.headSet(watermark, true).clear();
        return watermark != before;
    }
}
