package org.tsunagu.codes;

/** One entry of a code list: the code as published and its labels in Japanese and English. */
public record Label(String code, String ja, String en) {
}
