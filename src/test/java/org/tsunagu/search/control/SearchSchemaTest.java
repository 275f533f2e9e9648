package org.tsunagu.search.control;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Golden analysis: what residents type and what centers write become the same terms. */
class SearchSchemaTest {

    static final SearchSchema SCHEMA = ResourceIndexTest.schema();

    List<String> index(String text) {
        return SCHEMA.terms(SearchSchema.NAME, text, false);
    }

    List<String> query(String text) {
        return SCHEMA.terms(SearchSchema.NAME, text, true);
    }

    @Test
    void widthFoldingAndLowerCase() {
        assertEquals(index("サロン"), index("ｻﾛﾝ"));
        assertEquals(index("ABCクラブ"), index("ＡＢＣクラブ"));
        assertEquals(index("abcクラブ"), index("ABCクラブ"));
        assertEquals(index("光が丘2丁目"), index("光が丘２丁目"));
        assertEquals(index("光が丘2丁目"), index("光が丘二丁目"), "丁目 numbers in kanji are digits");
        assertEquals(index("関ケ原"), index("関ヶ原"));
    }

    @Test
    void townNamesAreWordsFromTheUserDictionary() {
        assertEquals(List.of("東", "大泉", "3", "丁目"), index("東大泉三丁目"));
        assertTrue(index("練馬区大泉学園町4-1").containsAll(List.of("大泉", "学園町")));
        assertTrue(index("上石神井1丁目").contains("石神井"));
    }

    @Test
    void particlesAreDroppedWithoutLeavingGaps() {
        assertEquals(List.of("光が丘", "サロン"), index("光が丘のサロン"));
    }

    @Test
    void katakanaStemmingMakesLongVowelsAgree() {
        assertEquals(index("ケアマネージャ"), index("ケアマネージャー"));
    }

    @Test
    void synonymsExpandQueriesOnly() {
        List<String> q = query("オレンジカフェ");
        assertTrue(q.contains("認知") && q.contains("症"), q.toString());
        assertFalse(index("オレンジカフェ").contains("認知"));
        assertTrue(query("歯医者").contains("歯科"), query("歯医者").toString());
        assertTrue(query("訪看").contains("訪問"), query("訪看").toString());
    }

    @Test
    void readingsUseTheTownListAndFoldHiragana() {
        assertEquals("ヒカリガオカ", SCHEMA.reading("光が丘"));
        assertEquals("ヒガシオオイズミ", SCHEMA.reading("東大泉"));
        assertEquals("サロン", SCHEMA.reading("さろん"));
        assertEquals("", SCHEMA.reading(" "));
    }

    @Test
    void theVersionChangesWithTownsAndSynonyms() {
        SearchSchema noTowns = new SearchSchema(PlaceDictionary.empty(), Synonyms.bundledPlus(List.of()));
        SearchSchema moreSynonyms = new SearchSchema(SCHEMA.places(),
                Synonyms.bundledPlus(List.of(List.of("ぽかぽか広場", "ぽかひろ"))));
        assertNotEquals(SCHEMA.version(), noTowns.version());
        assertNotEquals(SCHEMA.version(), moreSynonyms.version());
        assertEquals(SCHEMA.version(), ResourceIndexTest.schema().version());
    }
}
