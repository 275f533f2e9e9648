-- Failed logins count within a window that starts at the first failure (Account.loginFailed):
-- failures older than the lock duration no longer add up to a lock.
ALTER TABLE account ADD COLUMN failures_since TIMESTAMP;
