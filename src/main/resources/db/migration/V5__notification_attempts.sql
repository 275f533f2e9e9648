-- Notifications: every delivery attempt is kept (number, time, outcome, the mail system's error;
-- never personal data), and each notification names the center it is addressed to, for the
-- 未送信 list of the core center. Written for H2 2.x and PostgreSQL 13+.
CREATE SEQUENCE notification_attempt_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE notification_attempt (
    id              BIGINT PRIMARY KEY,
    notification_id BIGINT       NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
    attempt_no      INT          NOT NULL,
    attempted_at    TIMESTAMP    NOT NULL,
    outcome         VARCHAR(16)  NOT NULL,
    error           VARCHAR(500),
    -- also the index that reads one notification's history
    CONSTRAINT uq_notification_attempt UNIQUE (notification_id, attempt_no)
);

ALTER TABLE notification ADD COLUMN center_id BIGINT REFERENCES center (id);

-- Existing rows: a new-alert email went to the alert's center (its center today, if it was
-- transferred since), an escalation to the core center of that center's municipality. Attempts
-- made before this migration were only counted (notification.attempts); they have no history rows.
UPDATE notification SET center_id = (SELECT a.center_id FROM alert a WHERE a.id = notification.alert_id)
    WHERE kind <> 'escalation';
UPDATE notification SET center_id = (SELECT c.id FROM alert a
        JOIN center ac ON ac.id = a.center_id
        JOIN center c ON c.municipality_id = ac.municipality_id AND c.kind = 'CORE'
        WHERE a.id = notification.alert_id)
    WHERE kind = 'escalation';
