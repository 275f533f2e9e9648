package org.tsunagu.search.control;

import org.tsunagu.calendar.control.ScheduleParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsunagu.directory.entity.Category;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index lifecycle and the query features on a handful of documents. */
class ResourceIndexTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final ScheduleParser PARSER = new ScheduleParser();

    @TempDir
    Path dir;
    ResourceIndex index;

    static SearchSchema schema() {
        return new SearchSchema(PlaceDictionary.of(List.of(
                new PlaceDictionary.Place("東大泉一丁目", "ヒガシオオイズミ1"),
                new PlaceDictionary.Place("西大泉三丁目", "ニシオオイズミ3"),
                new PlaceDictionary.Place("大泉町", "オオイズミマチ"),
                new PlaceDictionary.Place("大泉学園町", "オオイズミガクエンチョウ"),
                new PlaceDictionary.Place("光が丘二丁目", "ヒカリガオカ2"),
                new PlaceDictionary.Place("石神井町", "シャクジイマチ"),
                new PlaceDictionary.Place("上石神井", "カミシャクジイ"),
                new PlaceDictionary.Place("石神井台", "シャクジイダイ"))), Synonyms.bundledPlus(List.of()));
    }

    static IndexedResource resource(long id, String name, Category category, String address, String town,
                                    String schedule, String description) {
        String rules = schedule == null ? null : PARSER.parse(schedule).rules();
        return new IndexedResource(id, "x-" + id, name, null, category, description, address, town, town, id == 1 ? "光が丘" : id < 4 ? "大泉" : "石神井",
                "c1", "c1", "131202", 35.75 + id / 1000.0, 139.63, schedule, rules, false, false, null, null, null,
                List.of(), List.of(), null);
    }

    @BeforeEach
    void open() {
        index = ResourceIndex.open(dir, schema());
        index.upsert(List.of(
                resource(1, "ふれあいサロン光が丘", Category.SALON, "練馬区光が丘二丁目5-1", "光が丘二丁目", "毎月第2・第4水曜日 13:30〜15:00", "お茶とおしゃべり"),
                resource(2, "東大泉いきいき体操", Category.EXERCISE, "練馬区東大泉一丁目3-3", "東大泉一丁目", "毎週月曜日 10:00〜11:00", null),
                resource(3, "学園町オレンジカフェ", Category.DEMENTIA_CAFE, "練馬区大泉学園町4-1-1", "大泉学園町", "毎月第3土曜日 13:00〜15:00", "認知症の方とご家族のカフェ"),
                resource(4, "上石神井クリニック", Category.CLINIC, "練馬区上石神井1-1-1", "上石神井", "月〜金 9:00〜17:00（土・日・祝日休診）", "内科"),
                resource(5, "石神井町歯科", Category.DENTAL, "練馬区石神井町2-2-2", "石神井町", "火〜土 9:30〜13:00", null)));
    }

    @AfterEach
    void close() {
        index.close();
    }

    List<Long> ids(String q) {
        return index.search(SearchQuery.text(q, TODAY)).items().stream().map(SearchHit::id).toList();
    }

    @Test
    void readingsWidthsAndSynonyms() {
        assertEquals(List.of(1L), ids("ひかりがおか"));
        assertEquals(List.of(1L), ids("さろん"));
        assertEquals(List.of(1L), ids("ｻﾛﾝ"));
        assertEquals(List.of(3L), ids("認知症カフェ"));
        assertTrue(ids("歯医者").contains(5L));
        assertTrue(ids("はいしゃ").contains(5L), "the reading of a synonym expands too");
        assertEquals(List.of(3L), ids("にんちしょう"));
        assertEquals(List.of(1L), ids("ひかりがおか さろん 水曜"));
        assertEquals(List.of(3L), ids("dementia cafe"), "a multi-word synonym typed with a space");
    }

    @Test
    void placeNamesFromTheTownList() {
        assertEquals(Set.of(2L, 3L), Set.copyOf(ids("大泉")));
        assertEquals(2L, ids("東大泉").get(0));
        List<Long> shakujii = ids("石神井");
        assertEquals(Set.of(4L, 5L), Set.copyOf(shakujii));
        assertEquals(5L, shakujii.get(0));
    }

    @Test
    void facetsFiltersAndDates() {
        SearchQuery wednesday = new SearchQuery("", null, Set.of(), null, null, null, Set.of(DayOfWeek.WEDNESDAY),
                null, false, false, null, null, null, SearchQuery.Order.NAME, 0, 20, TODAY, false);
        SearchResult r = index.search(wednesday);
        assertEquals(Set.of(1L, 4L, 5L), Set.copyOf(r.items().stream().map(SearchHit::id).toList()));
        assertEquals(3, r.facets().get("weekday").get("wed"));
        assertEquals(2, r.facets().get("weekday").get("mon"), "sideways: other weekdays still counted");
        assertEquals(1, r.facets().get("category").get("salon"));
        SearchQuery respectForAged = new SearchQuery(null, null, Set.of(), null, null, null, Set.of(),
                LocalDate.of(2026, 9, 21), false, false, null, null, null, SearchQuery.Order.NAME, 0, 20, TODAY, false);
        assertEquals(List.of(2L), index.search(respectForAged).items().stream().map(SearchHit::id).toList(),
                "敬老の日: the clinic is closed on holidays, the Monday class is not");
        SearchHit salon = index.search(SearchQuery.text("さろん", TODAY)).items().get(0);
        assertEquals(LocalDate.of(2026, 11, 25), salon.nextDates().get(0));
    }

    @Test
    void aStagedChangeIsSearchableOnlyOnceMergedAndReplacesTheOldDocuments() throws Exception {
        // 2 renamed, 3 no longer published (no staged document), 10 new
        ResourceIndex.Staging staging = index.stage(List.of(2L, 3L, 10L));
        assertTrue(staging.add(List.of(
                resource(2, "東大泉はつらつ体操", Category.EXERCISE, "練馬区東大泉一丁目3-3", "東大泉一丁目", null, null),
                resource(10, "光が丘ひだまりサロン", Category.SALON, "練馬区光が丘二丁目9", "光が丘二丁目", null, null))));
        assertEquals(List.of(1L), ids("さろん"), "nothing staged is searchable before the merge");
        assertEquals(List.of(3L), ids("オレンジカフェ"));
        assertTrue(index.merge(staging));
        assertEquals(java.util.Set.of(1L, 10L), java.util.Set.copyOf(ids("さろん")));
        assertEquals(List.of(2L), ids("はつらつ"));
        assertTrue(ids("いきいき").isEmpty(), "the old document of 2 is gone");
        assertTrue(ids("オレンジカフェ").isEmpty(), "3 had no staged document: removed");
        assertEquals(5, index.size());
        try (var dirs = java.nio.file.Files.list(dir)) {
            assertTrue(dirs.noneMatch(p -> p.getFileName().toString().startsWith(ResourceIndex.Staging.PREFIX)),
                    "the staging directory is deleted");
        }
    }

    @Test
    void aChangeStagedChunkByChunkLearnsItsIdsAsItGoes() throws Exception {
        // as an import stages it: begun with no ids, each flushed chunk covered and analysed in turn
        ResourceIndex.Staging staging = index.stage(List.of());
        staging.cover(List.of(2L, 20L));
        assertTrue(staging.add(List.of(resource(20, "石神井ひだまりサロン", Category.SALON, "練馬区石神井町三丁目1",
                "石神井町三丁目", null, null))));
        staging.cover(List.of(3L, 21L)); // 2 and 3 are in the change but no longer published: no documents
        assertTrue(staging.add(List.of(resource(21, "大泉なごみサロン", Category.SALON, "練馬区東大泉一丁目3-3",
                "東大泉一丁目", null, null))));
        assertEquals(4, staging.size());
        assertTrue(index.merge(staging));
        assertEquals(java.util.Set.of(1L, 20L, 21L), java.util.Set.copyOf(ids("さろん")));
        assertTrue(ids("いきいき").isEmpty(), "2, covered by an early chunk, is removed too");
        assertTrue(ids("オレンジカフェ").isEmpty(), "3, covered by a later chunk, is removed");
    }

    @Test
    void aStagingThrownAwayChangesNothing() {
        ResourceIndex.Staging staging = index.stage(List.of(1L, 11L));
        staging.add(List.of(resource(11, "幻のサロン", Category.SALON, "練馬区光が丘二丁目9", "光が丘二丁目", null, null)));
        staging.close(); // the transaction rolled back
        assertFalse(staging.add(List.of(resource(12, "もう一つのサロン", Category.SALON, "練馬区", null, null, null))));
        assertFalse(index.merge(staging), "a closed staging is never merged");
        assertEquals(List.of(1L), ids("さろん"));
    }

    @Test
    void aStagingOfAnotherGenerationIsNotMerged() {
        ResourceIndex.Staging staging = index.stage(List.of(13L));
        staging.add(List.of(resource(13, "古い世代のサロン", Category.SALON, "練馬区光が丘二丁目9", "光が丘二丁目", null, null)));
        ResourceIndex.Rebuild rebuild = index.rebuild(schema());
        rebuild.add(List.of(resource(1, "ふれあいサロン光が丘", Category.SALON, "練馬区光が丘二丁目5-1", "光が丘二丁目", null, null)));
        rebuild.finish();
        assertFalse(index.merge(staging), "analysed for the generation a rebuild replaced: indexed the usual way");
        assertEquals(List.of(1L), ids("さろん"));
    }

    @Test
    void deletesAndRebuildSwap() {
        assertEquals(List.of(1L), ids("さろん"));
        assertEquals(List.of(1L), ids("さろん"), "the second answer comes from the cache");
        index.delete(List.of(1L));
        assertTrue(ids("さろん").isEmpty());
        ResourceIndex.Rebuild rebuild = index.rebuild(schema());
        rebuild.add(List.of(resource(9, "新しいサロン", Category.SALON, "練馬区光が丘二丁目1", "光が丘二丁目", null, null)));
        assertEquals(5 - 1, index.size(), "the old generation answers while building");
        rebuild.finish();
        assertEquals(List.of(9L), ids("さろん"));
        assertEquals(1, index.size());
    }

    @Test
    void reopenKeepsTheIndexAndDetectsAnotherAnalysis() throws Exception {
        index.close();
        index = ResourceIndex.open(dir, schema());
        assertEquals(ResourceIndex.State.READY, index.openedAs());
        assertEquals(5, index.size());
        index.close();
        SearchSchema other = new SearchSchema(PlaceDictionary.empty(), Synonyms.bundledPlus(List.of()));
        index = ResourceIndex.open(dir, other);
        assertEquals(ResourceIndex.State.STALE, index.openedAs());
        index.close();
        String gen = Files.readString(dir.resolve("CURRENT")).strip();
        try (var files = Files.list(dir.resolve(gen))) {
            for (Path f : files.toList()) {
                if (f.getFileName().toString().startsWith("segments")) {
                    Files.write(f, new byte[]{1, 2, 3});
                }
            }
        }
        index = ResourceIndex.open(dir, schema());
        assertEquals(ResourceIndex.State.MISSING, index.openedAs());
        assertEquals(0, index.size());
    }

    @Test
    void aDamagedSegmentIsMovedAsideAndReportedMissing() throws Exception {
        // enough stored text that the middle of the compound file is stored fields, which opening
        // does not read (only their header and footer)
        List<IndexedResource> many = new java.util.ArrayList<>();
        for (long id = 10; id < 310; id++) {
            many.add(resource(id, "サロン" + id, Category.SALON, "練馬区光が丘二丁目5-" + id, "光が丘二丁目", null,
                    "お茶とおしゃべりの会です。".repeat(20) + id));
        }
        index.upsert(many);
        index.close();
        String gen = Files.readString(dir.resolve("CURRENT")).strip();
        Path largest;
        try (var files = Files.list(dir.resolve(gen))) {
            largest = files.filter(f -> !f.getFileName().toString().startsWith("segments")
                            && !f.getFileName().toString().endsWith(".lock"))
                    .max(java.util.Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        }
        // one flipped byte in the middle of a segment file: headers and footers stay intact, so only
        // the checksums can tell
        byte[] bytes = Files.readAllBytes(largest);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(largest, bytes);

        index = ResourceIndex.open(dir, schema());
        assertEquals(ResourceIndex.State.MISSING, index.openedAs(), "damaged " + largest.getFileName());
        assertEquals(0, index.size());
        assertTrue(Files.isDirectory(dir.resolve(ResourceIndex.ASIDE + gen)), "kept aside for examination");
        assertFalse(Files.exists(dir.resolve(gen)));
        index.upsert(List.of(resource(9, "新しいサロン", Category.SALON, "練馬区光が丘二丁目5-1", "光が丘二丁目", null, null)));
        assertEquals(List.of(9L), ids("さろん"), "the fresh generation works");

        // a second damaged generation replaces the first copy: only the latest is kept
        index.close();
        String fresh = Files.readString(dir.resolve("CURRENT")).strip();
        try (var files = Files.list(dir.resolve(fresh))) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(f, new byte[]{1, 2, 3});
            }
        }
        index = ResourceIndex.open(dir, schema());
        assertEquals(ResourceIndex.State.MISSING, index.openedAs());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(ResourceIndex.ASIDE + fresh), files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith(ResourceIndex.ASIDE)).toList());
        }
    }

    @Test
    void hostileTextIsJustText() {
        for (String q : List.of("title:(\"a\" AND b*) OR ~ ^2 \\", "'; DROP TABLE resource; --", "*", "の", "　",
                "認知症カフェ訪問看護ステーション地域包括支援センター".repeat(5), "🙂 サロン", "a b c d e f g h i j k l m n")) {
            assertNotNull(index.search(SearchQuery.text(q, TODAY)), q);
        }
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            words.append("オレンジカフェ訪看ケアマネ歯医者往診包括体操薬屋もの忘れ ");
        }
        try {
            index.search(SearchQuery.text(words.toString(), TODAY));
        } catch (IllegalArgumentException tooComplex) {
            // acceptable: reported as a 400 by the API
        }
    }

    @Test
    void suggestsTownsCategoriesAndNames() {
        List<String> texts = index.suggest("ひか", null, 10).stream().map(ResourceIndex.Suggestion::text).toList();
        assertTrue(texts.contains("光が丘"), texts.toString());
        assertFalse(index.suggest("さろ", null, 10).isEmpty());
        assertNotNull(index.search(SearchQuery.text("おしゃべり", TODAY)).items().get(0).highlight());
    }

    @Test
    void aLargeChangeWrittenInChunksBecomesSearchableAtItsOneCommit() {
        long before = index.size();
        List<IndexedResource> chunk = new java.util.ArrayList<>();
        for (long id = 1000; id < 1300; id++) {
            chunk.add(resource(id, "体操教室" + id, Category.EXERCISE, "練馬区光が丘二丁目5-" + id, "光が丘二丁目", null, null));
        }
        index.write(chunk.subList(0, 150), List.of(), false);
        assertEquals(before, index.size(), "not searchable before the commit");
        index.write(chunk.subList(150, 300), List.of(), true);
        assertEquals(before + 300, index.size(), "all there after the one commit");
        index.write(List.of(), List.of(1000L, 1001L), true);
        assertEquals(before + 298, index.size());
    }
}
