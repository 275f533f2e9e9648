package org.tsunagu.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tsunagu.accounts.entity.Account;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Failed logins per (client address, username) and per client address, in memory per instance.
 * <p>
 * Why keyed on the pair: behind a load balancer without {@code tsunagu.login.address.header}, or
 * behind one shop's NAT, many people share one address; a throttle per address alone let one
 * anonymous client stop every login from it, partners' alert intake included. So a pair may have
 * {@code tsunagu.login.address.failures} checked failures within the sliding
 * {@code tsunagu.login.address.window}, and an address as a whole the much higher
 * {@code tsunagu.login.address.ceiling} (a fixed window of the same length). Attempts over either
 * limit are <em>throttled</em>, which never refuses credentials that verify: a throttled pair's
 * attempts are still checked, but one at a time; a wrong password then answers 429 (Retry-After),
 * and an attempt that finds the pair's check busy is refused unchecked and counted against the
 * account like a failure. So parallel guesses gain nothing, and what bounds guessing is the
 * account lock ({@link Accounts#loginFailed}), which every checked or refused failure feeds.
 * <p>
 * A slot is reserved <em>before</em> the password is checked ({@link #begin}): 30 parallel guesses
 * of one pair get {@code failures} checks at most, not 30. IPv6 clients are keyed per /64, the
 * block one subscriber usually holds. Only failures count: successful logins never fill a window.
 * Per instance: behind a balancer with N instances, N × the limits.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());
    private static final int MAX_KEYS = 100_000;
    private static final int MAX_ADDRESS_LENGTH = 64;
    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("([0-9]{1,3}(?:\\.[0-9]{1,3}){3}):[0-9]{1,5}");

    @Inject
    @ConfigProperty(name = "tsunagu.login.address.failures", defaultValue = "8")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "tsunagu.login.address.window", defaultValue = "PT15M")
    Duration window;

    /** Checked failures from one address (all usernames) per window before all its attempts are throttled. */
    @Inject
    @ConfigProperty(name = "tsunagu.login.address.ceiling", defaultValue = "100")
    int ceiling;

    /** How long an attempt waits for a slot held by attempts still being checked before it is answered busy (429). */
    @Inject
    @ConfigProperty(name = "tsunagu.login.pending-wait", defaultValue = "PT10S")
    Duration pendingWait;

    /** A request header naming the client behind a proxy (its last entry), e.g. X-Forwarded-For; empty: the peer address. */
    @Inject
    @ConfigProperty(name = "tsunagu.login.address.header")
    Optional<String> addressHeader;

    /** Checked failures and reservations of one (address, username) pair; its monitor guards both. */
    private static final class Pair {
        final Deque<Instant> failures = new ArrayDeque<>();
        /** A throttled attempt of this pair is being checked (its turn is taken). */
        boolean checking;
        int pending;
        Instant refusalNoted;
    }

    /** Checked failures and reservations of one address in its current fixed window. */
    private static final class Address {
        Instant since;
        int failures;
        int pending;
    }

    private final Map<String, Pair> pairs = new ConcurrentHashMap<>();
    private final Map<String, Address> addresses = new ConcurrentHashMap<>();
    private final AtomicBoolean proxyWithoutHeader = new AtomicBoolean();

    public LoginThrottle() {
        // CDI
    }

    LoginThrottle(int maxFailures, Duration window, int ceiling, String addressHeader) {
        this(maxFailures, window, ceiling, addressHeader, Duration.ofSeconds(10));
    }

    LoginThrottle(int maxFailures, Duration window, int ceiling, String addressHeader, Duration pendingWait) {
        this.pendingWait = pendingWait;
        this.maxFailures = maxFailures;
        this.window = window;
        this.ceiling = ceiling;
        this.addressHeader = Optional.ofNullable(addressHeader);
    }

    /**
     * The client's address: the last entry of the configured proxy header if present, else the peer;
     * an IPv6 address as its /64. Without the setting, a request that carries X-Forwarded-For (a proxy
     * in front) is noted once in the log and for the admin page ({@link #proxyHeaderMissing()}).
     */
    public String address(HttpServletRequest request) {
        String header = addressHeader == null ? "" : addressHeader.orElse("").strip();
        if (!header.isEmpty()) {
            String value = request.getHeader(header);
            if (value != null && !value.isBlank()) {
                String[] hops = value.split(",");
                return block(hops[hops.length - 1].strip());
            }
        } else if (request.getHeader(FORWARDED_FOR) != null && proxyWithoutHeader.compareAndSet(false, true)) {
            LOG.warning("requests carry X-Forwarded-For but tsunagu.login.address.header (TSUNAGU_LOGIN_ADDRESS_HEADER)"
                    + " is unset: the login throttle and the correction form see every client behind the proxy as"
                    + " one address. Set it to X-Forwarded-For when the load balancer sets that header itself.");
        }
        return block(request.getRemoteAddr());
    }

    /** Whether requests came through a proxy (X-Forwarded-For) while the address header is unset. */
    public boolean proxyHeaderMissing() {
        return proxyWithoutHeader.get();
    }

    /**
     * What an address is keyed by: an IPv4 address as it is (without a port), an IPv6 address as its
     * /64 ({@code 2001:db8:1:2::/64}), an IPv4-mapped IPv6 address as the IPv4 address; anything else
     * as given, cut to 64 characters.
     */
    static String block(String address) {
        if (address == null) {
            return "";
        }
        String a = address.strip();
        if (a.startsWith("[") && a.indexOf(']') > 0) {
            a = a.substring(1, a.indexOf(']'));
        }
        var withPort = IPV4_WITH_PORT.matcher(a);
        if (withPort.matches()) {
            a = withPort.group(1);
        }
        int zone = a.indexOf('%');
        if (zone > 0) {
            a = a.substring(0, zone);
        }
        if (a.indexOf(':') >= 0 && IP_LITERAL.matcher(a).matches()) {
            try {
                // only literals get here (hex digits, colons, dots): no name lookup
                InetAddress parsed = InetAddress.getByName(a);
                if (parsed instanceof Inet6Address) {
                    byte[] b = parsed.getAddress();
                    return String.format("%x:%x:%x:%x::/64", (b[0] & 0xff) << 8 | b[1] & 0xff,
                            (b[2] & 0xff) << 8 | b[3] & 0xff, (b[4] & 0xff) << 8 | b[5] & 0xff, (b[6] & 0xff) << 8 | b[7] & 0xff);
                }
                return parsed.getHostAddress();
            } catch (UnknownHostException e) {
                // not an address after all: keyed as given
            }
        }
        return a.length() > MAX_ADDRESS_LENGTH ? a.substring(0, MAX_ADDRESS_LENGTH) : a;
    }

    /** What {@link #begin} decided for one login attempt; {@link #end} must follow it. */
    public static final class Attempt {
        private final Pair pair;
        private final Address address;
        private final boolean reserved;
        private final boolean turn;
        private final boolean busy;
        private final Duration retryAfter;
        private boolean ended;

        private Attempt(Pair pair, Address address, boolean reserved, boolean turn, Duration retryAfter) {
            this(pair, address, reserved, turn, false, retryAfter);
        }

        private Attempt(Pair pair, Address address, boolean reserved, boolean turn, boolean busy, Duration retryAfter) {
            this.pair = pair;
            this.address = address;
            this.reserved = reserved;
            this.turn = turn;
            this.busy = busy;
            this.retryAfter = retryAfter;
        }

        /** Within the limits: checked, and a wrong password is an ordinary 401. */
        public boolean admitted() {
            return reserved;
        }

        /** Over a limit but the pair's turn to be checked: a right password signs in, a wrong one answers 429. */
        public boolean throttled() {
            return !reserved && turn;
        }

        /** Over a limit while the pair's check is busy: refused unchecked (429). */
        public boolean refused() {
            return !reserved && !turn && !busy;
        }

        /**
         * Not over any limit, but every slot of the pair (or address) was taken by attempts still being
         * checked for longer than {@code tsunagu.login.pending-wait}: a 429 that is no failure of anybody's.
         */
        public boolean busy() {
            return busy;
        }

        /** How long the pair or address stays over its limit (for Retry-After); zero when admitted. */
        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /**
     * Decides an attempt of {@code username} from {@code address} before its password is checked:
     * within both limits it reserves a slot (so parallel attempts cannot all be checked), else it
     * takes the pair's turn if free.
     */
    public Attempt begin(String address, String username, Instant now) {
        String pairKey = address + "\n" + (Account.isValidUsername(username) ? username : "?");
        trim(now);
        Pair pair = pairs.computeIfAbsent(pairKey, k -> new Pair());
        Address addr = addresses.computeIfAbsent(address, k -> new Address());
        long started = System.nanoTime();
        boolean waited = false;
        synchronized (pair) {
            while (true) {
                Instant at = waited ? now.plusNanos(System.nanoTime() - started) : now;
                synchronized (addr) {
                    prune(pair.failures, at);
                    roll(addr, at);
                    boolean pairFailed = pair.failures.size() >= maxFailures;
                    boolean addressFailed = addr.failures >= ceiling;
                    boolean pairFull = pairFailed || pair.failures.size() + pair.pending >= maxFailures;
                    boolean addressFull = addressFailed || addr.failures + addr.pending >= ceiling;
                    if (!pairFull && !addressFull) {
                        pair.pending++;
                        addr.pending++;
                        return new Attempt(pair, addr, true, false, Duration.ZERO);
                    }
                    if (!pairFailed && !addressFailed) {
                        // full only of attempts being checked right now, which may well be right (a partner's
                        // parallel requests): wait for one to end instead of refusing or counting anything
                        if (System.nanoTime() - started >= pendingWait.toNanos()) {
                            return new Attempt(pair, addr, false, false, true, Duration.ofSeconds(1));
                        }
                    } else {
                        Duration wait = Duration.ZERO;
                        if (pairFailed || pairFull && !pair.failures.isEmpty()) {
                            wait = max(wait, Duration.between(at, pair.failures.peekFirst().plus(window)));
                        }
                        if (addressFull && addr.since != null) {
                            wait = max(wait, Duration.between(at, addr.since.plus(window)));
                        }
                        boolean turn = !pair.checking;
                        pair.checking = true;
                        return new Attempt(pair, addr, false, turn, wait);
                    }
                }
                try {
                    // end() of this pair notifies; an address slot freed by another pair is seen at the next look
                    pair.wait(PENDING_LOOK_MILLIS);
                    waited = true;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Attempt(pair, addr, false, false, true, Duration.ofSeconds(1));
                }
            }
        }
    }

    /** How often a waiting attempt looks again for a free slot of its address. */
    private static final long PENDING_LOOK_MILLIS = 50;

    /**
     * Ends an attempt (in {@code finally}): a checked failure counts for the pair and the address;
     * a success or an attempt that could not be checked gives its slot back.
     */
    public void end(Attempt attempt, boolean checkedFailure, Instant now) {
        if (attempt.ended) {
            return;
        }
        attempt.ended = true;
        Pair pair = attempt.pair;
        Address addr = attempt.address;
        synchronized (pair) {
            synchronized (addr) {
                if (attempt.reserved) {
                    pair.pending = Math.max(0, pair.pending - 1);
                    addr.pending = Math.max(0, addr.pending - 1);
                }
                if (checkedFailure) {
                    prune(pair.failures, now);
                    pair.failures.addLast(now);
                    while (pair.failures.size() > maxFailures) {
                        // only the newest maxFailures decide when the pair may try again
                        pair.failures.removeFirst();
                    }
                    roll(addr, now);
                    addr.failures++;
                }
            }
            if (attempt.turn) {
                pair.checking = false;
            }
            pair.notifyAll();
        }
    }

    /**
     * Whether a refusal of this pair is the first since it went over its limit (the audit notes a
     * throttled pair once per window, not every refused request).
     */
    public boolean firstRefusal(Attempt attempt, Instant now) {
        Pair pair = attempt.pair;
        synchronized (pair) {
            if (pair.refusalNoted != null && pair.refusalNoted.plus(window).isAfter(now)) {
                return false;
            }
            pair.refusalNoted = now;
            return true;
        }
    }

    private static Duration max(Duration a, Duration b) {
        return b.compareTo(a) > 0 ? b : a;
    }

    private void roll(Address addr, Instant now) {
        if (addr.since == null || !addr.since.plus(window).isAfter(now)) {
            addr.since = now;
            addr.failures = 0;
        }
    }

    private void prune(Deque<Instant> recent, Instant now) {
        while (!recent.isEmpty() && !recent.peekFirst().plus(window).isAfter(now)) {
            recent.removeFirst();
        }
    }

    /** Bounds the memory: when too many keys are kept, forget those with nothing left in their window. */
    private void trim(Instant now) {
        if (pairs.size() >= MAX_KEYS) {
            pairs.entrySet().removeIf(e -> {
                Pair p = e.getValue();
                synchronized (p) {
                    prune(p.failures, now);
                    return p.failures.isEmpty() && p.pending == 0 && !p.checking;
                }
            });
        }
        if (addresses.size() >= MAX_KEYS) {
            addresses.entrySet().removeIf(e -> {
                Address a = e.getValue();
                synchronized (a) {
                    return a.pending == 0 && (a.since == null || !a.since.plus(window).isAfter(now));
                }
            });
        }
    }
}
