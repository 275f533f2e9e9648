package org.tsunagu.accounts.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.tsunagu.accounts.control.Accounts;
import org.tsunagu.accounts.entity.Account;

import java.util.Set;

/**
 * The database identity store: accounts and their role, which is also their one group.
 * Runs outside a transaction, so that a password verification holds no database connection (the
 * writes — forgetting the failures of an account that signs in, {@link Accounts#loginFailed} — have
 * transactions of their own).
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    Accounts accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return accounts.authenticate(up.getCaller(), up.getPasswordAsString())
                .map(AccountIdentityStore::result)
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    private static CredentialValidationResult result(Account a) {
        return new CredentialValidationResult(a.getUsername(), Set.of(a.getRole().code()));
    }
}
