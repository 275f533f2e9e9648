package org.tsunagu.addresses.control;

import org.tsunagu.japanese.KanjiNumerals;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the known town (町丁目 / 大字・小字) a free-text address lies in, tolerating the usual notation
 * variants, so that residents can be routed to their 地域包括支援センター without picking the town by hand.
 * Immutable and thread-safe; rebuild it when the town list changes.
 */
public final class AddressMatcher {

    private static final String DASHES = "-‐‑‒–—―−⁃﹣－─━";
    private static final Pattern CHOME = Pattern.compile("(.+?)([0-9]+|[〇一二三四五六七八九十百千]+)丁目");
    private static final Pattern POSTAL_CODE = Pattern.compile("〒?(?:[0-9]{3}-?[0-9]{4})?");
    private static final Pattern WARD = Pattern.compile("(.+市)(.+区)");
    private static final Map<Character, Character> ITAIJI = Map.ofEntries(
            Map.entry('冨', '富'), Map.entry('髙', '高'), Map.entry('﨑', '崎'), Map.entry('嵜', '崎'),
            Map.entry('澤', '沢'), Map.entry('邊', '辺'), Map.entry('邉', '辺'), Map.entry('嶋', '島'),
            Map.entry('嶌', '島'), Map.entry('舘', '館'), Map.entry('檜', '桧'), Map.entry('藪', '薮'),
            Map.entry('籔', '薮'));
    private static final List<String> PREFECTURES = List.of(
            "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
            "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
            "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
            "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
            "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県");

    /** Folded town name without its 丁目 part → one group per municipality. */
    private final Map<String, List<Group>> townsByBase;
    private final int maxBaseLength;
    /** Folded municipality name or alias (county / city part omitted) → municipality codes. */
    private final Map<String, Set<String>> municipalitiesByName;
    private final int maxMunicipalityLength;
    /** Folded prefecture name → municipality codes; prefectures without known towns map to an empty set. */
    private final Map<String, Set<String>> municipalitiesByPrefecture;
    private final int maxPrefectureLength;

    public AddressMatcher(Collection<KnownTown> towns) {
        Map<String, Map<String, Group>> groups = new HashMap<>();
        Map<String, Set<String>> municipalities = new HashMap<>();
        Map<String, Set<String>> prefectures = new HashMap<>();
        for (String prefecture : PREFECTURES) {
            prefectures.put(fold(prefecture).text, new HashSet<>());
        }
        for (KnownTown town : towns) {
            String name = fold(town.town()).text;
            String base = name;
            Integer chome = null;
            Matcher m = CHOME.matcher(name);
            if (m.matches()) {
                base = m.group(1);
                chome = (int) parseNumber(m.group(2));
            }
            Group group = groups.computeIfAbsent(base, k -> new LinkedHashMap<>())
                    .computeIfAbsent(town.municipalityCode(), Group::new);
            if (chome == null && group.plain == null) {
                group.plain = new Place();
            }
            Place place = chome == null ? group.plain : group.chome.computeIfAbsent(chome, k -> new Place());
            place.add(town);

            String code = town.municipalityCode();
            if (town.municipalityName() != null && !town.municipalityName().isBlank()) {
                String muni = fold(town.municipalityName()).text;
                municipalities.computeIfAbsent(muni, k -> new HashSet<>()).add(code);
                int gun = muni.indexOf('郡');
                if (gun > 0 && gun < muni.length() - 1) {
                    municipalities.computeIfAbsent(muni.substring(gun + 1), k -> new HashSet<>()).add(code);
                }
                Matcher ward = WARD.matcher(muni);
                if (ward.matches()) {
                    municipalities.computeIfAbsent(ward.group(1), k -> new HashSet<>()).add(code);
                    municipalities.computeIfAbsent(ward.group(2), k -> new HashSet<>()).add(code);
                }
            }
            if (town.prefecture() != null && !town.prefecture().isBlank()) {
                prefectures.computeIfAbsent(fold(town.prefecture()).text, k -> new HashSet<>()).add(code);
            }
        }
        Map<String, List<Group>> byBase = new HashMap<>();
        groups.forEach((base, perMunicipality) -> byBase.put(base, List.copyOf(perMunicipality.values())));
        this.townsByBase = Map.copyOf(byBase);
        this.maxBaseLength = maxKeyLength(byBase);
        this.municipalitiesByName = copyOfSets(municipalities);
        this.maxMunicipalityLength = maxKeyLength(municipalities);
        this.municipalitiesByPrefecture = copyOfSets(prefectures);
        this.maxPrefectureLength = maxKeyLength(prefectures);
    }

