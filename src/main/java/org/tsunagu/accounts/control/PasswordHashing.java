package org.tsunagu.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tsunagu.problems.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * PBKDF2 (HMAC-SHA512, 210,000 iterations, 32-byte salt: OWASP's 2023 advice) through Jakarta
 * Security's Pbkdf2PasswordHash. Because API clients send Basic credentials with every request,
 * a successful verification is remembered for a few minutes under a digest of the credentials
 * and the stored hash (a password change invalidates it); the password itself is never kept.
 * <p>
 * A verification costs a core for a while, so at most {@code tsunagu.login.hashing.concurrency}
 * (default 2 × cores) run at once; an attempt that finds none free within
 * {@code tsunagu.login.hashing.wait} gets {@link Busy} (429 with Retry-After), never a 5xx, and a
 * flood of guesses cannot take every core. Remembered credentials need no verification and no permit.
 */
@ApplicationScoped
public class PasswordHashing {

    private static final Duration REMEMBER = Duration.ofMinutes(5);
    private static final int MAX_REMEMBERED = 10_000;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    private final Map<String, Instant> verified = new ConcurrentHashMap<>();

    /** Concurrent PBKDF2 verifications at most; 0: twice the processors. */
    @Inject
    @ConfigProperty(name = "tsunagu.login.hashing.concurrency", defaultValue = "0")
    int concurrency;

    /** How long a verification waits for a free permit before it answers {@link Busy}. */
    @Inject
    @ConfigProperty(name = "tsunagu.login.hashing.wait", defaultValue = "PT3S")
    Duration permitWait;

    private volatile Semaphore permits;

    /** Too many verifications at once: try again in {@link #RETRY_AFTER_SECONDS} (429, never a 5xx). */
    public static final class Busy extends ProblemException {
        public static final int RETRY_AFTER_SECONDS = 2;

        Busy() {
            super(429, "Too Many Requests",
                    "ただいまログインの確認が混み合っています。数秒待ってから送り直してください。", null);
        }
    }

    /** The parameters of every new hash (PasswordHashingTest pins them). */
    static final Map<String, String> PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64");

    private volatile String dummyHash;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(PARAMETERS);
        permits();
    }

    private Semaphore permits() {
        Semaphore p = permits;
        if (p == null) {
            int n = concurrency > 0 ? concurrency : 2 * Runtime.getRuntime().availableProcessors();
            p = new Semaphore(n, true);
            permits = p;
        }
        return p;
    }

    /**
     * A hash of a random password nobody knows, with the same parameters: verifying against it costs
     * what a wrong password costs, for usernames that do not exist.
     */
    public String dummyHash() {
        String d = dummyHash;
        if (d == null) {
            byte[] random = new byte[24];
            new java.security.SecureRandom().nextBytes(random);
            d = hash(HexFormat.of().formatHex(random));
            dummyHash = d;
        }
        return d;
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    public boolean verify(String password, String storedHash) {
        String key = digest(password, storedHash);
        Instant until = verified.get(key);
        Instant now = Instant.now();
        if (until != null && until.isAfter(now)) {
            return true;
        }
        boolean ok = verifyBounded(password, storedHash);
        if (ok) {
            if (verified.size() >= MAX_REMEMBERED) {
                verified.entrySet().removeIf(e -> e.getValue().isBefore(now));
            }
            verified.put(key, now.plus(REMEMBER));
        } else {
            verified.remove(key);
        }
        return ok;
    }

    private boolean verifyBounded(String password, String storedHash) {
        Semaphore p = permits();
        boolean acquired;
        try {
            acquired = p.tryAcquire(permitWait == null ? 0 : permitWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        if (!acquired) {
            throw new Busy();
        }
        try {
            return pbkdf2.verify(password.toCharArray(), storedHash);
        } finally {
            p.release();
        }
    }

    private static String digest(String password, String storedHash) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(storedHash.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
