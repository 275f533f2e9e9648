package org.tsunagu.bench;

import org.tsunagu.calendar.control.JapanTime;
import org.tsunagu.addresses.control.AddressMatch;
import org.tsunagu.addresses.control.AddressMatcher;
import org.tsunagu.japanese.KanaReading;
import org.tsunagu.addresses.control.KnownTown;
import org.tsunagu.search.control.IndexedResource;
import org.tsunagu.search.control.PlaceDictionary;
import org.tsunagu.search.control.ResourceIndex;
import org.tsunagu.calendar.control.ScheduleParser;
import org.tsunagu.search.control.SearchQuery;
import org.tsunagu.search.control.SearchResult;
import org.tsunagu.search.control.SearchSchema;
import org.tsunagu.search.control.Synonyms;
import org.tsunagu.directory.entity.Category;
import org.tsunagu.directory.entity.Resource;
import org.tsunagu.csv.CsvTable;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The search benchmark of issue 3, in-process half (not a test: no surefire/failsafe name pattern).
 * Generates the corpus ({@link ResourceGenerator}), indexes it exactly as the portal does (schedule
 * parser, address matcher, town dictionary, bundled synonyms) into a temp directory, reports the
 * build rate, then times three query mixes with the same {@link SearchQuery} the REST layer builds
 * (page 0, size 20, highlight on, today in Asia/Tokyo). It also writes each mix's queries as
 * URL-encoded API paths, so the HTTP half (src/test/bench/search-benchmark.sh, wrk) replays the
 * same queries.
 *
 * <p>Usage: {@code SearchBenchmark <out dir> [N=100000] [queries per mix=3000] [shared dir=../shared]}.
 * Writes out/centers.csv, towns.csv, resources.csv, chunks/, queries-{a,b,c}.txt, inprocess.env.
 */
public final class SearchBenchmark {

    static final String API = "/api/v1/resources";

