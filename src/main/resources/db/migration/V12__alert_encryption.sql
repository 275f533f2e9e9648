-- Alerts: personal fields are encrypted at rest (AES-GCM, org.tsunagu.platform.FieldCipher). A sealed
-- value is "gcm1:<key id>:" + base64url(12-byte IV + ciphertext + 16-byte tag): a field of n
-- characters (at most 3n bytes in UTF-8) needs up to 4 * ceil((3n + 28) / 3) + 24 characters, so the
-- columns widen. Existing rows stay plaintext here (a migration has no key); the portal reads them as
-- legacy plaintext and its start-up job (alerts.control.AlertSealing) seals them under the current key.
-- SET DATA TYPE keeps NOT NULL, and works on H2 2.2 and PostgreSQL 15 alike.
ALTER TABLE alert ALTER COLUMN address SET DATA TYPE VARCHAR(1300);
ALTER TABLE alert ALTER COLUMN place_note SET DATA TYPE VARCHAR(1300);
ALTER TABLE alert ALTER COLUMN other_anomaly SET DATA TYPE VARCHAR(1300);
ALTER TABLE alert ALTER COLUMN details SET DATA TYPE VARCHAR(16100);
ALTER TABLE alert ALTER COLUMN person_name SET DATA TYPE VARCHAR(900);
ALTER TABLE alert ALTER COLUMN person_age SET DATA TYPE VARCHAR(240);
ALTER TABLE alert ALTER COLUMN person_sex SET DATA TYPE VARCHAR(140);
ALTER TABLE alert ALTER COLUMN person_description SET DATA TYPE VARCHAR(4100);
ALTER TABLE alert ALTER COLUMN reporter_name SET DATA TYPE VARCHAR(480);
ALTER TABLE alert ALTER COLUMN reporter_phone SET DATA TYPE VARCHAR(240);
ALTER TABLE alert ALTER COLUMN routing_reason SET DATA TYPE VARCHAR(1300);
ALTER TABLE alert_event ALTER COLUMN note SET DATA TYPE VARCHAR(16100);

-- The point (where the person was seen) moves from two DOUBLE columns to one sealed text "lat,lon";
-- copied as plaintext here, sealed by the start-up job like every other legacy value.
ALTER TABLE alert ADD COLUMN point VARCHAR(200);
UPDATE alert SET point = CAST(lat AS VARCHAR(40)) || ',' || CAST(lon AS VARCHAR(40))
    WHERE lat IS NOT NULL AND lon IS NOT NULL;
ALTER TABLE alert DROP COLUMN lat;
ALTER TABLE alert DROP COLUMN lon;
