package org.tsunagu.calendar.control;

import java.time.DayOfWeek;
import java.util.Locale;
import java.util.Optional;

/** The API's weekday codes (mon..sun) and the Japanese words residents type for them (水曜, 水曜日). */
public final class Weekdays {

    private static final String JAPANESE = "月火水木金土日";

    private Weekdays() {
    }

    public static String code(DayOfWeek day) {
        return day.getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
    }

    public static Optional<DayOfWeek> ofCode(String code) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (code(d).equals(code)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** 水曜 / 水曜日 / 水 (only with 曜) → WEDNESDAY. */
    public static Optional<DayOfWeek> ofJapaneseWord(String word) {
        if ((word.length() == 2 && word.charAt(1) == '曜') || (word.length() == 3 && word.endsWith("曜日"))) {
            int i = JAPANESE.indexOf(word.charAt(0));
            if (i >= 0) {
                return Optional.of(DayOfWeek.of(i + 1));
            }
        }
        return Optional.empty();
    }

    public static String japanese(DayOfWeek day) {
        return JAPANESE.charAt(day.getValue() - 1) + "曜日";
    }
}
