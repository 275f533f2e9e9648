package org.tsunagu.bench;

import org.tsunagu.japanese.KanaReading;
import org.tsunagu.csv.CsvTable;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Generates a deterministic corpus of realistic resources (Tsunagu CSV format, ../shared/design/formats.md)
 * over a real municipality's town list (geolonia format, read at run time), plus the centers and towns
 * catchment CSVs that let the portal load it over HTTP. Not a test: used by {@link SearchBenchmark}.
 *
 * <p>Run alone: {@code java -cp … org.tsunagu.bench.ResourceGenerator <geolonia towns csv> <out dir> [N] [chunk rows]}
 */
public final class ResourceGenerator {

    public static final long SEED = 20261123L;

    /** One town of the municipality, with the center it was assigned to. */
    public record GenTown(String prefecture, String city, String cityCode, String name, String base, int chome,
                          String kana, String baseReading, double lat, double lon, String center, String region) {
    }

    public record GenCenter(String code, String name, String kind, String region, String address, String phone) {
    }

    /** The generated municipality: towns (with centers) and centers. */
    public record Area(List<GenTown> towns, List<GenCenter> centers) {
    }

    static final String[] REGIONS = {"大泉", "石神井", "光が丘", "練馬"};
    static final int[] CENTERS_PER_REGION = {6, 7, 5, 7};

    // Category codes with proportions (per mille), after the demo municipality's mix.
    static final String[] CATEGORIES = {"salon", "dementia_cafe", "community_cafe", "exercise", "clinic", "hospital",
            "dental", "pharmacy", "home_nursing", "consultation", "care_service", "watch_partner"};
    static final int[] WEIGHTS = {170, 60, 55, 110, 125, 30, 90, 90, 45, 45, 115, 65};

    static final String[] NICK = {"えがお", "ほほえみ", "もみじ", "ひまわり", "こもれび", "ふたば", "さくら", "たんぽぽ",
            "あおぞら", "すみれ", "なごみ", "ひだまり", "かがやき", "せせらぎ", "わかば", "やすらぎ"};
    static final String[] SURNAME = {"田中", "鈴木", "佐藤", "高橋", "渡辺", "伊藤", "山本", "中村", "小林", "加藤", "吉田",
            "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "清水", "斎藤", "石井", "長谷川", "森", "池田"};
    static final String[] DEPT = {"内科", "整形外科", "眼科", "皮膚科", "耳鼻咽喉科", "心療内科", "泌尿器科", "脳神経外科",
            "消化器内科", "循環器内科", "リハビリテーション科", "小児科", "精神科"};
    static final String[] VENUE = {"地区会館", "集会所", "老人いこいの家", "町会会館", "コミュニティセンター", "区民館",
            "地区区民館", "敬老館"};

    private final Random rnd;
    private final Area area;

    public ResourceGenerator(Area area, long seed) {
        this.area = area;
        this.rnd = new Random(seed);
    }

    // --- the municipality ------------------------------------------------------------------------

    /** Reads a geolonia town list and assigns the towns to ~25 centers in 4 regions by position. */
    public static Area area(Path geoloniaTowns) throws IOException {
        CsvTable t = CsvTable.parse(Files.readAllBytes(geoloniaTowns), List.of("town", "lat", "lng"));
        List<GenTown> raw = new ArrayList<>();
        for (CsvTable.Row r : t.rows()) {
            String name = r.get("town");
            String kana = KanaReading.clean(r.get("town_kana"));
            raw.add(new GenTown(r.get("pref_name"), r.get("city_name"), r.get("city_code"), name, base(name),
                    chome(name), kana, hiragana(kana == null ? "" : kana.replaceAll("[0-9０-９]+$", "")),
                    Double.parseDouble(r.get("lat")), Double.parseDouble(r.get("lng")), null, null));
        }
        // regions: west → east by longitude quartiles; centers: south → north within a region
        List<GenTown> byLon = new ArrayList<>(raw);
        byLon.sort(Comparator.comparingDouble(GenTown::lon));
        List<GenTown> towns = new ArrayList<>();
        List<GenCenter> centers = new ArrayList<>();
        String city = raw.get(0).city();
        String pref = raw.get(0).prefecture();
        int from = 0;
        int no = 1;
        Set<String> usedNames = new java.util.HashSet<>();
        for (int reg = 0; reg < REGIONS.length; reg++) {
            int to = reg == REGIONS.length - 1 ? byLon.size() : (int) Math.round(byLon.size() * (reg + 1) / (double) REGIONS.length);
            List<GenTown> part = new ArrayList<>(byLon.subList(from, to));
            part.sort(Comparator.comparingDouble(GenTown::lat));
            int k = CENTERS_PER_REGION[reg];
            for (int c = 0; c < k; c++) {
                List<GenTown> mine = part.subList(part.size() * c / k, part.size() * (c + 1) / k);
                String code = "nerima-%02d".formatted(no);
                boolean core = reg == REGIONS.length - 1 && c == k - 1;
                GenTown first = mine.get(0);
                String place = mine.stream().map(GenTown::base).filter(b -> !usedNames.contains(b)).findFirst()
                        .orElse(first.base() + no);
                usedNames.add(place);
                String name = core ? city + "地域包括支援センター（基幹型）" : city + place + "地域包括支援センター";
                centers.add(new GenCenter(code, name, core ? "core" : "commissioned", REGIONS[reg],
                        pref + city + first.name() + (no * 3 % 20 + 1) + "番" + (no % 9 + 1) + "号",
                        "03-5984-%04d".formatted(1000 + no)));
                for (GenTown g : mine) {
                    towns.add(new GenTown(g.prefecture(), g.city(), g.cityCode(), g.name(), g.base(), g.chome(),
                            g.kana(), g.baseReading(), g.lat(), g.lon(), code, REGIONS[reg]));
                }
                no++;
            }
            from = to;
        }
        towns.sort(Comparator.comparing(GenTown::name));
        return new Area(towns, centers);
    }

    static String base(String town) {
        return town.replaceAll("[一二三四五六七八九十]+丁目$", "");
    }

    static int chome(String town) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([一二三四五六七八九十]+)丁目$").matcher(town);
        if (!m.find()) {
            return 0;
        }
        String k = m.group(1);
        String digits = "〇一二三四五六七八九";
        if (k.equals("十")) {
            return 10;
        }
        if (k.startsWith("十")) {
            return 10 + digits.indexOf(k.charAt(1));
        }
        return digits.indexOf(k.charAt(0));
    }

