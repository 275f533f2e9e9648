package org.tsunagu.problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Checks of query parameters in the style of {@link JsonInput}: collect every mistake, then answer
 * one 400 naming each field. Values come back null when absent or wrong.
 */
public final class QueryParameters {
    private final List<FieldError> errors = new ArrayList<>();

    public static String shown(String value) {
        if (value == null) {
            return "";
        }
        String v = value.replaceAll("\\p{Cntrl}", "?");
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }

    public String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            error(field, field + " は" + max + "文字以内です");
            return null;
        }
        String unsafe = JsonInput.unsafe(v);
        if (unsafe != null || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\t') >= 0) {
            error(field, field + (unsafe == null ? " に制御文字は使えません" : unsafe));
            return null;
        }
        return v;
    }

    public Double decimal(String field, String value, double min, double max) {
        String v = text(field, value, 30);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d) || d < min || d > max) {
                error(field, field + " は" + min + "〜" + max + "の数値です");
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            error(field, field + " は数値です");
            return null;
        }
    }

    public Integer integer(String field, String value, int min, int max, int absent) {
        String v = text(field, value, 12);
        if (v == null) {
            return failed(field) ? null : absent;
        }
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                error(field, field + " は" + min + "〜" + max + "の整数です");
                return null;
            }
            return i;
        } catch (NumberFormatException e) {
            error(field, field + " は整数です");
            return null;
        }
    }

    public boolean flag(String field, String value) {
        String v = text(field, value, 5);
        if (v == null) {
            return false;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                error(field, field + " は true か false です");
                yield false;
            }
        };
    }

    public void error(String field, String message) {
        errors.add(FieldError.of(field, message));
    }

    public boolean failed(String field) {
        return errors.stream().anyMatch(e -> field.equals(e.field()));
    }

    public void verify() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("指定された条件に誤りがあります", errors);
        }
    }

    /** One of a closed set of codes (an enum's), or null when absent or unknown (reported). */
    public <T> T choice(String field, String value, T[] values, Function<T, String> code) {
        String v = text(field, value, 40);
        if (v == null) {
            return null;
        }
        for (T candidate : values) {
            if (code.apply(candidate).equals(v)) {
                return candidate;
            }
        }
        error(field, field + " が不明です: " + shown(v));
        return null;
    }
}
