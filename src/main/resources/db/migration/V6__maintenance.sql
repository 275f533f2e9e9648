-- Maintenance of the resource map: field-level history of every change, and the residents'
-- 「情報が違う・古い」 corrections queue of the maintaining center.
CREATE SEQUENCE resource_change_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE resource_change (
    id           BIGINT PRIMARY KEY,
    resource_id  BIGINT        NOT NULL REFERENCES resource (id),
    changed_at   TIMESTAMP     NOT NULL,
    actor        VARCHAR(100)  NOT NULL,
    field        VARCHAR(40)   NOT NULL,
    old_value    VARCHAR(4000),
    new_value    VARCHAR(4000)
);
CREATE INDEX ix_resource_change_resource ON resource_change (resource_id, changed_at);

CREATE SEQUENCE correction_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE correction (
    id           BIGINT PRIMARY KEY,
    resource_id  BIGINT        NOT NULL REFERENCES resource (id),
    center_id    BIGINT        REFERENCES center (id),
    kind         VARCHAR(30)   NOT NULL,
    message      VARCHAR(2000) NOT NULL,
    created_at   TIMESTAMP     NOT NULL,
    status       VARCHAR(10)   NOT NULL,
    handled_by   VARCHAR(100),
    handled_at   TIMESTAMP,
    reply        VARCHAR(2000),
    version      BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX ix_correction_center ON correction (center_id, status, created_at);
