package org.tsunagu.audit.boundary;

import org.tsunagu.calendar.control.JapanTime;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import jakarta.inject.Provider;
import org.tsunagu.audit.control.AuditScope;
import org.tsunagu.audit.control.AuditLog;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * 監査ログ (/staff/audit, core and admin only — web.xml): who read or changed which alert and when,
 * newest first, filtered by day, user and action. Shows identifiers and 受付番号, never an alert's
 * personal fields. A mistake in the form is explained in Japanese above the form.
 */
@Named
@RequestScoped
public class AuditPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(JapanTime.ZONE);

    /** One table line. */
    public record Line(String at, String actor, String action, String target, String receiptNo, String detail) {
    }

    /** A choice of the action filter. */
    public record Action(String code, String label, boolean selected) {
    }

    @Inject
    AuditLog log;

    /** Made by accounts for the calling account (the audit feature knows no accounts). */
    @Inject
    Provider<AuditScope> scope;

    private final List<String> errors = new ArrayList<>();
    private Map<String, String> params;
    private AuditLog.Page result;
    private List<String> actions = List.of();

    @Transactional
    public void load() {
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        params = ext.getRequestParameterMap();
        try {
            actions = log.actions();
            result = log.find(scope.get(), AuditLog.Filter.parse(value("from"), value("to"), value("actor"), value("action"),
                    value("page"), "50"));
        } catch (ProblemException e) {
            if (e.errors().isEmpty()) {
                errors.add(e.getMessage());
            }
            e.errors().stream().map(FieldError::message).forEach(errors::add);
        }
    }

    /** The submitted value of a form field, for echoing it. */
    public String value(String name) {
        String v = params == null ? null : params.get(name);
        return v == null ? "" : v;
    }

    public List<String> getErrors() {
        return errors;
    }

    public boolean isShown() {
        return result != null;
    }

    public List<Action> getActions() {
        String chosen = value("action");
        return actions.stream().map(a -> new Action(a, label(a), a.equals(chosen))).toList();
    }

    public List<Line> getLines() {
        if (result == null) {
            return List.of();
        }
        return result.entries().stream().map(e -> new Line(WHEN.format(e.event().getOccurredAt()), e.event().getActor(),
                label(e.event().getAction()), e.event().getTargetType() + (e.event().getTargetId() == null ? "" : " " + e.event().getTargetId()),
                e.receiptNo() == null ? "" : e.receiptNo(), e.event().getDetail() == null ? "" : e.event().getDetail())).toList();
    }

    public long getTotal() {
        return result == null ? 0 : result.total();
    }

    public long getFirst() {
        return result == null || result.total() == 0 ? 0 : (long) result.page() * result.size() + 1;
    }

    public long getLast() {
        return result == null ? 0 : (long) result.page() * result.size() + result.entries().size();
    }

    public boolean isHasPrevious() {
        return result != null && result.page() > 0;
    }

    public boolean isHasNext() {
        return result != null && getLast() < result.total();
    }

    public String pageLink(int delta) {
        int page = result == null ? 0 : Math.max(0, result.page() + delta);
        StringBuilder b = new StringBuilder(FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath())
                .append("/staff/audit?page=").append(page);
        for (String name : new String[]{"from", "to", "actor", "action"}) {
            if (!value(name).isBlank()) {
                b.append('&').append(name).append('=').append(URLEncoder.encode(value(name), StandardCharsets.UTF_8));
            }
        }
        return b.toString();
    }

    /** The action in words (bundle key audit.action.&lt;code&gt;), or its code when there are none. */
    String label(String code) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle msg = faces.getApplication().getResourceBundle(faces, "msg");
        String key = "audit.action." + code;
        return msg != null && msg.containsKey(key) ? msg.getString(key) : code;
    }
}
