-- Issue 16: a page session remembers the epoch of the account's credentials it was signed in with.
-- Disabling the account, an admin's reset and the holder's own password change raise the epoch, and
-- every other live session of the account ends at its next request.
ALTER TABLE account ADD COLUMN session_epoch BIGINT DEFAULT 0 NOT NULL;
