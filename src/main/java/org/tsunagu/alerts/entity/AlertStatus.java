package org.tsunagu.alerts.entity;

/**
 * 受付 → 確認中 → 対応中 → 対応完了, plus transferred (handed to another center, waiting for it to
 * acknowledge). Partners see only {@link #partnerLabel()}, never staff detail.
 */
public enum AlertStatus {
    RECEIVED("received", "受付"),
    ACKNOWLEDGED("acknowledged", "確認中"),
    IN_PROGRESS("in_progress", "対応中"),
    RESOLVED("resolved", "対応完了"),
    TRANSFERRED("transferred", "受付");

    private final String code;
    private final String partnerLabel;

    AlertStatus(String code, String partnerLabel) {
        this.code = code;
        this.partnerLabel = partnerLabel;
    }

    public String code() {
        return code;
    }

    public String partnerLabel() {
        return partnerLabel;
    }

    public boolean isOpen() {
        return this != RESOLVED;
    }

    public boolean awaitsAcknowledgement() {
        return this == RECEIVED || this == TRANSFERRED;
    }
}
