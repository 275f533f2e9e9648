package org.tsunagu.accounts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.CenterKind;
import org.tsunagu.areas.entity.Municipality;

class AccountTest {

    static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");

    Municipality nerima;
    Municipality kodaira;
    Center core;
    Center hikarigaoka;
    Center shakujii;
    Center kodairaCenter;

    /** Entities get their ids from the database; unsaved ones are given ids here, as persisting would. */
    static <T> T withId(T entity, long id) {
        try {
            Field f = entity.getClass().getDeclaredField("id");
            f.setAccessible(true);
            f.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    static final Duration LOCK = Duration.ofMinutes(15);

    /** Locks the account as Account.LOCK_AFTER_FAILURES does in the database (failures are counted there). */
    static void lock(Account account, int failures, Instant until) {
        try {
            Field locked = Account.class.getDeclaredField("lockedUntil");
            locked.setAccessible(true);
            locked.set(account, until);
            Field failed = Account.class.getDeclaredField("failedLogins");
            failed.setAccessible(true);
            failed.set(account, failures);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @BeforeEach
    void setUp() {
        nerima = withId(new Municipality("131202", "東京都", "練馬区"), 1);
        kodaira = withId(new Municipality("132110", "東京都", "小平市"), 2);
        core = withId(new Center("C00", "練馬区基幹型", CenterKind.CORE, "練馬区豊玉北", "03-0000-0000"), 10);
        hikarigaoka = withId(new Center("C01", "光が丘", CenterKind.COMMISSIONED, "練馬区光が丘", "03-0000-0001"), 11);
        shakujii = withId(new Center("C02", "石神井", CenterKind.COMMISSIONED, "練馬区石神井町", "03-0000-0002"), 12);
        kodairaCenter = withId(new Center("K01", "小平", CenterKind.DIRECT, "小平市小川町", "042-000-0000"), 20);
        core.bindTo(nerima, null);
        hikarigaoka.bindTo(nerima, null);
        shakujii.bindTo(nerima, null);
        kodairaCenter.bindTo(kodaira, null);
    }

    @Nested
    @DisplayName("roles")
    class Roles {

        @Test
        @DisplayName("staff of the core center get CORE, of another center STAFF")
        void staffRole() {
            Account coreStaff = Account.staff("core.staff", "hash", core);
            Account staff = Account.staff("hikari.staff", "hash", hikarigaoka);
            assertEquals(Role.CORE, coreStaff.getRole());
            assertEquals(Role.STAFF, staff.getRole());
            assertSame(hikarigaoka, staff.getCenter());
            assertNull(staff.getPartner());
        }

        @Test
        @DisplayName("partner and admin accounts")
        void partnerAndAdmin() {
            PartnerOrganisation paper = new PartnerOrganisation(nerima, "テスト新聞", PartnerType.NEWSPAPER, LocalDate.of(2024, 4, 1));
            Account partner = Account.partner("paper.1", "hash", paper);
            assertEquals(Role.PARTNER, partner.getRole());
            assertSame(paper, partner.getPartner());
            assertNull(partner.getCenter());
            assertEquals(Role.ADMIN, Account.admin("admin", "hash").getRole());
        }

        @Test
        @DisplayName("staff need a center, partners an organisation, everyone a password hash")
        void requiredOwners() {
            assertThrows(IllegalArgumentException.class, () -> Account.staff("staff.x", "hash", null));
            assertThrows(IllegalArgumentException.class, () -> Account.partner("paper.x", "hash", null));
            assertThrows(IllegalArgumentException.class, () -> Account.admin("admin", " "));
            assertThrows(IllegalArgumentException.class, () -> Account.admin("admin", null));
        }
    }

    @Nested
    @DisplayName("username")
    class Username {

        @ParameterizedTest
        @ValueSource(strings = {"ab", "admin", "tanaka.ichiro", "t_ichiro-2", "user@example.jp", "9lives",
                "a23456789012345678901234567890123456789012345678901234567890abcd"}) // 64 chars
        void valid(String username) {
            assertTrue(Account.isValidUsername(username));
            assertEquals(username, Account.admin(username, "hash").getUsername());
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"a", ".admin", "-admin", "_admin", "@admin", "tanaka ichiro", "田中", "admin!",
                "a234567890123456789012345678901234567890123456789012345678901abcd"}) // 65 chars
        void invalid(String username) {
            assertFalse(Account.isValidUsername(username));
            assertThrows(IllegalArgumentException.class, () -> Account.admin(username, "hash"));
        }
    }

    @Nested
    @DisplayName("login lockout")
    class Lockout {

        Account account;

        @BeforeEach
        void create() {
            account = Account.staff("hikari.staff", "hash", hikarigaoka);
        }

        void lockNow() {
            lock(account, 3, NOW.plus(LOCK));
        }

        @Test
        @DisplayName("a lock refuses attempts until exactly when it ends")
        void lockEnds() {
            lockNow();
            assertFalse(account.canAttemptLogin(NOW));
            assertFalse(account.canAttemptLogin(NOW.plus(LOCK).minusSeconds(1)));
            assertTrue(account.canAttemptLogin(NOW.plus(LOCK)), "unlocked exactly when the lock ends");
        }

        @Test
        @DisplayName("a new account may attempt to log in")
        void fresh() {
            assertTrue(account.isEnabled());
            assertTrue(account.canAttemptLogin(NOW));
            assertEquals(0, account.getFailedLogins());
        }

        @Test
        @DisplayName("changing the password lifts the lock")
        void changePasswordUnlocks() {
            lockNow();
            account.changePassword("new-hash");
            assertEquals("new-hash", account.getPasswordHash());
            assertTrue(account.canAttemptLogin(NOW));
            assertThrows(IllegalArgumentException.class, () -> account.changePassword(" "));
        }

        @Test
        @DisplayName("an admin enabling the account lifts a lock")
        void enableUnlocks() {
            lockNow();
            assertFalse(account.canAttemptLogin(NOW));
            account.enable();
            assertTrue(account.canAttemptLogin(NOW));
            assertEquals(0, account.getFailedLogins());
        }

        @Test
        @DisplayName("a disabled account cannot log in, locked or not; enable restores it")
        void disabled() {
            account.disable();
            assertFalse(account.isEnabled());
            assertFalse(account.canAttemptLogin(NOW));
            assertFalse(account.canAttemptLogin(NOW.plus(Duration.ofDays(365))));
            account.enable();
            assertTrue(account.canAttemptLogin(NOW));
        }
    }

    @Nested
    @DisplayName("forced password change")
    class ForcedPasswordChange {

        Account account;

        @BeforeEach
        void create() {
            account = Account.staff("hikari.staff", "hash", hikarigaoka);
        }

        @Test
        @DisplayName("a new account keeps its password unless a change is required")
        void notByDefault() {
            assertFalse(account.isMustChangePassword());
            account.requirePasswordChange();
            assertTrue(account.isMustChangePassword());
        }

        @Test
        @DisplayName("the holder's own new password ends the forced change")
        void changeClears() {
            account.requirePasswordChange();
            account.changePassword("own-hash");
            assertFalse(account.isMustChangePassword());
            assertEquals("own-hash", account.getPasswordHash());
        }

        @Test
        @DisplayName("an admin's reset sets a new password, unlocks, and forces a change")
        void resetForces() {
            lock(account, 0, NOW.plus(LOCK));
            assertTrue(account.isLockedAt(NOW));
            account.resetPassword("initial-hash");
            assertEquals("initial-hash", account.getPasswordHash());
            assertTrue(account.isMustChangePassword());
            assertFalse(account.isLockedAt(NOW));
            assertTrue(account.canAttemptLogin(NOW));
            assertThrows(IllegalArgumentException.class, () -> account.resetPassword(""));
        }

        @Test
        @DisplayName("a forced change does not stop a login: the pages send the account to the password page")
        void loginStillPossible() {
            account.requirePasswordChange();
            assertTrue(account.canAttemptLogin(NOW));
            account.disable();
            assertFalse(account.canAttemptLogin(NOW), "disabled wins");
        }

        @Test
        @DisplayName("isLockedAt is true only while the lock lasts")
        void lockedAt() {
            assertFalse(account.isLockedAt(NOW));
            lock(account, 0, NOW.plus(LOCK));
            assertTrue(account.isLockedAt(NOW.plus(LOCK).minusSeconds(1)));
            assertFalse(account.isLockedAt(NOW.plus(LOCK)));
        }
    }

    @Nested
    @DisplayName("mayActFor")
    class MayActFor {

        @Test
        @DisplayName("staff act only for their own center")
        void staffOwnCenterOnly() {
            Account staff = Account.staff("hikari.staff", "hash", hikarigaoka);
            assertTrue(staff.mayActFor(hikarigaoka));
            assertFalse(staff.mayActFor(shakujii));
            assertFalse(staff.mayActFor(core));
            assertFalse(staff.mayActFor(kodairaCenter));
            assertFalse(staff.mayActFor(null));
        }

        @Test
        @DisplayName("core staff act for every center of their municipality, not another's")
        void coreWholeMunicipality() {
            Account coreStaff = Account.staff("core.staff", "hash", core);
            assertTrue(coreStaff.mayActFor(core));
            assertTrue(coreStaff.mayActFor(hikarigaoka));
            assertTrue(coreStaff.mayActFor(shakujii));
            assertFalse(coreStaff.mayActFor(kodairaCenter));
            assertFalse(coreStaff.mayActFor(null));
        }

        @Test
        @DisplayName("core staff do not act for a center not yet bound to a municipality")
        void coreUnboundCenter() {
            Center unbound = withId(new Center("C09", "未設定", CenterKind.COMMISSIONED, "練馬区", "03"), 19);
            assertFalse(Account.staff("core.staff", "hash", core).mayActFor(unbound));
        }

        @Test
        @DisplayName("partners and admins act for no center")
        void partnersAndAdmins() {
            PartnerOrganisation paper = new PartnerOrganisation(nerima, "テスト新聞", PartnerType.NEWSPAPER, null);
            assertFalse(Account.partner("paper.1", "hash", paper).mayActFor(hikarigaoka));
            assertFalse(Account.admin("admin", "hash").mayActFor(hikarigaoka));
        }
    }
}
