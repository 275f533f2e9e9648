package org.tsunagu.csv;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Column names as real files spell them. The same open-data column turns up as 名称 and 名称（必須）,
 * 建物名等(方書) and 建物名等（方書）, 所在地_連結表記 and its typo 所在地_連結標記, or as another word
 * altogether (所在地 for 住所): {@link #canonical} folds the spelling differences away, and
 * {@link #find} picks, from a list of accepted names, the one a file actually has — returning that
 * file's own header entry, so that it is the key {@link CsvTable.Row#get} takes.
 */
public final class HeaderNames {

    /** Marks copied from a template: (必須) (任意) [必須] 【必須】 * ※ at the end (after NFKC). */
    private static final Pattern REQUIRED_MARK = Pattern.compile("(\\((必須|任意)\\)|\\[(必須|任意)\\]|【(必須|任意)】|[*※])+$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final String QUOTES = "\"\"''「」『』";

    private HeaderNames() {
    }

    /** The key of a header cell in {@link CsvTable.Row}: stripped and lower-cased (CsvTable's rule). */
    static String key(String header) {
        return header.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * A header as compared: NFKC (full-width letters, digits, spaces and parentheses become
     * half-width, half-width katakana full-width), without spaces (「建物名等 (方書)」), without
     * surrounding quotes, without a trailing 「(必須)」「(任意)」「※」 copied from a template,
     * lower-cased. {@code 「名称（必須）」「 建物名等（方書） 」「ＵＲＬ」 → 「名称」「建物名等(方書)」「url」}.
     */
    public static String canonical(String header) {
        String s = SPACES.matcher(Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFKC)).replaceAll("");
        String before;
        do {
            before = s;
            s = REQUIRED_MARK.matcher(unquote(s)).replaceFirst("");
        } while (!s.equals(before));
        return s.toLowerCase(Locale.ROOT);
    }

    private static String unquote(String s) {
        for (int i = 0; i < QUOTES.length(); i += 2) {
            if (s.length() >= 2 && s.charAt(0) == QUOTES.charAt(i) && s.charAt(s.length() - 1) == QUOTES.charAt(i + 1)) {
                return s.substring(1, s.length() - 1);
            }
        }
        return s;
    }

    /**
     * The entry of {@code header} that is one of the accepted spellings, the earlier spelling
     * preferred (住所, 所在地, 所在地_連結表記, 所在地_連結標記); compared by {@link #canonical}. The
     * entry is returned as the header has it: with {@link CsvFile#header()} or
     * {@link CsvTable#header()} it is the key to read the column with.
     */
    public static Optional<String> find(List<String> header, List<String> spellings) {
        for (String spelling : spellings) {
            String wanted = canonical(spelling);
            for (String entry : header) {
                if (canonical(entry).equals(wanted)) {
                    return Optional.of(entry);
                }
            }
        }
        return Optional.empty();
    }

    /** {@link #find(List, List)} with the spellings inline. */
    public static Optional<String> find(List<String> header, String... spellings) {
        return find(header, List.of(spellings));
    }
}
