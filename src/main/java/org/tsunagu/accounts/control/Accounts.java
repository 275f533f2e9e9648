package org.tsunagu.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.accounts.entity.PartnerOrganisation;
import org.tsunagu.accounts.entity.Role;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Creating accounts and checking credentials; the rules of who may exist live here and in {@link Account}. */
@ApplicationScoped
public class Accounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    public Optional<Account> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return em.createNamedQuery(Account.FIND_BY_USERNAME, Account.class)
                .setParameter("username", username).getResultStream().findFirst();
    }

    public long count() {
        return em.createNamedQuery(Account.COUNT, Long.class).getSingleResult();
    }

    /**
     * Checks a login. Counts failures and locks the account after too many; a disabled or locked
     * account is refused without even looking at the password.
     */
    public Optional<Account> authenticate(String username, String password) {
        Optional<Account> found = find(username);
        if (found.isEmpty() || password == null) {
            return Optional.empty();
        }
        Account account = found.get();
        Instant now = Instant.now();
        if (!account.canAttemptLogin(now)) {
            return Optional.empty();
        }
        if (hashing.verify(password, account.getPasswordHash())) {
            if (account.getFailedLogins() > 0) {
                account.loginSucceeded();
            }
            return Optional.of(account);
        }
        account.loginFailed(now);
        return Optional.empty();
    }

    /** Creates an account for a role; the scope (center or partner) must fit the role. */
    public Account create(String username, String password, Role role, Center center, PartnerOrganisation partner) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (!Account.isValidUsername(username)) {
            errors.add(FieldError.of("username", "ユーザー名は2〜64文字の英数字と . _ @ - で指定してください"));
        }
        PasswordPolicy.violation(password).ifPresent(v -> errors.add(FieldError.of("password", v)));
        if (role == null) {
            errors.add(FieldError.of("role", "role must be partner, staff, core or admin"));
        } else if ((role == Role.STAFF || role == Role.CORE) && center == null) {
            errors.add(FieldError.of("centerCode", "staff and core accounts need an existing centerCode"));
        } else if (role == Role.CORE && center != null && !center.isCore()) {
            errors.add(FieldError.of("centerCode", "core accounts belong to the core (基幹型) center"));
        } else if (role == Role.STAFF && center != null && center.isCore()) {
            errors.add(FieldError.of("role", "staff of the core center have the core role"));
        } else if (role == Role.PARTNER && partner == null) {
            errors.add(FieldError.of("partnerId", "partner accounts need an existing partnerId"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("アカウントを作成できません", errors);
        }
        if (find(username).isPresent()) {
            throw ProblemException.conflict("username " + username + " is taken");
        }
        String hash = hashing.hash(password);
        Account account = switch (role) {
            case PARTNER -> Account.partner(username, hash, partner);
            case STAFF, CORE -> Account.staff(username, hash, center);
            case ADMIN -> Account.admin(username, hash);
        };
        em.persist(account);
        return account;
    }

    public void changePassword(Account account, String password) {
        PasswordPolicy.violation(password).ifPresent(v -> {
            throw ProblemException.invalid("password", v);
        });
        account.changePassword(hashing.hash(password));
    }
}
