/**
 * What happens when the portal first starts on an empty database.
 *
 * <h2>Pages and API</h2>
 * <p>None. {@code FirstStart} is a {@code @Startup @Singleton} that runs after {@code Database} and
 * {@code SearchStartup}.
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>The demo profile (default) loads the fictional municipality ひだまり市（デモ） from
 *     {@code src/main/resources/demo} through the same importers centers use, plus one demo account per role.</li>
 * <li>With {@code TSUNAGU_DEMO=false} only an {@code admin} account is created, with the password from
 *     {@code TSUNAGU_ADMIN_PASSWORD}; the portal refuses to start without it, so no deployment has an
 *     account with a known password.</li>
 * <li>One transaction: a failed first start leaves the database empty.</li>
 * <li>Running after the search starts means the demo import reaches the index through the same
 *     after-commit events as any later edit.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>{@code areas.control} ({@code TownImport}, {@code CenterImport}, {@code Centers}), {@code areas.entity},
 * {@code addresses.control}, {@code exchange.control} ({@code ResourceImport}), {@code accounts},
 * {@code persistence} ({@code StartGuard}).
 *
 * <h2>Out of scope</h2>
 * <p>The schema and migrations: {@code persistence}; refusing default secrets: {@code persistence.StartGuard}.
 */
package org.tsunagu.bootstrap;
