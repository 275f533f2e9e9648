package org.tsunagu.japanese;

import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;

/**
 * Derives a katakana reading (e.g. 光が丘二丁目 → ヒカリガオカニチョウメ) when a file gives none, so that
 * towns and resources can be sorted あいうえお順 and found by their reading. kuromoji's dictionary
 * reading is a best guess for place names; an imported reading always wins.
 */
public final class KanaReading {

    private KanaReading() {
    }

    public static String of(String text) {
        return of(text, null);
    }

    /** As {@link #of(String)}, with a user dictionary whose readings win (town names read as imported). */
    public static String of(String text, UserDictionary dictionary) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder();
        try (JapaneseTokenizer tokenizer = new JapaneseTokenizer(dictionary, true, JapaneseTokenizer.Mode.NORMAL)) {
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            ReadingAttribute reading = tokenizer.addAttribute(ReadingAttribute.class);
            tokenizer.setReader(new StringReader(normalised));
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                String r = reading.getReading();
                out.append(r != null ? r : toKatakana(term.toString()));
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** ひらがな → カタカナ; everything else unchanged. */
    public static String toKatakana(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(c >= 0x3041 && c <= 0x3096 ? c + 0x60 : c));
        return b.toString();
    }

    /** A reading as imported: NFKC, hiragana folded to katakana, spaces and digits-with-spaces removed. */
    public static String clean(String kana) {
        if (kana == null || kana.isBlank()) {
            return null;
        }
        return toKatakana(Normalizer.normalize(kana, Normalizer.Form.NFKC)).replaceAll("\\s+", "");
    }
}
