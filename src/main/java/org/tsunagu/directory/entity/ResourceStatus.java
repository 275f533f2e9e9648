package org.tsunagu.directory.entity;

/** Only published resources are visible to residents; archived ones are kept for history. */
public enum ResourceStatus {
    DRAFT, PUBLISHED, ARCHIVED
}
