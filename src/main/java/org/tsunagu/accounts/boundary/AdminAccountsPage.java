package org.tsunagu.accounts.boundary;

import org.tsunagu.calendar.control.JapanTime;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import org.tsunagu.accounts.control.Accounts;
import org.tsunagu.accounts.control.Caller;
import org.tsunagu.accounts.control.Partners;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.accounts.entity.PartnerOrganisation;
import org.tsunagu.accounts.entity.Role;
import org.tsunagu.areas.control.Centers;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.audit.control.Audit;
import org.tsunagu.web.PageTransaction;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.io.IOException;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * アカウントの管理 (/admin/accounts, admins only): who may sign in, with what role and for which
 * center or organisation; creating an account, disabling and enabling it, and setting a new
 * initial password. The rules are the API's ({@link Accounts}: password policy, role and scope,
 * unique username) and every change is audited as the API audits it. An initial password is
 * known to the admin, so by default the holder must replace it at the first login.
 */
@Named
@RequestScoped
public class AdminAccountsPage {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(JapanTime.ZONE);

    /** One table line, with the texts already chosen. */
    public record Row(Account account, String role, String scope, String lockedUntil) {
    }

    @Inject
    Accounts accounts;

    @Inject
    Centers centers;

    @Inject
    Partners partners;

    @Inject
    Audit audit;

    @Inject
    PageTransaction transaction;

    @Inject
    Caller caller;

    @Inject
    org.tsunagu.accounts.control.LoginThrottle throttle;

    private String username;
    private String password;
    private String role;
    private String centerCode;
    private String partnerId;
    private String displayName;
    private String phone;
    /** Ticked on a new form: an initial password is known to the admin. */
    private boolean mustChangePassword = true;
    private String resetUsername;
    private String resetPassword;
    /** Which form failed, to show its problems beside it: "create", "state" or "reset". */
    private String failed;
    private final List<String> errors = new ArrayList<>();
    private List<Row> rows;

    @Transactional(Transactional.TxType.SUPPORTS)
    /**
     * Whether requests came through a proxy (X-Forwarded-For) while TSUNAGU_LOGIN_ADDRESS_HEADER is
     * unset: then every client counts as the proxy's address. Shown on the admin pages as a notice.
     */
    public boolean isProxyHeaderMissing() {
        return throttle.proxyHeaderMissing();
    }

    public List<Row> getRows() {
        if (rows == null) {
            Instant now = Instant.now();
            rows = accounts.all().stream().map(a -> new Row(a, roleLabel(a.getRole()), scope(a),
                    a.isLockedAt(now) ? WHEN.format(a.getLockedUntil()) : "")).toList();
        }
        return rows;
    }

    public List<Role> getRoles() {
        return List.of(Role.PARTNER, Role.STAFF, Role.CORE, Role.ADMIN);
    }

