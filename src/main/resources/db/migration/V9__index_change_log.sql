-- Several instances: the database tells every instance what changed in the search index, and
-- scheduled jobs that must run once cluster-wide take a lease first. Portable H2 / PostgreSQL.

-- One row per resource whose index entry changed (resource_id NULL: "many changed, rebuild"),
-- written in the transaction of the edit. Ids come from the sequence one by one (no
-- pre-allocation), so their order is the order in which edits reached the log; instances apply
-- rows newer than the id they remember. Rows older than TSUNAGU_INDEX_LOG_RETENTION are pruned.
CREATE SEQUENCE resource_change_log_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE resource_change_log (
    id          BIGINT PRIMARY KEY,
    resource_id BIGINT,
    changed_at  TIMESTAMP NOT NULL
);
CREATE INDEX ix_resource_change_log_changed_at ON resource_change_log (changed_at);

-- A job that must run on one instance at a time holds its row until held_until: acquired with
-- UPDATE ... WHERE held_until < now (or renewed by its holder), released when the instance stops.
CREATE TABLE job_lease (
    name       VARCHAR(60)  PRIMARY KEY,
    holder     VARCHAR(200),
    held_until TIMESTAMP    NOT NULL
);
INSERT INTO job_lease (name, holder, held_until) VALUES ('alerts.escalation', NULL, TIMESTAMP '2000-01-01 00:00:00');
INSERT INTO job_lease (name, holder, held_until) VALUES ('alerts.retention', NULL, TIMESTAMP '2000-01-01 00:00:00');
INSERT INTO job_lease (name, holder, held_until) VALUES ('directory.stale-digest', NULL, TIMESTAMP '2000-01-01 00:00:00');
INSERT INTO job_lease (name, holder, held_until) VALUES ('directory.change-log-prune', NULL, TIMESTAMP '2000-01-01 00:00:00');
