package org.tsunagu.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PBKDF2 (HMAC-SHA512, 210,000 iterations, 32-byte salt: OWASP's 2023 advice) through Jakarta
 * Security's Pbkdf2PasswordHash. Because API clients send Basic credentials with every request,
 * a successful verification is remembered for a few minutes under a digest of the credentials
 * and the stored hash (a password change invalidates it); the password itself is never kept.
 */
@ApplicationScoped
public class PasswordHashing {

    private static final Duration REMEMBER = Duration.ofMinutes(5);
    private static final int MAX_REMEMBERED = 10_000;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    private final Map<String, Instant> verified = new ConcurrentHashMap<>();

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
        boolean ok = pbkdf2.verify(password.toCharArray(), storedHash);
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
