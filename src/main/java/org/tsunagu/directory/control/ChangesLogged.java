package org.tsunagu.directory.control;

import java.util.List;

/**
 * CDI event: these index change log entries were written in the current transaction. Observed
 * after the commit by the search, which applies the change itself (the after-commit
 * {@link ResourcesChanged} path) and so marks the entries applied instead of reading them back.
 */
record ChangesLogged(List<Long> entries) {

    ChangesLogged {
        entries = List.copyOf(entries);
    }
}
