package org.tsunagu.addresses.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeout;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.tsunagu.addresses.control.AddressMatch.Outcome;

/** Address notations against the real town lists of 練馬区, 小平市 and 白井市 (read from ../shared). */
class AddressMatcherTest {

    static final String NERIMA = "131202";
    static final String KODAIRA = "132110";
    static final String SHIROI = "122327";
    static final String TEST_CITY = "999999";

    static List<KnownTown> towns;
    static AddressMatcher matcher;

    @BeforeAll
    static void loadTowns() throws IOException {
        Path dir = Path.of(System.getProperty("tsunagu.shared", "../shared"), "data", "towns");
        towns = new ArrayList<>();
        for (String code : List.of(NERIMA, KODAIRA, SHIROI)) {
            Path file = dir.resolve("geolonia_towns_" + code + ".csv");
            if (!Files.isRegularFile(file)) {
                fail("Town list missing: " + file.toAbsolutePath() + " (set -Dtsunagu.shared=<shared dir>)");
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                // pref_code,pref_name,city_code,city_name,town,town_kana,town_romaji,koaza,lat,lng
                String[] f = line.split(",", -1);
                towns.add(new KnownTown(towns.size() + 1, f[2], f[1], f[3], f[4], f[7].isEmpty() ? null : f[7]));
            }
        }
        assertTrue(towns.size() > 300, "expected the three real town lists, got " + towns.size());
        matcher = new AddressMatcher(towns);
    }

    static KnownTown town(List<KnownTown> list, String municipalityCode, String name, String koaza) {
        List<KnownTown> found = list.stream()
                .filter(t -> t.municipalityCode().equals(municipalityCode) && t.town().equals(name)
                        && Objects.equals(t.koaza(), koaza))
                .toList();
        assertEquals(1, found.size(), "test data: " + municipalityCode + " " + name + " " + koaza);
        return found.get(0);
    }

