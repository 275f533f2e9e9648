package org.tsunagu.accounts.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.transaction.Transactional;
import org.tsunagu.accounts.control.Accounts;
import org.tsunagu.accounts.entity.Account;

import java.util.Set;

/**
 * The database identity store: accounts and their role, which is also their one group.
 * Runs in its own transaction (a successful login forgets the account's failures); failures are
 * recorded by {@link PortalAuthentication} through {@link Accounts#loginFailed}, in a transaction of their own.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    Accounts accounts;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
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
