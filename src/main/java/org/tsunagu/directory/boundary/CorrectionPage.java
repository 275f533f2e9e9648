package org.tsunagu.directory.boundary;

import org.tsunagu.web.PageText;
import org.tsunagu.calendar.control.JapanTime;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.tsunagu.accounts.control.Caller;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.directory.control.Corrections;
import org.tsunagu.directory.control.ResourceEdits;
import org.tsunagu.directory.entity.Correction;
import org.tsunagu.directory.entity.Resource;
import org.tsunagu.directory.entity.ResourceStatus;
import org.tsunagu.problems.ProblemException;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Both ends of 「情報が違う・古い」: the resident's short form (/correction?resource=…, no login,
 * nothing personal asked) and the center's queue (/staff/corrections) where a report is closed
 * once the entry was put right.
 */
@Named
@RequestScoped
public class CorrectionPage {

    @Inject
    Corrections corrections;

    /** Resolves the client's address as the login throttle does (behind the balancer: the proxy header). */
    @Inject
    org.tsunagu.accounts.control.LoginThrottle throttle;

    @Inject
    ResourceEdits edits;

    @Inject
    Caller caller;

    private String resource;
    private String kind;
    private String message;
    private String correction;
    private String note;
    private Optional<Resource> target;

    /** ?resource= on a GET, the form's hidden fields on a post. */
    @jakarta.annotation.PostConstruct
    void readParameters() {
        var params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        resource = params.get("resource");
        correction = params.get("correction");
    }

    public Resource getTarget() {
        if (target == null) {
            target = edits.find(resource).filter(r -> r.getStatus() == ResourceStatus.PUBLISHED);
        }
        return target.orElse(null);
    }

    public void send() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        Correction.Kind k = kind == null ? null : Correction.Kind.ofCode(kind).orElse(null);
        if (k == null) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, PageText.of("correction.kind.missing"), null));
            return;
        }
        try {
            corrections.report(resource, k, message, throttle.address((HttpServletRequest) faces.getExternalContext().getRequest()));
        } catch (ProblemException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            return;
        }
        ExternalContext ext = faces.getExternalContext();
        ext.getFlash().put("done", PageText.of("correction.thanks"));
        ext.redirect(ext.getRequestContextPath() + "/resources/" + resource);
    }

    public List<Correction> getOpen() {
        return caller.find().map(corrections::open).orElse(List.of());
    }

    public void close() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        Optional<Account> me = caller.find();
        if (me.isEmpty()) {
            return;
        }
        try {
            corrections.close(me.get(), correction, note);
        } catch (ProblemException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            return;
        }
        ExternalContext ext = faces.getExternalContext();
        ext.getFlash().put("done", PageText.of("corrections.closed"));
        ext.redirect(ext.getRequestContextPath() + "/staff/corrections");
    }

    public String when(java.time.Instant at) {
        return at == null ? "" : JapanTime.MINUTE.format(at.atZone(JapanTime.ZONE));
    }

    public List<Correction.Kind> getKinds() {
        return List.of(Correction.Kind.values());
    }

    public String getResource() {
        return resource;
    }

    public void setResource(String resource) {
        this.resource = resource;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getCorrection() {
        return correction;
    }

    public void setCorrection(String correction) {
        this.correction = correction;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