    @ParameterizedTest(name = "{0} [{1}] → {3} {4} / {5}")
    @CsvSource(delimiter = '|', textBlock = """
            # address                                   | param   | municipality | town            | koaza  | block
            東京都練馬区光が丘二丁目5-1                  |         | 131202 | 光が丘二丁目     |        | 5
            練馬区光が丘2-5-1                            |         | 131202 | 光が丘二丁目     |        | 5
            光が丘２－５－１                              |         | 131202 | 光が丘二丁目     |        | 5
            光が丘2丁目5番1号                            |         | 131202 | 光が丘二丁目     |        | 5
            光が丘2丁目5-1                               |         | 131202 | 光が丘二丁目     |        | 5
            光が丘二丁目5番地1                           |         | 131202 | 光が丘二丁目     |        | 5
            光が丘二丁目五番地一                         |         | 131202 | 光が丘二丁目     |        | 5
            光が丘２丁目                                 |         | 131202 | 光が丘二丁目     |        |
            光が丘2                                      |         | 131202 | 光が丘二丁目     |        |
            東京都光が丘2-5-1                            |         | 131202 | 光が丘二丁目     |        | 5
            光が丘 2 - 5 - 1                              |         | 131202 | 光が丘二丁目     |        | 5
            '　東京都　練馬区 光 が 丘　２丁目　５番　１号 ' |         | 131202 | 光が丘二丁目     |        | 5
            光が丘2ー5ー1                                 |         | 131202 | 光が丘二丁目     |        | 5
            光が丘2‐5‐1                                 |         | 131202 | 光が丘二丁目     |        | 5
            光が丘2−5−1                                 |         | 131202 | 光が丘二丁目     |        | 5
            光が丘2–5–1                                 |         | 131202 | 光が丘二丁目     |        | 5
            光が丘2—5—1                                 |         | 131202 | 光が丘二丁目     |        | 5
            光が丘2―5―1                                 |         | 131202 | 光が丘二丁目     |        | 5
            光が丘2ｰ5ｰ1                                  |         | 131202 | 光が丘二丁目     |        | 5
            光が丘2の5の1                                |         | 131202 | 光が丘二丁目     |        | 5
            光が丘二ー五ー一                              |         | 131202 | 光が丘二丁目     |        | 5
            光が丘2-5-1 光が丘パークタウン3号棟101         |         | 131202 | 光が丘二丁目     |        | 5
            光が丘2丁目 光が丘パークタウン                 |         | 131202 | 光が丘二丁目     |        |
            〒179-0072 東京都練馬区光が丘2-5-1             |         | 131202 | 光が丘二丁目     |        | 5
            光ヶ丘2-5-1                                  |         | 131202 | 光が丘二丁目     |        | 5
            光が丘7-1                                    | 131202  | 131202 | 光が丘七丁目     |        | 1
            上石神井1-2-3                                |         | 131202 | 上石神井一丁目   |        | 2
            石神井台3-4                                  |         | 131202 | 石神井台三丁目   |        | 4
            石神井町2-1                                  |         | 131202 | 石神井町二丁目   |        | 1
            下石神井五丁目10番3号                        |         | 131202 | 下石神井五丁目   |        | 10
            上石神井南町12-3                             |         | 131202 | 上石神井南町     |        | 12
            大泉町2-1-1                                  |         | 131202 | 大泉町二丁目     |        | 1
            大泉学園町2-1-1                              |         | 131202 | 大泉学園町二丁目 |        | 1
            東大泉七丁目30番5号                          |         | 131202 | 東大泉七丁目     |        | 30
            西大泉3-4-5                                  |         | 131202 | 西大泉三丁目     |        | 4
            西大泉町1123                                 |         | 131202 | 西大泉町         |        | 1123
            南大泉6-1                                    |         | 131202 | 南大泉六丁目     |        | 1
            三原台1-2-3                                  |         | 131202 | 三原台一丁目     |        | 2
            練馬区練馬1-17-1                             |         | 131202 | 練馬一丁目       |        | 17
            練馬1-17-1                                   |         | 131202 | 練馬一丁目       |        | 17
            中村北2-3-4                                  |         | 131202 | 中村北二丁目     |        | 3
            中村2-3                                      |         | 131202 | 中村二丁目       |        | 3
            豊玉北六丁目12番1号                          |         | 131202 | 豊玉北六丁目     |        | 12
            関町北4-2-11                                 |         | 131202 | 関町北四丁目     |        | 2
            土支田二丁目                                 |         | 131202 | 土支田二丁目     |        |
            富士見台4-1                                  |         | 131202 | 富士見台四丁目   |        | 1
            桜台6-1                                      |         | 131202 | 桜台六丁目       |        | 1
            練馬区桜台1-2                                |         | 131202 | 桜台一丁目       |        | 2
            桜台1-2                                      | 131202  | 131202 | 桜台一丁目       |        | 2
            栄町1-2                                      | 131202  | 131202 | 栄町             |        | 1
            東京都小平市小川町2-1333                      |         | 132110 | 小川町二丁目     |        | 1333
            小平市小川西町4-2-1                          |         | 132110 | 小川西町四丁目   |        | 2
            小川東町                                     |         | 132110 | 小川東町         |        |
            小川東町3-1-1                                |         | 132110 | 小川東町三丁目   |        | 1
            小川東町1979                                 |         | 132110 | 小川東町         |        | 1979
            小川東町５番地                               |         | 132110 | 小川東町         |        | 5
            学園東町1-2-3                                |         | 132110 | 学園東町一丁目   |        | 2
            学園東町                                     |         | 132110 | 学園東町         |        |
            花小金井南町2-3-4                            |         | 132110 | 花小金井南町二丁目 |      | 3
            花小金井8-1                                  |         | 132110 | 花小金井八丁目   |        | 1
            小平市たかの台12-3                           |         | 132110 | たかの台         |        | 12
            仲町100                                      |         | 132110 | 仲町             |        | 100
            中島町1-1                                    |         | 132110 | 中島町           |        | 1
            小平市栄町2-3-1                              |         | 132110 | 栄町二丁目       |        | 3
            栄町3-1                                      | 132110  | 132110 | 栄町三丁目       |        | 1
            上水本町6-19-1                               |         | 132110 | 上水本町六丁目   |        | 19
            小平市御幸町１２３                           |         | 132110 | 御幸町           |        | 123
            回田町２５０番地                             |         | 132110 | 回田町           |        | 250
            千葉県白井市根字木戸前123                     |         | 122327 | 根               | 木戸前 | 123
            根木戸前123                                  |         | 122327 | 根               | 木戸前 | 123
            根 木戸前 123                                |         | 122327 | 根               | 木戸前 | 123
            根字木戸前                                   |         | 122327 | 根               | 木戸前 |
            根小字木戸前１２３                           |         | 122327 | 根               | 木戸前 | 123
            白井市根123                                  |         | 122327 | 根               |        | 123
            根1234-5                                     |         | 122327 | 根               |        | 1234
            根字北山123                                  |         | 122327 | 根               |        |
            白井市大字今井123                            |         | 122327 | 今井             |        | 123
            大字今井123                                  |         | 122327 | 今井             |        | 123
            今井                                         |         | 122327 | 今井             |        |
            今井 サンハイツ101                            |         | 122327 | 今井             |        |
            冨士西45                                     |         | 122327 | 冨士             | 西     | 45
            冨士字西45                                   |         | 122327 | 冨士             | 西     | 45
            冨士45                                       |         | 122327 | 冨士             |        | 45
            富士123                                      |         | 122327 | 冨士             |        | 123
            十余一123                                    |         | 122327 | 十余一           |        | 123
            十余一五番地                                 |         | 122327 | 十余一           |        | 5
            十余一二十三番地                             |         | 122327 | 十余一           |        | 23
            白井市十余一２２３番地の１                   |         | 122327 | 十余一           |        | 223
            七次台1-2-3                                  |         | 122327 | 七次台一丁目     |        | 2
            七次台一丁目2番3号                           |         | 122327 | 七次台一丁目     |        | 2
            七次台四丁目                                 |         | 122327 | 七次台四丁目     |        |
            白井市白井123                                |         | 122327 | 白井             |        | 123
            白井123                                      |         | 122327 | 白井             |        | 123
            西白井2-1-1                                  |         | 122327 | 西白井二丁目     |        | 1
            池の上1-2-3                                  |         | 122327 | 池の上一丁目     |        | 2
            池ノ上1-2-3                                  |         | 122327 | 池の上一丁目     |        | 2
            池之上一丁目2番                              |         | 122327 | 池の上一丁目     |        | 2
            木123                                        |         | 122327 | 木               |        | 123
            中123                                        |         | 122327 | 中               |        | 123
            神々廻123                                    |         | 122327 | 神々廻           |        | 123
            武西456                                      |         | 122327 | 武西             |        | 456
            白井市桜台1-2                                |         | 122327 | 桜台一丁目       |        | 2
            桜台1-2                                      | 122327  | 122327 | 桜台一丁目       |        | 2
            千葉県白井市けやき台二丁目3番地              |         | 122327 | けやき台二丁目   |        | 3
            """)
    void matchesTown(String address, String param, String municipality, String name, String koaza, Integer block) {
        AddressMatch match = matcher.match(address, param);
        String context = address + " → " + match;
        assertEquals(Outcome.TOWN, match.outcome(), context);
        assertEquals(town(towns, municipality, name, koaza), match.town().orElseThrow(), context);
        assertEquals(block, match.block(), context);
        assertEquals(municipality, match.municipalityCode(), context);
    }

