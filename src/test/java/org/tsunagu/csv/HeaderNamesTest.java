package org.tsunagu.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The header variants of real municipal files (../shared/data/open-data/README.md). */
class HeaderNamesTest {

    static final List<String> ADDRESS = List.of("住所", "所在地", "所在地_連結表記", "所在地_連結標記");
    static final List<String> CITY = List.of("市区町村名", "市町村", "所在地_市区町村");
    static final List<String> BUILDING = List.of("方書", "方書（ビル名等）", "建物名等（方書）", "建物名等_方書");
    static final List<String> NAME = List.of("名称", "事業所名", "介護サービス事業所名称");

    @TempDir
    Path dir;

    @Test
    @DisplayName("full-width parentheses, (必須), surrounding spaces and quotes, case are folded away")
    void canonical() {
        assertEquals(HeaderNames.canonical("建物名等(方書)"), HeaderNames.canonical("建物名等（方書）"));
        assertEquals("建物名等(方書)", HeaderNames.canonical("建物名等（方書）"));
        assertEquals("名称", HeaderNames.canonical("名称（必須）"));
        assertEquals("名称", HeaderNames.canonical("名称(必須)"));
        assertEquals("名称", HeaderNames.canonical(" \"名称　（必須）\" "));
        assertEquals("名称", HeaderNames.canonical("「名称」"));
        assertEquals("url", HeaderNames.canonical("ＵＲＬ"));
        assertEquals("名称_カナ", HeaderNames.canonical("名称_ｶﾅ"));
        assertEquals("必須項目", HeaderNames.canonical("必須項目"), "only a trailing (必須) mark goes");
        assertEquals("電話番号", HeaderNames.canonical("電話番号【任意】"));
        assertEquals("電話番号", HeaderNames.canonical("電話番号※"));
        assertEquals("建物名等(方書)", HeaderNames.canonical(" 建物名等 （方書）　"));
        assertEquals("lgcode", HeaderNames.canonical("LG Code"));
        assertEquals("", HeaderNames.canonical(null));
    }

    @Test
    @DisplayName("the accepted spelling a header has is found, as the header writes it")
    void variants() {
        List<String> municipal = List.of("名称（必須）", "所在地_連結標記", "市町村", "建物名等_方書", "ＵＲＬ");
        assertEquals(Optional.of("名称（必須）"), HeaderNames.find(municipal, NAME));
        assertEquals(Optional.of("所在地_連結標記"), HeaderNames.find(municipal, ADDRESS));
        assertEquals(Optional.of("市町村"), HeaderNames.find(municipal, CITY));
        assertEquals(Optional.of("建物名等_方書"), HeaderNames.find(municipal, BUILDING));
        assertEquals(Optional.of("ＵＲＬ"), HeaderNames.find(municipal, "url"));
        assertEquals(Optional.of("所在地"), HeaderNames.find(List.of("名称", "所在地"), ADDRESS));
        assertEquals(Optional.of("建物名等（方書）"), HeaderNames.find(List.of("建物名等（方書）"), "建物名等(方書)"));
        assertEquals(Optional.empty(), HeaderNames.find(municipal, "電話番号"));
    }

    @Test
    @DisplayName("the earlier accepted spelling wins, wherever the header has it")
    void preference() {
        assertEquals(Optional.of("住所"), HeaderNames.find(List.of("所在地", "名称", "住所"), ADDRESS));
    }

    @Test
    @DisplayName("on the published samples: the current standard, MHLW and the old 推奨データセット")
    void samples() throws IOException {
        CsvFile std = CsvFile.open(CsvFileTest.OPEN_DATA.resolve("jichitai_std_kaigo_jigyosho_ichiran.csv"));
        assertEquals(Optional.of("所在地_連結表記"), HeaderNames.find(std.header(), ADDRESS));
        assertEquals(Optional.of("建物名等(方書)"), HeaderNames.find(std.header(), BUILDING));
        CsvFile mhlw = CsvFile.open(CsvFileTest.OPEN_DATA.resolve("mhlw_jigyosho_130.csv"));
        assertEquals(Optional.of("住所"), HeaderNames.find(mhlw.header(), ADDRESS));
        assertEquals(Optional.of("方書（ビル名等）"), HeaderNames.find(mhlw.header(), BUILDING));
        CsvFile old = CsvFile.open(CsvFileTest.OPEN_DATA.resolve("suisho_kaigo_jigyosho_ichiran_cp932.csv"));
        assertEquals(Optional.of("介護サービス事業所名称"), HeaderNames.find(old.header(), NAME));
        assertEquals(Optional.of("市区町村名"), HeaderNames.find(old.header(), CITY));
    }

    @Test
    @DisplayName("what find returns reads the column of a CsvFile row; the original spelling is there for messages")
    void readsRows() throws IOException {
        String csv = "名称（必須）,所在地_連結標記,市町村,建物名等（方書）,ＵＲＬ\n"
                + "ひかりサロン,東京都練馬区光が丘二丁目1,練馬区,光が丘集会所,https://example.jp\n";
        CsvFile file = CsvFile.open(Files.writeString(dir.resolve("m.csv"), csv, StandardCharsets.UTF_8));
        String name = HeaderNames.find(file.header(), NAME).orElseThrow();
        String address = HeaderNames.find(file.header(), ADDRESS).orElseThrow();
        String building = HeaderNames.find(file.header(), "建物名等(方書)").orElseThrow();
        String url = HeaderNames.find(file.header(), "URL").orElseThrow();
        try (Stream<CsvTable.Row> rows = file.rows(e -> { })) {
            CsvTable.Row row = rows.findFirst().orElseThrow();
            assertEquals("ひかりサロン", row.get(name));
            assertEquals("東京都練馬区光が丘二丁目1", row.get(address));
            assertEquals("光が丘集会所", row.get(building));
            assertEquals("https://example.jp", row.get(url));
        }
        assertEquals("名称（必須）", file.original(name));
        assertEquals("ＵＲＬ", file.original(url));
    }
}
