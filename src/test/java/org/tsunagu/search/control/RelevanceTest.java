package org.tsunagu.search.control;

import org.tsunagu.calendar.control.ScheduleParser;
import org.tsunagu.calendar.control.Weekdays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tsunagu.addresses.control.AddressMatch;
import org.tsunagu.addresses.control.AddressMatcher;
import org.tsunagu.japanese.KanaReading;
import org.tsunagu.addresses.control.KnownTown;
import org.tsunagu.directory.entity.Category;
import org.tsunagu.directory.entity.Resource;
import org.tsunagu.csv.CsvTable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The golden relevance suite: a fixed corpus of 練馬区 resources (src/test/resources/relevance) over
 * the real Nerima town list from ../shared, and queries of every kind residents type (readings,
 * widths, synonyms, place names, partial words, categories, weekdays, dates, distance, sort) with
 * the hits they must return. The corpus is indexed exactly as the portal indexes: the schedule
 * parser, the address matcher for towns and geocoding, the town user dictionary, the synonym list.
 * See the README beside the data for the expectation kinds.
 */
class RelevanceTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final String MUNICIPALITY = "131202";

    @TempDir
    static Path dir;
    static ResourceIndex index;
    static AddressMatcher matcher;
    static Map<Long, double[]> townPoints = new HashMap<>();
    static Map<Long, String> townNames = new HashMap<>();
    static Map<Long, String> externalIds = new HashMap<>();

    record Center(String code, String region) {
    }

    @BeforeAll
    static void indexCorpus() throws IOException {
        Path towns = Path.of(System.getProperty("tsunagu.shared", "../shared"), "data", "towns", "geolonia_towns_131202.csv");
        if (!Files.exists(towns)) {
            fail("Town list missing: " + towns.toAbsolutePath() + " (set -Dtsunagu.shared=<shared dir>)");
        }
        CsvTable townTable = CsvTable.parse(Files.readAllBytes(towns), List.of("town"));
        Map<String, Center> centers = new HashMap<>();
        for (CsvTable.Row r : table("centers.csv").rows()) {
            centers.put(r.get("center_code"), new Center(r.get("center_code"), r.get("region")));
        }
        List<String[]> prefixes = new ArrayList<>();
        for (CsvTable.Row r : table("town-centers.csv").rows()) {
            prefixes.add(new String[]{r.get("town_prefix"), r.get("center_code")});
        }
        List<KnownTown> known = new ArrayList<>();
        List<PlaceDictionary.Place> places = new ArrayList<>();
        Map<Long, String> townCenter = new HashMap<>();
        long id = 1;
        for (CsvTable.Row r : townTable.rows()) {
            String name = r.get("town");
            String koaza = r.get("koaza");
            known.add(new KnownTown(id, MUNICIPALITY, r.get("pref_name"), r.get("city_name"), name,
                    koaza.isEmpty() ? null : koaza));
            places.add(new PlaceDictionary.Place(name, KanaReading.clean(r.get("town_kana"))));
            townPoints.put(id, new double[]{Double.parseDouble(r.get("lat")), Double.parseDouble(r.get("lng"))});
            townNames.put(id, name);
            townCenter.put(id, centerOf(name, prefixes));
            id++;
        }
        matcher = new AddressMatcher(known);
        SearchSchema schema = new SearchSchema(PlaceDictionary.of(places), Synonyms.bundledPlus(List.of()));
        index = ResourceIndex.open(dir.resolve("index"), schema);
        ScheduleParser parser = new ScheduleParser();
        List<IndexedResource> docs = new ArrayList<>();
        long rid = 1;
        for (CsvTable.Row r : table("corpus.csv").rows()) {
            AddressMatch m = matcher.match(r.get("address"), MUNICIPALITY);
            KnownTown town = m.town().orElseThrow(() -> new AssertionError("corpus address not matched: " + r.get("address")));
            Center catchment = centers.get(townCenter.get(town.id()));
            Double lat = r.has("lat") ? Double.valueOf(r.get("lat")) : townPoints.get(town.id())[0];
            Double lon = r.has("lon") ? Double.valueOf(r.get("lon")) : townPoints.get(town.id())[1];
            String kana = r.has("name_kana") ? KanaReading.clean(r.get("name_kana")) : KanaReading.of(r.get("name"));
            String rules = r.has("schedule") ? parser.parse(r.get("schedule")).rules() : null;
            docs.add(new IndexedResource(rid, r.get("external_id"), r.get("name"), kana,
                    Category.ofCode(r.get("category")).orElseThrow(), r.get("description"), r.get("address"),
                    town.town(), town.town(), catchment.region(), catchment.code(),
                    r.has("center_code") ? r.get("center_code") : catchment.code(), MUNICIPALITY, lat, lon,
                    r.has("schedule") ? r.get("schedule") : null, rules, "true".equals(r.get("home_visit")),
                    Resource.costMeansFree(r.get("cost")), r.get("cost"), r.get("target"), r.get("organizer"),
                    split(r.get("departments")), split(r.get("accessibility")), r.get("phone")));
            externalIds.put(rid, r.get("external_id"));
            rid++;
        }
        index.upsert(docs);
        assertEquals(docs.size(), index.size());
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static String centerOf(String town, List<String[]> prefixes) {
        String best = null;
        int length = -1;
        for (String[] p : prefixes) {
            if (p[0].equals("*") && length < 0) {
                best = p[1];
                length = 0;
            } else if (!p[0].equals("*") && town.startsWith(p[0]) && p[0].length() > length) {
                best = p[1];
                length = p[0].length();
            }
        }
        return best;
    }

    static List<String> split(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split(";"));
    }

    static CsvTable table(String name) throws IOException {
        try (InputStream in = RelevanceTest.class.getResourceAsStream("/relevance/" + name)) {
            return CsvTable.parse(in.readAllBytes(), List.of());
        }
    }

    @TestFactory
    Stream<DynamicTest> goldenQueries() throws IOException {
        List<String> lines;
        try (InputStream in = RelevanceTest.class.getResourceAsStream("/relevance/queries.tsv")) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .filter(l -> !l.isBlank()).toList();
        }
        assertTrue(lines.size() >= 50, "at least 50 golden queries");
        return lines.stream().map(line -> {
            String[] f = line.split("\t", -1);
            return DynamicTest.dynamicTest(f[0] + " " + f[1] + " → " + f[2] + " " + f[3],
                    () -> check(f[1], f[2], f[3].isEmpty() ? List.of() : List.of(f[3].split(",")), f.length > 4 ? f[4] : ""));
        });
    }

    static void check(String params, String expect, List<String> ids, String note) {
        List<String> hits = search(params);
        String context = params + " [" + note + "] hits=" + hits.subList(0, Math.min(hits.size(), 15))
                + (hits.size() > 15 ? "… (" + hits.size() + ")" : "");
        switch (expect.contains(":") ? expect.substring(0, expect.indexOf(':')) : expect) {
            case "top" -> assertTrue(!hits.isEmpty() && hits.get(0).equals(ids.get(0)), "top " + ids + ": " + context);
            case "topk" -> {
                int k = Integer.parseInt(expect.substring(5));
                List<String> first = hits.subList(0, Math.min(k, hits.size()));
                assertTrue(first.containsAll(ids), "top" + k + " " + ids + ": " + context);
            }
            case "all" -> {
                List<String> missing = ids.stream().filter(i -> !hits.contains(i)).toList();
                assertTrue(missing.isEmpty(), "missing " + missing + ": " + context);
            }
            case "exact" -> assertEquals(Set.copyOf(ids), Set.copyOf(hits), context);
            case "none" -> {
                List<String> present = ids.stream().filter(hits::contains).toList();
                assertTrue(present.isEmpty(), "unexpected " + present + ": " + context);
            }
            case "empty" -> assertTrue(hits.isEmpty(), context);
            case "order" -> {
                List<Integer> positions = ids.stream().map(hits::indexOf).toList();
                assertTrue(!positions.contains(-1), "missing some of " + ids + ": " + context);
                for (int i = 1; i < positions.size(); i++) {
                    assertTrue(positions.get(i - 1) < positions.get(i), "order " + ids + " at " + positions + ": " + context);
                }
            }
            case "count" -> assertEquals(Integer.parseInt(expect.substring(6)), hits.size(), context);
            default -> fail("unknown expectation " + expect);
        }
    }

    /** All hits (every page) for a golden query line's parameters, as external ids. */
    static List<String> search(String params) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        for (String pair : params.split("&")) {
            int eq = pair.indexOf('=');
            p.computeIfAbsent(pair.substring(0, eq), k -> new ArrayList<>()).add(pair.substring(eq + 1));
        }
        Double lat = p.containsKey("lat") ? Double.valueOf(one(p, "lat")) : null;
        Double lon = p.containsKey("lon") ? Double.valueOf(one(p, "lon")) : null;
        if (p.containsKey("near")) {
            KnownTown t = matcher.match(one(p, "near"), MUNICIPALITY).town().orElseThrow();
            lat = townPoints.get(t.id())[0];
            lon = townPoints.get(t.id())[1];
        }
        Set<DayOfWeek> weekdays = new LinkedHashSet<>();
        p.getOrDefault("weekday", List.of()).forEach(w -> weekdays.add(Weekdays.ofCode(w).orElseThrow()));
        SearchQuery.Order order = SearchQuery.Order.valueOf(one(p, "sort") == null ? "RELEVANCE" : one(p, "sort").toUpperCase());
        List<String> out = new ArrayList<>();
        for (int page = 0; ; page++) {
            SearchQuery q = new SearchQuery(one(p, "q"), one(p, "municipality"),
                    new LinkedHashSet<>(p.getOrDefault("category", List.of())), one(p, "region"), one(p, "center"),
                    one(p, "town"), weekdays, one(p, "date") == null ? null : LocalDate.parse(one(p, "date")),
                    "true".equals(one(p, "homeVisit")), "true".equals(one(p, "free")), lat, lon,
                    one(p, "radius") == null ? null : Double.valueOf(one(p, "radius")), order, page, 100, TODAY, false);
            SearchResult r = index.search(q);
            r.items().forEach(h -> out.add(h.externalId()));
            if (out.size() >= r.total() || r.items().isEmpty()) {
                return out;
            }
        }
    }

    static String one(Map<String, List<String>> p, String key) {
        List<String> v = p.get(key);
        return v == null ? null : v.get(0);
    }
}
