package org.tsunagu.csv;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Formula-like cells are defused for Excel, and the import restores exactly what was exported. */
class FormulaEscapeTest {

    @Test
    void risky_cells_get_one_apostrophe() {
        assertEquals("'=HYPERLINK(\"http://x\")", FormulaEscape.escape("=HYPERLINK(\"http://x\")"));
        assertEquals("'+81-3-1234", FormulaEscape.escape("+81-3-1234"));
        assertEquals("'-1", FormulaEscape.escape("-1"));
        assertEquals("'@SUM(A1)", FormulaEscape.escape("@SUM(A1)"));
        assertEquals("'\tx", FormulaEscape.escape("\tx"));
        assertEquals("'\rx", FormulaEscape.escape("\rx"));
        assertEquals("''=x", FormulaEscape.escape("'=x"), "an apostrophe before a formula is data: one more");
        assertEquals("毎週水曜 10:00〜11:30", FormulaEscape.escape("毎週水曜 10:00〜11:30"));
        assertEquals("'ほほえみ'の会", FormulaEscape.escape("'ほほえみ'の会"));
        assertEquals("a=b", FormulaEscape.escape("a=b"));
        assertEquals("", FormulaEscape.escape(null));
    }

    @Test
    void unescape_is_the_exact_inverse() {
        for (String s : List.of("=1+1", "+81", "-", "@x", "\tx", "\rx", "'=x", "''-x", "'", "''", "'x", "x'=",
                "ほほえみ", "", "-1.5", "=", "'\t")) {
            assertEquals(s, FormulaEscape.unescape(FormulaEscape.escape(s)), () -> "round trip of [" + s + "]");
        }
        assertEquals("'x", FormulaEscape.unescape("'x"), "a lone apostrophe someone typed stays");
        assertEquals("=x", FormulaEscape.unescape("'=x"));
    }
}
