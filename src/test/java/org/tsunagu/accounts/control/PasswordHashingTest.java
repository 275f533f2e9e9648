package org.tsunagu.accounts.control;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pins the parameters of stored password hashes: PBKDF2 with HMAC-SHA512, 210,000 iterations, a
 * 32-byte salt and a 64-byte key, in Jakarta Security's format {@code algorithm:iterations:salt:hash}
 * (Base64). The server's Pbkdf2PasswordHash (Soteria, inside Payara) is not on the test class path,
 * so the test gives PasswordHashing the same algorithm straight from the JDK, configured only by what
 * PasswordHashing passes to {@code initialize}, and recomputes each stored hash independently.
 */
class PasswordHashingTest {

    PasswordHashing hashing;

    @BeforeEach
    void setUp() {
        hashing = new PasswordHashing();
        hashing.pbkdf2 = new JdkPbkdf2();
        hashing.configure();
    }

    @Test
    void verifications_beyond_the_configured_concurrency_are_busy_never_an_error() throws Exception {
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(2);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        String stored = hashing.hash("Mitsuba-no-kuroba-7");
        PasswordHashing bounded = new PasswordHashing();
        bounded.pbkdf2 = new JdkPbkdf2() {
            @Override
            public boolean verify(char[] password, String hashedPassword) {
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.verify(password, hashedPassword);
            }
        };
        bounded.concurrency = 2;
        bounded.permitWait = java.time.Duration.ofMillis(200);
        bounded.configure();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> bounded.verify("wrong-1", stored));
            var second = pool.submit(() -> bounded.verify("wrong-2", stored));
            assertTrue(inside.await(10, java.util.concurrent.TimeUnit.SECONDS), "two verifications run at once");
            PasswordHashing.Busy busy = org.junit.jupiter.api.Assertions.assertThrows(PasswordHashing.Busy.class,
                    () -> bounded.verify("wrong-3", stored), "a third finds no permit within the wait");
            assertEquals(429, busy.status());
            release.countDown();
            assertFalse(first.get());
            assertFalse(second.get());
            assertTrue(bounded.verify("Mitsuba-no-kuroba-7", stored), "permits are given back");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void stored_hashes_are_pbkdf2_hmac_sha512_with_210000_iterations_a_32_byte_salt_and_a_64_byte_key() throws Exception {
        String stored = hashing.hash("Mitsuba-no-kuroba-7");
        String[] parts = stored.split(":");
        assertEquals(4, parts.length, stored);
        assertEquals("PBKDF2WithHmacSHA512", parts[0]);
        assertEquals(210_000, Integer.parseInt(parts[1]));
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] key = Base64.getDecoder().decode(parts[3]);
        assertEquals(32, salt.length, "salt bytes");
        assertEquals(64, key.length, "key bytes");
        assertArrayEquals(pbkdf2("Mitsuba-no-kuroba-7", salt, 210_000, 64), key, "recomputed independently");
    }

    @Test
    void the_parameters_given_to_jakarta_security_are_pinned() {
        assertEquals(Map.of("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"), PasswordHashing.PARAMETERS);
    }

    @Test
    void each_hash_has_its_own_salt_and_verifies_only_its_password() {
        String a = hashing.hash("same-password-123");
        String b = hashing.hash("same-password-123");
        assertNotEquals(a, b, "random salt");
        assertTrue(hashing.verify("same-password-123", a));
        assertFalse(hashing.verify("same-password-124", a));
    }

    @Test
    void the_dummy_hash_for_unknown_users_costs_the_same_and_matches_nothing() {
        String dummy = hashing.dummyHash();
        assertTrue(dummy.startsWith("PBKDF2WithHmacSHA512:210000:"), dummy);
        assertEquals(dummy, hashing.dummyHash(), "made once");
        assertFalse(hashing.verify("", dummy));
        assertFalse(hashing.verify("tsunagu-demo-2026", dummy));
    }

    static byte[] pbkdf2(String password, byte[] salt, int iterations, int keyBytes) throws GeneralSecurityException {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, keyBytes * 8)).getEncoded();
    }

    /** PBKDF2 from the JDK in Jakarta Security's format, configured only through {@code initialize}. */
    static class JdkPbkdf2 implements Pbkdf2PasswordHash {

        private final Map<String, String> parameters = new HashMap<>();

        @Override
        public void initialize(Map<String, String> given) {
            parameters.putAll(given);
        }

        @Override
        public String generate(char[] password) {
            try {
                String algorithm = parameters.get("Pbkdf2PasswordHash.Algorithm");
                int iterations = Integer.parseInt(parameters.get("Pbkdf2PasswordHash.Iterations"));
                byte[] salt = new byte[Integer.parseInt(parameters.get("Pbkdf2PasswordHash.SaltSizeBytes"))];
                new SecureRandom().nextBytes(salt);
                int keyBytes = Integer.parseInt(parameters.get("Pbkdf2PasswordHash.KeySizeBytes"));
                byte[] key = SecretKeyFactory.getInstance(algorithm)
                        .generateSecret(new PBEKeySpec(password, salt, iterations, keyBytes * 8)).getEncoded();
                return algorithm + ":" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                        + Base64.getEncoder().encodeToString(key);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean verify(char[] password, String hashedPassword) {
            try {
                String[] p = hashedPassword.split(":");
                byte[] salt = Base64.getDecoder().decode(p[2]);
                byte[] expected = Base64.getDecoder().decode(p[3]);
                byte[] key = SecretKeyFactory.getInstance(p[0])
                        .generateSecret(new PBEKeySpec(password, salt, Integer.parseInt(p[1]), expected.length * 8)).getEncoded();
                return Arrays.equals(expected, key);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
