package org.tsunagu.notifications.entity;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * How long a notification waits after each failed attempt before it is tried again. The steps
 * come from configuration (TSUNAGU_NOTIFICATIONS_BACKOFF, e.g. {@code PT1M,PT5M,PT30M}) rather
 * than code, because how patient to be with a center's mail server is an operator's decision and
 * the tests need seconds, not minutes. The last step repeats forever: an alert email is never
 * given up on, it stays on the 未送信 list until it is delivered.
 *
 * <p>{@link #parse(CharSequence)} is also MicroProfile Config's implicit converter, so the key can
 * be injected as a {@code Backoff} directly; a malformed value fails where it is read.
 */
public record Backoff(List<Duration> steps) {

    /** The back-off when nothing is configured: 1, 5, 30 minutes, then every 30 minutes. */
    public static final Backoff DEFAULT = new Backoff(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30)));

    public Backoff {
        if (steps == null || steps.isEmpty()) {
            throw new IllegalArgumentException("a back-off needs at least one duration");
        }
        for (Duration d : steps) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("back-off durations must be positive: " + d);
            }
        }
        steps = List.copyOf(steps);
    }

    /** A comma-separated list of ISO-8601 durations, e.g. {@code PT1M, PT5M, PT30M}. */
    public static Backoff parse(CharSequence text) {
        if (text == null || text.toString().isBlank()) {
            throw new IllegalArgumentException("the back-off is empty; expected e.g. PT1M,PT5M,PT30M");
        }
        List<Duration> steps = new ArrayList<>();
        for (String part : text.toString().split(",")) {
            try {
                steps.add(Duration.parse(part.strip()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an ISO-8601 duration in the back-off: '" + part.strip()
                        + "' (expected e.g. PT1M,PT5M,PT30M)", e);
            }
        }
        return new Backoff(steps);
    }

    /** The wait after the given failed attempt (1 = the first); past the list, the last step. */
    public Duration after(int failedAttempt) {
        if (failedAttempt < 1) {
            throw new IllegalArgumentException("attempts count from 1: " + failedAttempt);
        }
        return steps.get(Math.min(failedAttempt, steps.size()) - 1);
    }

    @Override
    public String toString() {
        return String.join(",", steps.stream().map(Duration::toString).toList());
    }
}