    /** A query in both forms: the record the REST layer builds and the URL a browser sends. */
    record Q(SearchQuery query, String path) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: SearchBenchmark <out dir> [N=100000] [queries per mix=3000] [shared dir=../shared]");
            System.exit(2);
        }
        Path out = Path.of(args[0]).toAbsolutePath();
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int perMix = args.length > 2 ? Integer.parseInt(args[2]) : 3_000;
        Path shared = Path.of(args.length > 3 ? args[3] : "../shared");
        Path townList = shared.resolve("data/towns/geolonia_towns_131202.csv");
        Files.createDirectories(out);
        Map<String, String> report = new LinkedHashMap<>();

        // 1. corpus
        long t0 = System.nanoTime();
        ResourceGenerator.Area area = ResourceGenerator.area(townList);
        ResourceGenerator.writeCenters(area, out.resolve("centers.csv"));
        ResourceGenerator.writeTowns(area, out.resolve("towns.csv"));
        new ResourceGenerator(area, ResourceGenerator.SEED).writeResources(n, out.resolve("resources.csv"),
                out.resolve("chunks"), 2_000);
        System.out.printf("generated %,d resources over %d towns, %d centers in %.1f s%n", n, area.towns().size(),
                area.centers().size(), secs(t0));

        // 2. documents, as the import would make them (address → town → catchment, reading, schedule rules)
        long t1 = System.nanoTime();
        Map<String, ResourceGenerator.GenCenter> centers = new HashMap<>();
        area.centers().forEach(c -> centers.put(c.code(), c));
        List<KnownTown> known = new ArrayList<>();
        List<PlaceDictionary.Place> places = new ArrayList<>();
        Map<Long, ResourceGenerator.GenTown> townById = new HashMap<>();
        long id = 1;
        for (ResourceGenerator.GenTown t : area.towns()) {
            known.add(new KnownTown(id, t.cityCode(), t.prefecture(), t.city(), t.name(), null));
            places.add(new PlaceDictionary.Place(t.name(), t.kana()));
            townById.put(id, t);
            id++;
        }
        AddressMatcher matcher = new AddressMatcher(known);
        SearchSchema schema = new SearchSchema(PlaceDictionary.of(places), Synonyms.bundledPlus(List.of()));
        ScheduleParser parser = new ScheduleParser();
        CsvTable table = CsvTable.parse(Files.readAllBytes(out.resolve("resources.csv")), List.of());
        List<IndexedResource> docs = new ArrayList<>(n);
        int unparsed = 0;
        long rid = 1;
        String muni = area.towns().get(0).cityCode();
        for (CsvTable.Row r : table.rows()) {
            AddressMatch m = matcher.match(r.get("address"), muni);
            KnownTown town = m.town().orElseThrow(() -> new IllegalStateException("address not matched: " + r.get("address")));
            ResourceGenerator.GenTown gt = townById.get(town.id());
            String rules = r.has("schedule") ? parser.parse(r.get("schedule")).rules() : null;
            if (r.has("schedule") && rules == null) {
                unparsed++;
            }
            docs.add(new IndexedResource(rid++, r.get("external_id"), r.get("name"), KanaReading.of(r.get("name")),
                    Category.ofCode(r.get("category")).orElseThrow(), r.get("description"), r.get("address"),
                    town.town(), town.town(), gt.region(), gt.center(), gt.center(), muni,
                    Double.valueOf(r.get("lat")), Double.valueOf(r.get("lon")), r.has("schedule") ? r.get("schedule") : null,
                    rules, "true".equals(r.get("home_visit")), Resource.costMeansFree(r.get("cost")), r.get("cost"),
                    r.get("target"), r.get("organizer"), split(r.get("departments")), split(r.get("accessibility")),
                    r.get("phone")));
        }
        double prepare = secs(t1);
        System.out.printf("prepared %,d documents (address match, reading, schedule rules; %d schedules kept as text) in %.1f s%n",
                docs.size(), unparsed, prepare);
        report.put("PREPARE_S", fmt(prepare));
        report.put("UNPARSED_SCHEDULES", Integer.toString(unparsed));

        // 3. index build: a fresh generation, filled the way ResourceSearch rebuilds (chunks of 500), then swapped in
        Path dir = Files.createTempDirectory("tsunagu-bench-index");
        ResourceIndex index = ResourceIndex.open(dir, schema);
        long t2 = System.nanoTime();
        ResourceIndex.Rebuild rebuild = index.rebuild(schema);
        for (int from = 0; from < docs.size(); from += 500) {
            rebuild.add(docs.subList(from, Math.min(docs.size(), from + 500)));
        }
        rebuild.finish();
        double build = secs(t2);
        System.out.printf("index build: %,d docs in %.2f s = %,.0f docs/s (searchable: %,d)%n", docs.size(), build,
                docs.size() / build, index.size());
        report.put("BUILD_DOCS", Integer.toString(docs.size()));
        report.put("BUILD_S", fmt(build));
        report.put("BUILD_DOCS_PER_S", "%.0f".formatted(docs.size() / build));
        report.put("INDEX_MB", "%.1f".formatted(size(dir) / 1e6));
        docs = null; // let the heap go

        // 4. query mixes
        LocalDate today = LocalDate.now(JapanTime.ZONE);
        Random rnd = new Random(ResourceGenerator.SEED + 1);
        Map<String, List<Q>> mixes = new LinkedHashMap<>();
        mixes.put("a", mixA(rnd, area, today, perMix));
        mixes.put("b", mixB(rnd, area, today, perMix));
        mixes.put("c", mixC(rnd, today, perMix));
        for (Map.Entry<String, List<Q>> e : mixes.entrySet()) {
            Files.write(out.resolve("queries-" + e.getKey() + ".txt"), e.getValue().stream().map(Q::path).toList(),
                    StandardCharsets.UTF_8);
        }
        // warm-up: every mix, interleaved, so no mix profits from running first
        long tw = System.nanoTime();
        for (int round = 0; round < 2; round++) {
            for (List<Q> qs : mixes.values()) {
                for (Q q : qs) {
                    index.search(q.query());
                }
            }
        }
        System.out.printf("warm-up: %,d queries in %.1f s%n", 2 * 3 * perMix, secs(tw));
        for (Map.Entry<String, List<Q>> e : mixes.entrySet()) {
            List<Q> qs = e.getValue();
            long[] nanos = new long[qs.size()];
            long hits = 0;
            int empty = 0;
            for (int i = 0; i < qs.size(); i++) {
                long s = System.nanoTime();
                SearchResult r = index.search(qs.get(i).query());
                nanos[i] = System.nanoTime() - s;
                hits += r.total();
                empty += r.items().isEmpty() ? 1 : 0;
            }
            Arrays.sort(nanos);
            double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
            String k = "INPROC_" + e.getKey().toUpperCase(Locale.ROOT);
            report.put(k + "_N", Integer.toString(qs.size()));
            report.put(k + "_P50_MS", fmt(pct(nanos, 50)));
            report.put(k + "_P99_MS", fmt(pct(nanos, 99)));
            report.put(k + "_MEAN_MS", fmt(mean));
            report.put(k + "_MAX_MS", fmt(nanos[nanos.length - 1] / 1e6));
            report.put(k + "_MEAN_TOTAL", Long.toString(hits / qs.size()));
            report.put(k + "_EMPTY", Integer.toString(empty));
            System.out.printf("mix %s: %,d queries  p50 %.2f ms  p99 %.2f ms  mean %.2f ms  max %.2f ms  (mean total %,d hits, %d empty)%n",
                    e.getKey(), qs.size(), pct(nanos, 50), pct(nanos, 99), mean, nanos[nanos.length - 1] / 1e6,
                    hits / qs.size(), empty);
        }
        index.close();
        deleteTree(dir);
        List<String> lines = new ArrayList<>();
        report.forEach((k, v) -> lines.add(k + "=" + v));
        Files.write(out.resolve("inprocess.env"), lines, StandardCharsets.UTF_8);
    }

    // --- the mixes ---------------------------------------------------------------------------------

    static final String[] WORDS = {"サロン", "体操", "歯科", "訪問", "認知症", "オレンジカフェ", "薬局", "クリニック", "内科",
            "整形外科", "眼科", "介護予防", "見守り", "相談", "麻雀", "ヨガ", "囲碁", "カフェ", "訪問看護", "デイサービス",
            "もの忘れ", "口腔ケア", "リハビリ", "成年後見", "子ども食堂", "ランチ", "脳トレ", "歌声", "手芸", "送迎",
            "さろん", "たいそう", "しか", "やっきょく", "にんちしょう", "ほうもんかんご", "かいごよぼう", "車いす", "駐車場",
            "dementia", "dentist"};
    static final String[][] CATEGORY_SETS = {{"salon"}, {"exercise"}, {"dental"}, {"clinic"}, {"pharmacy"},
            {"home_nursing"}, {"dementia_cafe"}, {"care_service"}, {"consultation"}, {"community_cafe"},
            {"salon", "dementia_cafe"}, {"clinic", "hospital"}, {"salon", "community_cafe"}, {"exercise", "salon"},
            {"clinic", "dental"}, {"home_nursing", "care_service"}, {"watch_partner"}, {"hospital"}};

    static String keyword(Random rnd, ResourceGenerator.Area area) {
        ResourceGenerator.GenTown t = area.towns().get(rnd.nextInt(area.towns().size()));
        return switch (rnd.nextInt(10)) {
            case 0, 1 -> t.base();
            case 2 -> t.baseReading();
            case 3 -> t.base() + " " + WORDS[rnd.nextInt(WORDS.length)];
            default -> WORDS[rnd.nextInt(WORDS.length)];
        };
    }

    /** Words residents type for each category (readings and English included). */
    static final Map<String, String[]> CATEGORY_WORDS = new LinkedHashMap<>();

    static {
        CATEGORY_WORDS.put("salon", new String[]{"サロン", "さろん", "麻雀", "囲碁", "脳トレ", "歌声", "手芸", "茶話会", "通いの場", "おしゃべり"});
        CATEGORY_WORDS.put("exercise", new String[]{"体操", "たいそう", "介護予防", "ヨガ", "転倒予防", "筋力", "ウォーキング"});
        CATEGORY_WORDS.put("dental", new String[]{"歯科", "しか", "入れ歯", "訪問歯科", "口腔ケア", "dentist"});
        CATEGORY_WORDS.put("clinic", new String[]{"内科", "整形外科", "眼科", "訪問診療", "もの忘れ", "クリニック", "皮膚科"});
        CATEGORY_WORDS.put("pharmacy", new String[]{"薬局", "やっきょく", "処方せん", "お薬手帳"});
        CATEGORY_WORDS.put("home_nursing", new String[]{"訪問看護", "ほうもんかんご", "訪問", "リハビリ", "24時間"});
        CATEGORY_WORDS.put("dementia_cafe", new String[]{"認知症", "にんちしょう", "オレンジカフェ", "介護者", "dementia"});
        CATEGORY_WORDS.put("care_service", new String[]{"デイサービス", "送迎", "ショートステイ", "ヘルパー", "グループホーム"});
        CATEGORY_WORDS.put("consultation", new String[]{"相談", "成年後見", "介護者の会", "暮らしの保健室"});
        CATEGORY_WORDS.put("community_cafe", new String[]{"カフェ", "子ども食堂", "ランチ", "居場所"});
        CATEGORY_WORDS.put("hospital", new String[]{"病院", "リハビリ", "整形外科", "地域連携"});
        CATEGORY_WORDS.put("watch_partner", new String[]{"見守り", "新聞", "郵便局", "配達"});
    }

    /** (a) keyword + 1–2 categories: mostly a word of that category, else a place name (kanji or reading). */
    static List<Q> mixA(Random rnd, ResourceGenerator.Area area, LocalDate today, int count) {
        List<String> codes = new ArrayList<>(CATEGORY_WORDS.keySet());
        List<Q> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String cat = codes.get(rnd.nextInt(codes.size()));
            String[] words = CATEGORY_WORDS.get(cat);
            ResourceGenerator.GenTown t = area.towns().get(rnd.nextInt(area.towns().size()));
            String q = switch (rnd.nextInt(10)) {
                case 0, 1 -> t.base();
                case 2 -> t.baseReading();
                case 3 -> t.base() + " " + words[rnd.nextInt(words.length)];
                default -> words[rnd.nextInt(words.length)];
            };
            String[] cats = rnd.nextInt(10) < 3
                    ? new String[]{cat, codes.get(rnd.nextInt(codes.size()))} : new String[]{cat};
            out.add(query(q, cats, null, null, null, null, SearchQuery.Order.RELEVANCE, today));
        }
        return out;
    }

    /** (b) keyword + a point near a town, radius 1–3 km, sorted by distance. */
    static List<Q> mixB(Random rnd, ResourceGenerator.Area area, LocalDate today, int count) {
        List<Q> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String q = keyword(rnd, area);
            ResourceGenerator.GenTown t = area.towns().get(rnd.nextInt(area.towns().size()));
            double lat = Math.round((t.lat() + (rnd.nextDouble() - 0.5) * 0.004) * 1e5) / 1e5;
            double lon = Math.round((t.lon() + (rnd.nextDouble() - 0.5) * 0.004) * 1e5) / 1e5;
            double km = 1 + rnd.nextInt(3);
            out.add(query(q, new String[0], null, lat, lon, km, SearchQuery.Order.DISTANCE, today));
        }
        return out;
    }

    /** (c) a date in the next 90 days, sometimes with a category. */
    static List<Q> mixC(Random rnd, LocalDate today, int count) {
        List<Q> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate d = today.plusDays(rnd.nextInt(90));
            String[] cats = rnd.nextInt(10) < 4 ? CATEGORY_SETS[rnd.nextInt(CATEGORY_SETS.length)] : new String[0];
            out.add(query(null, cats, d, null, null, null, SearchQuery.Order.RELEVANCE, today));
        }
        return out;
    }

    static Q query(String text, String[] cats, LocalDate date, Double lat, Double lon, Double km,
                   SearchQuery.Order order, LocalDate today) {
        // the record exactly as ResourcesResource.search builds it (q stripped, no municipality, page 0, size 20)
        SearchQuery sq = new SearchQuery(text == null ? null : text.strip(), null, new LinkedHashSet<>(List.of(cats)),
                null, null, null, Set.of(), date, false, false, lat, lon, km, order, 0, 20, today, true);
        StringBuilder p = new StringBuilder(API).append('?');
        if (text != null) {
            p.append("q=").append(URLEncoder.encode(text, StandardCharsets.UTF_8)).append('&');
        }
        for (String c : cats) {
            p.append("category=").append(c).append('&');
        }
        if (date != null) {
            p.append("date=").append(date).append('&');
        }
        if (lat != null) {
            p.append("lat=").append(lat).append("&lon=").append(lon).append("&radius=").append(km.intValue()).append('&');
        }
        if (order == SearchQuery.Order.DISTANCE) {
            p.append("sort=distance&");
        }
        p.setLength(p.length() - 1);
        return new Q(sq, p.toString());
    }

    // --- helpers -----------------------------------------------------------------------------------

    static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    static String fmt(double d) {
        return "%.2f".formatted(d);
    }

    static List<String> split(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split(";"));
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
