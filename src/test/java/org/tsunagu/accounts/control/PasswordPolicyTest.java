package org.tsunagu.accounts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    static final Optional<String> TOO_SHORT = Optional.of("パスワードは12文字以上にしてください");
    static final Optional<String> COMMON = Optional.of("よく使われるパスワードは使えません");

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"a", "Tr0ub4dor&3", "correcthors"}) // 11 characters at most
    @DisplayName("fewer than 12 characters is too short")
    void tooShort(String password) {
        assertEquals(TOO_SHORT, PasswordPolicy.violation(password));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "PASSWORD1234", "Password1234", "123456789012", "qwerty123456",
            "administrator"})
    @DisplayName("passwords on the common list are refused, whatever the case")
    void common(String password) {
        assertEquals(COMMON, PasswordPolicy.violation(password));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaaaa", "AAAAAAAAAAAAaaaa", "abababababab", "121212121212", "ああああああああああああ"})
    @DisplayName("one or two distinct characters repeated are refused")
    void repeated(String password) {
        assertEquals(COMMON, PasswordPolicy.violation(password));
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "abcabcabcabc", "Hikarigaoka-2-9-6", "tsunagu-mimamori-2026"})
    @DisplayName("long, uncommon passwords are accepted")
    void good(String password) {
        assertEquals(Optional.empty(), PasswordPolicy.violation(password));
    }

    @Test
    @DisplayName("12 Japanese characters count as 12")
    void japaneseCharacters() {
        String twelve = "みまもりつなぐ光が丘二丁";
        assertEquals(12, twelve.length());
        assertEquals(Optional.empty(), PasswordPolicy.violation(twelve));
        assertEquals(TOO_SHORT, PasswordPolicy.violation(twelve.substring(0, 11)));
    }

    @Test
    @DisplayName("characters outside the BMP count once, not as two UTF-16 units")
    void supplementaryCharacters() {
        String elevenCodePoints = "𠮷野家で牛丼を食べたい"; // 𠮷 is a surrogate pair
        assertEquals(11, elevenCodePoints.codePointCount(0, elevenCodePoints.length()));
        assertEquals(12, elevenCodePoints.length());
        assertEquals(TOO_SHORT, PasswordPolicy.violation(elevenCodePoints));
        assertTrue(PasswordPolicy.violation(elevenCodePoints + "ね").isEmpty());
    }
}
