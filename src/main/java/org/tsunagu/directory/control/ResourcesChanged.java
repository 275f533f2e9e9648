package org.tsunagu.directory.control;

import java.util.Set;

/**
 * CDI event: these resources were created, changed or removed in a transaction. Observed after the
 * commit by the search index, which reloads them from the database (published → indexed, otherwise
 * removed), so an index never holds what the database rolled back.
 */
public record ResourcesChanged(Set<Long> ids) {

    public ResourcesChanged {
        ids = Set.copyOf(ids);
    }
}
