package org.tsunagu.codes;

import java.util.Arrays;
import java.util.Optional;

/**
 * A code list whose labels are Japanese only: an enum whose codes appear in JSON and forms. It
 * shares the code and label accessors (pages call {@code x.code()} and {@code x.label()}) and the
 * exact look-up by code, so each list states only its entries.
 */
public interface Termed {

    /** The code and its label. */
    Term term();

    default String code() {
        return term().code();
    }

    default String label() {
        return term().label();
    }

    /** The constant of {@code type} with this code (exact), if any. */
    static <E extends Enum<E> & Termed> Optional<E> ofCode(Class<E> type, String code) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(code)).findFirst();
    }
}
