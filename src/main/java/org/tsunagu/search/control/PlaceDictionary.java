package org.tsunagu.search.control;

import org.apache.lucene.analysis.ja.dict.UserDictionary;
import org.tsunagu.japanese.KanaReading;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kuromoji user dictionary made from the municipality's own town names, so that place names are
 * words. kuromoji alone splits 東大泉 into 東大+泉 and a search for 大泉 misses it; here 東大泉 is the
 * word 東+大泉, 大泉学園町 is 大泉+学園町 and 石神井台 is 石神井+台, so 大泉 and 石神井 are found in every
 * town that carries them, while the whole name still matches as a phrase (東大泉 ranks 東大泉 first).
 *
 * <p>Segmentation is derived from the town list itself, not from a list of known places: a leading
 * direction (東西南北上下中新元本) splits off when the rest occurs in another town name, and a name
 * that starts with another town's core (大泉 in 大泉町) splits after that core. Readings come from the
 * imported town readings, aligned with the segments; when they cannot be aligned kuromoji's guess is
 * used for the segment.
 */
public final class PlaceDictionary {

    static final String DIRECTIONS = "東西南北上下中新元本";
    private static final Map<Character, String> DIRECTION_READINGS = Map.of('東', "ヒガシ", '西', "ニシ", '南', "ミナミ",
            '北', "キタ", '上', "カミ", '下', "シモ", '中', "ナカ", '新', "シン", '元', "モト", '本', "ホン");
    private static final Pattern CHOME = Pattern.compile("^(.+?)[0-9一二三四五六七八九十〇]+丁目$");
    private static final Pattern CHOME_KANA = Pattern.compile(
            "^(.+?)(?:[0-9]+|[0-9]*(?:イッ|イチ|ニ|サン|ヨン|ゴ|ロク|ナナ|ハッ|ハチ|キュウ|ジュッ|ジュウ)*チョウメ)$");

    /** A town name as imported, with its katakana reading when known. */
    public record Place(String name, String kana) {
    }

    /** One user-dictionary word: its segments and their readings. */
    record Entry(String surface, List<String> segments, List<String> readings) {
        String line() {
            return surface + "," + String.join(" ", segments) + "," + String.join(" ", readings) + ",カスタム地名";
        }
    }

    private final TreeMap<String, Entry> entries;
    private final Set<String> placeNames;

    private PlaceDictionary(TreeMap<String, Entry> entries, Set<String> placeNames) {
        this.entries = entries;
        this.placeNames = placeNames;
    }

    public static PlaceDictionary empty() {
        return new PlaceDictionary(new TreeMap<>(), Set.of());
    }

    public static PlaceDictionary of(Collection<Place> places) {
        Map<String, String> bases = new TreeMap<>();
        for (Place p : places) {
            String base = base(SearchText.normalise(p.name()));
            if (base.length() >= 2 && base.indexOf(',') < 0 && base.indexOf(' ') < 0) {
                String kana = p.kana() == null ? null : baseKana(p.kana());
                bases.merge(base, kana == null ? "" : kana, (a, b) -> a.isEmpty() ? b : a);
            }
        }
        Set<String> cores = new TreeSet<>();
        Map<String, String> coreReadings = new TreeMap<>();
        for (Map.Entry<String, String> b : bases.entrySet()) {
            String name = b.getKey();
            if (name.length() >= 3 && DIRECTIONS.indexOf(name.charAt(0)) >= 0) {
                String rest = name.substring(1);
                if (occursElsewhere(rest, name, bases.keySet())) {
                    cores.add(rest);
                    String dir = DIRECTION_READINGS.get(name.charAt(0));
                    if (b.getValue().startsWith(dir) && b.getValue().length() > dir.length()) {
                        coreReadings.putIfAbsent(rest, b.getValue().substring(dir.length()));
                    }
                }
            }
            char last = name.charAt(name.length() - 1);
            if (name.length() >= 3 && (DIRECTIONS.indexOf(last) >= 0 || last == '町' || last == '台')) {
                String head = name.substring(0, name.length() - 1);
                if (bases.containsKey(head) || occursElsewhere(head, name, bases.keySet())) {
                    cores.add(head);
                }
            }
        }
        cores.addAll(bases.keySet());
        TreeMap<String, Entry> entries = new TreeMap<>();
        for (String core : cores) {
            if (core.length() >= 2 && !bases.containsKey(core)) {
                String reading = coreReadings.getOrDefault(core, kuromojiReading(core));
                entries.put(core, new Entry(core, List.of(core), List.of(reading)));
            }
        }
        for (Map.Entry<String, String> b : bases.entrySet()) {
            List<String> segments = segment(b.getKey(), cores);
            entries.put(b.getKey(), new Entry(b.getKey(), segments, readings(segments, b.getValue(), coreReadings)));
        }
        Set<String> names = new LinkedHashSet<>(bases.keySet());
        names.addAll(cores);
        return new PlaceDictionary(entries, names);
    }

