package org.tsunagu.alerts.triage.boundary;

import org.tsunagu.web.PageText;
import org.tsunagu.calendar.control.JapanTime;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tsunagu.accounts.control.Caller;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.alerts.triage.control.Triage;
import org.tsunagu.alerts.entity.Alert;
import org.tsunagu.alerts.entity.AlertEvent;
import org.tsunagu.alerts.entity.IllegalTransitionException;
import org.tsunagu.alerts.entity.Outcome;
import org.tsunagu.areas.control.Centers;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * One alert for the center: the personal fields (the read is audited), the timeline, and the
 * actions — 確認, 担当者, 対応記録, 転送, 対応完了. Each action posts, is applied all or nothing
 * through {@link Triage}, and returns to the page by a redirect so a reload repeats nothing.
 */
@Named
@RequestScoped
public class AlertDetailPage {

    /** Kinds of action taken, offered as the start of a note (the text stays free). */
    static final List<String> NOTE_KINDS = List.of("訪問", "安否確認", "電話連絡", "家族連絡", "警察連絡", "救急要請",
            "ケアマネ・事業所連絡", "見守り継続", "その他");

    @Inject
    Caller caller;

    @Inject
    Triage triage;

    @Inject
    Centers centers;

    private String id;
    private Optional<Alert> alert;
    private String noteKind;
    private String note;
    private String assignee;
    private String toCenter;
    private String outcome;

    /** The id comes as ?id= on a GET and as the forms' hidden id on a post. */
    @jakarta.annotation.PostConstruct
    void readId() {
        setId(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id"));
    }

    public Alert getAlert() {
        if (alert == null) {
            alert = caller.find().flatMap(m -> triage.read(m, id));
        }
        return alert.orElse(null);
    }

    public boolean isActionable() {
        Alert a = getAlert();
        return a != null && caller.find().map(m -> m.mayActFor(a.getCenter())).orElse(false);
    }

    public List<AlertEvent> getEvents() {
        Alert a = getAlert();
        return a == null ? List.of() : a.getEvents();
    }

    public String when(java.time.Instant at) {
        return at == null ? "" : JapanTime.MINUTE.format(at.atZone(JapanTime.ZONE));
    }

    public String eventLabel(AlertEvent e) {
        return PageText.of("alert.event." + e.getType().code());
    }

    public void acknowledge() throws IOException {
        apply(new Triage.Action("acknowledge", null, null, null, null), "alert.done.acknowledge");
    }

    public void assign() throws IOException {
        apply(new Triage.Action("assign", null, blankToNull(assignee), null, null), "alert.done.assign");
    }

    public void addNote() throws IOException {
        String text = blankToNull(note);
        String kind = NOTE_KINDS.contains(noteKind) ? noteKind : null;
        apply(new Triage.Action("note", kind == null ? text : text == null ? kind : "【" + kind + "】" + text, null, null, null),
                "alert.done.note");
    }

    public void transfer() throws IOException {
        apply(new Triage.Action("transfer", blankToNull(note), null, blankToNull(toCenter), null), "alert.done.transfer");
    }

    public void resolve() throws IOException {
        apply(new Triage.Action("resolve", blankToNull(note), null, null, blankToNull(outcome)), "alert.done.resolve");
    }

    private void apply(Triage.Action action, String done) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        Optional<Account> me = caller.find();
        if (me.isEmpty()) {
            return;
        }
        try {
            triage.act(me.get(), id, action);
        } catch (IllegalTransitionException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, PageText.of("alert.illegal"), null));
            return;
        } catch (ProblemException e) {
            String message = e.errors().isEmpty() ? e.getMessage()
                    : String.join(" / ", e.errors().stream().map(FieldError::message).toList());
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
            return;
        }
        ExternalContext ext = faces.getExternalContext();
        ext.getFlash().put("done", PageText.of(done));
        ext.redirect(ext.getRequestContextPath() + "/staff/alert?id=" + id);
    }

    public List<Center> getTransferTargets() {
        Alert a = getAlert();
        return a == null || a.getCenter().getMunicipality() == null ? List.of()
                : centers.of(a.getCenter().getMunicipality()).stream().filter(c -> !c.getCode().equals(a.getCenter().getCode())).toList();
    }

    public List<Outcome> getOutcomes() {
        return List.of(Outcome.values());
    }

    public List<String> getNoteKinds() {
        return NOTE_KINDS;
    }

    public String getMyName() {
        return caller.find().map(a -> a.getDisplayName() != null ? a.getDisplayName() : a.getUsername()).orElse("");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id != null && id.matches("[0-9]{1,18}") ? id : null;
    }

    public String getNoteKind() {
        return noteKind;
    }

    public void setNoteKind(String noteKind) {
        this.noteKind = noteKind;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    public String getToCenter() {
        return toCenter;
    }

    public void setToCenter(String toCenter) {
        this.toCenter = toCenter;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }
}
