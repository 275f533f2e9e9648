package org.tsunagu.codes;

import java.util.Arrays;
import java.util.Optional;

/**
 * A code list of the API contract: an enum whose codes appear in JSON, CSV and URLs, with its
 * labels for residents (Japanese first, English as second language). The codes never change once
 * published; the labels may.
 */
public interface Coded {

    /** The code, its Japanese and its English label. */
    Label label();

    default String code() {
        return label().code();
    }

    default String labelJa() {
        return label().ja();
    }

    default String labelEn() {
        return label().en();
    }

    /** The constant of {@code type} with this code (exact), if any. */
    static <E extends Enum<E> & Coded> Optional<E> ofCode(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst();
    }
}
