package org.tsunagu.accounts.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ResourceBundle;

/**
 * Form login for staff and partners; returns to the page that asked for it (same site only), or
 * first to the password page when an admin chose the account's password.
 */
@Named
@RequestScoped
public class LoginPage {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    org.tsunagu.accounts.control.Accounts accounts;

    private String username;
    private String password;
    private String next;

    public void login() throws IOException {
        ExternalContext ext = faces.getExternalContext();
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) ext.getRequest(), (HttpServletResponse) ext.getResponse(),
                AuthenticationParameters.withParams().credential(new UsernamePasswordCredential(
                        username == null ? "" : username, password == null ? "" : password)));
        if (status == AuthenticationStatus.SUCCESS) {
            boolean mustChange = ext.getSessionMap().containsKey(PortalAuthentication.SESSION_MUST_CHANGE);
            ext.redirect(ext.getRequestContextPath() + (mustChange ? PortalAuthentication.PASSWORD_PAGE : safeNext()));
            faces.responseComplete();
        } else if (status != AuthenticationStatus.SEND_CONTINUE) {
            ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
            Object throttled = ext.getRequestMap().get(PortalAuthentication.THROTTLED);
            Object busy = ext.getRequestMap().get(PortalAuthentication.BUSY);
            Object wait = throttled != null ? throttled : busy;
            if (wait != null) {
                ext.setResponseStatus(429);
                ext.setResponseHeader("Retry-After", wait.toString());
            }
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    msg.getString(throttled != null ? "login.throttled" : busy != null ? "login.busy" : "login.failed"), null));
        } else {
            faces.responseComplete();
        }
    }

    public void logout() throws IOException, jakarta.servlet.ServletException {
        ExternalContext ext = faces.getExternalContext();
        String caller = ext.getRemoteUser();
        if (caller != null) {
            try {
                accounts.audited(caller, "logout", "page");
            } catch (RuntimeException e) {
                // the logout goes on: an audit entry lost while the database is down is no reason to stay signed in
                java.util.logging.Logger.getLogger(LoginPage.class.getName())
                        .warning(() -> "a logout could not be audited (" + e.getClass().getSimpleName() + ")");
            }
        }
        ((HttpServletRequest) ext.getRequest()).logout();
        ext.invalidateSession();
        ext.redirect(ext.getRequestContextPath() + "/");
    }

    /** Control characters, plain or percent-encoded (%00–%1f, %7f), which have no place in a path to return to. */
    private static final java.util.regex.Pattern CONTROL =
            java.util.regex.Pattern.compile("[\\x00-\\x1f\\x7f]|%[01][0-9a-fA-F]|%7[fF]");

    /**
     * Only local paths: never redirect a user to another site after login, nor with control
     * characters (CR/LF, TAB, also percent-encoded: a header split or a path that tricks a browser).
     * Partners start at their page.
     */
    String safeNext() {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || CONTROL.matcher(next).find()) {
            return faces != null && faces.getExternalContext().isUserInRole("partner") ? "/partner/" : "/staff/";
        }
        return next;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
