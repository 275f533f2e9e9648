package org.tsunagu.areas.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MunicipalityTest {

    @ParameterizedTest
    @ValueSource(strings = {"131202", "000000", "999999"})
    @DisplayName("six ASCII digits are a valid code")
    void validCodes(String code) {
        assertTrue(Municipality.isValidCode(code));
        assertEquals(code, new Municipality(code, "東京都", "練馬区").getCode());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"13120", "1312020", "13120a", " 131202", "131202 ", "13-120", "１３１２０２"})
    @DisplayName("anything but exactly six ASCII digits is refused")
    void invalidCodes(String code) {
        assertFalse(Municipality.isValidCode(code));
        assertThrows(IllegalArgumentException.class, () -> new Municipality(code, "東京都", "練馬区"));
    }

    @Test
    @DisplayName("prefecture and name are required and stripped")
    void names() {
        Municipality m = new Municipality("131202", " 東京都 ", " 練馬区 ");
        assertEquals("東京都", m.getPrefecture());
        assertEquals("練馬区", m.getName());
        assertThrows(IllegalArgumentException.class, () -> new Municipality("131202", " ", "練馬区"));
        assertThrows(IllegalArgumentException.class, () -> new Municipality("131202", "東京都", null));
        assertThrows(IllegalArgumentException.class, () -> m.rename("東京都", ""));
        assertEquals("練馬区", m.getName(), "a refused rename keeps the name");
    }

    @Test
    @DisplayName("displayName says （デモ） only after markDemo")
    void demoDisplayName() {
        Municipality m = new Municipality("999999", "架空県", "つなぐ市");
        assertFalse(m.isDemo());
        assertEquals("つなぐ市", m.displayName());
        m.markDemo();
        assertTrue(m.isDemo());
        assertEquals("つなぐ市（デモ）", m.displayName());
        assertEquals("つなぐ市", m.getName(), "the stored name stays plain");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "131202, 131202", "13120, 131202", "13211, 132110", "12232, 122327", "92011, 092011",
            "１３１２０, 131202", "' 13120 ', 131202", "99000, 990001", "01100, 011002"})
    @DisplayName("open data's 5-digit codes get their check digit, a stripped leading zero comes back")
    void normalizesCodes(String raw, String code) {
        assertEquals(java.util.Optional.of(code), Municipality.normalizeCode(raw));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1312", "1312020", "13-12", "abcde", "00000x"})
    @DisplayName("anything else is no code")
    void refusesNonCodes(String raw) {
        assertTrue(Municipality.normalizeCode(raw).isEmpty());
    }
}
