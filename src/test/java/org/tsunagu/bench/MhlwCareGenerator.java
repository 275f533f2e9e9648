package org.tsunagu.bench;

import org.tsunagu.csv.CsvTable;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a stand-in for the national MHLW 介護サービス情報公表 file of 訪問介護 ({@code jigyosho_110.csv}),
 * because the real one is not in the repository and the import benchmark (issue 15) needs its size and
 * shape: ≈ 35,000 rows of every prefecture, ≈ 15 MB, UTF-8 with BOM, the 24 published columns
 * (../shared/data/open-data/README.md), 利用可能曜日 quoted ("平日,土曜日"), one office per row under its
 * municipality's 6-digit code. About 1.5 % of the rows are 練馬区's (131202), on its real towns (read at
 * run time from a geolonia town list) so that they geocode; the rest are plausible offices of ~1,700
 * other municipalities with codes that carry a valid check digit, which the import must skip. A few
 * realistic irregularities are kept: 事業所番号 with the leading zero Excel drops, empty FAX and 法人番号,
 * long 特記事項 and 備考. Deterministic (fixed seed). Not a test.
 *
 * <p>Run: {@code java -cp … org.tsunagu.bench.MhlwCareGenerator <geolonia towns csv> <out file> [rows=35000] [練馬区 ‰=15]}
 */
public final class MhlwCareGenerator {

    static final long SEED = 20261215L;

    static final String HEADER = "都道府県コード又は市町村コード,No,都道府県名,市区町村名,事業所名,事業所名カナ,サービスの種類,住所,"
            + "方書（ビル名等）,緯度,経度,電話番号,FAX番号,法人番号,法人の名称,事業所番号,利用可能曜日,利用可能曜日特記事項,定員,URL,"
            + "高齢者の方と障害者の方が同時一体的に利用できるサービス,介護保険の通常の指定基準を満たしている,"
            + "障害福祉の通常の指定基準を満たしている,備考";

    static final String[] PREFECTURES = {"北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県",
            "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県",
            "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県",
            "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県",
            "鹿児島県", "沖縄県"};
    /** Rough share of the national 訪問介護 offices per prefecture (per mille), after population. */
    static final int[] PREF_WEIGHTS = {42, 9, 8, 17, 7, 8, 14, 22, 15, 15, 58, 50, 120, 75, 17, 8, 9, 6, 7, 16, 16, 29, 60, 14,
        11, 22, 95, 45, 11, 9, 5, 6, 15, 23, 11, 6, 8, 11, 6, 45, 7, 12, 15, 10, 9, 14, 12};
    static final String[] WARDS = {"千代田区", "中央区", "港区", "新宿区", "文京区", "台東区", "墨田区", "江東区", "品川区", "目黒区",
            "大田区", "世田谷区", "渋谷区", "中野区", "杉並区", "豊島区", "北区", "荒川区", "板橋区", "練馬区", "足立区", "葛飾区", "江戸川区"};
    static final String[][] WARD_KANA = {{"チヨダ"}, {"チュウオウ"}, {"ミナト"}, {"シンジュク"}, {"ブンキョウ"}, {"タイトウ"},
        {"スミダ"}, {"コウトウ"}, {"シナガワ"}, {"メグロ"}, {"オオタ"}, {"セタガヤ"}, {"シブヤ"}, {"ナカノ"}, {"スギナミ"},
        {"トシマ"}, {"キタ"}, {"アラカワ"}, {"イタバシ"}, {"ネリマ"}, {"アダチ"}, {"カツシカ"}, {"エドガワ"}};