    @ParameterizedTest(name = "{0} [{1}] → NONE ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            # address                    | param  | municipality reported
            光が丘                        |        |
            練馬区光が丘                  |        | 131202
            光が丘パークタウン            |        |
            光が丘8-1                     |        |
            光が丘9丁目1番                |        |
            光が丘5番地                   |        |
            世田谷区光が丘2-5-1           |        |
            東京都世田谷区桜台1-2         |        |
            世田谷区桜台1-2               | 131202 | 131202
            大阪府大阪市北区梅田1-1       |        |
            千葉県光が丘2-5-1             |        |
            白井市光が丘2-5-1             |        | 122327
            光が丘2-5-1                   | 122327 | 122327
            練馬区根123                   |        | 131202
            白井市根123                   | 131202 | 122327
            木戸前123                     |        |
            中村1-2                       | 122327 | 122327
            富士見台                      |        |
            栄町1丁目2                    | 131202 | 131202
            石神井1-2                     |        |
            大泉1-2                       |        |
            練馬区1-2-3                   |        | 131202
            白井市123                     |        | 122327
            東京都                        |        |
            小川                          |        |
            ''                            |        |
            '   '                         | 132110 | 132110
            """)
    void matchesNothing(String address, String param, String municipality) {
        AddressMatch match = matcher.match(address, param);
        assertEquals(Outcome.NONE, match.outcome(), address + " → " + match);
        assertTrue(match.candidates().isEmpty());
        assertTrue(match.town().isEmpty());
        assertNull(match.block());
        assertEquals(municipality, match.municipalityCode(), address + " → " + match);
    }

    @Test
    void nullAddressMatchesNothing() {
        AddressMatch match = matcher.match(null, null);
        assertEquals(Outcome.NONE, match.outcome());
        assertEquals("", match.normalised());
    }

    @ParameterizedTest(name = "{0} → AMBIGUOUS")
    @ValueSource(strings = {"桜台1-2", "桜台三丁目", "桜台 5-1-1"})
    void realTownInTwoMunicipalitiesIsAmbiguous(String address) {
        AddressMatch match = matcher.match(address, null);
        assertEquals(Outcome.AMBIGUOUS, match.outcome(), match.toString());
        assertEquals(List.of(SHIROI, NERIMA), match.candidates().stream().map(KnownTown::municipalityCode).toList());
        assertNull(match.block());
        assertNull(match.municipalityCode());
    }

    @Test
    void plainTownAndChomeTownOfSameNameAreAmbiguous() {
        AddressMatch match = matcher.match("栄町1-2", null);
        assertEquals(Outcome.AMBIGUOUS, match.outcome(), match.toString());
        assertEquals(List.of(town(towns, NERIMA, "栄町", null), town(towns, KODAIRA, "栄町一丁目", null)),
                match.candidates());
    }

    @Test
    void sameTownInSyntheticSecondMunicipality() {
        List<KnownTown> all = new ArrayList<>(towns);
        all.add(new KnownTown(90001, TEST_CITY, "千葉県", "テスト市", "光が丘一丁目", null));
        all.add(new KnownTown(90002, TEST_CITY, "千葉県", "テスト市", "光が丘二丁目", null));
        all.add(new KnownTown(90003, TEST_CITY, "千葉県", "テスト市", "根", null));
        all.add(new KnownTown(90004, TEST_CITY, "千葉県", "テスト市", "根", "木戸前"));
        AddressMatcher twoCities = new AddressMatcher(all);
        KnownTown nerima = town(all, NERIMA, "光が丘二丁目", null);
        KnownTown test = town(all, TEST_CITY, "光が丘二丁目", null);

        AddressMatch ambiguous = twoCities.match("光が丘2-5-1", null);
        assertEquals(Outcome.AMBIGUOUS, ambiguous.outcome());
        assertEquals(List.of(nerima, test), ambiguous.candidates());

        assertEquals(Optional.of(nerima), twoCities.match("練馬区光が丘2-5-1", null).town());
        assertEquals(Optional.of(nerima), twoCities.match("東京都光が丘2-5-1", null).town());
        assertEquals(Optional.of(nerima), twoCities.match("光が丘2-5-1", NERIMA).town());
        assertEquals(Optional.of(town(all, NERIMA, "光が丘七丁目", null)), twoCities.match("光が丘7-1", null).town());
        assertEquals(Optional.of(test), twoCities.match("テスト市光が丘2-5-1", null).town());
        assertEquals(Optional.of(test), twoCities.match("光が丘二丁目5番", TEST_CITY).town());
        assertEquals(5, twoCities.match("光が丘二丁目5番", TEST_CITY).block());

        AddressMatch koaza = twoCities.match("根木戸前1", null);
        assertEquals(Outcome.AMBIGUOUS, koaza.outcome());
        assertEquals(List.of(town(all, SHIROI, "根", "木戸前"), town(all, TEST_CITY, "根", "木戸前")),
                koaza.candidates());
        assertEquals(Optional.of(town(all, TEST_CITY, "根", "木戸前")),
                twoCities.match("テスト市根字木戸前1", null).town());
        assertEquals(Optional.of(town(all, SHIROI, "根", null)), twoCities.match("白井市根1", null).town());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            東京都練馬区光が丘二丁目５－５－１ | 東京都練馬区光ケ丘2丁目5-5-1
            光が丘二丁目五番地一               | 光ケ丘2丁目5番地1
            光が丘 2の5の1                    | 光ケ丘2-5-1
            光が丘2ー5ー1 ｺｰﾎﾟ            | 光ケ丘2-5-1コーポ
            二十三番地                         | 23番地
            七次台一丁目                       | 七次台1丁目
            十余一                             | 十余一
            三原台                             | 三原台
            池之上                             | 池ノ上
            冨士字西                           | 富士字西
            """)
    void normalises(String text, String expected) {
        assertEquals(expected, AddressMatcher.normalise(text));
    }

