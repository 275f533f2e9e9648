package org.tsunagu.accounts.control;

import org.junit.jupiter.api.Test;
import org.tsunagu.accounts.control.SessionStanding.Standing;
import org.tsunagu.accounts.control.SessionStanding.Verdict;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SessionStandingTest {

    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");

    private final Map<String, Standing> stored = new HashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final SessionStanding standing = new SessionStanding(u -> {
        reads.incrementAndGet();
        return Optional.ofNullable(stored.get(u));
    }, Duration.ofHours(12), Duration.ofSeconds(2));

    @Test
    void a_session_goes_on_while_the_account_is_as_it_signed_in() {
        stored.put("sato", new Standing(true, null, 3, false));
        assertEquals(Verdict.GO_ON, standing.of("sato", T0, 3L, T0.plusSeconds(60)));
    }

    @Test
    void disabling_or_a_new_password_ends_the_session_within_the_recheck_time() {
        stored.put("sato", new Standing(true, null, 3, false));
        assertEquals(Verdict.GO_ON, standing.of("sato", T0, 3L, T0.plusSeconds(10)));
        stored.put("sato", new Standing(false, null, 4, false));
        assertEquals(Verdict.GO_ON, standing.of("sato", T0, 3L, T0.plusSeconds(11)), "read at most every 2 s");
        assertEquals(Verdict.ENDED, standing.of("sato", T0, 3L, T0.plusSeconds(12)));
        stored.put("sato", new Standing(true, null, 5, false));
        assertEquals(Verdict.ENDED, standing.of("sato", T0, 3L, T0.plusSeconds(20)), "enabling again does not revive it");
        assertEquals(Verdict.GO_ON, standing.of("sato", T0.plusSeconds(20), 5L, T0.plusSeconds(21)), "a new sign-in goes on");
    }

    @Test
    void the_database_is_read_at_most_once_per_recheck_time_per_account() {
        stored.put("sato", new Standing(true, null, 0, false));
        for (int i = 0; i < 20; i++) {
            standing.of("sato", T0, 0L, T0.plusMillis(100L * i)); // 2 s of a board refreshing every 100 ms
        }
        assertEquals(1, reads.get());
        standing.of("sato", T0, 0L, T0.plusSeconds(2));
        assertEquals(2, reads.get());
    }

    @Test
    void a_locked_or_deleted_account_ends_the_session() {
        stored.put("sato", new Standing(true, T0.plusSeconds(900), 0, false));
        assertEquals(Verdict.ENDED, standing.of("sato", T0, 0L, T0.plusSeconds(1)));
        assertEquals(Verdict.ENDED, standing.of("nobody", T0, 0L, T0.plusSeconds(1)));
    }

    @Test
    void a_session_ends_after_its_absolute_lifetime_however_busy() {
        stored.put("sato", new Standing(true, null, 0, false));
        assertEquals(Verdict.GO_ON, standing.of("sato", T0, 0L, T0.plus(Duration.ofHours(12)).minusSeconds(1)));
        assertEquals(Verdict.ENDED, standing.of("sato", T0, 0L, T0.plus(Duration.ofHours(12))));
    }

    @Test
    void a_session_without_its_sign_in_time_or_epoch_is_over() {
        stored.put("sato", new Standing(true, null, 0, false));
        assertEquals(Verdict.ENDED, standing.of("sato", null, 0L, T0));
        assertEquals(Verdict.ENDED, standing.of("sato", T0, null, T0));
    }

    @Test
    void a_password_to_replace_is_enforced_on_a_live_session() {
        stored.put("sato", new Standing(true, null, 0, true));
        assertEquals(Verdict.MUST_CHANGE_PASSWORD, standing.of("sato", T0, 0L, T0.plusSeconds(1)));
    }
}
