-- Accounts an admin creates (or whose password an admin resets) must choose their own password at
-- the first page login. Existing accounts (the demo ones, the first admin) keep working unchanged.
ALTER TABLE account ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
