-- Issue 16: after a long SMTP outage the outbox sends emergencies first, then urgent alerts, then the
-- rest, each oldest first. notification.priority is a rank, lowest first (Notification.Priority):
-- 0 emergency (an SOS call's mail ranks here too), 10 urgent, 20 info, 30 routine (monthly digest).
-- Existing rows take their alert's urgency; rows about no alert are routine. H2 2.x and PostgreSQL 13+.
ALTER TABLE notification ADD COLUMN priority INT DEFAULT 30 NOT NULL;
UPDATE notification SET priority = 0
    WHERE alert_id IN (SELECT a.id FROM alert a WHERE a.urgency = 'EMERGENCY');
UPDATE notification SET priority = 10
    WHERE alert_id IN (SELECT a.id FROM alert a WHERE a.urgency = 'URGENT');
UPDATE notification SET priority = 20
    WHERE alert_id IN (SELECT a.id FROM alert a WHERE a.urgency = 'INFO');
-- the due query: unsent rows by priority, then by next attempt
CREATE INDEX ix_notification_due_priority ON notification (sent_at, priority, next_attempt_at);
