/**
 * The index change log that keeps every instance's search index in step (an outbox).
 *
 * <h2>Pages and API</h2>
 * <p>None of its own. The poller timer is {@code search.boundary.IndexPoller}; the log's figures appear in
 * {@code GET /api/v1/search/index}.
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>{@code IndexOutbox} writes {@code IndexChange} rows while the edit's transaction is still open (a
 *     synchronous observer of {@code ResourcesChanged}; a towns import or a synonyms change writes one
 *     "rebuild" row), so a rolled-back edit leaves no entry. Its reads are transactions of their own,
 *     for the poller thread.</li>
 * <li>Ids are drawn one by one, so the log is ordered by time, not by instance.</li>
 * <li>{@code ChangeCursor}: ids are committed in any order and a rolled-back edit leaves a hole, so the
 *     watermark only moves over applied entries and over holes older than the grace period; applying an
 *     entry twice is harmless.</li>
 * <li>{@code OutboxWritten}: this instance marks its own entries applied after commit instead of reading
 *     them back. {@code SynonymsChanged}: the index is rebuilt after the commit.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>{@code directory.control} ({@code ResourcesChanged}), {@code areas.control} ({@code TownsChanged}).
 *
 * <h2>Out of scope</h2>
 * <p>Applying entries to Lucene: {@code search} ({@code ResourceSearch.poll}); pruning old entries runs in
 * {@code IndexPoller} under a lease.
 */
package org.tsunagu.search.sync;