    @Test
    void normalisedInputIsReported() {
        assertEquals("練馬区光ケ丘2-5-1", matcher.match("練馬区 光が丘２－５－１", null).normalised());
        assertEquals("白井市十余一5番地", matcher.match("白井市十余一五番地", null).normalised());
        assertEquals("", AddressMatcher.normalise(null));
    }

    @Test
    void matchRecordIsConsistent() {
        KnownTown any = towns.get(0);
        assertThrows(IllegalArgumentException.class,
                () -> new AddressMatch(Outcome.TOWN, List.of(), null, null, ""));
        assertThrows(IllegalArgumentException.class,
                () -> new AddressMatch(Outcome.NONE, List.of(any), null, null, ""));
        assertThrows(IllegalArgumentException.class,
                () -> new AddressMatch(Outcome.AMBIGUOUS, List.of(any), null, null, ""));
        assertEquals(Optional.of(any), AddressMatch.ofTown(any, 3, "").town());
    }

    @Test
    void manyTownsStayFast() {
        List<KnownTown> many = new ArrayList<>(towns);
        for (int city = 0; city < 50; city++) {
            for (int t = 0; t < 400; t++) {
                many.add(new KnownTown(100_000 + city * 1000L + t, "9" + (10000 + city), "北海道", "試験" + city + "市",
                        "試験町" + t + "丁目", null));
            }
        }
        assertTimeout(Duration.ofSeconds(10), () -> {
            AddressMatcher big = new AddressMatcher(many);
            for (int i = 0; i < 20_000; i++) {
                assertEquals(Outcome.TOWN, big.match("練馬区光が丘2-5-" + i, null).outcome());
            }
            assertEquals(Outcome.TOWN, big.match("試験7市試験町399丁目1", null).outcome());
        });
    }
}