    private static boolean occursElsewhere(String part, String self, Collection<String> names) {
        for (String n : names) {
            if (!n.equals(self) && n.contains(part)) {
                return true;
            }
        }
        return false;
    }

    static List<String> segment(String name, Set<String> cores) {
        List<String> out = new ArrayList<>();
        String rest = name;
        if (name.length() >= 3 && DIRECTIONS.indexOf(name.charAt(0)) >= 0 && cores.contains(name.substring(1))) {
            out.add(name.substring(0, 1));
            rest = name.substring(1);
        }
        String best = null;
        for (String core : cores) {
            if (core.length() >= 2 && core.length() < rest.length() && rest.startsWith(core)
                    && (best == null || core.length() > best.length())) {
                best = core;
            }
        }
        if (best != null && !out.isEmpty() && best.equals(rest)) {
            best = null;
        }
        if (best != null) {
            out.add(best);
            out.add(rest.substring(best.length()));
        } else {
            out.add(rest);
        }
        return out;
    }

    private static List<String> readings(List<String> segments, String kana, Map<String, String> coreReadings) {
        List<String> guess = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            String s = segments.get(i);
            String r = s.length() == 1 && DIRECTION_READINGS.containsKey(s.charAt(0)) && i == 0
                    ? DIRECTION_READINGS.get(s.charAt(0)) : coreReadings.getOrDefault(s, kuromojiReading(s));
            guess.add(r);
        }
        if (kana == null || kana.isEmpty()) {
            return guess;
        }
        if (segments.size() == 1) {
            return List.of(kana);
        }
        // align the imported reading: every segment but the last must be a prefix of what remains
        List<String> aligned = new ArrayList<>();
        String remaining = kana;
        for (int i = 0; i < segments.size() - 1; i++) {
            String r = guess.get(i);
            if (!remaining.startsWith(r) || remaining.length() == r.length()) {
                return guess;
            }
            aligned.add(r);
            remaining = remaining.substring(r.length());
        }
        aligned.add(remaining);
        return aligned;
    }

    /** 東大泉三丁目 → 東大泉; 光が丘 → 光が丘. */
    static String base(String townName) {
        Matcher m = CHOME.matcher(townName);
        return m.matches() ? m.group(1) : townName;
    }

    static String baseKana(String kana) {
        String k = SearchText.katakana(SearchText.normalise(kana)).replaceAll("\\s+", "");
        Matcher m = CHOME_KANA.matcher(k);
        return m.matches() ? m.group(1) : k;
    }

    private static String kuromojiReading(String s) {
        String reading = KanaReading.of(s);
        return reading == null || reading.isEmpty() ? SearchText.katakana(s) : reading;
    }

    /** The kuromoji user dictionary, or null when there are no towns. */
    public UserDictionary userDictionary() {
        if (entries.isEmpty()) {
            return null;
        }
        try {
            return UserDictionary.open(new StringReader(text()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The dictionary in kuromoji's CSV format (one line a word). */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (Entry e : entries.values()) {
            b.append(e.line()).append('\n');
        }
        return b.toString();
    }

    /** Town names without 丁目 and their shared cores (東大泉, 大泉, 石神井…): words that name a place. */
    public Set<String> placeNames() {
        return placeNames;
    }

    /** The reading of a place name of this dictionary (光が丘 → ヒカリガオカ), or null. */
    public String readingOf(String place) {
        Entry e = entries.get(place);
        return e == null ? null : String.join("", e.readings());
    }

    Map<String, Entry> entries() {
        return entries;
    }

    /** Stable fingerprint: an index built with another dictionary must be rebuilt. */
    public String fingerprint() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
