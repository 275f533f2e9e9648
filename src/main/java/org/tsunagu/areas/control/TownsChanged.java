package org.tsunagu.areas.control;

/** CDI event: a municipality's town list or routing changed (observers rebuild what they derived from it). */
public record TownsChanged(String municipalityCode) {
}
