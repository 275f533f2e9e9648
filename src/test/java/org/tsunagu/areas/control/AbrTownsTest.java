package org.tsunagu.areas.control;

import org.junit.jupiter.api.Test;
import org.tsunagu.problems.ProblemException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AbrTownsTest {

    static final String TOWN_HEADER = "lg_code,machiaza_id,machiaza_type,pref,pref_kana,pref_roma,county,county_kana,county_roma,"
            + "city,city_kana,city_roma,ward,ward_kana,ward_roma,oaza_cho,oaza_cho_kana,oaza_cho_roma,chome,chome_kana,"
            + "chome_number,koaza,koaza_kana,koaza_roma,machiaza_dist,rsdt_addr_flg,rsdt_addr_mtd_code,oaza_cho_aka_flg,"
            + "koaza_aka_code,oaza_cho_gsi_uncmn,koaza_gsi_uncmn,status_flg,wake_num_flg,efct_date,ablt_date,src_code,"
            + "post_code,remarks\n";
    static final String POS_HEADER = "lg_code,machiaza_id,rsdt_addr_flg,rep_lon,rep_lat,rep_srid,rep_scale,rep_src_code,"
            + "plygn_fname,plygn_kcode,plygn_fmt,plygn_srid,plygn_scale,plygn_src_code,pos_oaza_cho_chome_code,"
            + "pos_data_mnt_year,cns_bnd_s_area_kcode,cns_bnd_year\n";

    static InputStream sample(String name) throws IOException {
        return Files.newInputStream(GeoloniaTownsTest.shared("data/open-data/" + name));
    }

    static String town(String code, String id, String oaza, String oazaKana, String chome, String chomeKana, String koaza,
                       String abolished) {
        return code + "," + id + ",2,東京都,トウキョウト,Tokyo,,,,市,シ,Shi,,,," + oaza + "," + oazaKana + ",," + chome + ","
                + chomeKana + ",," + koaza + ",,,,1,1,0,0,0,0,1,1,1970-01-01," + abolished + ",0,1760005,\n";
    }

    static String pos(String code, String id, String lon, String lat) {
        return code + "," + id + ",1," + lon + "," + lat + ",EPSG:6668,2500,1,,,,,,0,,,,\n";
    }

    static InputStream text(String s, boolean bom) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (!bom) {
            return new ByteArrayInputStream(b);
        }
        byte[] out = new byte[b.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(b, 0, out, 3, b.length);
        return new ByteArrayInputStream(out);
    }

    @Test
    void the_sample_pair_joins_in_either_order() throws IOException {
        for (boolean positionsFirst : List.of(false, true)) {
            AbrTowns abr = new AbrTowns("131202");
            List<String> files = positionsFirst
                    ? List.of("abr_mt_town_pos_pref13_sample.csv", "abr_mt_town_pref13_sample.csv")
                    : List.of("abr_mt_town_pref13_sample.csv", "abr_mt_town_pos_pref13_sample.csv");
            for (String f : files) {
                try (InputStream in = sample(f)) {
                    abr.add(in);
                }
            }
            RegistryTowns r = abr.result();
            long rows = Files.readAllLines(GeoloniaTownsTest.shared("data/open-data/abr_mt_town_pref13_sample.csv")).size() - 1;
            assertEquals(rows, r.rowsRead());
            assertEquals(rows, r.towns().size());
            RegistryTowns.Entry asahigaoka = r.towns().stream().filter(t -> t.name().equals("旭丘一丁目")).findFirst().orElseThrow();
            assertEquals("アサヒガオカイッチョウメ", asahigaoka.kana());
            assertEquals(35.734074, asahigaoka.point().lat(), 1e-9);
            assertEquals(139.675112, asahigaoka.point().lon(), 1e-9);
            assertTrue(r.towns().stream().anyMatch(t -> t.name().equals("上石神井南町") && t.kana().equals("カミシャクジイミナミチョウ")));
            assertTrue(r.towns().stream().allMatch(t -> t.point() != null));
        }
    }

    @Test
    void other_municipalities_abolished_towns_and_missing_positions() {
        AbrTowns abr = new AbrTowns("131202");
        abr.add(text(TOWN_HEADER + town("131202", "0001001", "旭丘", "アサヒガオカ", "一丁目", "イッチョウメ", "", "")
                + town("131202", "0005000", "根", "ネ", "", "", "木戸前", "")
                + town("131202", "0006000", "旧町", "キュウマチ", "", "", "", "2020-04-01")
                + town("131016", "0001001", "丸の内", "マルノウチ", "一丁目", "イッチョウメ", "", ""), true));
        abr.add(text(POS_HEADER + pos("131202", "0001001", "139.67", "35.73") + pos("131016", "0001001", "139.76", "35.68"), false));
        RegistryTowns r = abr.result();
        assertEquals(4, r.rowsRead());
        assertEquals(1, r.skippedOtherMunicipality());
        assertEquals(List.of("旭丘一丁目", "根 木戸前"), r.towns().stream().map(RegistryTowns.Entry::displayName).toList());
        assertEquals(35.73, r.towns().get(0).point().lat(), 1e-9);
        assertNull(r.towns().get(1).point(), "no position row");
    }

    @Test
    void a_missing_or_doubled_file_or_another_file_is_400() {
        AbrTowns onlyTowns = new AbrTowns("131202");
        onlyTowns.add(text(TOWN_HEADER + town("131202", "0001001", "旭丘", "アサヒガオカ", "一丁目", "イッチョウメ", "", ""), false));
        ProblemException missing = assertThrows(ProblemException.class, onlyTowns::result);
        assertTrue(missing.errors().get(0).message().contains("位置参照"), missing.errors()::toString);

        AbrTowns twice = new AbrTowns("131202");
        twice.add(text(POS_HEADER, false));
        assertThrows(ProblemException.class, () -> twice.add(text(POS_HEADER, false)));

        assertThrows(ProblemException.class, () -> new AbrTowns("131202").add(text("city_code,town\n131202,旭丘\n", false)));
    }

    @Test
    void a_bad_coordinate_is_400_with_its_line() {
        AbrTowns abr = new AbrTowns("131202");
        abr.add(text(TOWN_HEADER + town("131202", "0001001", "旭丘", "アサヒガオカ", "一丁目", "イッチョウメ", "", ""), false));
        abr.add(text(POS_HEADER + pos("131202", "0001001", "139.67", "95.0"), false));
        ProblemException e = assertThrows(ProblemException.class, abr::result);
        assertEquals(2, e.errors().get(0).line());
        assertEquals("rep_lat", e.errors().get(0).field());
    }
}
