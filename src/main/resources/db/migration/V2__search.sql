-- Search: synonym groups added by admins (the shipped list lives in the source tree).
CREATE SEQUENCE synonym_group_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE synonym_group (
    id              BIGINT PRIMARY KEY,
    terms           VARCHAR(1100) NOT NULL,
    created_by      VARCHAR(64)   NOT NULL,
    created_at      TIMESTAMP     NOT NULL
);

CREATE INDEX ix_resource_status ON resource (status, id);
