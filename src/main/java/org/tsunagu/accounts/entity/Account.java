package org.tsunagu.accounts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.tsunagu.areas.entity.Center;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A person who signs in: partner employee, center staff, core staff or admin. The role decides the
 * scope, and the scope is bound here: staff and core belong to a center, partners to an
 * organisation. Repeated failed logins lock the account for a while: {@code maxFailures} failures
 * within one lock duration (counted from the first of them) lock it for that duration; older
 * failures are forgotten, so a slow trickle of failures cannot add up to a lock. The counting is
 * done by the named update statements ({@link #COUNT_FAILURE} and its neighbours), atomically in the
 * database, never by changing a loaded entity. A password that an admin chose
 * (a new account, a reset) is known to two people, so the holder must replace it before doing
 * anything else ({@link #isMustChangePassword()}).
 */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.FIND_BY_USERNAME, query = "SELECT a FROM Account a WHERE a.username = :username")
@NamedQuery(name = Account.COUNT, query = "SELECT COUNT(a) FROM Account a")
@NamedQuery(name = Account.FIND_ALL,
        query = "SELECT a FROM Account a LEFT JOIN FETCH a.center LEFT JOIN FETCH a.partner ORDER BY a.username")
// Failed logins are counted by these statements in one transaction, not by changing a loaded entity:
// parallel failures then wait for each other's row lock instead of losing a @Version race (V10 columns).
@NamedQuery(name = Account.RESTART_FAILURES, query = "UPDATE Account a SET a.failuresSince = :now, a.failedLogins = 0"
        + " WHERE a.username = :username AND (a.failuresSince IS NULL OR a.failuresSince <= :windowStart)"
        + " AND (a.lockedUntil IS NULL OR a.lockedUntil <= :now)")
@NamedQuery(name = Account.COUNT_FAILURE, query = "UPDATE Account a SET a.failedLogins = a.failedLogins + 1"
        + " WHERE a.username = :username AND (a.lockedUntil IS NULL OR a.lockedUntil <= :now)")
@NamedQuery(name = Account.LOCK_AFTER_FAILURES, query = "UPDATE Account a SET a.lockedUntil = :until, a.failedLogins = 0,"
        + " a.failuresSince = NULL WHERE a.username = :username AND a.failedLogins >= :max"
        + " AND (a.lockedUntil IS NULL OR a.lockedUntil <= :now)")
@NamedQuery(name = Account.CLEAR_FAILURES, query = "UPDATE Account a SET a.failedLogins = 0, a.failuresSince = NULL,"
        + " a.lockedUntil = NULL WHERE a.username = :username AND (a.lockedUntil IS NULL OR a.lockedUntil <= :now)"
        + " AND (a.failedLogins > 0 OR a.failuresSince IS NOT NULL OR a.lockedUntil IS NOT NULL)")
public class Account {

    public static final String FIND_BY_USERNAME = "Account.findByUsername";
    public static final String FIND_ALL = "Account.findAll";
    public static final String COUNT = "Account.count";
    /** A failure outside the current window (or the first) starts a new one: {@code :now}, {@code :windowStart}. */
    public static final String RESTART_FAILURES = "Account.restartFailures";
    /** Counts a failure unless the account is locked: {@code :now}. */
    public static final String COUNT_FAILURE = "Account.countFailure";
    /** The {@code :max}-th failure of the window locks the account {@code :until}. */
    public static final String LOCK_AFTER_FAILURES = "Account.lockAfterFailures";
    /** A successful login forgets the failures (never a lock placed meanwhile): {@code :now}. */
    public static final String CLEAR_FAILURES = "Account.clearFailures";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");

    @Id
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    private Long id;

    @Column(nullable = false, unique = true)
    private String username;

    /** PBKDF2 hash in Jakarta Security's Pbkdf2PasswordHash format; the password itself is never stored. */
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "display_name")
    private String displayName;

    private String phone;

    @ManyToOne
    @JoinColumn(name = "center_id")
    private Center center;

    @ManyToOne
    @JoinColumn(name = "partner_id")
    private PartnerOrganisation partner;

    private boolean enabled = true;

    @Column(name = "failed_logins")
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    /** When the failures counted in {@link #failedLogins} began (null: none counted). */
    @Column(name = "failures_since")
    private Instant failuresSince;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "must_change_password")
    private boolean mustChangePassword;

    /**
     * Raised whenever the holder's right to the sessions already open ends: disabled, a password set
     * by an admin or by the holder. A page session signed in under an older epoch is over (V17).
     */
    @Column(name = "session_epoch", nullable = false)
    private long sessionEpoch;

    @Version
    private long version;

    protected Account() {
        // JPA
    }

    private Account(String username, String passwordHash, Role role, Center center, PartnerOrganisation partner) {
        if (!isValidUsername(username)) {
            throw new IllegalArgumentException("username must be 2-64 letters, digits or . _ @ -");
        }
        if (passwordHash == null || passwordHash.isBlank()) {
            throw new IllegalArgumentException("password hash is required");
        }
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.center = center;
        this.partner = partner;
    }

    public static boolean isValidUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }

    public static Account partner(String username, String passwordHash, PartnerOrganisation organisation) {
        if (organisation == null) {
            throw new IllegalArgumentException("a partner account belongs to a partner organisation");
        }
        return new Account(username, passwordHash, Role.PARTNER, null, organisation);
    }

    /** Staff of a center; staff of the core center get the core role and see every center. */
    public static Account staff(String username, String passwordHash, Center center) {
        if (center == null) {
            throw new IllegalArgumentException("a staff account belongs to a center");
        }
        return new Account(username, passwordHash, center.isCore() ? Role.CORE : Role.STAFF, center, null);
    }

    public static Account admin(String username, String passwordHash) {
        return new Account(username, passwordHash, Role.ADMIN, null, null);
    }

    /** Whether a login attempt may even be checked now. */
    public boolean canAttemptLogin(Instant now) {
        return enabled && (lockedUntil == null || !lockedUntil.isAfter(now));
    }

    /** The holder chose a new password: it unlocks the account and ends any forced change. */
    public void changePassword(String newHash) {
        setHash(newHash);
        this.mustChangePassword = false;
    }

    /** An admin set a new initial password: it unlocks the account, and the holder must replace it at the next login. */
    public void resetPassword(String newHash) {
        setHash(newHash);
        this.mustChangePassword = true;
    }

    /** The current password was chosen by someone else (an admin): the holder must replace it before anything else. */
    public void requirePasswordChange() {
        this.mustChangePassword = true;
    }

    private void setHash(String newHash) {
        if (newHash == null || newHash.isBlank()) {
            throw new IllegalArgumentException("password hash is required");
        }
        this.passwordHash = newHash;
        this.sessionEpoch++;
        this.lockedUntil = null;
        this.failedLogins = 0;
        this.failuresSince = null;
    }

    /** Enables the account; an admin enabling it also lifts a lock from failed logins. */
    public void enable() {
        this.enabled = true;
        this.lockedUntil = null;
        this.failedLogins = 0;
        this.failuresSince = null;
    }

    /** Disables the account; its open sessions end at their next request. */
    public void disable() {
        if (enabled) {
            sessionEpoch++;
        }
        this.enabled = false;
    }

    public void setProfile(String displayName, String phone) {
        this.displayName = displayName;
        this.phone = phone;
    }

    /** Whether this account may see or act on the given center's data (core: every center of its municipality). */
    public boolean mayActFor(Center target) {
        if (target == null || center == null) {
            return false;
        }
        if (role == Role.CORE) {
            return center.getMunicipality() != null && target.getMunicipality() != null
                    && center.getMunicipality().getCode().equals(target.getMunicipality().getCode());
        }
        return role == Role.STAFF && center.getCode().equals(target.getCode());
    }

    @PrePersist
    void onCreate() {
        createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPhone() {
        return phone;
    }

    public Center getCenter() {
        return center;
    }

    public PartnerOrganisation getPartner() {
        return partner;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public int getFailedLogins() {
        return failedLogins;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    /** Whether the account is locked at this moment (too many failed logins). */
    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** The epoch a page session must have been signed in under to go on (see {@link #sessionEpoch}). */
    public long getSessionEpoch() {
        return sessionEpoch;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
