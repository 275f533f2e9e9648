-- Large resource imports run as background jobs (api.md "Published open data"): the job row is what
-- every instance answers GET /import-jobs/{id} from. active_key is set while a job is queued or running
-- ("<municipalities>|<format>") and cleared when it ends, so the unique index lets one job per
-- municipality and format run at a time (NULLs do not collide).
CREATE TABLE import_job (
    id                  VARCHAR(36)   NOT NULL PRIMARY KEY,
    format              VARCHAR(20)   NOT NULL,
    municipalities      VARCHAR(400)  NOT NULL,
    dry_run             BOOLEAN       NOT NULL,
    skip_invalid        BOOLEAN       NOT NULL,
    state               VARCHAR(10)   NOT NULL,
    active_key          VARCHAR(440),
    requested_by        VARCHAR(100)  NOT NULL,
    requested_at        TIMESTAMP     NOT NULL,
    started_at          TIMESTAMP,
    finished_at         TIMESTAMP,
    heartbeat_at        TIMESTAMP,
    owner               VARCHAR(64),
    spool               VARCHAR(1000),
    rows_read           INTEGER       NOT NULL,
    rows_total          INTEGER,
    created_count       INTEGER       NOT NULL,
    updated_count       INTEGER       NOT NULL,
    unchanged_count     INTEGER       NOT NULL,
    skipped_other       INTEGER       NOT NULL,
    rejected_count      INTEGER       NOT NULL,
    vanished_count      INTEGER       NOT NULL,
    report              VARCHAR(200000),
    failure             VARCHAR(1000),
    version             BIGINT        NOT NULL
);
CREATE UNIQUE INDEX ux_import_job_active ON import_job (active_key);
CREATE INDEX ix_import_job_state ON import_job (state);
-- the resources of that source that the file no longer holds, for staff to confirm 掲載終了
CREATE TABLE import_job_vanished (
    job_id              VARCHAR(36)   NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    resource_id         BIGINT        NOT NULL REFERENCES resource (id) ON DELETE CASCADE,
    PRIMARY KEY (job_id, resource_id)
);