    public String roleLabel(Role r) {
        return text("admin.role." + r.code());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Center> getCenters() {
        return centers.all();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PartnerOrganisation> getPartners() {
        return partners.all();
    }

    /** 「アカウントを作成する」 */
    public void create() throws IOException {
        failed = "create";
        Role r = role == null ? null : Role.ofCode(role).orElse(null);
        if (r == null) {
            errors.add(text("admin.accounts.error.role"));
        }
        String user = username == null ? "" : username.strip();
        String name = blankToNull(displayName);
        String tel = blankToNull(phone);
        if (name != null && name.length() > 100 || tel != null && tel.length() > 40) {
            errors.add(text("admin.accounts.error.profile"));
        }
        if (!errors.isEmpty()) {
            return;
        }
        String actor = caller.actor();
        boolean force = mustChangePassword;
        try {
            transaction.run(() -> {
                Center center = r == Role.STAFF || r == Role.CORE ? centers.find(blank(centerCode)).orElse(null) : null;
                PartnerOrganisation partner = r == Role.PARTNER ? partnerOf(partnerId).orElse(null) : null;
                Account a = accounts.create(user, password, r, center, partner, force);
                if (name != null || tel != null) {
                    a.setProfile(name, tel);
                }
                audit.record(actor, "account.create", "account", a.getUsername(),
                        r.code() + (force ? " must change password" : ""));
            });
        } catch (ProblemException e) {
            problem(e, user);
            return;
        }
        redirect(text("admin.accounts.done.create", user));
    }

    /** 「無効にする」/「有効にする」 on a table line; the username and the wanted state come with the form. */
    public void changeState() throws IOException {
        failed = "state";
        Map<String, String> params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        String user = params.get("u");
        boolean enable = "enable".equals(params.get("to"));
        String actor = caller.actor();
        if (!enable && actor.equals(user)) {
            errors.add(text("admin.accounts.error.self"));
            return;
        }
        try {
            transaction.run(() -> {
                Account a = accounts.find(user).orElseThrow(() -> ProblemException.notFound(text("admin.accounts.error.unknown", user)));
                if (enable) {
                    accounts.enable(a);
                } else {
                    accounts.disable(a);
                }
                audit.record(actor, "account.update", "account", a.getUsername(), "enabled=" + enable);
            });
        } catch (ProblemException e) {
            problem(e, user);
            return;
        }
        redirect(text(enable ? "admin.accounts.done.enable" : "admin.accounts.done.disable", user));
    }

    /** 「初期パスワードを設定する」: a new password the holder must replace at the next login. */
    public void reset() throws IOException {
        failed = "reset";
        String user = resetUsername == null ? "" : resetUsername.strip();
        String actor = caller.actor();
        try {
            transaction.run(() -> {
                Account a = accounts.find(user).orElseThrow(() -> ProblemException.notFound(text("admin.accounts.error.unknown", user)));
                accounts.resetPassword(a, resetPassword);
                audit.record(actor, "account.update", "account", a.getUsername(), "password reset, must change password");
            });
        } catch (ProblemException e) {
            problem(e, user);
            return;
        }
        redirect(text("admin.accounts.done.reset", user));
    }

    private void problem(ProblemException e, String user) {
        if (e.status() == 409) {
            errors.add(text("admin.accounts.error.taken", user));
        } else if (e.errors().isEmpty()) {
            errors.add(e.getMessage());
        } else {
            e.errors().stream().map(FieldError::message).forEach(errors::add);
        }
    }

    private Optional<PartnerOrganisation> partnerOf(String id) {
        try {
            return id == null || id.isBlank() ? Optional.empty() : partners.find(Long.parseLong(id.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private String scope(Account a) {
        if (a.getCenter() != null) {
            return a.getCenter().getName();
        }
        if (a.getPartner() != null) {
            return a.getPartner().getName();
        }
        return "";
    }

    private static void redirect(String done) throws IOException {
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        ext.getFlash().put("done", done);
        ext.redirect(ext.getRequestContextPath() + "/admin/accounts");
    }

    private static String blank(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static boolean english() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getViewRoot() != null && "en".equals(faces.getViewRoot().getLocale().getLanguage());
    }

    static String text(String key, Object... args) {
        return org.tsunagu.web.PageText.of(key, args);
    }

    public List<String> getErrors() {
        return errors;
    }

    public String getFailed() {
        return failed;
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

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getCenterCode() {
        return centerCode;
    }

    public void setCenterCode(String centerCode) {
        this.centerCode = centerCode;
    }

    public String getPartnerId() {
        return partnerId;
    }

    public void setPartnerId(String partnerId) {
        this.partnerId = partnerId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public void setMustChangePassword(boolean mustChangePassword) {
        this.mustChangePassword = mustChangePassword;
    }

    public String getResetUsername() {
        return resetUsername;
    }

    public void setResetUsername(String resetUsername) {
        this.resetUsername = resetUsername;
    }

    public String getResetPassword() {
        return resetPassword;
    }

    public void setResetPassword(String resetPassword) {
        this.resetPassword = resetPassword;
    }
}
