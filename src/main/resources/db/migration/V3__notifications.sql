-- Alerts: the transactional outbox of notification emails (written in the alert's transaction,
-- delivered by a worker with retries; what keeps failing shows on the 未送信 list).
CREATE SEQUENCE notification_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE notification (
    id              BIGINT PRIMARY KEY,
    alert_id        BIGINT        NOT NULL REFERENCES alert (id),
    kind            VARCHAR(20)   NOT NULL,
    recipient       VARCHAR(254),
    subject         VARCHAR(200)  NOT NULL,
    body            VARCHAR(2000) NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    next_attempt_at TIMESTAMP     NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    last_error      VARCHAR(500),
    sent_at         TIMESTAMP,
    version         BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX ix_notification_due ON notification (sent_at, next_attempt_at);
