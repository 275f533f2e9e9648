package org.tsunagu.accounts.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.tsunagu.accounts.control.Accounts;
import org.tsunagu.accounts.control.SessionStanding;
import org.tsunagu.accounts.control.Caller;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.audit.control.Audit;
import org.tsunagu.web.PageTransaction;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * パスワードの変更 (/account/password, every signed-in account). An account whose password an
 * admin chose is sent here by {@link PortalAuthentication} after login and can open nothing else
 * until it has chosen its own; anyone may also come here to change theirs. The new password is
 * typed twice and must pass the same policy as everywhere ({@link Accounts#changeOwnPassword});
 * afterwards the session gets a new id and the account goes on to its start page.
 */
@Named
@RequestScoped
public class PasswordPage {

    @Inject
    Caller caller;

    /** Loads the account inside the page transaction, so the new password is written (Caller's may be detached). */
    @Inject
    Accounts accounts;

    @Inject
    Audit audit;

    @Inject
    PageTransaction transaction;

    @Inject
    SessionStanding standing;

    private String current;
    private String password;
    private String repeat;
    private final List<String> errors = new ArrayList<>();

    /** Whether the account is here because it must change an admin-chosen password. */
    public boolean isForced() {
        HttpSession session = (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(false);
        return session != null && session.getAttribute(PortalAuthentication.SESSION_MUST_CHANGE) != null;
    }

    /** 「パスワードを変更する」 */
    public void change() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext ext = faces.getExternalContext();
        String username = caller.actor();
        if (current == null || current.isEmpty()) {
            errors.add(AdminAccountsPage.text("password.error.current"));
        }
        if (password == null || !password.equals(repeat)) {
            errors.add(AdminAccountsPage.text("password.error.repeat"));
        }
        if (!errors.isEmpty()) {
            return;
        }
        long[] epoch = new long[1];
        try {
            transaction.run(() -> {
                Account me = accounts.find(username).orElseThrow(() -> ProblemException.forbidden("unknown account"));
                accounts.changeOwnPassword(me, current, password);
                audit.record(username, "account.password", "account", username, null);
                epoch[0] = me.getSessionEpoch();
            });
        } catch (ProblemException e) {
            if (e.errors().isEmpty()) {
                errors.add(e.getMessage());
            }
            e.errors().stream().map(FieldError::message).forEach(errors::add);
            return;
        }
        HttpServletRequest request = (HttpServletRequest) ext.getRequest();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PortalAuthentication.SESSION_MUST_CHANGE);
            // this session goes on under the new password; every other session of the account has ended
            session.setAttribute(PortalAuthentication.SESSION_EPOCH, epoch[0]);
            standing.forget(username);
        }
        request.changeSessionId();
        ext.getFlash().put("done", AdminAccountsPage.text("password.done"));
        ext.redirect(ext.getRequestContextPath() + (ext.isUserInRole("partner") ? "/partner/" : "/staff/"));
    }

    public List<String> getErrors() {
        return errors;
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRepeat() {
        return repeat;
    }

    public void setRepeat(String repeat) {
        this.repeat = repeat;
    }
}
