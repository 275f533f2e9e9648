-- Alerts: retention. Personal fields of resolved alerts are erased after TSUNAGU_ALERT_RETENTION;
-- anonymised_at records when (statistics keep counting the alert). Indexes for the retention job,
-- the monthly statistics and the audit log view. Portable between H2 2.x and PostgreSQL 13+.
ALTER TABLE alert ADD COLUMN anonymised_at TIMESTAMP;

CREATE INDEX ix_alert_resolved ON alert (status, resolved_at);
CREATE INDEX ix_alert_filed ON alert (filed_at);
CREATE INDEX ix_audit_occurred ON audit_event (occurred_at);
