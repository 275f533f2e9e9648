package org.tsunagu.persistence;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Encrypts one text value at rest with AES-GCM, so that a copy of the database (a backup, a dump, a
 * stolen disk) does not give away who was seen where. Every value gets a random 96-bit IV and a
 * 128-bit tag; the stored form names the key it was sealed with ({@code gcm1:<key id>:<base64url of
 * IV ‖ ciphertext ‖ tag>}), so keys can be rotated: new values use the first (current) key of the
 * ring, every listed key still opens old ones. The prefix and key id are authenticated data, so a
 * value cannot be moved to another key id unnoticed, and a changed byte is refused, never returned.
 * A value without the prefix is legacy plaintext (written before encryption existed) and is returned
 * as it is; {@link #isCurrent} tells the re-encryption job which values still need sealing.
 * Never puts a value, plain or sealed, into an exception message.
 */
public final class FieldCipher {

    /** Marks a sealed value (format version 1). */
    public static final String PREFIX = "gcm1:";
    /** Key ids: letters, digits and '-' only (no LIKE wildcard, no ':' or ','). */
    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9-]{1,16}");
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKeySpec> keys;

    private FieldCipher(String currentId, Map<String, SecretKeySpec> keys) {
        this.currentId = currentId;
        this.keys = keys;
    }

    /**
     * Parses the key ring {@code "k2:base64key,k1:base64oldkey"}: the first entry is the current key.
     * Keys are 128, 192 or 256 bits in standard or URL-safe base64. Throws with a message naming
     * the problem (never the key) when the text is not a valid ring.
     */
    public static FieldCipher parse(String ring) {
        if (ring == null || ring.isBlank()) {
            throw new IllegalArgumentException("TSUNAGU_ALERT_KEYS is empty");
        }
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        String current = null;
        for (String entry : ring.split(",")) {
            String e = entry.strip();
            int colon = e.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("TSUNAGU_ALERT_KEYS: every entry is <key id>:<base64 key>");
            }
            String id = e.substring(0, colon).strip();
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("TSUNAGU_ALERT_KEYS: a key id is 1 to 16 letters, digits or '-': '" + id + "'");
            }
            byte[] key;
            try {
                String b64 = e.substring(colon + 1).strip();
                key = b64.contains("-") || b64.contains("_") ? Base64.getUrlDecoder().decode(b64) : Base64.getDecoder().decode(b64);
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException("TSUNAGU_ALERT_KEYS: the key of '" + id + "' is not base64");
            }
            if (key.length != 16 && key.length != 24 && key.length != 32) {
                throw new IllegalArgumentException("TSUNAGU_ALERT_KEYS: the key of '" + id + "' has " + key.length * 8
                        + " bits; AES needs 128, 192 or 256 (e.g. openssl rand -base64 32)");
            }
            if (keys.putIfAbsent(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException("TSUNAGU_ALERT_KEYS: key id '" + id + "' is listed twice");
            }
            if (current == null) {
                current = id;
            }
        }
        return new FieldCipher(current, Map.copyOf(keys));
    }

    /** A new random 256-bit key in base64, e.g. for the generated key of the demo profile. */
    public static String newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public String currentKeyId() {
        return currentId;
    }

    /** The prefix of a value sealed with the current key (for SQL {@code LIKE prefix || '%'}). */
    public String currentPrefix() {
        return PREFIX + currentId + ":";
    }

    /** Seals a value with the current key; null stays null. */
    public String seal(String plain) {
        if (plain == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(currentPrefix().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return currentPrefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Opens a sealed value with the key it names; a value without {@link #PREFIX} is legacy plaintext
     * and comes back unchanged. Throws {@link IllegalStateException} when the key id is not in the
     * ring or the value was changed (the tag does not match): such a value is refused, not guessed.
     */
    public String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new IllegalStateException("sealed value without a key id");
        }
        String id = stored.substring(PREFIX.length(), colon);
        SecretKeySpec key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("sealed with key '" + id + "', which TSUNAGU_ALERT_KEYS does not list");
        }
        byte[] in;
        try {
            in = Base64.getUrlDecoder().decode(stored.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("sealed value (key '" + id + "') is not base64: changed at rest");
        }
        if (in.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("sealed value (key '" + id + "') is too short: changed at rest");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            c.updateAAD(stored.substring(0, colon + 1).getBytes(StandardCharsets.US_ASCII));
            return new String(c.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("sealed value (key '" + id + "') does not authenticate: "
                    + "changed at rest or a different key under that id");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Whether a stored value is null or already sealed with the current key (nothing to re-encrypt). */
    public boolean isCurrent(String stored) {
        return stored == null || stored.startsWith(currentPrefix());
    }

    /** Opens a value and seals it again with the current key (legacy plaintext gets sealed). */
    public String reseal(String stored) {
        return isCurrent(stored) ? stored : seal(open(stored));
    }
}
