package org.tsunagu.directory.boundary;

import org.tsunagu.calendar.control.JapanTime;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tsunagu.accounts.control.Caller;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.addresses.control.AreaLookup;
import org.tsunagu.areas.control.Centers;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.calendar.control.Recurrence;
import org.tsunagu.directory.control.ResourceEdits;
import org.tsunagu.calendar.control.ScheduleParser;
import org.tsunagu.directory.entity.Category;
import org.tsunagu.directory.entity.Resource;
import org.tsunagu.directory.entity.ResourceChange;
import org.tsunagu.calendar.entity.Schedule;
import org.tsunagu.problems.FieldError;
import org.tsunagu.problems.ProblemException;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The staff editor of one resource (/staff/resource?id=…, or a new one without id): every field
 * of the import format, a live preview of how the schedule text is understood, the address placed
 * on the map (geocoded to its town, then the pin can be dragged to the door), draft or published,
 * and a save that refuses to overwrite a colleague's newer version.
 */
@Named
@ViewScoped
public class ResourceEditorPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日（E）", Locale.JAPANESE);

    @Inject
    transient Caller caller;

    @Inject
    transient ResourceEdits edits;

    @Inject
    transient AreaLookup areas;

    @Inject
    transient Centers centers;

    private String id;
    private long version;
    private boolean published = true;
    private boolean conflict;
    private String verifiedAt;
    private Map<String, String> fields = new HashMap<>();

    @PostConstruct
    void load() {
        FacesContext faces = FacesContext.getCurrentInstance();
        String requested = faces.getExternalContext().getRequestParameterMap().get("id");
        if (requested == null || requested.isBlank()) {
            fields.put("home_visit", "false");
            return;
        }
        caller.find().ifPresent(me -> {
            try {
                Resource r = edits.editable(me, requested);
                fill(r);
            } catch (ProblemException e) {
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            }
        });
    }

    private void fill(Resource r) {
        id = Long.toString(r.getId());
        version = r.getVersion();
        fields = new HashMap<>(r.fields());
        published = r.isPublished();
        verifiedAt = r.getVerifiedAt() == null ? null : JapanTime.MINUTE.format(r.getVerifiedAt().atZone(JapanTime.ZONE));
    }

    /** 保存: all or nothing; field mistakes are listed, a newer version is a conflict, never overwritten. */
    public void save() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        Optional<Account> me = caller.find();
        if (me.isEmpty()) {
            return;
        }
        Map<String, String> input = new HashMap<>();
        fields.forEach((k, v) -> input.put(k, v == null ? "" : v.strip()));
        input.remove("status");
        try {
            Resource saved = id == null ? edits.create(me.get(), input, published, List.of())
                    : edits.update(me.get(), id, version, input, published);
            ExternalContext ext = faces.getExternalContext();
            ext.getFlash().put("done", text("editor.saved"));
            ext.redirect(ext.getRequestContextPath() + "/staff/resource?id=" + saved.getId());
        } catch (ProblemException e) {
            conflict = e.status() == 409;
            if (e.errors().isEmpty()) {
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        conflict ? text("editor.conflict") : e.getMessage(), null));
            }
            for (FieldError f : e.errors()) {
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, label(f.field()) + ": " + f.message(), null));
            }
        } catch (RuntimeException e) {
            if (isOptimisticLock(e)) {
                conflict = true;
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text("editor.conflict"), null));
            } else {
                throw e;
            }
        }
    }

    private static boolean isOptimisticLock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    /** 「最新の内容を読み込む」 after a conflict: what the colleague saved (the typed changes are dropped). */
    public void reload() throws IOException {
        ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
        ext.redirect(ext.getRequestContextPath() + "/staff/resource?id=" + id);
    }

    /** 「内容を確認しました」. */
    public void verify() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        caller.find().ifPresent(me -> {
            try {
                edits.verify(me, id);
                faces.getExternalContext().getFlash().put("done", text("editor.verified"));
            } catch (ProblemException e) {
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            }
        });
        if (faces.getMessageList().isEmpty()) {
            ExternalContext ext = faces.getExternalContext();
            ext.redirect(ext.getRequestContextPath() + "/staff/resource?id=" + id);
        }
    }

    /** 掲載をやめる (archive): gone from the portal, kept with its history. */
    public void archive() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        Optional<Account> me = caller.find();
        if (me.isEmpty()) {
            return;
        }
        try {
            edits.archive(me.get(), id);
        } catch (ProblemException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            return;
        }
        ExternalContext ext = faces.getExternalContext();
        ext.getFlash().put("done", text("editor.archived"));
        ext.redirect(ext.getRequestContextPath() + "/staff/resources");
    }

    /** 「地図の位置を住所から求める」: the town's point of the address; the pin can then be dragged. */
    public void geocode() {
        FacesContext faces = FacesContext.getCurrentInstance();
        String address = fields.get("address");
        AreaLookup.Result r = address == null || address.isBlank() ? null : areas.lookup(address, null);
        if (r == null || r.point().isEmpty()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, text("editor.geocode.none"), null));
            return;
        }
        fields.put("lat", String.format(Locale.ROOT, "%.6f", r.point().get().lat()));
        fields.put("lon", String.format(Locale.ROOT, "%.6f", r.point().get().lon()));
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                text("editor.geocode.done").replace("{0}", r.town().displayName()), null));
    }

    /** How the schedule text is understood: the next dates, or why it stays text. */
    public String getSchedulePreview() {
        String text = fields.get("schedule");
        if (text == null || text.isBlank()) {
            return "";
        }
        Schedule s = new ScheduleParser().parse(text);
        if (!s.isParsed()) {
            return text("editor.schedule.irregular") + (s.warning() == null ? "" : "（" + s.warning() + "）");
        }
        List<LocalDate> next = Recurrence.of(s).nextDates(LocalDate.now(JapanTime.ZONE), 5);
        return next.isEmpty() ? text("editor.schedule.none")
                : text("editor.schedule.next") + String.join("、", next.stream().map(DAY::format).toList());
    }

    public List<ResourceChange> getHistory() {
        if (id == null) {
            return List.of();
        }
        return caller.find().map(me -> edits.history(me, id)).orElse(List.of());
    }

    public String when(java.time.Instant at) {
        return at == null ? "" : JapanTime.MINUTE.format(at.atZone(JapanTime.ZONE));
    }

    public String label(String field) {
        String key = "field." + field;
        FacesContext faces = FacesContext.getCurrentInstance();
        var bundle = faces.getApplication().getResourceBundle(faces, "msg");
        return bundle.containsKey(key) ? bundle.getString(key) : field;
    }

    /** The plain text fields, in the order of the form (the import format's columns). */
    public List<String> getTextFields() {
        return TEXT_FIELDS;
    }

    static final List<String> TEXT_FIELDS = List.of("name_kana", "postal_code", "phone", "url", "email", "cost",
            "reservation", "target", "accessibility", "departments", "organizer", "external_id");

    public List<Category> getCategories() {
        return List.of(Category.values());
    }

    public List<Center> getCenters() {
        return caller.find().filter(a -> a.getCenter() != null).map(a -> centers.of(a.getCenter().getMunicipality())).orElse(List.of());
    }

    public Map<String, String> getLabels() {
        Map<String, String> m = new LinkedHashMap<>();
        fields.keySet().forEach(k -> m.put(k, label(k)));
        return m;
    }

    static String text(String key) {
        return org.tsunagu.web.PageText.of(key);
    }

    public Map<String, String> getFields() {
        return fields;
    }

    public String getId() {
        return id;
    }

    public boolean isNew() {
        return id == null;
    }

    public long getVersion() {
        return version;
    }

    public boolean isPublished() {
        return published;
    }

    public void setPublished(boolean published) {
        this.published = published;
    }

    public boolean isConflict() {
        return conflict;
    }

    public String getVerifiedAt() {
        return verifiedAt;
    }

    public boolean isHomeVisit() {
        return "true".equals(fields.get("home_visit"));
    }

    public void setHomeVisit(boolean homeVisit) {
        fields.put("home_visit", Boolean.toString(homeVisit));
    }
}
