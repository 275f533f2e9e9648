package org.tsunagu.accounts.control;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The login throttle: failures per (address, username) and per address, reserved before the check. */
class LoginThrottleTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final Duration WINDOW = Duration.ofMinutes(15);
    final LoginThrottle throttle = new LoginThrottle(3, WINDOW, 10, null);

    /** A failed, checked attempt. */
    void fail(String address, String user, Instant at) {
        LoginThrottle.Attempt a = throttle.begin(address, user, at);
        throttle.end(a, true, at);
    }

    @Test
    void a_pair_may_fail_up_to_the_limit_then_is_throttled_until_its_oldest_failure_leaves_the_window() {
        fail("10.0.0.1", "hanako", T0);
        fail("10.0.0.1", "hanako", T0.plusSeconds(60));
        LoginThrottle.Attempt third = throttle.begin("10.0.0.1", "hanako", T0.plusSeconds(120));
        assertTrue(third.admitted(), "two of three");
        throttle.end(third, true, T0.plusSeconds(120));

        LoginThrottle.Attempt fourth = throttle.begin("10.0.0.1", "hanako", T0.plusSeconds(121));
        assertFalse(fourth.admitted());
        assertTrue(fourth.throttled(), "over the limit, but checked (one at a time): a right password still signs in");
        assertEquals(WINDOW.minusSeconds(121), fourth.retryAfter());
        throttle.end(fourth, false, T0.plusSeconds(121));

        assertFalse(throttle.begin("10.0.0.1", "hanako", T0.plus(WINDOW).minusSeconds(1)).admitted());
        assertTrue(throttle.begin("10.0.0.1", "hanako", T0.plus(WINDOW)).admitted(), "the oldest failure has left");
    }

    @Test
    void another_user_from_the_same_address_and_the_same_user_elsewhere_are_not_held_back() {
        LoginThrottle throttle = new LoginThrottle(3, WINDOW, 100, null);
        for (int i = 0; i < 12; i++) {
            LoginThrottle.Attempt a = throttle.begin("10.0.0.1", "hanako", T0);
            throttle.end(a, true, T0);
        }
        assertFalse(throttle.begin("10.0.0.1", "hanako", T0).admitted());
        assertTrue(throttle.begin("10.0.0.1", "partner", T0).admitted(), "one NAT address: the partner's login is checked as usual");
        assertTrue(throttle.begin("10.0.0.2", "hanako", T0).admitted());
        assertTrue(throttle.begin("2001:db8::1", "hanako", T0).admitted());
    }

    /** 30 attempts of one pair at once, each checked for {@code checkMillis} and ending as {@code wrong} says. */
    static Map<String, Integer> parallel(LoginThrottle throttle, boolean wrong, long checkMillis) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(30);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        Map<String, Integer> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
        List<java.util.concurrent.Future<?>> all = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                all.add(pool.submit(() -> {
                    go.await();
                    LoginThrottle.Attempt a = throttle.begin("10.0.0.1", "hanako", Instant.now());
                    String outcome = a.admitted() ? "admitted" : a.throttled() ? "throttled" : a.busy() ? "busy" : "refused";
                    outcomes.merge(outcome, 1, Integer::sum);
                    if (a.admitted() || a.throttled()) {
                        Thread.sleep(checkMillis); // the password check
                    }
                    throttle.end(a, wrong && (a.admitted() || a.throttled()), Instant.now());
                    return null;
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<?> f : all) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return outcomes;
    }

    @Test
    void the_slot_is_reserved_before_the_check_so_parallel_guesses_cannot_all_be_checked() throws Exception {
        Map<String, Integer> outcomes = parallel(new LoginThrottle(3, WINDOW, 100, null, Duration.ofSeconds(10)), true, 50);
        assertEquals(3, outcomes.getOrDefault("admitted", 0), () -> "the limit, not 30: " + outcomes);
        assertTrue(outcomes.getOrDefault("throttled", 0) <= 27 && !outcomes.containsKey("busy"), outcomes::toString);
        assertEquals(30, outcomes.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void parallel_right_passwords_of_one_pair_wait_for_a_slot_and_are_all_checked() throws Exception {
        Map<String, Integer> outcomes = parallel(new LoginThrottle(3, WINDOW, 100, null, Duration.ofSeconds(10)), false, 20);
        assertEquals(Map.of("admitted", 30), outcomes, "a partner's burst of requests: nobody refused, nothing counted");
    }

    @Test
    void slots_held_longer_than_the_wait_answer_busy_which_counts_for_nobody() {
        LoginThrottle throttle = new LoginThrottle(3, WINDOW, 100, null, Duration.ofMillis(100));
        List<LoginThrottle.Attempt> inFlight = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inFlight.add(throttle.begin("10.0.0.1", "hanako", T0));
        }
        assertTrue(inFlight.stream().allMatch(LoginThrottle.Attempt::admitted));
        LoginThrottle.Attempt fourth = throttle.begin("10.0.0.1", "hanako", T0);
        assertTrue(fourth.busy() && !fourth.refused() && !fourth.throttled(), "waited, then busy");
        throttle.end(fourth, false, T0);
        inFlight.forEach(a -> throttle.end(a, false, T0));
        assertTrue(throttle.begin("10.0.0.1", "hanako", T0).admitted(), "successes give their slot back, busy counted nothing");
    }

    @Test
    void the_pairs_turn_is_free_again_after_its_check() {
        for (int i = 0; i < 3; i++) {
            fail("10.0.0.1", "hanako", T0);
        }
        LoginThrottle.Attempt first = throttle.begin("10.0.0.1", "hanako", T0);
        assertTrue(first.throttled());
        assertTrue(throttle.begin("10.0.0.1", "hanako", T0).refused(), "while the first is being checked");
        throttle.end(first, true, T0);
        assertTrue(throttle.begin("10.0.0.1", "hanako", T0).throttled(), "the next one's turn");
    }

    @Test
    void an_address_has_a_much_higher_ceiling_across_usernames() {
        for (int i = 0; i < 10; i++) {
            fail("10.0.0.1", "user" + i, T0.plusSeconds(i));
        }
        LoginThrottle.Attempt over = throttle.begin("10.0.0.1", "somebody-else", T0.plusSeconds(20));
        assertFalse(over.admitted(), "ten failures from one address, the ceiling");
        assertTrue(over.throttled(), "still checked, one at a time per user: a right password signs in");
        assertEquals(WINDOW.minusSeconds(20), over.retryAfter());
        throttle.end(over, false, T0.plusSeconds(20));
        assertTrue(throttle.begin("10.0.0.2", "somebody-else", T0.plusSeconds(20)).admitted());
        assertTrue(throttle.begin("10.0.0.1", "somebody-else", T0.plus(WINDOW)).admitted(), "a new window");
    }

    @Test
    void old_failures_are_forgotten() {
        fail("10.0.0.1", "hanako", T0);
        fail("10.0.0.1", "hanako", T0.plus(Duration.ofMinutes(10)));
        fail("10.0.0.1", "hanako", T0.plus(Duration.ofMinutes(20)));
        assertTrue(throttle.begin("10.0.0.1", "hanako", T0.plus(Duration.ofMinutes(20))).admitted(),
                "only two in the last 15 minutes");
    }

    @Test
    void a_throttled_pair_is_audited_once_per_window() {
        for (int i = 0; i < 3; i++) {
            fail("10.0.0.1", "hanako", T0);
        }
        LoginThrottle.Attempt a = throttle.begin("10.0.0.1", "hanako", T0);
        assertTrue(throttle.firstRefusal(a, T0));
        assertFalse(throttle.firstRefusal(a, T0.plusSeconds(60)));
        assertTrue(throttle.firstRefusal(a, T0.plus(WINDOW)));
    }

    @Test
    void ipv6_clients_are_keyed_per_64_and_ipv4_as_they_are() {
        assertEquals("2001:db8:1:2::/64", LoginThrottle.block("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals("2001:db8:1:2::/64", LoginThrottle.block("2001:0db8:0001:0002::1"));
        assertEquals("2001:db8:1:2::/64", LoginThrottle.block("[2001:db8:1:2::99]"));
        assertEquals("2001:db8:1:2::/64", LoginThrottle.block("fe80::1%eth0".replace("fe80::1", "2001:db8:1:2::1")));
        assertEquals("0:0:0:0::/64", LoginThrottle.block("::1"));
        assertEquals("192.0.2.7", LoginThrottle.block("192.0.2.7"));
        assertEquals("192.0.2.7", LoginThrottle.block("192.0.2.7:51234"));
        assertEquals("192.0.2.7", LoginThrottle.block("::ffff:192.0.2.7"), "IPv4-mapped: the IPv4 address");
        assertEquals("not-an-address", LoginThrottle.block("not-an-address"));
        assertEquals(64, LoginThrottle.block("x".repeat(500)).length());

        // every address of one /64 shares one window
        for (int i = 0; i < 3; i++) {
            fail(LoginThrottle.block("2001:db8:1:2::" + (i + 1)), "hanako", T0);
        }
        assertFalse(throttle.begin(LoginThrottle.block("2001:db8:1:2:ffff::1"), "hanako", T0).admitted());
        assertTrue(throttle.begin(LoginThrottle.block("2001:db8:1:3::1"), "hanako", T0).admitted());
    }

    @Test
    void the_address_is_the_last_entry_of_the_configured_header_else_the_peer() {
        LoginThrottle behindProxy = new LoginThrottle(3, WINDOW, 10, "X-Forwarded-For");
        assertEquals("198.51.100.9", behindProxy.address(request("127.0.0.1", Map.of("X-Forwarded-For", "203.0.113.1, 198.51.100.9"))));
        assertEquals("2001:db8:1:2::/64", behindProxy.address(request("127.0.0.1", Map.of("X-Forwarded-For", "2001:db8:1:2::5"))));
        assertEquals("127.0.0.1", behindProxy.address(request("127.0.0.1", Map.of())));
        assertFalse(behindProxy.proxyHeaderMissing());
    }

    @Test
    void a_proxy_header_without_the_setting_is_noticed_for_the_admin_page() {
        assertEquals("127.0.0.1", throttle.address(request("127.0.0.1", Map.of())));
        assertFalse(throttle.proxyHeaderMissing(), "no proxy in front");
        assertEquals("127.0.0.1", throttle.address(request("127.0.0.1", Map.of("X-Forwarded-For", "203.0.113.1"))),
                "not trusted without the setting");
        assertTrue(throttle.proxyHeaderMissing());
    }

    static HttpServletRequest request(String peer, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(LoginThrottleTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getHeader" -> headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase((String) args[0]))
                            .map(Map.Entry::getValue).findFirst().orElse(null);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