    /** Kanji + reading pieces that make plausible place names (北山, 南川原, 高野…). */
    static final String[][] HEAD = {{"北", "キタ"}, {"南", "ミナミ"}, {"東", "ヒガシ"}, {"西", "ニシ"}, {"中", "ナカ"}, {"大", "オオ"},
        {"小", "コ"}, {"高", "タカ"}, {"上", "カミ"}, {"下", "シモ"}, {"若", "ワカ"}, {"青", "アオ"}, {"白", "シラ"}, {"長", "ナガ"},
        {"本", "モト"}, {"新", "シン"}, {"富士", "フジ"}, {"桜", "サクラ"}, {"松", "マツ"}, {"竹", "タケ"}};
    static final String[][] TAIL = {{"山", "ヤマ"}, {"川", "カワ"}, {"田", "タ"}, {"野", "ノ"}, {"原", "ハラ"}, {"島", "シマ"},
        {"沢", "サワ"}, {"浜", "ハマ"}, {"岡", "オカ"}, {"森", "モリ"}, {"崎", "サキ"}, {"井", "イ"}, {"谷", "ヤ"}, {"橋", "ハシ"},
        {"宮", "ミヤ"}, {"瀬", "セ"}};
    static final String[][] NICK = {{"えがお", "エガオ"}, {"ほほえみ", "ホホエミ"}, {"ひまわり", "ヒマワリ"}, {"こもれび", "コモレビ"},
        {"さくら", "サクラ"}, {"たんぽぽ", "タンポポ"}, {"あおぞら", "アオゾラ"}, {"なごみ", "ナゴミ"}, {"ひだまり", "ヒダマリ"},
        {"やすらぎ", "ヤスラギ"}, {"すまいる", "スマイル"}, {"ぬくもり", "ヌクモリ"}, {"まごころ", "マゴコロ"}, {"つばさ", "ツバサ"}};
    static final String[][] CORP = {{"株式会社", "カブシキガイシャ"}, {"有限会社", "ユウゲンガイシャ"}, {"社会福祉法人", "シャカイフクシホウジン"},
        {"医療法人社団", "イリョウホウジンシャダン"}, {"特定非営利活動法人", "トクテイヒエイリカツドウホウジン"}, {"合同会社", "ゴウドウガイシャ"},
        {"一般社団法人", "イッパンシャダンホウジン"}, {"社会福祉法人", "シャカイフクシホウジン"}};
    static final String[] DAYS = {"平日", "平日,土曜日", "平日,土曜日,日曜日,祝日", "平日,土曜日,日曜日", "平日,土曜日,祝日",
        "月曜日,水曜日,金曜日", "平日,祝日", "平日,土曜日,日曜日,祝日", "平日,土曜日,日曜日,祝日", "平日"};
    static final String[] NOTES = {"", "", "", "年末年始（12月30日～1月3日）は休業", "24時間365日対応", "土曜日は午前のみ",
        "年末年始（12月29日～1月3日）及びお盆（8月13日～8月16日）は休業。ただし利用者の状況に応じて相談に応じます",
        "営業時間外も電話等により24時間常時連絡が可能な体制をとっています", "日曜日・祝日は要相談", "早朝・夜間の対応は要相談（6時～22時）"};
    static final String[] REMARKS = {"", "", "", "", "同一建物内に居宅介護支援事業所を併設しています",
        "通院等乗降介助を実施しています。介護タクシーのご利用はお問い合わせください",
        "障害福祉サービス（居宅介護・重度訪問介護・同行援護）の指定を受けています。お気軽にご相談ください",
        "サービス提供地域：市内全域及び近隣市の一部（詳細はお問い合わせください）"};

    /** One municipality: code, prefecture, name, reading, and its town pieces. */
    record Place(String code, String prefecture, String name, String kana) {
    }

    /** One 練馬区 town from the geolonia list. */
    record Town(String name, String kana, double lat, double lon) {
    }

    private final Random rnd = new Random(SEED);
    private final List<Place> places = new ArrayList<>();
    private final List<Integer> placeWeights = new ArrayList<>();
    private final List<Town> nerima;

