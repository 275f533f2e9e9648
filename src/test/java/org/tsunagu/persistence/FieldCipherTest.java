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

    static final String K1 = FieldCipher.newKey();
    static final String K2 = FieldCipher.newKey();
    static final String PERSON = "高橋ミツ（80代）、若葉2丁目3-5 🏠";

    @Test
    void round_trip_hides_the_text_and_names_the_key() {
        FieldCipher c = FieldCipher.parse("k1:" + K1);
        String sealed = c.seal(PERSON);
        assertTrue(sealed.startsWith("gcm1:k1:"), sealed);
        assertFalse(sealed.contains("高橋") || sealed.contains("若葉"), sealed);
        assertEquals(PERSON, c.open(sealed));
        assertEquals("", c.open(c.seal("")));
        assertNull(c.seal(null));
        assertNull(c.open(null));
    }

    @Test
    void every_value_gets_its_own_iv() {
        FieldCipher c = FieldCipher.parse("k1:" + K1);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(c.seal(PERSON)), "same plaintext, a different ciphertext each time");
        }
        byte[] raw = Base64.getUrlDecoder().decode(c.seal("x").substring("gcm1:k1:".length()));
        assertEquals(12 + 1 + 16, raw.length, "96-bit IV, the text, 128-bit tag");
    }

    @Test
    void a_changed_byte_is_refused_not_returned() {
        FieldCipher c = FieldCipher.parse("k1:" + K1);
        String sealed = c.seal(PERSON);
        String body = sealed.substring("gcm1:k1:".length());
        byte[] raw = Base64.getUrlDecoder().decode(body);
        for (int i = 0; i < raw.length; i++) {
            byte[] tampered = raw.clone();
            tampered[i] ^= 0x01;
            String t = "gcm1:k1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.open(t), "byte " + i);
            assertFalse(e.getMessage().contains(body), "the value is not in the message");
        }
        assertThrows(IllegalStateException.class, () -> c.open("gcm1:k1:" + body.substring(0, 20)), "truncated");
        assertThrows(IllegalStateException.class, () -> c.open("gcm1:k1:***"), "not base64");
        assertThrows(IllegalStateException.class, () -> c.open("gcm1:k1"), "no key id separator");
    }

    @Test
    void a_wrong_key_under_the_same_id_is_refused() {
        String sealed = FieldCipher.parse("k1:" + K1).seal(PERSON);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> FieldCipher.parse("k1:" + K2).open(sealed));
        assertTrue(e.getMessage().contains("does not authenticate"), e.getMessage());
        IllegalStateException unknown = assertThrows(IllegalStateException.class, () -> FieldCipher.parse("k9:" + K1).open(sealed));
        assertTrue(unknown.getMessage().contains("'k1'"), unknown.getMessage());
    }

    @Test
    void the_key_id_is_authenticated() {
        FieldCipher both = FieldCipher.parse("k2:" + K1 + ",k1:" + K1); // same key bytes under two ids
        String sealed = both.seal(PERSON);
        String relabelled = "gcm1:k1:" + sealed.substring("gcm1:k2:".length());
        assertThrows(IllegalStateException.class, () -> both.open(relabelled));
    }

    @Test
    void rotation_new_writes_use_the_first_key_old_values_still_open() {
        FieldCipher before = FieldCipher.parse("k1:" + K1);
        String old = before.seal(PERSON);
        FieldCipher after = FieldCipher.parse(" k2:" + K2 + " , k1:" + K1);
        assertEquals("k2", after.currentKeyId());
        assertEquals(PERSON, after.open(old), "the old key still reads");
        assertFalse(after.isCurrent(old));
        String resealed = after.reseal(old);
        assertTrue(resealed.startsWith("gcm1:k2:"), resealed);
        assertTrue(after.isCurrent(resealed));
        assertEquals(resealed, after.reseal(resealed), "a current value is left as it is");
        assertEquals(PERSON, FieldCipher.parse("k2:" + K2).open(resealed), "k1 can go once everything is resealed");
        assertThrows(IllegalStateException.class, () -> FieldCipher.parse("k2:" + K2).open(old), "…and not before");
    }

    @Test
    void legacy_plaintext_is_read_as_it_is_and_sealed_on_reseal() {
        FieldCipher c = FieldCipher.parse("k1:" + K1);
        assertEquals(PERSON, c.open(PERSON));
        assertFalse(c.isCurrent(PERSON));
        assertTrue(c.isCurrent(null));
        String sealed = c.reseal(PERSON);
        assertTrue(sealed.startsWith("gcm1:k1:"));
        assertEquals(PERSON, c.open(sealed));
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
        assertEquals(PERSON, FieldCipher.parse("k1:" + urlSafe).open(FieldCipher.parse("k1:" + K1).seal(PERSON)), "URL-safe base64 too");
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
        assertEquals(PERSON, c.open(c.seal(PERSON)));
    }
}
