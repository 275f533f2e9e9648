package org.tsunagu.booklet.control;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Line breaking for Japanese text on paper. Japanese has no spaces between words, so a line may end
 * after any character — except that a few must never start a line (、。）」ー and small kana: 行頭禁則)
 * and a few must never end one (（「: 行末禁則); a character that would break that rule takes its
 * neighbour with it onto the next line (追い出し). Runs of Latin letters, digits and ASCII symbols
 * (13:30, 099-001-1100, URLs) stay whole unless they are longer than a line. This is the simple,
 * correct subset of JIS X 4051 a resource list needs: no justification, no hanging punctuation.
 */
final class BookletLines {

    /** 行頭禁則: closing brackets, punctuation, prolonged sound mark, small kana, iteration marks. */
    static final String NO_START = "、。，．,.）)]｝}〕〉》」』】〙〗〟’”»ゝゞーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻‐゠–〜～？！?!‼⁇⁈⁉・：；:;/／…‥";
    /** 行末禁則: opening brackets. */
    static final String NO_END = "（(［[｛{〔〈《「『【〘〖〝‘“«";

    private BookletLines() {
    }

    /**
     * Breaks {@code text} into lines no wider than {@code width} (in the unit {@code measure} returns).
     * A line break in the text starts a new line; blank lines are kept; surrounding spaces are dropped.
     */
    static List<String> wrap(String text, double width, ToDoubleFunction<String> measure) {
        List<String> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        for (String paragraph : text.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ').split("\n", -1)) {
            wrapParagraph(paragraph.strip(), width, measure, lines);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static void wrapParagraph(String paragraph, double width, ToDoubleFunction<String> measure, List<String> out) {
        if (paragraph.isEmpty()) {
            out.add("");
            return;
        }
        List<String> units = units(paragraph, width, measure);
        List<String> line = new ArrayList<>();
        double used = 0;
        for (String unit : units) {
            double w = measure.applyAsDouble(unit);
            if (line.isEmpty() && unit.isBlank()) {
                continue;
            }
            if (used + w <= width || line.isEmpty()) {
                line.add(unit);
                used += w;
                continue;
            }
            // The unit starts the next line; carry characters that may not end this line or that the
            // unit may not follow at a line start.
            List<String> carried = new ArrayList<>();
            carried.add(unit);
            while (!line.isEmpty() && (mayNotStart(carried.get(0)) || mayNotEnd(line.get(line.size() - 1)))) {
                carried.add(0, line.remove(line.size() - 1));
            }
            if (line.isEmpty() || carried.size() > 4) {
                // Nothing left to break at (or a long chain of punctuation): break where it overflowed.
                line.addAll(carried.subList(0, carried.size() - 1));
                carried = new ArrayList<>(List.of(unit));
            }
            out.add(join(line));
            line = new ArrayList<>();
            used = 0;
            for (String c : carried) {
                if (line.isEmpty() && c.isBlank()) {
                    continue;
                }
                line.add(c);
                used += measure.applyAsDouble(c);
            }
        }
        if (!line.isEmpty()) {
            out.add(join(line));
        }
    }

    /** Each character on its own, ASCII and full-width alphanumeric runs together, spaces apart. */
    static List<String> units(String s, double width, ToDoubleFunction<String> measure) {
        List<String> units = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int end = i + Character.charCount(cp);
            if (isWordChar(cp)) {
                while (end < s.length() && isWordChar(s.codePointAt(end))) {
                    end += Character.charCount(s.codePointAt(end));
                }
                String word = s.substring(i, end);
                if (measure.applyAsDouble(word) > width) {
                    word.codePoints().forEach(c -> units.add(new String(Character.toChars(c))));
                } else {
                    units.add(word);
                }
            } else {
                units.add(s.substring(i, end));
            }
            i = end;
        }
        return units;
    }

    private static boolean isWordChar(int cp) {
        return (cp > 0x20 && cp < 0x7f && "()[]{}".indexOf(cp) < 0)
                || (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A);
    }

    private static boolean mayNotStart(String unit) {
        return unit.codePointCount(0, unit.length()) == 1 && NO_START.indexOf(unit) >= 0;
    }

    private static boolean mayNotEnd(String unit) {
        return unit.codePointCount(0, unit.length()) == 1 && NO_END.indexOf(unit) >= 0;
    }

    private static String join(List<String> units) {
        return String.join("", units).strip();
    }
}
