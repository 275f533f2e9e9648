package org.tsunagu.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.accounts.entity.PartnerOrganisation;
import org.tsunagu.accounts.entity.Role;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.audit.control.Audit;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Creating accounts and checking credentials; the rules of who may exist live here and in {@link Account}. */
@ApplicationScoped
public class Accounts {

    @Inject
    Event<AccountChanged> changed;

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    Audit audit;

    /** This bean through its proxy, so that its own transactional methods get their transaction. */
    @Inject
    Accounts self;

    /** Failed logins within {@link #lockDuration} that lock an account (TSUNAGU_LOGIN_MAX_FAILURES). */
    @Inject
    @ConfigProperty(name = "tsunagu.login.max.failures", defaultValue = "10")
    int maxFailedLogins;

    /** How long a lock lasts, and the window in which failures add up (TSUNAGU_LOGIN_LOCK_DURATION). */
    @Inject
    @ConfigProperty(name = "tsunagu.login.lock.duration", defaultValue = "PT15M")
    Duration lockDuration;

    public Optional<Account> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(Account.FIND_BY_USERNAME, Account.class)
                .setParameter("username", username).getResultStream().findFirst();
    }

    /** Every account, by username, with its center or organisation (the admin's list). */
    /** The usernames of the accounts of a municipality's centers (core and commissioned). */
    public java.util.Set<String> usernamesIn(String municipalityCode) {
        return new java.util.TreeSet<>(em.createQuery(
                "SELECT a.username FROM Account a WHERE a.center.municipality.code = :code", String.class)
                .setParameter("code", municipalityCode).getResultList());
    }

    public List<Account> all() {
        return em.createNamedQuery(Account.FIND_ALL, Account.class).getResultList();
    }

    /** Whether the account must replace an admin-chosen password before it may do anything else. */
    public boolean mustChangePassword(String username) {
        return find(username).map(Account::isMustChangePassword).orElse(false);
    }

    public long count() {
        return em.createNamedQuery(Account.COUNT, Long.class).getSingleResult();
    }

    /**
     * Checks a login; changes nothing but forgetting the failures of an account that signs in (a
     * failure is recorded by the caller, {@link #loginFailed}, in its own transaction). Meant to run
     * outside a transaction: the PBKDF2 verification (and its wait for a permit) holds no database
     * connection. A disabled or locked account is refused whatever the password. An unknown user, a locked or disabled account
     * and a wrong password cost the same PBKDF2 verification and give the same answer (empty).
     *
     * @throws PasswordHashing.Busy when no verification is free (429, the attempt was not checked)
     */
    public Optional<Account> authenticate(String username, String password) {
        Optional<Account> found = find(username);
        if (password == null) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        if (found.isEmpty() || !found.get().canAttemptLogin(now)) {
            // as slow as a wrong password, so that timing does not tell which usernames exist (or are locked)
            hashing.verify(password, hashing.dummyHash());
            return Optional.empty();
        }
        Account account = found.get();
        if (hashing.verify(password, account.getPasswordHash())) {
            if (account.getFailedLogins() > 0 || account.getLockedUntil() != null) {
                self.loginSucceeded(username, now);
            }
            return Optional.of(account);
        }
        return Optional.empty();
    }

    /** Forgets the failures of an account that signed in, in its own transaction (never a lock placed meanwhile). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void loginSucceeded(String username, Instant now) {
        em.createNamedQuery(Account.CLEAR_FAILURES).setParameter("username", username).setParameter("now", now)
                .executeUpdate();
    }

    /** What recording a failed login found. */
    public enum Failure {
        /** No such account: nothing to count. */
        UNKNOWN,
        /** Counted against the account. */
        COUNTED,
        /** Counted, and it locked the account. */
        LOCKED_NOW,
        /** The account was locked already: not counted (the lock ends when it was due to). */
        ALREADY_LOCKED
    }

    /**
     * Records a failed (or refused) login of {@code username} in its own transaction, so that it sticks
     * whatever becomes of the request: one atomic count in the database (parallel failures wait for
     * each other's row lock, none is lost and none fails), the {@link #maxFailedLogins}-th within
     * {@link #lockDuration} locks the account; and an audit entry {@code action} (e.g.
     * {@code login.failed}; none when null, for the repeated refusals of a throttled client), and
     * {@code login.lockout} when it locked. The password is never recorded; an unknown username is
     * recorded as {@code anonymous} (it may be a password typed into the wrong field).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Failure loginFailed(String username, String door, String action, Instant now) {
        Optional<Account> account = Account.isValidUsername(username) ? find(username) : Optional.empty();
        if (account.isEmpty()) {
            if (action != null) {
                audit.record("anonymous", action, "account", null, door + ", unknown user");
            }
            return Failure.UNKNOWN;
        }
        em.createNamedQuery(Account.RESTART_FAILURES).setParameter("username", username).setParameter("now", now)
                .setParameter("windowStart", now.minus(lockDuration)).executeUpdate();
        int counted = em.createNamedQuery(Account.COUNT_FAILURE).setParameter("username", username)
                .setParameter("now", now).executeUpdate();
        if (counted == 0) {
            if (action != null) {
                audit.record(username, action, "account", username, door + ", locked");
            }
            return Failure.ALREADY_LOCKED;
        }
        int locked = em.createNamedQuery(Account.LOCK_AFTER_FAILURES).setParameter("username", username)
                .setParameter("until", now.plus(lockDuration)).setParameter("max", maxFailedLogins)
                .setParameter("now", now).executeUpdate();
        if (action != null) {
            audit.record(username, action, "account", username, door);
        }
        if (locked > 0) {
            audit.record(username, "login.lockout", "account", username, "until " + now.plus(lockDuration));
            return Failure.LOCKED_NOW;
        }
        return Failure.COUNTED;
    }

    /**
     * Audits a sign-in, a refusal of a throttled client, a logout (never a password), in its own
     * transaction so that the entry stays whatever becomes of the request.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void audited(String username, String action, String detail) {
        boolean known = Account.isValidUsername(username) && find(username).isPresent();
        audit.record(known ? username : "anonymous", action, "account", known ? username : null, detail);
    }

    /** Creates an account whose holder keeps the given password (bootstrap, and the API unless it asks otherwise). */
    public Account create(String username, String password, Role role, Center center, PartnerOrganisation partner) {
        return create(username, password, role, center, partner, false);
    }

    /**
     * Creates an account for a role; the scope (center or partner) must fit the role. With
     * {@code mustChangePassword} the holder has to replace the initial password at the first login.
     */
    public Account create(String username, String password, Role role, Center center, PartnerOrganisation partner,
                          boolean mustChangePassword) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (!Account.isValidUsername(username)) {
            errors.add(FieldError.of("username", "ユーザー名は2〜64文字の英数字と . _ @ - で指定してください"));
        }
        PasswordPolicy.violation(password).ifPresent(v -> errors.add(FieldError.of("password", v)));
        if (role == null) {
            errors.add(FieldError.of("role", "役割は partner, staff, core, admin のいずれかです"));
        } else if ((role == Role.STAFF || role == Role.CORE) && center == null) {
            errors.add(FieldError.of("centerCode", "センター職員のアカウントには所属センターが必要です"));
        } else if (role == Role.CORE && center != null && !center.isCore()) {
            errors.add(FieldError.of("centerCode", "基幹型センター職員(core)のアカウントは基幹型センターに所属します"));
        } else if (role == Role.STAFF && center != null && center.isCore()) {
            errors.add(FieldError.of("role", "基幹型センターの職員は役割 core にしてください"));
        } else if (role == Role.PARTNER && partner == null) {
            errors.add(FieldError.of("partnerId", "協定事業者のアカウントには所属する事業者が必要です"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("アカウントを作成できません", errors);
        }
        if (find(username).isPresent()) {
            throw ProblemException.conflict("ユーザー名 " + username + " はすでに使われています");
        }
        String hash = hashing.hash(password);
        Account account = switch (role) {
            case PARTNER -> Account.partner(username, hash, partner);
            case STAFF, CORE -> Account.staff(username, hash, center);
            case ADMIN -> Account.admin(username, hash);
        };
        if (mustChangePassword) {
            account.requirePasswordChange();
        }
        em.persist(account);
        return account;
    }

    /** Sets a password as if the holder chose it (ends a forced change). */
    public void changePassword(Account account, String password) {
        checkPolicy("password", password);
        account.changePassword(hashing.hash(password));
        changed.fire(new AccountChanged(account.getUsername()));
    }

    /** An admin sets a new initial password; the holder must replace it at the next login. */
    public void resetPassword(Account account, String password) {
        checkPolicy("password", password);
        account.resetPassword(hashing.hash(password));
        changed.fire(new AccountChanged(account.getUsername()));
    }

    /** The holder must replace the current password before anything else, also on sessions already open. */
    public void requirePasswordChange(Account account) {
        account.requirePasswordChange();
        changed.fire(new AccountChanged(account.getUsername()));
    }

    /** Enables the account (and lifts a lock); sessions ended by disabling it stay ended. */
    public void enable(Account account) {
        account.enable();
        changed.fire(new AccountChanged(account.getUsername()));
    }

    /** Disables the account: it cannot sign in, and its open sessions end at their next request. */
    public void disable(Account account) {
        account.disable();
        changed.fire(new AccountChanged(account.getUsername()));
    }

    /**
     * The holder replaces their own password: the current one must be right, the new one must differ
     * from it and pass the policy. Ends a forced change.
     */
    public void changeOwnPassword(Account account, String current, String next) {
        if (current == null || !hashing.verify(current, account.getPasswordHash())) {
            throw ProblemException.invalid("current", "現在のパスワードが正しくありません");
        }
        if (current.equals(next)) {
            throw ProblemException.invalid("password", "新しいパスワードは現在のパスワードと違うものにしてください");
        }
        checkPolicy("password", next);
        account.changePassword(hashing.hash(next));
        changed.fire(new AccountChanged(account.getUsername()));
    }

    private static void checkPolicy(String field, String password) {
        PasswordPolicy.violation(password).ifPresent(v -> {
            throw ProblemException.invalid(field, v);
        });
    }
}
