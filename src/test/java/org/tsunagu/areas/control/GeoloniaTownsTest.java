package org.tsunagu.areas.control;

import org.junit.jupiter.api.Test;
import org.tsunagu.problems.ProblemException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeoloniaTownsTest {

    static final String HEADER = "\"都道府県コード\",\"都道府県名\",\"都道府県名カナ\",\"都道府県名ローマ字\",\"市区町村コード\","
            + "\"市区町村名\",\"市区町村名カナ\",\"市区町村名ローマ字\",\"大字町丁目名\",\"大字町丁目名カナ\",\"大字町丁目名ローマ字\","
            + "\"小字・通称名\",\"緯度\",\"経度\"\n";

    static Path shared(String relative) {
        return Path.of(System.getProperty("tsunagu.shared", "../shared")).resolve(relative);
    }

    static InputStream sample() throws IOException {
        return Files.newInputStream(shared("data/open-data/geolonia_latest_sample.csv"));
    }

    static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    static String row(String code, String town, String kana, String koaza, String lat, String lon) {
        return "\"13\",\"東京都\",\"トウキョウト\",\"TOKYO TO\",\"" + code + "\",\"市\",\"シ\",\"SHI\",\"" + town + "\","
                + (kana == null ? "" : "\"" + kana + "\"") + ",," + (koaza == null ? "" : "\"" + koaza + "\"") + ","
                + lat + "," + lon + "\n";
    }

    @Test
    void the_sample_gives_the_towns_of_the_chosen_municipality_only() throws IOException {
        RegistryTowns nerima;
        try (InputStream in = sample()) {
            nerima = GeoloniaTowns.read(in, "131202");
        }
        long lines = Files.readAllLines(shared("data/open-data/geolonia_latest_sample.csv")).size() - 1;
        assertEquals(lines, nerima.rowsRead());
        List<String> names = nerima.towns().stream().map(RegistryTowns.Entry::name).toList();
        assertTrue(names.contains("旭丘一丁目") && names.contains("大泉学園町三丁目"), names::toString);
        assertTrue(names.stream().noneMatch(n -> n.startsWith("池の上")), names::toString);
        assertEquals(lines, nerima.towns().size() + nerima.skippedOtherMunicipality());
        RegistryTowns.Entry first = nerima.towns().stream().filter(t -> t.name().equals("旭丘一丁目")).findFirst().orElseThrow();
        assertEquals("アサヒガオカイッチョウメ", first.kana());
        assertEquals("", first.koaza());
        assertEquals(35.734074, first.point().lat(), 1e-9);
        assertEquals(139.675112, first.point().lon(), 1e-9);

        RegistryTowns shiroi;
        try (InputStream in = sample()) {
            shiroi = GeoloniaTowns.read(in, "122327");
        }
        assertTrue(shiroi.towns().stream().anyMatch(t -> t.name().equals("今井") && t.kana() == null), shiroi::toString);
        assertEquals(nerima.towns().size(), shiroi.skippedOtherMunicipality());
    }

    @Test
    void readings_spell_the_chome_number_as_the_registry_does() {
        assertEquals("センダガヤイッチョウメ", GeoloniaTowns.reading("千駄ヶ谷一丁目", "センダガヤ 1"));
        assertEquals("アサヒチョウサンチョウメ", GeoloniaTowns.reading("旭町三丁目", "アサヒチョウ 3"));
        assertEquals("ヒカリガオカハッチョウメ", GeoloniaTowns.reading("光が丘八丁目", "ﾋｶﾘｶﾞｵｶ 8"));
        assertEquals("ニシシンジュクジュッチョウメ", GeoloniaTowns.reading("西新宿十丁目", "ニシシンジュク 10"));
        assertEquals("キタニジュウイッチョウメ", GeoloniaTowns.reading("北二十一丁目", "キタ 21"));
        assertEquals("キタイチジョウニシ", GeoloniaTowns.reading("北一条西", "キタ 1ジョウ ニシ"));
        assertNull(GeoloniaTowns.reading("今井", ""));
    }

    @Test
    void five_and_six_digit_codes_bom_and_koaza_are_read() {
        String csv = HEADER + row("13120", "旭丘一丁目", "アサヒガオカ 1", null, "35.7", "139.6")
                + row("131202", "旭丘二丁目", "アサヒガオカ 2", null, "35.71", "139.61")
                + row("13120", "根", "ネ", "木戸前", "35.72", "139.62")
                + row("13121", "どこか", null, null, "35.0", "139.0")
                + row("12232", "今井", null, null, "35.8", "140.0");
        byte[] utf8 = csv.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        for (byte[] file : List.of(utf8, bom)) {
            RegistryTowns r = GeoloniaTowns.read(new ByteArrayInputStream(file), "131202");
            assertEquals(5, r.rowsRead());
            assertEquals(2, r.skippedOtherMunicipality());
            assertEquals(List.of("旭丘一丁目", "旭丘二丁目", "根 木戸前"),
                    r.towns().stream().map(RegistryTowns.Entry::displayName).toList());
        }
    }

    @Test
    void a_row_without_a_point_keeps_its_place_without_one() {
        RegistryTowns r = GeoloniaTowns.read(text(HEADER + row("13120", "旭丘一丁目", null, null, "", "")), "131202");
        assertNull(r.towns().get(0).point());
    }

    @Test
    void bad_rows_of_the_municipality_are_400_with_their_line_other_rows_are_not_checked() {
        String csv = HEADER + row("13120", "旭丘一丁目", null, null, "35.7", "139.6")
                + row("13120", "旭丘二丁目", null, null, "north", "139.6")
                + row("01101", "", null, null, "x", "y");
        ProblemException e = assertThrows(ProblemException.class, () -> GeoloniaTowns.read(text(csv), "131202"));
        assertEquals(400, e.status());
        assertEquals(1, e.errors().size(), e.errors()::toString);
        assertEquals(3, e.errors().get(0).line());
        assertEquals("緯度", e.errors().get(0).field());
    }

    @Test
    void a_file_of_another_kind_or_not_utf8_is_400() {
        ProblemException missing = assertThrows(ProblemException.class,
                () -> GeoloniaTowns.read(text("city_code,town\n131202,旭丘\n"), "131202"));
        assertTrue(missing.errors().stream().anyMatch(f -> f.field().equals("大字町丁目名")), missing.errors()::toString);
        byte[] sjis = (HEADER + row("13120", "旭丘一丁目", null, null, "35.7", "139.6"))
                .getBytes(java.nio.charset.Charset.forName("windows-31j"));
        ProblemException notUtf8 = assertThrows(ProblemException.class,
                () -> GeoloniaTowns.read(new ByteArrayInputStream(sjis), "131202"));
        assertEquals(400, notUtf8.status());
        assertThrows(ProblemException.class, () -> GeoloniaTowns.read(text(""), "131202"));
    }
}
