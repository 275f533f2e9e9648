package org.tsunagu.japanese;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class KanaReadingTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "ひかりがおか, ヒカリガオカ",
            "ぁゔゖ, ァヴヶ",                 // edges of the hiragana block
            "カタカナ, カタカナ",
            "光が丘, 光ガ丘",
            "abc123, abc123",
            "ゝゞー, ゝゞー"})                 // iteration marks and 長音 are outside 3041..3096
    @DisplayName("toKatakana folds hiragana only")
    void toKatakana(String in, String expected) {
        assertEquals(expected, KanaReading.toKatakana(in));
    }

    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource(delimiter = '|', value = {
            "ｱｻﾋｶﾞｵｶ 1 | アサヒガオカ1",
            "ひかり が おか | ヒカリガオカ",
            "ヒカリガオカ　ニチョウメ | ヒカリガオカニチョウメ",   // ideographic space
            "ﾈﾘﾏｸ | ネリマク"})
    @DisplayName("clean: NFKC, hiragana → katakana, spaces removed")
    void clean(String in, String expected) {
        assertEquals(expected, KanaReading.clean(in));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    @DisplayName("clean and of give null for nothing")
    void blank(String in) {
        assertNull(KanaReading.clean(in));
        assertNull(KanaReading.of(in));
    }

    @Test
    @DisplayName("of(光が丘) is a katakana reading starting with ヒカリ")
    void hikarigaoka() {
        String reading = KanaReading.of("光が丘");
        assertTrue(reading.startsWith("ヒカリ"), reading);
        assertTrue(reading.codePoints().allMatch(c -> c >= 0x30A0 && c <= 0x30FF), reading);
    }

    @Test
    @DisplayName("of: hiragana input reads as the same katakana")
    void hiraganaInput() {
        assertEquals("ヒカリガオカ", KanaReading.of("ひかりがおか"));
    }
}
