package org.tsunagu.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed logins per client address: after {@code tsunagu.login.address.failures} failures within the
 * sliding {@code tsunagu.login.address.window}, that address may not try again until the oldest of
 * them leaves the window (429 on the API with Retry-After, a message on the login page). The
 * password is not even checked then, so guessing stops, and the failures stop counting against
 * the account. With fewer failures per address than the account lock needs (the defaults: 8 against
 * 10, both over 15 minutes), one address alone can never lock somebody else's account — the
 * trade-off: many addresses still can (then the account lock, which ends by itself, is what stops
 * them), and people behind one shared address (an office NAT) are held back together while one of
 * them keeps failing.
 * <p>
 * Kept in memory per instance (behind a load balancer with several instances the limit applies per
 * instance, so at most instances × the limit). Only failures count: successful logins — the ITs'
 * and the API clients' — never fill the window.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final int MAX_ADDRESSES = 100_000;

    @Inject
    @ConfigProperty(name = "tsunagu.login.address.failures", defaultValue = "8")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "tsunagu.login.address.window", defaultValue = "PT15M")
    Duration window;

    /** A request header naming the client behind a proxy (its last entry), e.g. X-Forwarded-For; empty: the peer address. */
    @Inject
    @ConfigProperty(name = "tsunagu.login.address.header")
    Optional<String> addressHeader;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle() {
        // CDI
    }

    LoginThrottle(int maxFailures, Duration window) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.addressHeader = Optional.empty();
    }

    /** The client's address: the last entry of the configured proxy header if present, else the peer. */
    public String address(HttpServletRequest request) {
        String header = addressHeader == null ? "" : addressHeader.orElse("").strip();
        if (!header.isEmpty()) {
            String value = request.getHeader(header);
            if (value != null && !value.isBlank()) {
                String[] hops = value.split(",");
                return hops[hops.length - 1].strip();
            }
        }
        return request.getRemoteAddr();
    }

    /** How long this address must wait before it may try again; empty if it may try now. */
    public Optional<Duration> retryAfter(String address, Instant now) {
        Deque<Instant> recent = failures.get(address);
        if (recent == null) {
            return Optional.empty();
        }
        synchronized (recent) {
            prune(recent, now);
            if (recent.size() < maxFailures) {
                return Optional.empty();
            }
            Duration wait = Duration.between(now, recent.peekFirst().plus(window));
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        }
    }

    /** Counts a failed login from this address. */
    public void failed(String address, Instant now) {
        if (failures.size() >= MAX_ADDRESSES) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
        Deque<Instant> recent = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (recent) {
            prune(recent, now);
            recent.addLast(now);
        }
    }

    private void prune(Deque<Instant> recent, Instant now) {
        while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) {
            recent.removeFirst();
        }
    }
}
