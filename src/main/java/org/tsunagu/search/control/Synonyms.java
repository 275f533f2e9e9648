package org.tsunagu.search.control;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The domain synonyms residents and professionals use for the same thing (オレンジカフェ = 認知症カフェ,
 * 訪看 = 訪問看護, ケアマネ = 介護支援専門員): the list shipped in the source tree
 * (src/main/resources/search/synonyms.txt, Solr format, one group a line) plus the groups admins
 * added. They expand queries, so a resident's word finds the center's word.
 */
public final class Synonyms {

    static final String BUNDLED = "/search/synonyms.txt";
    public static final int MAX_TERMS = 20;
    static final int MAX_TERM_LENGTH = 50;

    private final String text;

    private Synonyms(String text) {
        this.text = text;
    }

    /** The bundled list plus additional groups (each a list of equivalent terms). */
    public static Synonyms bundledPlus(List<List<String>> extraGroups) {
        StringBuilder b = new StringBuilder(bundled());
        b.append('\n');
        for (List<String> group : extraGroups) {
            b.append(String.join(",", group)).append('\n');
        }
        return new Synonyms(b.toString());
    }

    public static Synonyms of(String solrText) {
        return new Synonyms(solrText);
    }

    static String bundled() {
        try (InputStream in = Synonyms.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("synonym list missing from the build: " + BUNDLED);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Groups of the bundled list, for the admin view. */
    public static List<List<String>> bundledGroups() {
        List<List<String>> groups = new ArrayList<>();
        for (String line : bundled().split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            groups.add(List.of(l.split("\\s*,\\s*")));
        }
        return groups;
    }

    /**
     * Checks a group an admin wants to add: 2..20 distinct terms of 1..50 characters, no separators
     * of the synonym format. Returns the cleaned terms or a Japanese reason.
     */
    public static List<String> validGroup(List<String> terms) {
        if (terms == null || terms.size() < 2 || terms.size() > MAX_TERMS) {
            throw new IllegalArgumentException("同義語は2〜" + MAX_TERMS + "語のグループで指定してください");
        }
        List<String> cleaned = new ArrayList<>();
        for (String t : terms) {
            String s = t == null ? "" : SearchText.normalise(t).strip();
            if (s.isEmpty() || s.length() > MAX_TERM_LENGTH || s.matches(".*[,=>#\\\\\\p{Cntrl}].*")) {
                throw new IllegalArgumentException("同義語は1〜" + MAX_TERM_LENGTH + "文字で、, = > # \\ を含めないでください: " + t);
            }
            if (!cleaned.contains(s)) {
                cleaned.add(s);
            }
        }
        if (cleaned.size() < 2) {
            throw new IllegalArgumentException("同じ語だけのグループは追加できません");
        }
        return cleaned;
    }

    /** The synonym map, with every term analysed by the given (synonym-free) analyzer. */
    SynonymMap map(Analyzer analyzer) {
        return map(analyzer, term -> null);
    }

    /**
     * As above, and each group also holds the katakana readings of its terms (歯医者 → ハイシャ), so a
     * word typed in kana (はいしゃ, folded to ハイシャ) expands like the written word. Readings shorter
     * than three kana are left out: too many words share them.
     */
    SynonymMap map(Analyzer analyzer, java.util.function.UnaryOperator<String> reading) {
        StringBuilder extended = new StringBuilder();
        for (String line : SearchText.normalise(text).split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            java.util.Set<String> terms = new java.util.LinkedHashSet<>(List.of(l.split("\\s*,\\s*")));
            for (String t : List.copyOf(terms)) {
                String r = reading.apply(t);
                if (r != null && r.length() >= 3 && SearchText.isKana(r) && !r.equals(t)) {
                    terms.add(r);
                }
            }
            extended.append(String.join(",", terms)).append('\n');
        }
        try {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
            parser.parse(new StringReader(extended.toString()));
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("synonym list line " + e.getErrorOffset() + ": " + e.getMessage(), e);
        }
    }

    public String fingerprint() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
