package org.tsunagu.calendar.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * When a resource is held or open: the text exactly as the center wrote it (always kept and shown),
 * the recurrence rules parsed from it (RFC 5545 lines, filled by the schedule parser), and the
 * reason when the text could not be parsed. Unparsed text is never dropped.
 */
@Embeddable
public class Schedule {

    @Column(name = "schedule_text")
    private String text;

    @Column(name = "schedule_rules")
    private String rules;

    @Column(name = "schedule_warning")
    private String warning;

    protected Schedule() {
        // JPA
    }

    private Schedule(String text, String rules, String warning) {
        this.text = text;
        this.rules = rules;
        this.warning = warning;
    }

    public static Schedule none() {
        return new Schedule(null, null, null);
    }

    public static Schedule parsed(String text, String rules) {
        return new Schedule(text, rules, null);
    }

    public static Schedule unparsed(String text, String warning) {
        return new Schedule(text, null, warning);
    }

    public String text() {
        return text;
    }

    public String rules() {
        return rules;
    }

    public String warning() {
        return warning;
    }

    public boolean isParsed() {
        return rules != null && !rules.isBlank();
    }
}
