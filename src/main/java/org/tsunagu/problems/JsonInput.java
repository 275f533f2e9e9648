package org.tsunagu.problems;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads fields of a JSON request body with type checks that become field errors (400) instead of
 * class-cast exceptions (500). Collect, then {@link #verify()}.
 */
public final class JsonInput {

    private final JsonObject body;
    private final List<FieldError> errors = new ArrayList<>();

    /** Takes any JSON value, so that an array or a string where an object belongs is a 400, not a 500. */
    public JsonInput(JsonValue body) {
        if (!(body instanceof JsonObject object)) {
            throw ProblemException.invalid("body", "リクエスト本文は JSON オブジェクトで送ってください");
        }
        this.body = object;
    }

    public String string(String field, boolean required, int maxLength) {
        JsonValue v = body.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                errors.add(FieldError.of(field, field + " は必須です"));
            }
            return null;
        }
        if (!(v instanceof JsonString s)) {
            errors.add(FieldError.of(field, field + " は文字列です"));
            return null;
        }
        String value = s.getString().strip();
        String unsafe = unsafe(value);
        if (unsafe != null) {
            errors.add(FieldError.of(field, field + unsafe));
            return null;
        }
        if (required && value.isEmpty()) {
            errors.add(FieldError.of(field, field + " は必須です"));
        } else if (value.length() > maxLength) {
            errors.add(FieldError.of(field, field + " は" + maxLength + "文字以内です"));
        }
        return value.isEmpty() ? null : value;
    }

    public Long number(String field, boolean required) {
        JsonValue v = body.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                errors.add(FieldError.of(field, field + " は必須です"));
            }
            return null;
        }
        if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
            errors.add(FieldError.of(field, field + " は整数です"));
            return null;
        }
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            errors.add(FieldError.of(field, field + " が大きすぎます"));
            return null;
        }
    }

    public Boolean bool(String field) {
        JsonValue v = body.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v == JsonValue.TRUE) {
            return true;
        }
        if (v == JsonValue.FALSE) {
            return false;
        }
        errors.add(FieldError.of(field, field + " は true か false です"));
        return null;
    }

    /** A decimal number (coordinates), or null when absent. */
    public Double decimal(String field) {
        JsonValue v = body.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(v instanceof JsonNumber n)) {
            errors.add(FieldError.of(field, field + " は数値です"));
            return null;
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
            errors.add(FieldError.of(field, field + " は有限の数値です"));
            return null;
        }
        return d;
    }

    /** A list of strings (also accepted: one string with `;` between the items), or an empty list. */
    public List<String> strings(String field, int maxItems, int maxLength) {
        JsonValue v = body.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (v instanceof JsonString s) {
            if (unsafe(s.getString()) != null) {
                errors.add(FieldError.of(field, field + unsafe(s.getString())));
                return List.of();
            }
            for (String part : s.getString().split(";")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        } else if (v instanceof jakarta.json.JsonArray array) {
            for (JsonValue item : array) {
                if (!(item instanceof JsonString s)) {
                    errors.add(FieldError.of(field, field + " は文字列の配列です"));
                    return List.of();
                }
                if (unsafe(s.getString()) != null) {
                    errors.add(FieldError.of(field, field + unsafe(s.getString())));
                    return List.of();
                }
                if (!s.getString().isBlank()) {
                    out.add(s.getString().strip());
                }
            }
        } else {
            errors.add(FieldError.of(field, field + " は文字列の配列です"));
            return List.of();
        }
        if (out.size() > maxItems || out.stream().anyMatch(i -> i.length() > maxLength || i.contains(";"))) {
            errors.add(FieldError.of(field, field + " は" + maxItems + "個まで、各" + maxLength + "文字以内（; を含まない）です"));
            return List.of();
        }
        return out;
    }

    /**
     * Why a text cannot be stored, or null: control characters other than tab and line breaks (NUL
     * is refused by PostgreSQL, the others hide text), bidirectional overrides and isolates (they
     * make 「gnp.exe」 read as 「exe.png」 on every page and export), and unpaired surrogates (not
     * encodable as UTF-8).
     */
    public static String unsafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                return " に制御文字は使えません";
            }
            if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) {
                return " に文字の向きを変える制御文字は使えません";
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return " に不正な文字（対になっていないサロゲート）が含まれています";
            }
        }
        return null;
    }

    public boolean has(String field) {
        return body.containsKey(field);
    }

    public void error(String field, String message) {
        errors.add(FieldError.of(field, message));
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws a 400 problem listing every collected error. */
    public void verify() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("入力内容に誤りがあります", errors);
        }
    }
}
