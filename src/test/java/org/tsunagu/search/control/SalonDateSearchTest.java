package org.tsunagu.search.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsunagu.directory.entity.Category;

/** "Held on this date" over the salon wordings of municipal lists (days of the month, week ranges, 午後). */
class SalonDateSearchTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @TempDir
    Path dir;
    ResourceIndex index;

    @BeforeEach
    void open() {
        index = ResourceIndex.open(dir, ResourceIndexTest.schema());
        index.upsert(List.of(
                ResourceIndexTest.resource(1, "谷原サロン会", Category.SALON, "練馬区谷原五丁目1-1", "大泉町",
                        "毎月10日　10時～12時", null),
                ResourceIndexTest.resource(2, "豊玉いきいきサロン", Category.SALON, "練馬区豊玉北三丁目5-5", "大泉町",
                        "毎月第1～3水曜日（午前10時～午後3時）", null),
                ResourceIndexTest.resource(3, "高野台おしゃべりサロン", Category.SALON, "練馬区高野台一丁目3-3", "大泉町",
                        "第3火曜日　午後", null),
                ResourceIndexTest.resource(4, "土支田カフェ", Category.COMMUNITY_CAFE, "練馬区土支田一丁目1-1", "大泉町",
                        "週不確定日曜日　13:00～14:00", null)));
    }

    @AfterEach
    void close() {
        index.close();
    }

    List<Long> heldOn(LocalDate date) {
        SearchQuery q = new SearchQuery(null, null, Set.of(), null, null, null, Set.of(), date, false, false,
                null, null, null, SearchQuery.Order.NAME, 0, 20, TODAY, false);
        return index.search(q).items().stream().map(SearchHit::id).sorted().toList();
    }

    @Test
    void theDateFilterKnowsTheNewRules() {
        assertEquals(List.of(1L), heldOn(LocalDate.of(2026, 12, 10)), "毎月10日 on the 10th (a Thursday)");
        assertEquals(List.of(), heldOn(LocalDate.of(2026, 12, 11)));
        assertEquals(List.of(2L), heldOn(LocalDate.of(2026, 12, 16)), "the 3rd Wednesday");
        assertEquals(List.of(), heldOn(LocalDate.of(2026, 12, 23)), "the 4th Wednesday");
        assertEquals(List.of(3L), heldOn(LocalDate.of(2026, 12, 15)), "第3火曜日 午後, without a time");
        assertEquals(List.of(), heldOn(LocalDate.of(2026, 12, 13)), "週不確定 stays text and matches no date");
        assertEquals(List.of(1L), heldOn(LocalDate.of(2027, 1, 10)), "the 10th on a Sunday too");
    }

    @Test
    void aDayOfTheMonthCountsForEveryWeekday() {
        SearchQuery sunday = new SearchQuery(null, null, Set.of(), null, null, null, Set.of(DayOfWeek.SUNDAY), null,
                false, false, null, null, null, SearchQuery.Order.NAME, 0, 20, TODAY, false);
        assertEquals(List.of(1L), index.search(sunday).items().stream().map(SearchHit::id).toList(),
                "the 10th falls on a Sunday in some months; 週不確定日曜日 has no rule");
        SearchHit tenth = index.search(SearchQuery.text("谷原", TODAY)).items().get(0);
        assertEquals(List.of(LocalDate.of(2026, 12, 10), LocalDate.of(2027, 1, 10), LocalDate.of(2027, 2, 10)),
                tenth.nextDates());
    }
}
