package org.tsunagu.search.sync.control;

import java.util.List;

/**
 * CDI event: these index change log entries were written in the current transaction. Observed
 * after the commit by the search, which applies the change itself (the after-commit
 * {@link ResourcesChanged} path) and so marks the entries applied instead of reading them back.
 */
public record OutboxWritten(List<Long> entries) {

    public OutboxWritten {
        entries = List.copyOf(entries);
    }
}
