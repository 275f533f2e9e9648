package org.tsunagu.search.control;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tsunagu.csv.CsvTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The user dictionary derived from the real Nerima, Kodaira and Shiroi town lists (read from ../shared). */
class PlaceDictionaryTest {

    static PlaceDictionary nerima;
    static PlaceDictionary kodaira;

    static PlaceDictionary load(String file) throws IOException {
        Path p = Path.of(System.getProperty("tsunagu.shared", "../shared"), "data", "towns", file);
        if (!Files.exists(p)) {
            fail("Town list missing: " + p.toAbsolutePath());
        }
        List<PlaceDictionary.Place> places = new ArrayList<>();
        for (CsvTable.Row r : CsvTable.parse(Files.readAllBytes(p), List.of("town")).rows()) {
            places.add(new PlaceDictionary.Place(r.get("town"), r.get("town_kana")));
        }
        return PlaceDictionary.of(places);
    }

    @BeforeAll
    static void towns() throws IOException {
        nerima = load("geolonia_towns_131202.csv");
        kodaira = load("geolonia_towns_132110.csv");
    }

    @Test
    void directionPrefixesSplitOffWhenTheRestIsAPlace() throws IOException {
        assertEquals(List.of("東", "大泉"), nerima.entries().get("東大泉").segments());
        assertEquals(List.of("ヒガシ", "オオイズミ"), nerima.entries().get("東大泉").readings());
        assertEquals(List.of("上", "石神井"), nerima.entries().get("上石神井").segments());
        assertEquals(List.of("西", "大泉", "町"), nerima.entries().get("西大泉町").segments());
        assertEquals(List.of("西", "白井"), load("geolonia_towns_122327.csv").entries().get("西白井").segments());
    }

    @Test
    void namesStartingWithAnotherPlaceSplitAfterIt() {
        assertEquals(List.of("大泉", "学園町"), nerima.entries().get("大泉学園町").segments());
        assertEquals(List.of("大泉", "町"), nerima.entries().get("大泉町").segments());
        assertEquals(List.of("石神井", "台"), nerima.entries().get("石神井台").segments());
        assertEquals(List.of("関町", "北"), nerima.entries().get("関町北").segments());
        assertEquals(List.of("小川", "西町"), kodaira.entries().get("小川西町").segments());
    }

    @Test
    void ordinaryNamesStayWholeWithTheirReading() {
        assertEquals(List.of("光が丘"), nerima.entries().get("光が丘").segments());
        assertEquals(List.of("ヒカリガオカ"), nerima.entries().get("光が丘").readings());
        assertEquals("ヒカリガオカ", nerima.readingOf("光が丘"));
        assertEquals("オオイズミ", nerima.readingOf("大泉"), "a shared core is a word of its own");
        assertTrue(nerima.placeNames().contains("石神井"));
        assertNull(nerima.entries().get("光が丘二丁目"), "丁目 are not words: the base name is");
    }

    @Test
    void baseNamesAndReadingsDropTheChome() {
        assertEquals("光が丘", PlaceDictionary.base("光が丘2丁目"));
        assertEquals("光が丘", PlaceDictionary.base("光が丘二丁目"));
        assertEquals("今井", PlaceDictionary.base("今井"));
        assertEquals("ミドリガオカ", PlaceDictionary.baseKana("ミドリガオカイッチョウメ"));
        assertEquals("アサヒガオカ", PlaceDictionary.baseKana("アサヒガオカ 1"));
        assertEquals("ワカバ", PlaceDictionary.baseKana("わかばよんちょうめ"));
    }

    @Test
    void theDictionaryLoadsIntoKuromojiAndHasAStableFingerprint() throws IOException {
        assertNotNull(nerima.userDictionary());
        assertEquals(nerima.fingerprint(), load("geolonia_towns_131202.csv").fingerprint());
        assertTrue(!nerima.fingerprint().equals(kodaira.fingerprint()));
        assertNull(PlaceDictionary.empty().userDictionary());
    }
}
