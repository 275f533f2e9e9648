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
 * 128-bit tag; the stored form names the key it was sealed with ({@code gcm2:<key id>:<base64url of
 * IV ‖ ciphertext ‖ tag>}), so keys can be rotated: new values use the first (current) key of the
 * ring, every listed key still opens old ones.
 * <p>
 * The prefix, the key id and the value's <em>place</em> — table, column and the row's key, e.g.
 * {@code alert.details:W-2026-000123} — are authenticated data: a value copied into another column or
 * another alert's row (by someone who can write the database but has no key) does not open there, so
 * one person's details cannot be made to appear in another person's alert. A changed byte is refused,
 * never returned.
 * <p>
 * Older forms are read only until the start-up pass has sealed everything again
 * ({@link #requireBound()}): {@code gcm1:} values (sealed before places were bound, only the key id
 * authenticated) and legacy plaintext (written before encryption existed). After that pass both are
 * refused, so plaintext slipped into a column later is not shown as if it were a record.
 * {@link #isCurrent} tells the re-encryption job which values still need sealing.
 * Never puts a value, plain or sealed, into an exception message.
 */
public final class FieldCipher {

    /** Marks a sealed value bound to its place (format version 2, written today). */
    public static final String PREFIX = "gcm2:";
    /** Marks a value of format version 1: only the key id authenticated (read until {@link #requireBound()}). */
    public static final String PREFIX_V1 = "gcm1:";
    /** Key ids: letters, digits and '-' only (no LIKE wildcard, no ':' or ','). */
    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9-]{1,16}");
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKeySpec> keys;
    /** Set once every stored value is of the current form: then older forms are refused. */
    private volatile boolean bound;

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

    /**
     * Seals a value with the current key, bound to its place; null stays null.
     *
     * @param place where the value is stored: {@code <table>.<column>:<row key>} (see {@link #place})
     */
    public String seal(String plain, String place) {
        if (plain == null) {
            return null;
        }
        requirePlace(place);
        return encrypt(plain, currentPrefix(), currentPrefix() + place);
    }

    /** AES-GCM with a fresh IV: {@code prefix} + base64url(IV ‖ ciphertext ‖ tag), {@code aad} authenticated. */
    private String encrypt(String plain, String prefix, String aad) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The place of a value: {@code alert.details:W-2026-000123}. */
    public static String place(String table, String column, String rowKey) {
        if (rowKey == null || rowKey.isBlank()) {
            throw new IllegalArgumentException("a sealed value needs the key of its row");
        }
        return table + "." + column + ":" + rowKey;
    }

    private static void requirePlace(String place) {
        if (place == null || place.indexOf('.') < 1 || place.indexOf(':') < 3) {
            throw new IllegalArgumentException("a sealed value needs its place (table.column:row)");
        }
    }

    /** Seals with format version 1 (key id only authenticated): for tests of upgraded databases only. */
    String sealV1(String plain) {
        String prefix = PREFIX_V1 + currentId + ":";
        return encrypt(plain, prefix, prefix);
    }

    /**
     * From now on only values of the current form open: plaintext and {@code gcm1:} values are
     * refused. Called when the start-up pass left nothing of an older form.
     */
    public void requireBound() {
        bound = true;
    }

    /** Whether older forms are refused ({@link #requireBound()}). */
    public boolean isBound() {
        return bound;
    }

    /**
     * Opens a value sealed for {@code place} with the key it names. Until {@link #requireBound()}
     * a {@code gcm1:} value is opened without its place and a value without a prefix (legacy plaintext)
     * comes back unchanged; afterwards both are refused. Throws {@link IllegalStateException} when the
     * key id is not in the ring, the value was changed, or it belongs to another place (the tag does
     * not match): such a value is refused, not guessed.
     */
    public String open(String stored, String place) {
        if (stored == null) {
            return null;
        }
        requirePlace(place);
        if (stored.startsWith(PREFIX)) {
            return decrypt(stored, PREFIX, place);
        }
        if (bound) {
            throw new IllegalStateException(stored.startsWith(PREFIX_V1)
                    ? "a value of the old sealed form (gcm1) after every value was sealed again: refused"
                    : "an unsealed value in a sealed column: refused");
        }
        return stored.startsWith(PREFIX_V1) ? decrypt(stored, PREFIX_V1, "") : stored;
    }

    private String decrypt(String stored, String prefix, String place) {
        int colon = stored.indexOf(':', prefix.length());
        if (colon < 0) {
            throw new IllegalStateException("sealed value without a key id");
        }
        String id = stored.substring(prefix.length(), colon);
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
            c.updateAAD((stored.substring(0, colon + 1) + place).getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("sealed value (key '" + id + "') does not authenticate: "
                    + "changed at rest, moved from another column or row, or a different key under that id");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Whether a stored value is null or already sealed with the current key in the current form (nothing to re-encrypt). */
    public boolean isCurrent(String stored) {
        return stored == null || stored.startsWith(currentPrefix());
    }

    /**
     * Opens a value of any readable form (even after {@link #requireBound()}: this is how older forms
     * are brought up to date) and seals it again with the current key for its place.
     */
    public String reseal(String stored, String place) {
        if (isCurrent(stored)) {
            return stored;
        }
        requirePlace(place);
        String plain;
        if (stored.startsWith(PREFIX)) {
            plain = decrypt(stored, PREFIX, place);
        } else if (stored.startsWith(PREFIX_V1)) {
            plain = decrypt(stored, PREFIX_V1, "");
        } else {
            plain = stored;
        }
        return seal(plain, place);
    }
}
