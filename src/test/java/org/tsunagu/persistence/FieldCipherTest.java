package org.tsunagu.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AES-GCM sealing of personal fields: round trip, tampering and wrong keys refused, rotation, legacy plaintext. */
class FieldCipherTest {

    /** Where the values of these tests live: a column of one alert. */
    private static final String P = "alert.details:W-2026-000001";

    static final String K1 = FieldCipher.newKey();
    static final String K2 = FieldCipher.newKey();
    static final String PERSON = "高橋ミツ（80代）、若葉2丁目3-5 🏠";

    @Test
    void round_trip_hides_the_text_and_names_the_key() {
        FieldCipher c = FieldCipher.parse("k1:" + K1);
        String sealed = c.seal(PERSON, P);
        assertTrue(sealed.startsWith("gcm2:k1:"), sealed);
        assertFalse(sealed.contains("高橋") || sealed.contains("若葉"), sealed);
        assertEquals(PERSON, c.open(sealed, P));
        assertEquals("", c.open(c.seal("", P), P));
        assertNull(c.seal(null, P));
        assertNull(c.open(null, P));
    }

    @Test
    void every_value_gets_its_own_iv() {
        FieldCipher c = FieldCipher.parse("k1:" + K1);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(c.seal(PERSON, P)), "same plaintext, a different ciphertext each time");
        }
        byte[] raw = Base64.getUrlDecoder().decode(c.seal("x", P).substring("gcm2:k1:".length()));
        assertEquals(12 + 1 + 16, raw.length, "96-bit IV, the text, 128-bit tag");
    }

    @Test
    void a_changed_byte_is_refused_not_returned() {
        FieldCipher c = FieldCipher.parse("k1:" + K1);
        String sealed = c.seal(PERSON, P);
        String body = sealed.substring("gcm2:k1:".length());
        byte[] raw = Base64.getUrlDecoder().decode(body);
        for (int i = 0; i < raw.length; i++) {
            byte[] tampered = raw.clone();
            tampered[i] ^= 0x01;
            String t = "gcm2:k1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.open(t, P), "byte " + i);
            assertFalse(e.getMessage().contains(body), "the value is not in the message");
        }
        assertThrows(IllegalStateException.class, () -> c.open("gcm2:k1:" + body.substring(0, 20), P), "truncated");
        assertThrows(IllegalStateException.class, () -> c.open("gcm2:k1:***", P), "not base64");
        assertThrows(IllegalStateException.class, () -> c.open("gcm2:k1", P), "no key id separator");
    }

    @Test
    void a_wrong_key_under_the_same_id_is_refused() {
        String sealed = FieldCipher.parse("k1:" + K1).seal(PERSON, P);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FieldCipher.parse("k1:" + K2).open(sealed, P));
        assertTrue(e.getMessage().contains("does not authenticate"), e.getMessage());
        IllegalStateException unknown = assertThrows(IllegalStateException.class, () -> FieldCipher.parse("k9:" + K1).open(sealed, P));
        assertTrue(unknown.getMessage().contains("'k1'"), unknown.getMessage());
    }

    @Test
    void the_key_id_is_authenticated() {
        FieldCipher both = FieldCipher.parse("k2:" + K1 + ",k1:" + K1); // same key bytes under two ids
        String sealed = both.seal(PERSON, P);
        String relabelled = "gcm2:k1:" + sealed.substring("gcm2:k2:".length());
        assertThrows(IllegalStateException.class, () -> both.open(relabelled, P));
    }

    @Test
    void rotation_new_writes_use_the_first_key_old_values_still_open() {
        FieldCipher before = FieldCipher.parse("k1:" + K1);
        String old = before.seal(PERSON, P);
        FieldCipher after = FieldCipher.parse(" k2:" + K2 + " , k1:" + K1);
        assertEquals("k2", after.currentKeyId());
        assertEquals(PERSON, after.open(old, P), "the old key still reads");
        assertFalse(after.isCurrent(old));
        String resealed = after.reseal(old, P);
        assertTrue(resealed.startsWith("gcm2:k2:"), resealed);
        assertTrue(after.isCurrent(resealed));
        assertEquals(resealed, after.reseal(resealed, P), "a current value is left as it is");
        assertEquals(PERSON, FieldCipher.parse("k2:" + K2).open(resealed, P), "k1 can go once everything is resealed");
        assertThrows(IllegalStateException.class, () -> FieldCipher.parse("k2:" + K2).open(old, P), "…and not before");
    }

    @Test
    void a_value_opens_only_in_its_own_column_and_row() {
        FieldCipher c = FieldCipher.parse("k1:" + K1);
        String sealed = c.seal(PERSON, FieldCipher.place("alert", "details", "W-2026-000001"));
        assertEquals(PERSON, c.open(sealed, FieldCipher.place("alert", "details", "W-2026-000001")));
        IllegalStateException otherRow = assertThrows(IllegalStateException.class,
                () -> c.open(sealed, FieldCipher.place("alert", "details", "W-2026-000002")), "copied to another alert");
        assertFalse(otherRow.getMessage().contains("高橋"), otherRow.getMessage());
        assertThrows(IllegalStateException.class,
                () -> c.open(sealed, FieldCipher.place("alert", "reporter_name", "W-2026-000001")), "moved to another column");
        assertThrows(IllegalStateException.class,
                () -> c.open(sealed, FieldCipher.place("alert_event", "details", "W-2026-000001")), "moved to another table");
        assertThrows(IllegalArgumentException.class, () -> c.seal(PERSON, "details"), "a value without its place");
        assertThrows(IllegalArgumentException.class, () -> FieldCipher.place("alert", "details", " "));
    }

    @Test
    void old_unbound_values_open_until_the_pass_then_are_refused_like_plaintext() {
        FieldCipher c = FieldCipher.parse("k1:" + K1);
        String v1 = c.sealV1(PERSON);
        assertTrue(v1.startsWith("gcm1:k1:"), v1);
        assertFalse(c.isCurrent(v1), "an unbound value is resealed by the pass");
        assertEquals(PERSON, c.open(v1, P), "read before the pass");
        String bound = c.reseal(v1, P);
        assertTrue(bound.startsWith("gcm2:k1:") && c.isCurrent(bound), bound);
        assertEquals(PERSON, c.open(bound, P));

        c.requireBound();
        assertTrue(c.isBound());
        IllegalStateException plain = assertThrows(IllegalStateException.class, () -> c.open(PERSON, P));
        assertFalse(plain.getMessage().contains("高橋"), plain.getMessage());
        assertThrows(IllegalStateException.class, () -> c.open(v1, P), "gcm1 after the pass");
        assertEquals(PERSON, c.open(bound, P), "the current form still opens");
        assertNull(c.open(null, P), "an erased field stays readable");
        assertTrue(c.reseal(PERSON, P).startsWith("gcm2:k1:"), "the pass itself still brings old forms up to date");
    }

    @Test
    void legacy_plaintext_is_read_as_it_is_and_sealed_on_reseal() {
        FieldCipher c = FieldCipher.parse("k1:" + K1);
        assertEquals(PERSON, c.open(PERSON, P));
        assertFalse(c.isCurrent(PERSON));
        assertTrue(c.isCurrent(null));
        String sealed = c.reseal(PERSON, P);
        assertTrue(sealed.startsWith("gcm2:k1:"));
        assertEquals(PERSON, c.open(sealed, P));
    }

    @Test
    void bad_key_rings_are_refused_without_echoing_the_key() {
        for (String ring : new String[] {null, "", " ", "k1", "k1:not base64!", "k1:" + Base64.getEncoder().encodeToString(new byte[10]),
                "k_1:" + K1, "k1:" + K1 + ",k1:" + K2, ":" + K1}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FieldCipher.parse(ring), String.valueOf(ring));
            assertTrue(e.getMessage().startsWith("TSUNAGU_ALERT_KEYS"), e.getMessage());
            assertFalse(e.getMessage().contains(K1) || e.getMessage().contains(K2), e.getMessage());
        }
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getDecoder().decode(K1));
        assertEquals(PERSON, FieldCipher.parse("k1:" + urlSafe).open(FieldCipher.parse("k1:" + K1).seal(PERSON, P), P), "URL-safe base64 too");
        assertEquals("k1", FieldCipher.parse("k1:" + Base64.getEncoder().encodeToString(new byte[16])).currentKeyId(), "AES-128");
    }

    @Test
    void the_demo_key_is_generated_once_and_kept_owner_only(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub").resolve(EncryptedText.KEY_FILE);
        String ring = EncryptedText.generatedDemoKey(file);
        assertTrue(ring.startsWith("demo:"), "key id demo");
        assertEquals(ring, EncryptedText.generatedDemoKey(file), "the same key on the next start");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        FieldCipher c = FieldCipher.parse(ring);
        assertEquals(PERSON, c.open(c.seal(PERSON, P), P));
    }
}
