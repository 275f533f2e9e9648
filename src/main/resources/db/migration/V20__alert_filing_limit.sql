-- Issue 16: an organisation files at most tsunagu.alerts.per.hour alerts within any hour. Each filing
-- counts the organisation's alerts of the last hour; this index keeps that count a short range scan.
CREATE INDEX ix_alert_partner_filed ON alert (partner_id, filed_at);