    MhlwCareGenerator(List<Town> nerima) {
        this.nerima = nerima;
        for (int p = 1; p <= 47; p++) {
            String pref = PREFECTURES[p - 1];
            int count = Math.max(16, PREF_WEIGHTS[p - 1] * 3 / 2); // ≈ 1,700 municipalities in all
            if (p == 13) {
                for (int w = 0; w < WARDS.length; w++) {
                    if (!WARDS[w].equals("練馬区")) {
                        add(code(13, 101 + w), pref, WARDS[w], WARD_KANA[w][0] + "ク", 40);
                    }
                }
            }
            for (int i = 0; i < count; i++) {
                String[] h = HEAD[(p * 7 + i * 3) % HEAD.length];
                String[] t = TAIL[(p * 5 + i) % TAIL.length];
                boolean city = i < count / 2;
                String suffix = city ? "市" : (i % 5 == 0 ? "村" : "町");
                String suffixKana = city ? "シ" : (i % 5 == 0 ? "ムラ" : "マチ");
                String name = h[0] + t[0] + suffix;
                String kana = h[1] + t[1] + suffixKana;
                int local = city ? 201 + i : 300 + i * 3;
                add(code(p, local), pref, name, kana, city ? 10 + PREF_WEIGHTS[p - 1] / 4 : 2);
            }
        }
    }

    private void add(String code, String pref, String name, String kana, int weight) {
        places.add(new Place(code, pref, name, kana));
        placeWeights.add(weight);
    }

