package org.tsunagu.calendar.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.tsunagu.calendar.entity.Schedule;
import org.tsunagu.csv.CsvTable;

/** Every schedule text in the demo data, as centers actually wrote them. */
class DemoSchedulesTest {

    /** The irregular ones: no date is stated, so none may be guessed. */
    static final Map<String, String> IRREGULAR = Map.of(
            "不定期（お問い合わせください）", "日程を読み取れませんでした（不定期）",
            "不定期（診療科により異なります。お問い合わせください）", "日程を読み取れませんでした（不定期）",
            "各店の営業時間", "日程を読み取れませんでした（曜日・時間が決まっていません）",
            "年3回開催（日程は広報ひだまりでお知らせします）", "日程を読み取れませんでした（年3回・日付の記載なし）",
            "年３回開催（日程は広報ひだまりでお知らせします）", "日程を読み取れませんでした（年3回・日付の記載なし）",
            "年6回（奇数月・日程は広報ひだまりに掲載）", "日程を読み取れませんでした（年6回・日付の記載なし）",
            "月1回程度（日程は町会の掲示板でお知らせします）", "日程を読み取れませんでした（月1回・日付の記載なし）",
            "毎月1回（日程は回覧板でお知らせします）", "日程を読み取れませんでした（月1回・日付の記載なし）",
            "朝刊の配達時（毎日）", "日程を読み取れませんでした（「朝刊の配達時」が分かりません）",
            "朝刊・夕刊の配達時（毎日）", "日程を読み取れませんでした（「朝刊・夕刊の配達時」が分かりません）");

    @Test
    void atLeastNinetyPercentParseAndTheRestAreExactlyTheIrregularOnes() throws IOException {
        byte[] csv = Files.readAllBytes(Path.of("src/main/resources/demo/resources.csv"));
        TreeSet<String> texts = new TreeSet<>();
        for (CsvTable.Row row : CsvTable.parse(csv, List.of("schedule")).rows()) {
            if (row.has("schedule")) {
                texts.add(row.get("schedule"));
            }
        }
        ScheduleParser parser = new ScheduleParser(LocalDate.of(2026, 4, 1));
        Map<String, String> unparsed = new TreeMap<>();
        int parsed = 0;
        for (String text : texts) {
            Schedule s = parser.parse(text);
            if (s.isParsed()) {
                parsed++;
                Recurrence r = Recurrence.decode(s.rules());
                assertFalse(r.weekdays().isEmpty(), text);
                assertFalse(r.nextDates(LocalDate.of(2026, 4, 1), 1).isEmpty(), text);
                assertTrue(s.rules().length() <= ScheduleParser.MAX_RULES, text);
            } else {
                unparsed.put(text, s.warning());
            }
        }
        assertTrue(texts.size() >= 180, "distinct schedules: " + texts.size());
        assertTrue(parsed * 10 >= texts.size() * 9, parsed + " of " + texts.size());
        assertEquals(new TreeMap<>(IRREGULAR), unparsed);
    }
}
