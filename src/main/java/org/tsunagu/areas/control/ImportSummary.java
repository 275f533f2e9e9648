package org.tsunagu.areas.control;

/** What an areas import did. */
public record ImportSummary(String municipality, int created, int updated, int removed) {
}
