-- Tsunagu foundation schema. Portable between H2 2.x and PostgreSQL 13+ (EclipseLink wants its
-- pre-allocating sequences to START WITH their increment);
-- sequences (not IDENTITY), VARCHAR with explicit limits, TIMESTAMP holding UTC instants.

CREATE SEQUENCE municipality_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE region_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE center_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE town_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE resource_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE partner_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE account_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE alert_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE alert_event_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE audit_event_seq START WITH 50 INCREMENT BY 50;
-- receipt numbers (受付番号) are handed out one by one, never in blocks
CREATE SEQUENCE alert_receipt_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE municipality (
    id              BIGINT PRIMARY KEY,
    code            VARCHAR(6)   NOT NULL,
    name            VARCHAR(100) NOT NULL,
    prefecture      VARCHAR(20)  NOT NULL,
    demo            BOOLEAN      NOT NULL DEFAULT FALSE,
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_municipality_code UNIQUE (code)
);

CREATE TABLE region (
    id              BIGINT PRIMARY KEY,
    municipality_id BIGINT       NOT NULL REFERENCES municipality (id),
    name            VARCHAR(100) NOT NULL,
    CONSTRAINT uq_region_name UNIQUE (municipality_id, name)
);

CREATE TABLE center (
    id              BIGINT PRIMARY KEY,
    code            VARCHAR(64)  NOT NULL,
    name            VARCHAR(200) NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    municipality_id BIGINT       REFERENCES municipality (id),
    region_id       BIGINT       REFERENCES region (id),
    region_name     VARCHAR(100),
    address         VARCHAR(300) NOT NULL,
    address_area    VARCHAR(100),
    phone           VARCHAR(40)  NOT NULL,
    email           VARCHAR(254),
    lat             DOUBLE PRECISION,
    lon             DOUBLE PRECISION,
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_center_code UNIQUE (code)
);

CREATE TABLE town (
    id              BIGINT PRIMARY KEY,
    municipality_id BIGINT       NOT NULL REFERENCES municipality (id),
    name            VARCHAR(100) NOT NULL,
    koaza           VARCHAR(100) NOT NULL DEFAULT '',
    kana            VARCHAR(200),
    lat             DOUBLE PRECISION NOT NULL,
    lon             DOUBLE PRECISION NOT NULL,
    center_id       BIGINT       NOT NULL REFERENCES center (id),
    CONSTRAINT uq_town_name UNIQUE (municipality_id, name, koaza)
);

-- 番地 ranges of a split town that belong to another center than the town's default
CREATE TABLE town_block (
    town_id         BIGINT  NOT NULL REFERENCES town (id) ON DELETE CASCADE,
    block_from      INTEGER NOT NULL,
    block_to        INTEGER NOT NULL,
    center_id       BIGINT  NOT NULL REFERENCES center (id)
);
CREATE INDEX ix_town_block_town ON town_block (town_id);

CREATE TABLE resource (
    id              BIGINT PRIMARY KEY,
    municipality_id BIGINT        NOT NULL REFERENCES municipality (id),
    external_id     VARCHAR(100),
    name            VARCHAR(200)  NOT NULL,
    name_kana       VARCHAR(400),
    category        VARCHAR(32)   NOT NULL,
    description     VARCHAR(4000),
    postal_code     VARCHAR(10),
    address         VARCHAR(300)  NOT NULL,
    town_id         BIGINT        REFERENCES town (id),
    lat             DOUBLE PRECISION,
    lon             DOUBLE PRECISION,
    phone           VARCHAR(40),
    url             VARCHAR(500),
    email           VARCHAR(254),
    schedule_text   VARCHAR(500),
    schedule_rules  VARCHAR(4000),
    schedule_warning VARCHAR(500),
    cost            VARCHAR(200),
    free_of_charge  BOOLEAN       NOT NULL DEFAULT FALSE,
    reservation     VARCHAR(100),
    target          VARCHAR(300),
    accessibility   VARCHAR(500),
    home_visit      BOOLEAN       NOT NULL DEFAULT FALSE,
    departments     VARCHAR(500),
    organizer       VARCHAR(200),
    center_id       BIGINT        REFERENCES center (id),
    status          VARCHAR(16)   NOT NULL,
    verified_at     TIMESTAMP,
    created_at      TIMESTAMP     NOT NULL,
    updated_at      TIMESTAMP     NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_resource_external_id UNIQUE (external_id)
);
CREATE INDEX ix_resource_center ON resource (center_id);
CREATE INDEX ix_resource_municipality ON resource (municipality_id);

