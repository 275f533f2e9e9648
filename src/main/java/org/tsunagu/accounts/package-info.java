/**
 * Who may sign in to the portal, as which role, for which center or partner organisation.
 *
 * <h2>Pages and API</h2>
 * <ul>
 * <li>Pages: {@code /login} ({@code LoginPage}), {@code /account/password} ({@code PasswordPage}),
 *     {@code /partners} ({@code PartnersPage}: the public list of 見守り協定事業者), {@code /admin/accounts}
 *     ({@code AdminAccountsPage}), {@code /admin/partners} ({@code AdminPartnersPage}).</li>
 * <li>API: {@code POST /api/v1/accounts}, {@code PATCH /api/v1/accounts/{username}} (admin);
 *     {@code GET /api/v1/partners} (public, name and type only), {@code POST /api/v1/partners} (admin).</li>
 * <li>Authentication: {@code PortalAuthentication} (HTTP Basic under /api/, form login and session on
 *     pages: Jakarta Security allows one mechanism) and {@code AccountIdentityStore}.</li>
 * </ul>
 *
 * <h2>Rules it owns</h2>
 * <ul>
 * <li>The role fixes the scope ({@code Account}): staff and core belong to a Center, a watch partner
 *     (協定団体) account to its {@code PartnerOrganisation}, admin to none; the role code is also the group.</li>
 * <li>A password an admin chose is known to two people, so the holder must replace it before doing
 *     anything else; {@code PortalAuthentication} enforces it because every request passes there first.</li>
 * <li>Repeated failures lock the account for a while, counted atomically in the database in a transaction
 *     of their own ({@code Accounts.loginFailed}); {@code LoginThrottle} limits failures per (address,
 *     username) with a high ceiling per address, reserved before the check, and never refuses
 *     credentials that verify; {@code PasswordHashing} bounds concurrent verifications (429 beyond).
 *     Sign-ins, failures, throttling, lockouts and logouts are audited.</li>
 * <li>{@code PasswordPolicy}: at least 12 characters, not a common password. {@code PasswordHashing}: PBKDF2,
 *     with a short memory of successful checks because Basic clients send credentials on every request.</li>
 * </ul>
 *
 * <h2>May use</h2>
 * <p>{@code areas} (centers, municipalities), {@code addresses.control} ({@code AreaLookup}),
 * {@code audit.control}, {@code calendar.control} ({@code JapanTime}), {@code csv}, {@code problems},
 * {@code web}, {@code web.security} ({@code SecurityHeaders}, in {@code PortalAuthentication}).
 *
 * <h2>Out of scope</h2>
 * <ul>
 * <li>Security headers, CSP and the CSRF defence: {@code web.security}.</li>
 * <li>Centers and their catchments: {@code areas}; the audit trail itself: {@code audit}.</li>
 * <li>What a partner files: {@code alerts.intake}.</li>
 * </ul>
 */
package org.tsunagu.accounts;
