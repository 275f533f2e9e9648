/**
 * Finding resources the way residents type: everything Lucene.
 *
 * <h2>Pages and API</h2>
 * <ul>
 * <li>Page: {@code /} ({@code SearchPage}: the whole state in GET parameters with the API's names, so a
 *     center can hand out a link).</li>
 * <li>API: {@code GET /api/v1/suggest} ({@code SuggestResource}); admin: {@code GET /api/v1/search/index},
 *     {@code POST /api/v1/search/index/rebuild}, {@code GET}/{@code POST /api/v1/search/synonyms},
 *     {@code DELETE /api/v1/search/synonyms/{id}} ({@code SearchAdminResource}).
 *     {@code GET /api/v1/resources} is {@code directory}'s endpoint, calling {@code ResourceSearch}.</li>
 * <li>Start-up and timer: {@code SearchStartup} (opens or rebuilds the index before {@code FirstStart}),
 *     {@code IndexPoller} (applies other instances' edits).</li>
 * </ul>
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>{@code SearchParameters} reads the conditions of a URL once for the API (strict: every mistake → 400
 *     naming the fields) and the page (lenient: a mistake is dropped and told, the rest is searched).</li>
 * <li>{@code ResourceIndex} holds the index: one generation in use, a rebuild written beside it and swapped
 *     in atomically, so searches never see a half-built index.</li>
 * <li>{@code ResourceSearch} follows {@code ResourcesChanged} after commit with one worker (edits apply in
 *     order) and makes the caller wait, bounded, so it reads its own writes.</li>
 * <li>{@code SearchSchema} names every field and analyzer and a {@code version()}, so changed analysis means a
 *     rebuild, not silent misses; {@code SearchText} is one normalisation for both sides.</li>
 * <li>{@code PlaceDictionary} makes the imported town names words (東大泉 = 東+大泉); {@code Synonyms}
 *     (オレンジカフェ = 認知症カフェ) expand queries; {@code SearchQueries} ANDs the words; {@code ScheduleFilter}
 *     honours 第2水曜 and 祝日休み for any date.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>{@code search.sync.control}, {@code directory.control}, {@code directory.entity}, {@code calendar},
 * {@code areas}, {@code addresses.control}, {@code japanese}, {@code jobs}, {@code audit.control},
 * {@code problems}. Only this feature (with {@code search.sync}) may use Lucene index/search/store/facet.
 *
 * <h2>Out of scope</h2>
 * <p>Editing resources: {@code directory}; the change log between instances: {@code search.sync}.
 */
package org.tsunagu.search;
