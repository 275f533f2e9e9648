package org.tsunagu.accounts.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.accounts.entity.Role;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.areas.entity.Jurisdiction;
import org.tsunagu.audit.control.AuditScope;
import org.tsunagu.problems.ProblemException;

import java.security.Principal;
import java.util.Optional;

/**
 * Who is calling, once per request: the signed-in account (API Basic or page session alike, both
 * established by the one authentication mechanism), looked up at most once, and what it may act
 * for. Boundaries ask this instead of each reading the principal and querying accounts itself, so
 * the refusal for an unknown, staff-less or partner-less account is the same on every endpoint.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityContext security;

    @Inject
    Accounts accounts;

    private Optional<Account> account;

    /** The caller's username, or empty when nobody is signed in. */
    public Optional<String> username() {
        Principal p = security.getCallerPrincipal();
        return p == null ? Optional.empty() : Optional.of(p.getName());
    }

    /** The signed-in account, or empty (anonymous, or the account was removed meanwhile). */
    public Optional<Account> find() {
        if (account == null) {
            account = username().flatMap(accounts::find);
        }
        return account;
    }

    /** The signed-in account; 403 when there is none. */
    public Account account() {
        return find().orElseThrow(() -> ProblemException.forbidden("unknown account"));
    }

    /** The account of center staff (core or commissioned); 403 for anyone else. */
    public Account staff() {
        Account me = account();
        if (me.getCenter() == null) {
            throw ProblemException.forbidden("alerts are handled by center staff");
        }
        return me;
    }

    /** The account of a watch partner's employee; 403 for anyone else. */
    public Account partner() {
        Account me = account();
        if (me.getPartner() == null) {
            throw ProblemException.forbidden("alerts are filed by partner accounts");
        }
        return me;
    }

    /** Whose areas the caller answers for (admins all; core staff their municipality; staff their center). */
    @Produces
    public Jurisdiction jurisdiction() {
        Optional<Account> me = find();
        if (me.isEmpty()) {
            return Jurisdiction.none();
        }
        Account a = me.get();
        Center c = a.getCenter();
        if (a.getRole() == Role.ADMIN) {
            return Jurisdiction.all();
        }
        if (c == null || c.getMunicipality() == null) {
            return Jurisdiction.none();
        }
        return a.getRole() == Role.CORE ? Jurisdiction.municipality(c.getMunicipality().getCode())
                : Jurisdiction.center(c.getMunicipality().getCode(), c.getCode());
    }

    /**
     * What of the audit trail the caller may read: admins everything, core staff what the accounts of
     * their municipality's centers did, anyone else nothing.
     */
    @Produces
    public AuditScope auditScope() {
        Jurisdiction j = jurisdiction();
        if (j.isAll()) {
            return AuditScope.everything();
        }
        return j.isMunicipality() ? AuditScope.actors(accounts.usernamesIn(j.municipalityCode())) : AuditScope.none();
    }

    /** The audit trail's name for the caller (null when anonymous). */
    public String actor() {
        return username().orElse(null);
    }
}
