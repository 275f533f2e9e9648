package org.tsunagu.search.sync.control;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangeCursorTest {

    static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    static ChangeCursor.Entry e(long id, long resource, Instant at) {
        return new ChangeCursor.Entry(id, resource, at);
    }

    @Test
    void movesOverWhatWasAppliedInOrder() {
        ChangeCursor c = new ChangeCursor(4);
        List<ChangeCursor.Entry> rows = List.of(e(5, 1, T), e(6, 2, T), e(7, 3, T));
        assertEquals(rows, c.unapplied(rows));
        c.applied(List.of(5L, 6L));
        assertTrue(c.advance(rows, T.minusSeconds(600)));
        assertEquals(6, c.watermark());
        assertEquals(6, c.highest());
        assertEquals(List.of(e(7, 3, T)), c.unapplied(rows));
    }

    @Test
    void waitsAtAHoleUntilItIsOlderThanTheGrace() {
        ChangeCursor c = new ChangeCursor(4);
        List<ChangeCursor.Entry> rows = List.of(e(5, 1, T), e(7, 3, T)); // 6: an edit still open, or rolled back
        c.applied(List.of(5L, 7L));
        assertTrue(c.advance(rows, T));
        assertEquals(5, c.watermark(), "7 may be followed by 6 committing late");
        assertEquals(7, c.highest());
        assertTrue(c.unapplied(rows).isEmpty(), "7 is not applied twice meanwhile");
        assertTrue(c.advance(rows, T.plusSeconds(1)));
        assertEquals(7, c.watermark(), "after the grace the hole is a rolled-back edit");
    }

    @Test
    void aLateCommitInTheHoleIsStillApplied() {
        ChangeCursor c = new ChangeCursor(4);
        c.applied(List.of(5L, 7L));
        c.advance(List.of(e(5, 1, T), e(7, 3, T)), T);
        List<ChangeCursor.Entry> now = List.of(e(6, 2, T), e(7, 3, T));
        assertEquals(List.of(e(6, 2, T)), c.unapplied(now));
        c.applied(List.of(6L));
        c.advance(now, T);
        assertEquals(7, c.watermark());
    }

    @Test
    void doesNotMovePastWhatIsNotApplied() {
        ChangeCursor c = new ChangeCursor(0);
        assertFalse(c.advance(List.of(e(1, 1, T)), T.plusSeconds(3600)));
        assertEquals(0, c.watermark());
        c.applied(List.of(0L, -3L)); // at or below the watermark: ignored
        assertEquals(0, c.highest());
    }

    @Test
    void startCatchesUpOnlyWhenTheLogCoversWhatWasMissed() {
        assertEquals(ChangeCursor.Start.REBUILD, ChangeCursor.start(null, 1L, 9L), "remembers nothing");
        assertEquals(ChangeCursor.Start.CATCH_UP, ChangeCursor.start(0L, null, null), "nothing ever changed");
        assertEquals(ChangeCursor.Start.REBUILD, ChangeCursor.start(5L, null, null), "another database");
        assertEquals(ChangeCursor.Start.REBUILD, ChangeCursor.start(12L, 1L, 9L), "another database");
        assertEquals(ChangeCursor.Start.CATCH_UP, ChangeCursor.start(9L, 1L, 9L), "up to date");
        assertEquals(ChangeCursor.Start.CATCH_UP, ChangeCursor.start(3L, 1L, 9L));
        assertEquals(ChangeCursor.Start.CATCH_UP, ChangeCursor.start(3L, 4L, 9L), "the next one is still there");
        assertEquals(ChangeCursor.Start.REBUILD, ChangeCursor.start(3L, 5L, 9L), "4 may have been pruned");
    }
}