    /**
     * Matches a free-text address against the known towns.
     *
     * @param address          the address as entered; {@code null} or blank gives {@link AddressMatch.Outcome#NONE}
     * @param municipalityCode when given, only that municipality's towns are considered
     */
    public AddressMatch match(String address, String municipalityCode) {
        Folded in = fold(address);
        String s = in.text;
        Matcher postal = POSTAL_CODE.matcher(s);
        int p = postal.lookingAt() ? postal.end() : 0;

        Set<String> allowed = null;
        String prefecture = longestKey(s, p, municipalitiesByPrefecture.keySet(), maxPrefectureLength);
        if (prefecture != null) {
            p += prefecture.length();
            allowed = municipalitiesByPrefecture.get(prefecture);
        }
        String named = null;
        String municipality = longestKey(s, p, municipalitiesByName.keySet(), maxMunicipalityLength);
        if (municipality != null) {
            p += municipality.length();
            Set<String> codes = municipalitiesByName.get(municipality);
            if (codes.size() == 1) {
                named = codes.iterator().next();
            }
            allowed = intersect(allowed, codes);
        }
        if (municipalityCode != null) {
            allowed = intersect(allowed, Set.of(municipalityCode));
        }
        if (s.startsWith("大字", p)) {
            p += 2;
        }

        Found found = findTown(in, p, allowed);
        if (found == null) {
            return AddressMatch.none(named != null ? named : municipalityCode, normalise(address));
        }
        List<Hit> hits = found.hits;
        String normalised = kanjiNumbersToDigits(s.substring(0, p))
                + s.substring(p, found.nameEnd) + kanjiNumbersToDigits(s.substring(found.nameEnd));
        if (hits.size() == 1) {
            return AddressMatch.ofTown(hits.get(0).town, hits.get(0).block, normalised);
        }
        return AddressMatch.ambiguous(hits.stream().map(h -> h.town)
                .sorted(Comparator.comparing(KnownTown::municipalityCode).thenComparingLong(KnownTown::id))
                .toList(), normalised);
    }

    /**
     * The canonical form of an address or name: NFKC (full-width digits, letters and hyphens, half-width
     * katakana), whitespace removed, dashes unified to {@code -} (ー only between numerals), の／ノ／之 between
     * numerals as {@code -}, ヶ／ケ／が／ガ between kanji as ケ, の／ノ／之 between kanji as ノ, common 異体字
     * (冨→富, 髙→高, …) folded, and kanji numerals before 丁目／番地／番／号 or after 丁目／番地／番／- as Arabic
     * digits. Matching uses the same folding but reads kanji numerals in place, so that names such as 十余一
     * stay intact even when a kanji 番地 follows.
     */
    public static String normalise(String text) {
        return kanjiNumbersToDigits(fold(text).text);
    }

    private Found findTown(Folded in, int p, Set<String> allowed) {
        String s = in.text;
        for (int length = Math.min(maxBaseLength, s.length() - p); length > 0; length--) {
            List<Group> groups = townsByBase.get(s.substring(p, p + length));
            if (groups == null) {
                continue;
            }
            List<Hit> hits = new ArrayList<>();
            for (Group group : groups) {
                if (allowed == null || allowed.contains(group.municipalityCode)) {
                    Hit hit = group.resolve(in, p + length);
                    if (hit != null) {
                        hits.add(hit);
                    }
                }
            }
            if (!hits.isEmpty()) {
                return new Found(hits, p + length);
            }
        }
        return null;
    }

    /** All towns of one municipality sharing a base name: 光が丘一丁目…七丁目, or 小川東町 and 小川東町一丁目…. */
    private static final class Group {
        final String municipalityCode;
        final Map<Integer, Place> chome = new HashMap<>();
        Place plain;

