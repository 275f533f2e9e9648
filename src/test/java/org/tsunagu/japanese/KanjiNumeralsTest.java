package org.tsunagu.japanese;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Kanji numbers as addresses write them (the matcher's 番地 and the search's 丁目 read them alike). */
class KanjiNumeralsTest {

    @ParameterizedTest
    @CsvSource({"一,1", "九,9", "十,10", "十一,11", "二十,20", "二十三,23", "百,100", "百五,105", "千二十,1020",
            "三千百十一,3111", "一二三,123", "一〇五,105", "〇,0"})
    void positional_and_digit_by_digit(String kanji, long value) {
        assertEquals(value, KanjiNumerals.value(kanji));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12", "二丁", "a"})
    void anything_else_is_refused(String text) {
        assertThrows(IllegalArgumentException.class, () -> KanjiNumerals.value(text));
    }
}
