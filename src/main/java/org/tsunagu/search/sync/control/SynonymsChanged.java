package org.tsunagu.search.sync.control;

/** CDI event: an admin changed the synonym groups; the index is rebuilt with them after the commit. */
public record SynonymsChanged(long groupId) {
}