    /** The 6-digit 全国地方公共団体コード: prefecture, local number, check digit. */
    static String code(int prefecture, int local) {
        String five = "%02d%03d".formatted(prefecture, local);
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (five.charAt(i) - '0') * (6 - i);
        }
        int r = sum % 11;
        return five + (r == 0 ? 0 : (11 - r) % 10);
    }

    static List<Town> towns(Path geolonia) throws IOException {
        CsvTable t = CsvTable.parse(Files.readAllBytes(geolonia), List.of("town", "lat", "lng"));
        List<Town> towns = new ArrayList<>();
        for (CsvTable.Row r : t.rows()) {
            towns.add(new Town(r.get("town"), r.get("town_kana").replaceAll("[ 0-9]+$", ""), Double.parseDouble(r.get("lat")),
                    Double.parseDouble(r.get("lng"))));
        }
        return towns;
    }

    private Place place() {
        int total = placeWeights.stream().mapToInt(Integer::intValue).sum();
        int x = rnd.nextInt(total);
        for (int i = 0; i < places.size(); i++) {
            x -= placeWeights.get(i);
            if (x < 0) {
                return places.get(i);
            }
        }
        throw new IllegalStateException();
    }

    private <T> T pick(T[] a) {
        return a[rnd.nextInt(a.length)];
    }

    /** Writes the file; returns the number of 練馬区 rows. */
    int write(Path file, int rows, int nerimaPerMille) throws IOException {
        int nerimaRows = 0;
        int[] seq = new int[48];
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            w.write(HEADER);
            w.write("\n");
            for (int i = 0; i < rows; i++) {
                boolean inNerima = rnd.nextInt(1000) < nerimaPerMille;
                String code;
                String pref;
                String city;
                String address;
                String placeName;
                String placeKana;
                double lat;
                double lon;
                if (inNerima) {
                    nerimaRows++;
                    Town t = nerima.get(rnd.nextInt(nerima.size()));
                    code = "131202";
                    pref = "東京都";
                    city = "練馬区";
                    placeName = t.name().replaceAll("[一二三四五六七八九十]+丁目$", "");
                    placeKana = t.kana();
                    address = city + t.name() + (1 + rnd.nextInt(30)) + "-" + (1 + rnd.nextInt(25));
                    lat = t.lat() + (rnd.nextDouble() - 0.5) * 0.005;
                    lon = t.lon() + (rnd.nextDouble() - 0.5) * 0.006;
                } else {
                    Place p = place();
                    code = p.code();
                    pref = p.prefecture();
                    city = p.name();
                    String[] h = pick(HEAD);
                    String[] t = pick(TAIL);
                    placeName = h[0] + t[0];
                    placeKana = h[1] + t[1];
                    String chome = rnd.nextBoolean() ? pick(new String[]{"一", "二", "三", "四", "五"}) + "丁目" : "町";
                    address = city + placeName + chome + (1 + rnd.nextInt(40)) + "-" + (1 + rnd.nextInt(30))
                            + (rnd.nextInt(4) == 0 ? "-" + (1 + rnd.nextInt(12)) : "");
                    int prefNo = Integer.parseInt(code.substring(0, 2));
                    lat = 26.2 + (prefNo * 0.41) % 19 + rnd.nextDouble() * 0.3;
                    lon = 127.7 + (prefNo * 0.37) % 17 + rnd.nextDouble() * 0.3;
                }
                int prefNo = Integer.parseInt(code.substring(0, 2));
                String officeNo = "%02d7%07d".formatted(prefNo, ++seq[prefNo]);
                String officeCell = prefNo < 10 && rnd.nextInt(5) == 0 ? officeNo.substring(1) : officeNo; // Excel
                String[] nick = pick(NICK);
                String[] corp = pick(CORP);
                String[] kind = pick(new String[][]{{"ヘルパーステーション", "ヘルパーステーション"}, {"訪問介護事業所", "ホウモンカイゴジギョウショ"},
                    {"ホームヘルプサービス", "ホームヘルプサービス"}, {"ケアサービス", "ケアサービス"}, {"訪問介護センター", "ホウモンカイゴセンター"}});
                String name;
                String kana;
                switch (rnd.nextInt(3)) {
                    case 0 -> {
                        name = kind[0] + placeName;
                        kana = kind[1] + placeKana;
                    }
                    case 1 -> {
                        name = placeName + kind[0];
                        kana = placeKana + kind[1];
                    }
                    default -> {
                        name = kind[0] + nick[0];
                        kana = kind[1] + nick[1];
                    }
                }
                String corpName = corp[0] + "　" + placeName + pick(new String[]{"ケア", "福祉会", "ライフサポート", "在宅支援", "会"});
                String building = rnd.nextInt(3) == 0 ? placeName + pick(new String[]{"ビル", "ハイツ", "メゾン", "コーポ"})
                        + (1 + rnd.nextInt(5)) + "階" : "";
                String area = prefNo == 13 ? "03" : "0" + (10 + prefNo * 2);
                String phone = area + "-000-" + "%04d".formatted(rnd.nextInt(10000));
                String fax = rnd.nextInt(3) == 0 ? "" : area + "-000-" + "%04d".formatted(rnd.nextInt(10000));
                String corpNo = rnd.nextInt(2) == 0 ? "" : "%013d".formatted(Math.abs(rnd.nextLong()) % 10_000_000_000_000L);
                String url = rnd.nextInt(3) == 0 ? "https://office-" + officeNo + ".example.jp/" : "";
                boolean shared = rnd.nextInt(10) == 0;
                ResourceGenerator.row(w, code, officeCell, pref, city, name, kana, "訪問介護", address, building,
                        String.format(Locale.ROOT, "%.15f", lat), String.format(Locale.ROOT, "%.15f", lon), phone, fax, corpNo,
                        corpName, officeCell, pick(DAYS), pick(NOTES), "0", url, shared ? "○" : "", shared ? "○" : "",
                        shared ? "○" : "", pick(REMARKS));
            }
        }
        return nerimaRows;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: MhlwCareGenerator <geolonia towns csv> <out file> [rows=35000] [練馬区 per mille=15]");
            System.exit(2);
        }
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 35_000;
        int perMille = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        Path out = Path.of(args[1]);
        MhlwCareGenerator g = new MhlwCareGenerator(towns(Path.of(args[0])));
        int nerimaRows = g.write(out, rows, perMille);
        System.out.println("wrote " + rows + " 訪問介護 rows (" + nerimaRows + " of 練馬区, " + g.places.size()
                + " municipalities) to " + out.toAbsolutePath() + ", " + Files.size(out) + " bytes");
    }
}
