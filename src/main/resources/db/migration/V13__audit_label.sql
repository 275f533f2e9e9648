-- The audit trail names its target by a label of its own (an alert's 受付番号), so reading the trail
-- needs no join to the alerts: audit is a leaf that every feature records into.
ALTER TABLE audit_event ADD COLUMN label VARCHAR(64);
UPDATE audit_event SET label = (SELECT a.receipt_no FROM alert a WHERE CAST(a.id AS VARCHAR(20)) = audit_event.target_id)
    WHERE target_type = 'alert';
