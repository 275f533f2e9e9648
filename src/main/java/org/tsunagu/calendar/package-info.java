/**
 * Japanese schedule text turned into dates (RFC 5545 rules), in Japan time.
 *
 * <h2>Pages and API</h2>
 * <p>None of its own. Its {@code .ics} output is served by {@code directory} at
 * {@code GET /api/v1/resources/{id}/calendar.ics}.
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>{@code ScheduleParser} reads what centers write (「毎月第2・第4水曜日 13:30〜15:00（8月は休み）」)
 *     all or nothing; irregular kinds (不定期, 年3回 …) stay text with a Japanese reason, because a
 *     wrong date sends an older person to a locked door while a missing one only sends them to the text.</li>
 * <li>{@code Schedule} (entity, embeddable): the text exactly as written is always kept and shown,
 *     beside the parsed rules or the reason.</li>
 * <li>{@code Recurrence} compiles the rules to bit masks, so "open on this date?" stays cheap for the
 *     search filter; {@code JapaneseHolidays} computes 祝日 from the 祝日法's rules, no list of dates to keep.</li>
 * <li>{@code ScheduleCalendar} writes .ics with explicit EXDATEs for 祝日 and 年末年始, which calendar
 *     apps do not know.</li>
 * <li>{@code JapanTime} is the one clock face: "today", a statistics month and a 受付 time are Japan
 *     time whatever zone the server runs in. {@code Weekdays}: API codes and the Japanese words.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>No other feature.
 *
 * <h2>Out of scope</h2>
 * <p>Filtering search results by date: {@code search} ({@code ScheduleFilter}); which resource has
 * which schedule: {@code directory}.
 */
package org.tsunagu.calendar;
