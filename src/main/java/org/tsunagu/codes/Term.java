package org.tsunagu.codes;

/**
 * One entry of a code list that is shown in Japanese only: the code as published and its label.
 * Staff-facing and partner-facing lists (urgency, anomalies, outcomes, center kinds, correction
 * kinds, statistics dimensions) use it; resident-facing lists carry an English label too ({@link Label}).
 */
public record Term(String code, String label) {
}