CREATE TABLE partner_organisation (
    id              BIGINT PRIMARY KEY,
    municipality_id BIGINT        NOT NULL REFERENCES municipality (id),
    name            VARCHAR(200)  NOT NULL,
    type            VARCHAR(32)   NOT NULL,
    agreement_date  DATE,
    contact_phone   VARCHAR(40),
    created_at      TIMESTAMP     NOT NULL,
    CONSTRAINT uq_partner_name UNIQUE (municipality_id, name)
);

CREATE TABLE account (
    id              BIGINT PRIMARY KEY,
    username        VARCHAR(64)   NOT NULL,
    password_hash   VARCHAR(400)  NOT NULL,
    role            VARCHAR(16)   NOT NULL,
    display_name    VARCHAR(100),
    phone           VARCHAR(40),
    center_id       BIGINT        REFERENCES center (id),
    partner_id      BIGINT        REFERENCES partner_organisation (id),
    enabled         BOOLEAN       NOT NULL DEFAULT TRUE,
    failed_logins   INTEGER       NOT NULL DEFAULT 0,
    locked_until    TIMESTAMP,
    created_at      TIMESTAMP     NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_account_username UNIQUE (username)
);

CREATE TABLE alert (
    id                  BIGINT PRIMARY KEY,
    receipt_no          VARCHAR(20)   NOT NULL,
    partner_id          BIGINT        NOT NULL REFERENCES partner_organisation (id),
    filed_by_id         BIGINT        NOT NULL REFERENCES account (id),
    idempotency_key     VARCHAR(100),
    address             VARCHAR(300),
    place_note          VARCHAR(300),
    lat                 DOUBLE PRECISION,
    lon                 DOUBLE PRECISION,
    town_id             BIGINT        REFERENCES town (id),
    observed_at         TIMESTAMP     NOT NULL,
    urgency             VARCHAR(16)   NOT NULL,
    person_name         VARCHAR(200),
    person_age          VARCHAR(40),
    person_sex          VARCHAR(16),
    person_description  VARCHAR(1000),
    details             VARCHAR(4000),
    other_anomaly       VARCHAR(300),
    reporter_name       VARCHAR(100)  NOT NULL,
    reporter_phone      VARCHAR(40)   NOT NULL,
    center_id           BIGINT        NOT NULL REFERENCES center (id),
    routing             VARCHAR(16)   NOT NULL,
    routing_reason      VARCHAR(300)  NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    assignee            VARCHAR(100),
    outcome             VARCHAR(32),
    escalated           BOOLEAN       NOT NULL DEFAULT FALSE,
    filed_at            TIMESTAMP     NOT NULL,
    acknowledged_at     TIMESTAMP,
    resolved_at         TIMESTAMP,
    version             BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_alert_receipt UNIQUE (receipt_no),
    CONSTRAINT uq_alert_idempotency UNIQUE (partner_id, idempotency_key)
);
CREATE INDEX ix_alert_center_status ON alert (center_id, status);

CREATE TABLE alert_anomaly (
    alert_id        BIGINT      NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
    anomaly         VARCHAR(32) NOT NULL,
    PRIMARY KEY (alert_id, anomaly)
);

CREATE TABLE alert_event (
    id              BIGINT PRIMARY KEY,
    alert_id        BIGINT        NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
    type            VARCHAR(16)   NOT NULL,
    actor           VARCHAR(64)   NOT NULL,
    occurred_at     TIMESTAMP     NOT NULL,
    note            VARCHAR(4000),
    assignee        VARCHAR(100),
    from_center_id  BIGINT        REFERENCES center (id),
    to_center_id    BIGINT        REFERENCES center (id),
    outcome         VARCHAR(32)
);
CREATE INDEX ix_alert_event_alert ON alert_event (alert_id);

CREATE TABLE audit_event (
    id              BIGINT PRIMARY KEY,
    occurred_at     TIMESTAMP     NOT NULL,
    actor           VARCHAR(64)   NOT NULL,
    action          VARCHAR(64)   NOT NULL,
    target_type     VARCHAR(32)   NOT NULL,
    target_id       VARCHAR(100),
    detail          VARCHAR(1000)
);
CREATE INDEX ix_audit_target ON audit_event (target_type, target_id);
