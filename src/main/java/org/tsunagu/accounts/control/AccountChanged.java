package org.tsunagu.accounts.control;

/**
 * An account's right to its open sessions changed (disabled, enabled, a password set). Observed
 * after the commit by {@link SessionStanding}, so that this instance re-reads the account on its
 * next request instead of trusting what it read up to 2 s ago.
 */
public record AccountChanged(String username) {
}
