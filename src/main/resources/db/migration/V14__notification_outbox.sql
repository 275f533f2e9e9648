-- The notification outbox serves every email to a center, not only alerts: a row names what it is
-- about by a label (an alert's 受付番号, a digest's month) and, for an alert, keeps the alert's id.
ALTER TABLE notification ALTER COLUMN alert_id DROP NOT NULL;
ALTER TABLE notification ADD COLUMN label VARCHAR(64);
UPDATE notification SET label = (SELECT a.receipt_no FROM alert a WHERE a.id = notification.alert_id);
-- a monthly digest lists up to 50 resources with their editor links
ALTER TABLE notification ALTER COLUMN body SET DATA TYPE VARCHAR(8000);
