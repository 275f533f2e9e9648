package org.tsunagu.booklet.control;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Japanese line breaking: between characters, never before 、。）」 nor after （「, numbers kept whole. */
class BookletLinesTest {

    /** Every code point is one unit wide, like a monospaced font. */
    private static final ToDoubleFunction<String> CELLS = s -> s.codePointCount(0, s.length());

    @Test
    void breaksBetweenCharacters() {
        assertEquals(List.of("あいうえ", "おかきく", "け"), BookletLines.wrap("あいうえおかきくけ", 4, CELLS));
    }

    @Test
    void punctuationNeverStartsALine() {
        // 「。」 would start line 2: the character before it goes along
        List<String> lines = BookletLines.wrap("あいうえ。かきく", 4, CELLS);
        assertEquals(List.of("あいう", "え。かき", "く"), lines);
        for (String closer : List.of("、", "。", "）", "」", "ー", "ょ", "っ")) {
            for (String line : BookletLines.wrap("あいう" + closer + "えおかきくけこさしすせそ" + closer + "たち", 4, CELLS)) {
                assertFalse(line.startsWith(closer), closer + " starts " + line);
            }
        }
    }

    @Test
    void openingBracketsNeverEndALine() {
        List<String> lines = BookletLines.wrap("あいう「えお」かき", 4, CELLS);
        assertEquals(List.of("あいう", "「えお」", "かき"), lines);
        lines.forEach(l -> assertFalse(l.endsWith("「"), l));
    }

    @Test
    void numbersAndTimesStayWhole() {
        List<String> lines = BookletLines.wrap("毎週水曜日 13:30〜15:00", 9, CELLS);
        assertEquals(List.of("毎週水曜日", "13:30〜", "15:00"), lines);
        assertEquals(List.of("電話", "099-001-1100"), BookletLines.wrap("電話099-001-1100", 12, CELLS));
    }

    @Test
    void aWordLongerThanALineIsCut() {
        List<String> lines = BookletLines.wrap("https://example.invalid/very/long", 10, CELLS);
        assertEquals("https://example.invalid/very/long", String.join("", lines));
        lines.forEach(l -> assertTrue(l.length() <= 10, l));
    }

    @Test
    void lineBreaksInTheTextAreKept() {
        assertEquals(List.of("月〜金", "", "土曜"), BookletLines.wrap("月〜金\r\n\n土曜\n", 10, CELLS));
    }

    @Test
    void nothingIsLost() {
        String text = "認知症の方やご家族、地域の方がお茶を飲みながら気軽に話せる場です（予約不要・参加費100円）。"
                + "「オレンジカフェ」とも呼ばれます。毎月第2・第4水曜日13:30〜15:00。";
        for (int width = 3; width < 30; width++) {
            List<String> lines = BookletLines.wrap(text, width, CELLS);
            assertEquals(text, String.join("", lines), "width " + width);
            for (String l : lines) {
                assertTrue(l.codePointCount(0, l.length()) <= width, width + ": " + l);
            }
        }
    }
}