        Group(String municipalityCode) {
            this.municipalityCode = municipalityCode;
        }

        /** Reads what follows the base name at {@code p}: a 丁目 number, else the town without 丁目. */
        Hit resolve(Folded in, int p) {
            String s = in.text;
            long[] number = readNumber(s, p);
            if (number != null) {
                int end = (int) number[1];
                if (s.startsWith("丁目", end)) {
                    Place place = chome.get((int) number[0]);
                    return place == null ? null : place.resolve(in, skipDash(s, end + 2), false);
                }
                boolean isBlock = end < s.length() && "番号".indexOf(s.charAt(end)) >= 0;
                Place place = isBlock ? null : chome.get((int) number[0]);
                if (place != null) {
                    return place.resolve(in, skipDash(s, end), false);
                }
            }
            return plain == null ? null : plain.resolve(in, p, true);
        }
    }

    /** One 町丁目 or 大字 with its 小字. */
    private static final class Place {
        KnownTown town;
        final Map<String, KnownTown> koaza = new HashMap<>();
        int maxKoazaLength;

        void add(KnownTown row) {
            if (row.koaza() == null || row.koaza().isBlank()) {
                if (town == null) {
                    town = row;
                }
                return;
            }
            String key = fold(row.koaza()).text;
            key = key.startsWith("小字") ? key.substring(2) : key.startsWith("字") ? key.substring(1) : key;
            koaza.putIfAbsent(key, row);
            maxKoazaLength = Math.max(maxKoazaLength, key.length());
        }

        /** @param needsBoundary whether the name just read must end here (not for a number-terminated 丁目) */
        Hit resolve(Folded in, int p, boolean needsBoundary) {
            String s = in.text;
            int q = p;
            boolean aza = false;
            if (s.startsWith("小字", q)) {
                q += 2;
                aza = true;
            } else if (s.startsWith("字", q)) {
                q += 1;
                aza = true;
            }
            for (int length = Math.min(maxKoazaLength, s.length() - q); length > 0; length--) {
                KnownTown row = koaza.get(s.substring(q, q + length));
                if (row != null && atBoundary(in, q + length)) {
                    return new Hit(row, readBlock(s, q + length));
                }
            }
            if (town == null) {
                return null;
            }
            if (aza) {
                return new Hit(town, null);
            }
            if (needsBoundary && !atBoundary(in, p)) {
                return null;
            }
            return new Hit(town, readBlock(s, p));
        }
    }

    private record Hit(KnownTown town, Integer block) {
    }

    private record Found(List<Hit> hits, int nameEnd) {
    }

    /** Folded text plus where whitespace was removed, since a space still separates a name from what follows. */
    private record Folded(String text, BitSet spaceBefore) {
    }

