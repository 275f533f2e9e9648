package org.tsunagu.search.control;

import org.tsunagu.japanese.KanjiNumerals;
import org.tsunagu.japanese.KanaReading;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one normalisation applied to everything before analysis, on the index side and on the query
 * side alike, so that what residents type and what centers wrote meet: NFKC (ｻﾛﾝ → サロン, ２ → 2,
 * full-width spaces), ヶ/ケ folded, 丁目 numbers in kanji as digits (光が丘二丁目 = 光が丘2丁目),
 * wave dashes unified.
 */
public final class SearchText {

    private static final Pattern KANJI_CHOME = Pattern.compile("([一二三四五六七八九十]+)丁目");

    private SearchText() {
    }

    public static String normalise(String s) {
        if (s == null) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC)
                .replace('ヶ', 'ケ').replace('ヵ', 'カ')
                .replace('〜', '~').replace('～', '~');
        if (n.indexOf('丁') >= 0) {
            Matcher m = KANJI_CHOME.matcher(n);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                int value = (int) KanjiNumerals.value(m.group(1));
                m.appendReplacement(b, value > 0 ? value + "丁目" : m.group());
            }
            m.appendTail(b);
            n = b.toString();
        }
        return n;
    }

    /** ひらがな → カタカナ; everything else unchanged (the one implementation lives in {@link KanaReading}). */
    public static String katakana(String s) {
        return KanaReading.toKatakana(s);
    }

    /** True when the text is only kana (and the prolonged sound mark): a reading as typed. */
    public static boolean isKana(String s) {
        return !s.isEmpty() && s.codePoints().allMatch(c -> (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA)
                || c == 0x30FC);
    }

    /** A key for あいうえお順: katakana with voicing marks removed, then the reading itself as tie-break. */
    public static String sortKey(String reading) {
        String k = katakana(normalise(reading == null ? "" : reading));
        String plain = Normalizer.normalize(k, Normalizer.Form.NFD).replaceAll("[\\u3099\\u309A]", "");
        return Normalizer.normalize(plain, Normalizer.Form.NFC) + "\u0000" + k;
    }
}
