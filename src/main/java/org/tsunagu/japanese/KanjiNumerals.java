package org.tsunagu.japanese;

/**
 * Numbers written in kanji, as addresses and town names write them: positional (二十三, 百五, 千二十)
 * or digit by digit (一二三, 一〇五). One reading for the address matcher (番地, 丁目) and the search
 * text (光が丘二丁目 = 光が丘2丁目), so a 丁目 that matches an address also matches a search.
 */
public final class KanjiNumerals {

    /** 〇 to 九, at their values. */
    public static final String DIGITS = "〇一二三四五六七八九";

    /** The digits and the units 十, 百, 千. */
    public static final String NUMERALS = DIGITS + "十百千";

    private KanjiNumerals() {
    }

    public static boolean isNumeral(char c) {
        return NUMERALS.indexOf(c) >= 0;
    }

    /**
     * The value of a run of kanji numerals.
     *
     * @throws IllegalArgumentException when {@code numerals} is empty or holds anything else
     */
    public static long value(String numerals) {
        if (numerals == null || numerals.isEmpty() || !numerals.chars().allMatch(c -> isNumeral((char) c))) {
            throw new IllegalArgumentException("not kanji numerals: " + numerals);
        }
        boolean positional = numerals.chars().anyMatch(c -> "十百千".indexOf(c) >= 0);
        long total = 0;
        long current = 0;
        for (int i = 0; i < numerals.length(); i++) {
            char c = numerals.charAt(i);
            int digit = DIGITS.indexOf(c);
            if (digit >= 0) {
                current = positional ? digit : current * 10 + digit;
            } else {
                long unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
                total += (current == 0 ? 1 : current) * unit;
                current = 0;
            }
        }
        return total + current;
    }
}