    static String hiragana(String katakana) {
        StringBuilder b = new StringBuilder();
        katakana.codePoints().forEach(c -> b.appendCodePoint(c >= 0x30A1 && c <= 0x30F6 ? c - 0x60 : c));
        return b.toString();
    }

    public static void writeCenters(Area area, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("center_code,name,kind,region,address,phone,email\n");
            for (GenCenter c : area.centers()) {
                row(w, c.code(), c.name(), c.kind(), c.region(), c.address(), c.phone(), c.code() + "@example.invalid");
            }
        }
    }

    public static void writeTowns(Area area, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("city_code,pref_name,city_name,town,koaza,lat,lon,center_code,town_kana\n");
            for (GenTown t : area.towns()) {
                row(w, t.cityCode(), t.prefecture(), t.city(), t.name(), "", Double.toString(t.lat()),
                        Double.toString(t.lon()), t.center(), t.kana() == null ? "" : t.kana());
            }
        }
    }

    // --- resources -------------------------------------------------------------------------------

    public static final List<String> COLUMNS = List.of("external_id", "name", "name_kana", "category", "description",
            "postal_code", "address", "lat", "lon", "phone", "url", "email", "schedule", "cost", "reservation", "target",
            "accessibility", "home_visit", "departments", "center_code", "organizer");

    /** Writes {@code n} resources to {@code file} and, when chunkRows > 0, the same rows split into chunk files. */
    public void writeResources(int n, Path file, Path chunkDir, int chunkRows) throws IOException {
        String header = String.join(",", COLUMNS) + "\n";
        BufferedWriter chunk = null;
        int chunkNo = 0;
        if (chunkDir != null) {
            Files.createDirectories(chunkDir);
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(header);
            for (int i = 1; i <= n; i++) {
                String[] r = resource(i);
                row(w, r);
                if (chunkDir != null) {
                    if ((i - 1) % chunkRows == 0) {
                        if (chunk != null) {
                            chunk.close();
                        }
                        chunk = Files.newBufferedWriter(chunkDir.resolve("resources-%03d.csv".formatted(chunkNo++)),
                                StandardCharsets.UTF_8);
                        chunk.write(header);
                    }
                    row(chunk, r);
                }
            }
        } finally {
            if (chunk != null) {
                chunk.close();
            }
        }
    }

    String category() {
        int total = 0;
        for (int w : WEIGHTS) {
            total += w;
        }
        int x = rnd.nextInt(total);
        for (int i = 0; i < WEIGHTS.length; i++) {
            x -= WEIGHTS[i];
            if (x < 0) {
                return CATEGORIES[i];
            }
        }
        throw new IllegalStateException();
    }

    <T> T pick(T[] a) {
        return a[rnd.nextInt(a.length)];
    }

    boolean chance(double p) {
        return rnd.nextDouble() < p;
    }

    /** One resource row in {@link #COLUMNS} order. */
    String[] resource(int i) {
        GenTown t = area.towns().get(rnd.nextInt(area.towns().size()));
        String cat = category();
        String b = t.base();
        String nick = pick(NICK);
        String sur = pick(SURNAME);
        String dept = pick(DEPT);
        String venue = b + pick(VENUE);
        String name;
        String description;
        String schedule;
        String cost;
        String reservation = "";
        String target = "";
        String departments = "";
        String organizer = "";
        boolean homeVisit = false;
        switch (cat) {
            case "salon" -> {
                name = pick(new String[]{"ふれあいサロン" + b, "いきいきサロン" + b, b + "なかよしサロン", "ほっとサロン" + b,
                        "脳トレサロン" + b, "手芸サロン「" + nick + "」", "歌声サロン「" + nick + "」", "健康麻雀サロン" + b,
                        "囲碁・将棋サロン" + b, "男の料理サロン" + b, "笑いヨガサロン" + b, b + "三世代交流サロン",
                        b + "おしゃべりサロン", b + "ふれあい茶話会", b + "団地ふれあいサロン", "ランチ会「" + nick + "」",
                        "通いの場「" + nick + "」"});
                description = sentences(venue + "で開いている住民主体のサロンです。",
                        b + "周辺にお住まいの方が集まる、顔なじみの多いサロンです。",
                        "お茶を飲みながらおしゃべりを楽しんでいます。", "初めての方の見学も歓迎しています。",
                        "季節の行事や脳トレ、軽い体操を取り入れています。", "血圧測定や健康相談の日もあります。",
                        "参加者同士の声かけが、日ごろの見守りにもつながっています。", "包括の職員が年に数回、健康ミニ講座に伺います。",
                        "編み物や小物づくりを教え合っています。材料は各自持参です。");
                schedule = pick(new String[]{"毎月" + pairNth() + weekday() + "曜日 " + time(),
                        "毎月第" + nth() + weekday() + "曜日 " + time() + closing(), "毎週" + weekday() + "曜日 " + time() + closing(),
                        "隔週" + weekday() + "曜日 " + time() + closing(), "毎月第４水曜日　１０：００〜１２：００",
                        "月1回程度（日程は町会の掲示板でお知らせします）"});
                cost = pick(new String[]{"無料", "100円", "50円", "200円（お茶代）", "300円（昼食代）", "月500円", "実費（材料費）"});
                reservation = chance(0.85) ? "不要" : "要";
                target = pick(new String[]{"どなたでも", "65歳以上の方", "おおむね60歳以上の方", b + "にお住まいの方", "地域の高齢者",
                        "どなたでも（子ども連れ歓迎）"});
                organizer = pick(new String[]{b + "町会", b + "地区社会福祉協議会", "民生委員・児童委員" + b + "地区", "練馬区社会福祉協議会",
                        b + "老人クラブ", "ボランティアグループ「" + nick + "」"});
            }
            case "dementia_cafe" -> {
                name = pick(new String[]{"オレンジカフェ" + b, b + "オレンジカフェ", "認知症カフェ「" + nick + "」",
                        "Dカフェ" + b, "ケアラーズカフェ" + b});
                description = sentences("認知症の方とご家族が、専門職や地域の方と一緒にお茶を楽しむ場です。",
                        "ミニ講話や音楽、回想法などのプログラムがあります。", "介護の悩みを気軽に相談できます。",
                        venue + "で開いています。", "認知症サポーターがお手伝いしています。", "ご家族だけの参加も歓迎です。");
                schedule = pick(new String[]{"毎月第" + nth() + weekday() + "曜日 " + time() + closing(),
                        "毎月第" + nth() + "・第4" + weekday() + "曜日 " + time(), "毎月第2木曜日 18:30〜20:00",
                        "不定期（お問い合わせください）"});
                cost = pick(new String[]{"無料", "100円", "200円（お茶代）"});
                reservation = chance(0.8) ? "不要" : "要";
                target = "認知症の方・ご家族・地域の方";
                organizer = pick(new String[]{"練馬区地域包括支援センター", b + "地域包括支援センター", "認知症の人と家族の会",
                        "グループホーム" + nick});
            }
            case "community_cafe" -> {
                name = pick(new String[]{b + "地域カフェ", "コミュニティカフェ「" + nick + "」", b + "ふれあい食堂",
                        "子ども食堂＆地域食堂" + b, "まちかどカフェ" + b});
                description = sentences("子どもから高齢の方まで、誰でも立ち寄れる地域の居場所です。",
                        "手づくりのランチを低価格で提供しています。", "ボランティアスタッフが運営しています。",
                        b + "の商店街の空き店舗を活用しています。", "囲碁や手芸などの講座も開いています。");
                schedule = pick(new String[]{"毎週" + weekday() + "・" + weekday() + "曜日 10:00〜14:00", "火曜日以外の平日 10:00〜16:00",
                        "月〜土 11:00〜15:00（日曜・祝日休み）", "毎月第1・第3土曜日 11:30〜14:00", "毎週月・水・金曜日　１０：００〜１５：００"});
                cost = pick(new String[]{"無料", "飲み物100円", "実費", "200円（お茶とお菓子）", "食事300円（子どもは無料）"});
                target = "どなたでも";
                organizer = pick(new String[]{"NPO法人" + b + "ささえあいネット", b + "町会", "ワーカーズコープ" + nick});
            }
            case "exercise" -> {
                name = pick(new String[]{b + "体操教室", "いきいき体操" + b, "介護予防教室「はつらつ" + b + "」", "転倒予防教室" + b,
                        b + "ウォーキングの会", "貯筋体操" + b, "椅子ヨガ教室" + b, "ねりま元気体操" + b, "筋力アップ教室" + b});
                description = sentences("椅子に座ってできる、無理のない体操です。", "理学療法士が年に数回、体力測定を行います。",
                        "運動・口腔・栄養を組み合わせた、全8回のコース制の介護予防教室です。", venue + "で行っています。",
                        "おもりを使った筋力トレーニングで、転びにくい体をつくります。", "動きやすい服装でお越しください。");
                schedule = pick(new String[]{"毎週" + weekday() + "曜日 " + time() + closing(), "毎月第" + nth() + "・第4" + weekday() + "曜日 " + time(),
                        "毎月第１・第３" + weekday() + "曜日 13:30〜15:00（祝日の場合は休み）", "毎月第４金曜日　９：３０〜１０：３０（祝日の場合は休み）"});
                cost = pick(new String[]{"無料", "100円", "1回300円", "1回500円", "無料（おもりは貸出あり）"});
                reservation = chance(0.6) ? "不要" : "要";
                target = pick(new String[]{"65歳以上の方", "65歳以上で医師から運動制限を受けていない方", "どなたでも"});
                organizer = pick(new String[]{"練馬区高齢者支援課", b + "自主グループ", b + "地区社会福祉協議会"});
            }
            case "clinic" -> {
                name = pick(new String[]{b + dept + "クリニック", sur + dept + "クリニック", b + "ファミリークリニック", sur + "医院",
                        b + "在宅クリニック", b + "駅前クリニック", sur + "内科・" + dept});
                homeVisit = chance(0.3);
                description = sentences("地域のかかりつけ医として、" + dept + "を中心に診療しています。",
                        homeVisit ? "通院が難しい方のご自宅へ訪問診療を行っています。" : "駐車場があり、車いすでも受診できます。",
                        "生活習慣病の管理や健康診断、予防接種にも対応しています。", "もの忘れ外来を設けています。",
                        b + "駅から徒歩5分です。");
                schedule = pick(new String[]{"月・火・水・金・土 9:00〜12:00／15:00〜18:00（日曜・祝日休診）",
                        "月・水・木・金・土 9:00〜12:30／15:00〜19:00（訪問診療は午後／火・日・祝日休診）",
                        "月・火・水・金　８：４５〜１２：００／１４：００〜１７：００（木・土・日・祝日休診）",
                        "月〜土 9:00〜17:00（緊急時は24時間対応）", "火〜土 9:30〜13:00／14:30〜18:00（月・日・祝日休診）",
                        "月・火・木・金 9:00〜12:00／15:00〜18:30、土 9:00〜13:00（水・日・祝日休診）",
                        "月〜金 9:00〜17:00（土・日・祝日休診）"});
                cost = "保険診療";
                departments = String.join(";", new LinkedHashSet<>(List.of(dept, pick(DEPT))));
            }
            case "hospital" -> {
                name = pick(new String[]{b + "病院", b + "総合病院", b + dept + "病院", sur + "記念病院", b + "リハビリテーション病院"});
                homeVisit = chance(0.1);
                description = sentences("地域の急性期医療を担う病院です。", "回復期リハビリテーション病棟があります。",
                        "人工関節や脊椎の手術を多く手がけ、術後のリハビリまで一貫して行います。", "地域連携室が退院後の生活を支援します。",
                        "紹介状をお持ちください。");
                schedule = pick(new String[]{"月〜金 9:00〜11:30（予約制、土・日・祝日休診）", "月〜金 8:30〜11:30（土・日・祝日休診）",
                        "月〜土 9:00〜12:00（日曜・祝日休診）", "月〜金 9:00〜17:00（外来は午前のみ）",
                        "不定期（診療科により異なります。お問い合わせください）"});
                cost = "保険診療";
                departments = String.join(";", new LinkedHashSet<>(List.of("内科", dept, pick(DEPT), "リハビリテーション科")));
            }
            case "dental" -> {
                name = pick(new String[]{sur + "歯科医院", b + "歯科", b + "駅前歯科クリニック", sur + "デンタルクリニック", b + "訪問歯科"});
                homeVisit = name.contains("訪問") || chance(0.2);
                description = sentences("虫歯や歯周病の治療から入れ歯の調整まで対応しています。",
                        homeVisit ? "通院が難しい方には訪問歯科診療を行っています。" : "バリアフリーの院内で、車いすのまま診療できます。",
                        "口腔ケアや飲み込みの相談もお受けします。", "予約制です。お電話でお問い合わせください。");
                schedule = pick(new String[]{"月〜金 10:00〜13:00／14:30〜19:30、土 9:00〜13:00（日曜・祝日休診）",
                        "月・水・木・金・土 10:00〜13:00／15:00〜19:00（火・日・祝日休診）",
                        "火〜土 9:30〜13:00／14:30〜18:30（月・日・祝日休診）", "月〜土 9:00〜12:00／14:00〜18:00（日曜・祝日休診）",
                        "月〜土　９：００〜１２：００／１４：００〜１８：００（日曜・祝日休診）"});
                cost = pick(new String[]{"保険診療", "保険診療（自費診療あり）"});
                departments = "歯科;" + pick(new String[]{"小児歯科", "歯科口腔外科", "矯正歯科"});
            }
            case "pharmacy" -> {
                name = pick(new String[]{b + "薬局", sur + "薬局", b + "調剤薬局", pick(new String[]{"さくら", "ひまわり", "あおば", "みどり"})
                        + "薬局" + b + "店", b + "ファーマシー"});
                homeVisit = chance(0.3);
                description = sentences("近隣の医療機関の処方せんを中心に受け付けています。",
                        homeVisit ? "薬剤師がご自宅や施設を訪問し、お薬の管理をお手伝いします。" : "お薬手帳のご相談をお受けします。",
                        b + "の商店街の中ほどにあります。", "健康サポート薬局です。");
                schedule = pick(new String[]{"月・火・水・金 9:00〜18:30、木・土 9:00〜13:00（日曜・祝日休み）",
                        "月〜土 9:00〜20:00（日曜・祝日休み）", "月〜金 9:00〜19:00、土 9:00〜13:00（日曜・祝日休み）",
                        "月〜金 8:30〜18:00（土・日・祝日休み）", "火曜日以外の平日 9:00〜18:00"});
                cost = "保険調剤";
            }
            case "home_nursing" -> {
                name = pick(new String[]{"訪問看護ステーション" + b, b + "訪問看護ステーション", "訪問看護ステーション「" + nick + "」",
                        "リハビリ訪問看護" + b});
                homeVisit = true;
                description = sentences("看護師と理学療法士がご自宅に伺い、療養生活を支えます。", "24時間の連絡体制をとっています。",
                        "医療的ケアが必要な方、終末期の方の在宅療養にも対応します。", "ケアマネジャーと連携して支援します。");
                schedule = pick(new String[]{"24時間対応", "月〜土 9:00〜18:00（日曜・祝日休み）", "月〜金 9:00〜18:00（緊急時は24時間対応）",
                        "月〜金 9:00〜17:30（24時間連絡体制あり）"});
                cost = "医療保険・介護保険";
            }
            case "consultation" -> {
                name = pick(new String[]{b + "福祉なんでも相談", "成年後見相談" + b, b + "介護者の会", "もの忘れ相談" + b,
                        b + "暮らしの保健室", "権利擁護センター" + b + "相談窓口"});
                description = sentences("介護や福祉、暮らしの困りごとを無料で相談できます。", "専門の相談員がお話を伺います。",
                        "成年後見制度の利用についてご案内します。", "秘密は守ります。お気軽にどうぞ。");
                schedule = pick(new String[]{"月〜金 9:00〜17:00（弁護士相談は毎月第3木曜日・要予約）", "月〜金 9:00〜16:00（祝日休み）",
                        "月〜金 8:30〜17:15（土・日・祝日・年末年始休み）", "毎月第" + nth() + weekday() + "曜日 13:30〜15:30"});
                cost = "無料";
                reservation = chance(0.5) ? "要" : "不要";
                target = pick(new String[]{"区内在住の方とご家族", "介護をしているご家族", "どなたでも"});
                organizer = pick(new String[]{"練馬区社会福祉協議会", "練馬区", b + "地域包括支援センター"});
            }
            case "care_service" -> {
                name = pick(new String[]{"デイサービス" + b, b + "デイサービスセンター", "小規模多機能型居宅介護 " + nick,
                        "グループホーム" + nick + b, "ヘルパーステーション" + b, "居宅介護支援事業所" + b, "福祉用具" + b,
                        "ショートステイ" + b, "特別養護老人ホーム" + b + "ホーム"});
                homeVisit = name.startsWith("ヘルパー") || name.startsWith("居宅") || chance(0.2);
                description = sentences("介護保険のサービスを提供する事業所です。", "見学随時受付中です。",
                        "入浴・食事・機能訓練を組み合わせたサービスです。", "送迎があります。",
                        "「通い」を中心に「泊まり」「訪問」を組み合わせて利用できます。");
                schedule = pick(new String[]{"月〜金 9:00〜18:00（土・日・祝日休み）", "月〜土 9:00〜18:00（日曜・祝日休み）",
                        "月〜土 8:30〜17:30", "24時間365日", "年中無休", "月〜日 7:00〜20:00"});
                cost = pick(new String[]{"介護保険適用（1〜3割負担）", "介護保険適用（食費・居住費は実費）", "介護保険適用（購入は実費）"});
                target = "要支援・要介護認定を受けた方";
            }
            case "watch_partner" -> {
                name = pick(new String[]{b + "新聞販売店", pick(new String[]{"ファミリーストア", "サンライズマート", "ニコニコストア"}) + b + "店",
                        b + "郵便局", "西武信用金庫" + b + "支店", "東京ガスライフバル" + b, "生協" + b + "センター",
                        b + "電気店", b + "米店", "ヤクルト" + b + "センター"});
                description = sentences("練馬区と見守り協定を結んでいる事業者です。", "配達や訪問の際に、気になることがあれば包括に連絡します。",
                        "従業員が認知症サポーター養成講座を受講しています。");
                schedule = pick(new String[]{"月〜金 9:00〜18:00", "月〜土 8:00〜21:00", "朝刊の配達時（毎日）", "24時間営業",
                        "毎日 7:00〜23:00", "月〜金 9:00〜15:00（土・日・祝日休業）"});
                cost = "";
            }
            default -> throw new IllegalStateException(cat);
        }
        int banchi = 1 + rnd.nextInt(30);
        int go = 1 + rnd.nextInt(25);
        String address;
        if (t.chome() > 0 && chance(0.3)) {
            address = t.city() + t.base() + t.chome() + "-" + banchi + "-" + go;
        } else if (chance(0.5)) {
            address = t.prefecture() + t.city() + t.name() + banchi + "番" + go + "号";
        } else {
            address = t.prefecture() + t.city() + t.name() + banchi + "-" + go;
        }
        double lat = t.lat() + (rnd.nextDouble() - 0.5) * 0.006;
        double lon = t.lon() + (rnd.nextDouble() - 0.5) * 0.007;
        String accessibility = chance(0.5) ? "" : String.join(";", new LinkedHashSet<>(List.of(
                pick(new String[]{"車いす可", "段差なし", "手すりあり", "エレベーターあり"}),
                pick(new String[]{"駐輪場あり", "駐車場あり", "バリアフリートイレあり", "筆談対応"}))));
        String phone = chance(0.8) ? "03-%04d-%04d".formatted(3000 + rnd.nextInt(7000), rnd.nextInt(10000)) : "";
        String url = chance(0.2) ? "https://example.invalid/nerima/" + cat + "/" + i : "";
        String postal = "17" + (6 + rnd.nextInt(3)) + "-00" + "%02d".formatted(rnd.nextInt(100));
        return new String[]{"bench-%06d".formatted(i), name, "", cat, description, postal, address,
                String.format(Locale.ROOT, "%.6f", lat), String.format(Locale.ROOT, "%.6f", lon), phone, url, "", schedule, cost,
                reservation, target, accessibility, Boolean.toString(homeVisit), departments, "", organizer};
    }

    String sentences(String... pool) {
        int k = 1 + rnd.nextInt(3);
        Set<String> out = new LinkedHashSet<>();
        while (out.size() < Math.min(k, pool.length)) {
            out.add(pool[rnd.nextInt(pool.length)]);
        }
        return String.join("", out);
    }

    String weekday() {
        return pick(new String[]{"月", "火", "水", "木", "金", "土"});
    }

    String pairNth() {
        return chance(0.5) ? "第1・第3" : "第2・第4";
    }

    int nthInt() {
        return 1 + rnd.nextInt(3);
    }

    String nth() {
        return Integer.toString(nthInt());
    }

    String time() {
        return pick(new String[]{"10:00〜11:30", "10:00〜12:00", "13:30〜15:00", "13:30〜15:30", "14:00〜16:00", "10:30〜12:00",
                "13:00〜15:00"});
    }

    String closing() {
        return pick(new String[]{"", "", "", "（年末年始は休み）", "（8月は休み）", "（祝日の場合は休み）"});
    }

    // --- CSV ---------------------------------------------------------------------------------------

    static void row(BufferedWriter w, String... cells) {
        try {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    w.write(',');
                }
                String c = cells[i] == null ? "" : cells[i];
                if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0) {
                    w.write('"');
                    w.write(c.replace("\"", "\"\""));
                    w.write('"');
                } else {
                    w.write(c);
                }
            }
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ResourceGenerator <geolonia towns csv> <out dir> [N=100000] [chunk rows=2000]");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int chunk = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
        Files.createDirectories(out);
        Area area = area(Path.of(args[0]));
        writeCenters(area, out.resolve("centers.csv"));
        writeTowns(area, out.resolve("towns.csv"));
        new ResourceGenerator(area, SEED).writeResources(n, out.resolve("resources.csv"), out.resolve("chunks"), chunk);
        System.out.println("wrote " + n + " resources, " + area.towns().size() + " towns, " + area.centers().size()
                + " centers to " + out.toAbsolutePath());
    }
}
