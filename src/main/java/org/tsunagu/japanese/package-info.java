/**
 * How Japanese is written, folded for machines: kana readings of names, numbers in kanji.
 *
 * <h2>Pages and API</h2>
 * <p>None.
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>{@code KanaReading} derives a katakana reading (光が丘二丁目 → ヒカリガオカニチョウメ) when a file
 *     gives none, so towns and resources can be sorted あいうえお順 and found by their reading.</li>
 * <li>{@code KanjiNumerals} reads numbers written in kanji, positional (二十三) or digit by digit (一二三):
 *     one reading for the address matcher's 番地 and 丁目 and the search text's 丁目.</li>
 * <li>kuromoji's dictionary reading is a best guess for place names, so an imported reading always wins.</li>
 * <li>It uses Lucene's kuromoji analysis only; the build allows analysis here, while
 *     {@code org.apache.lucene.index/search/store/facet} stay in {@code search}.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>No other feature.
 *
 * <h2>Out of scope</h2>
 * <p>Search analysis, readings in the index, synonyms: {@code search} ({@code SearchSchema},
 * {@code SearchText}, {@code PlaceDictionary}).
 */
package org.tsunagu.japanese;