    private static Folded fold(String text) {
        if (text == null) {
            return new Folded("", new BitSet());
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder compact = new StringBuilder(nfkc.length());
        BitSet spaceBefore = new BitSet();
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (compact.length() > 0) {
                    spaceBefore.set(compact.length());
                }
            } else {
                compact.append(c);
            }
        }
        StringBuilder out = new StringBuilder(compact.length());
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            char before = i > 0 ? compact.charAt(i - 1) : ' ';
            char after = i + 1 < compact.length() ? compact.charAt(i + 1) : ' ';
            boolean betweenNumerals = isNumeral(before) && isNumeral(after);
            boolean betweenKanji = isKanji(before) && isKanji(after);
            if (DASHES.indexOf(c) >= 0) {
                c = '-';
            } else if (c == 'ー' && betweenNumerals) {
                c = '-';
            } else if ("のノ之".indexOf(c) >= 0 && betweenNumerals) {
                c = '-';
            } else if ("のノ之".indexOf(c) >= 0 && betweenKanji) {
                c = 'ノ';
            } else if ("ヶケがガ".indexOf(c) >= 0 && betweenKanji) {
                c = 'ケ';
            } else {
                c = ITAIJI.getOrDefault(c, c);
            }
            out.append(c);
        }
        return new Folded(out.toString(), spaceBefore);
    }

    private static String kanjiNumbersToDigits(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            if (!isKanjiNumeral(s.charAt(i))) {
                out.append(s.charAt(i++));
                continue;
            }
            int end = i;
            while (end < s.length() && isKanjiNumeral(s.charAt(end))) {
                end++;
            }
            String run = s.substring(i, end);
            boolean unitAfter = startsWithAny(s, end, "丁目", "番", "号", "-");
            boolean unitBefore = endsWithAny(s, i, "丁目", "番地", "番", "号", "-")
                    && (end == s.length() || startsWithAny(s, end, "丁目", "番", "号", "-")
                            || !Character.isLetter(s.charAt(end)));
            out.append(unitAfter || unitBefore ? Long.toString(parseNumber(run)) : run);
            i = end;
        }
        return out.toString();
    }

    /** A non-negative number at {@code p} in Arabic or kanji numerals: {value, end}, or {@code null}. */
    private static long[] readNumber(String s, int p) {
        int end = p;
        if (end < s.length() && isDigit(s.charAt(end))) {
            while (end < s.length() && isDigit(s.charAt(end))) {
                end++;
            }
            return end - p > 9 ? null : new long[] {Long.parseLong(s.substring(p, end)), end};
        }
        while (end < s.length() && isKanjiNumeral(s.charAt(end))) {
            end++;
        }
        if (end == p || end - p > 9) {
            return null;
        }
        long value = parseNumber(s.substring(p, end));
        return value > Integer.MAX_VALUE ? null : new long[] {value, end};
    }

    /** The 番地 at {@code p}, if any; a kanji number only counts when followed by a unit, dash or the end. */
    private static Integer readBlock(String s, int p) {
        long[] number = readNumber(s, p);
        if (number == null) {
            return null;
        }
        int end = (int) number[1];
        boolean arabic = isDigit(s.charAt(p));
        if (arabic || end == s.length() || startsWithAny(s, end, "番", "号", "-") || !Character.isLetter(s.charAt(end))) {
            return (int) number[0];
        }
        return null;
    }

    /** Whether a name read up to {@code p} is complete: end, space, digit, symbol or a kanji 番地 follows. */
    private static boolean atBoundary(Folded in, int p) {
        String s = in.text;
        if (p >= s.length() || in.spaceBefore.get(p) || !Character.isLetter(s.charAt(p))) {
            return true;
        }
        long[] number = readNumber(s, p);
        if (number == null) {
            return false;
        }
        int end = (int) number[1];
        return end == s.length() || startsWithAny(s, end, "番", "号", "-") || !Character.isLetter(s.charAt(end));
    }

    /** Arabic digits, or kanji numerals read by {@link KanjiNumerals}. */
    private static long parseNumber(String digits) {
        return isDigit(digits.charAt(0)) ? Long.parseLong(digits) : KanjiNumerals.value(digits);
    }

    private static String longestKey(String s, int p, Set<String> keys, int maxLength) {
        for (int length = Math.min(maxLength, s.length() - p); length > 0; length--) {
            String candidate = s.substring(p, p + length);
            if (keys.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static int skipDash(String s, int p) {
        return p < s.length() && s.charAt(p) == '-' ? p + 1 : p;
    }

    private static boolean startsWithAny(String s, int p, String... prefixes) {
        for (String prefix : prefixes) {
            if (s.startsWith(prefix, p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithAny(String s, int end, String... suffixes) {
        for (String suffix : suffixes) {
            if (end >= suffix.length() && s.startsWith(suffix, end - suffix.length())) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        if (a == null) {
            return b;
        }
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }

    private static Map<String, Set<String>> copyOfSets(Map<String, Set<String>> map) {
        Map<String, Set<String>> copy = new HashMap<>();
        map.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        return Map.copyOf(copy);
    }

    private static int maxKeyLength(Map<String, ?> map) {
        return map.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isKanjiNumeral(char c) {
        return KanjiNumerals.isNumeral(c);
    }

    private static boolean isNumeral(char c) {
        return isDigit(c) || isKanjiNumeral(c);
    }

    private static boolean isKanji(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
