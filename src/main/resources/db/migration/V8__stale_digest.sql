-- The monthly email to each center about resources nobody has confirmed for a long time: one row
-- per month and center, claimed before sending, so a center gets one digest a month.
CREATE TABLE stale_digest (
    digest_month VARCHAR(7)  NOT NULL,
    center_id    BIGINT      NOT NULL REFERENCES center (id),
    claimed_at   TIMESTAMP   NOT NULL,
    sent_at      TIMESTAMP,
    item_count   INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (digest_month, center_id)
);
