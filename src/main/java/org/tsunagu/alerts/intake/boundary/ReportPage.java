package org.tsunagu.alerts.intake.boundary;

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
import org.tsunagu.alerts.intake.control.AlertFiling;
import org.tsunagu.alerts.entity.Alert;
import org.tsunagu.alerts.entity.Anomaly;
import org.tsunagu.alerts.entity.PersonSeen;
import org.tsunagu.alerts.entity.Report;
import org.tsunagu.alerts.entity.Urgency;
import org.tsunagu.addresses.control.AreaLookup;
import org.tsunagu.areas.control.Centers;
import org.tsunagu.areas.entity.GeoPoint;

import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The partner's report form (/partner/report): filled in on a phone in under a minute, checked,
 * confirmed, then filed. The idempotency key is made when the form is first shown and travels with
 * every post of it, so a double tap, a reload of the confirmation or a resend on a flaky connection
 * files one alert: the second attempt finds the first and shows its receipt.
 */
@Named
@ViewScoped
public class ReportPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ReportPage.class.getName());
    static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Inject
    transient Caller caller;

    @Inject
    transient AlertFiling filing;

    @Inject
    transient Centers centers;

    @Inject
    transient AreaLookup areas;

    private String key;
    private boolean confirming;
    private String urgency;
    private List<String> anomalies = new ArrayList<>();
    private String otherAnomaly;
    private String address;
    private String placeNote;
    private String lat;
    private String lon;
    private String observedAt;
    private String personName;
    private String personAge;
    private String personSex;
    private String personDescription;
    private String details;
    private String reporterName;
    private String reporterPhone;

    @PostConstruct
    void start() {
        key = UUID.randomUUID().toString();
        observedAt = LocalDateTime.now(JapanTime.ZONE).truncatedTo(ChronoUnit.MINUTES).format(LOCAL_INPUT);
        caller.find().ifPresent(a -> {
            reporterName = a.getDisplayName();
            reporterPhone = a.getPhone() != null ? a.getPhone()
                    : a.getPartner() == null ? null : a.getPartner().getContactPhone();
        });
    }

    /** 「確認画面へ」: checks everything at once; the form stays as typed when something is missing. */
    public void review() {
        if (showProblems(report())) {
            confirming = true;
        }
    }

    /** 「修正する」 on the confirmation step. */
    public void edit() {
        confirming = false;
    }

    /** 「この内容で送信する」: files once, then shows the receipt (a GET, so a reload is harmless). */
    public void send() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        Report report = report();
        if (!showProblems(report)) {
            confirming = false;
            return;
        }
        Optional<Alert> filed = file(report);
        if (filed.isEmpty()) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    refused != null ? refused : text("report.failed"), null));
            return;
        }
        ExternalContext ext = faces.getExternalContext();
        ext.getFlash().put("filedNow", Boolean.TRUE);
        ext.redirect(ext.getRequestContextPath() + "/partner/receipt?no="
                + URLEncoder.encode(filed.get().getReceiptNo(), StandardCharsets.UTF_8));
    }

    /**
     * The alert filed with this form's key: new, or the one an earlier tap of the same form filed
     * (intake's {@link AlertFiling}, the same rule as the API's). Empty when it could not be filed.
     */
    /** Why the last send was refused when it was a limit (429), shown instead of 「送信できませんでした」. */
    private transient String refused;

    Optional<Alert> file(Report report) {
        try {
            String username = caller.username().orElseThrow();
            return Optional.of(filing.file(username, key, () -> report).alert());
        } catch (org.tsunagu.problems.ProblemException e) {
            // over the organisation's hourly limit: the page says so in the limit's words
            refused = e.status() == 429 ? e.getMessage() : null;
            return Optional.empty();
        } catch (RuntimeException e) {
            // the page says so and the partner sends again: the same key never files a second alert
            LOG.fine(() -> "alert form could not file: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** The form as a report; fields that cannot be read (a mistyped date) are left empty and reported. */
    Report report() {
        Set<Anomaly> chosen = EnumSet.noneOf(Anomaly.class);
        anomalies.forEach(code -> Anomaly.ofCode(code).ifPresent(chosen::add));
        PersonSeen person = trim(personName) == null && trim(personAge) == null && trim(personSex) == null
                && trim(personDescription) == null ? null
                : new PersonSeen(trim(personName), trim(personAge), trim(personSex), trim(personDescription));
        return new Report(key, trim(address), trim(placeNote), point(), observed(), Urgency.ofCode(urgency).orElse(null),
                chosen, trim(otherAnomaly), person, trim(details), trim(reporterName), trim(reporterPhone));
    }

    private boolean showProblems(Report report) {
        FacesContext faces = FacesContext.getCurrentInstance();
        Map<String, String> problems = new java.util.LinkedHashMap<>(report.problems(Instant.now()));
        if (trim(observedAt) != null && report.observedAt() == null) {
            problems.put("observedAt", text("report.observedAt.invalid"));
        }
        problems.forEach((field, message) -> faces.addMessage("report:" + field,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null)));
        return problems.isEmpty();
    }

    private GeoPoint point() {
        try {
            double la = Double.parseDouble(lat);
            double lo = Double.parseDouble(lon);
            return la >= -90 && la <= 90 && lo >= -180 && lo <= 180 ? new GeoPoint(la, lo) : null;
        } catch (NullPointerException | NumberFormatException e) {
            return null;
        }
    }

    private Instant observed() {
        String text = trim(observedAt);
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.length() > 16 ? text.substring(0, 16) : text, LOCAL_INPUT).atZone(JapanTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String text(String key) {
        return org.tsunagu.web.PageText.of(key);
    }

    // --- what the page shows ---------------------------------------------------------------------

    public List<Urgency> getUrgencies() {
        return List.of(Urgency.values());
    }

    public List<Anomaly> getAnomalyChoices() {
        return List.of(Anomaly.values());
    }

    /** Town names of the partner's municipality for the address field's suggestions. */
    public List<String> getTowns() {
        return caller.find().map(Account::getPartner).map(p -> centers.townNames(p.getMunicipality())).orElse(List.of());
    }

    /** Where the optional map opens: the core center of the partner's municipality. */
    public GeoPoint getMapCenter() {
        return caller.find().map(Account::getPartner).flatMap(p -> areas.coreCenter(p.getMunicipality()))
                .map(c -> c.getPoint()).orElse(null);
    }

    public String getUrgencyLabel() {
        return Urgency.ofCode(urgency).map(Urgency::label).orElse("");
    }

    public List<String> getAnomalyLabels() {
        List<String> labels = new ArrayList<>();
        for (Anomaly a : Anomaly.values()) {
            if (anomalies.contains(a.code())) {
                labels.add(a == Anomaly.OTHER && trim(otherAnomaly) != null ? a.label() + "（" + otherAnomaly.strip() + "）" : a.label());
            }
        }
        return labels;
    }

    public String getObservedLabel() {
        Instant at = observed();
        return at == null ? "" : DateTimeFormatter.ofPattern("M月d日 H時mm分").format(at.atZone(JapanTime.ZONE));
    }

    public boolean isLocated() {
        return point() != null;
    }

    public boolean isConfirming() {
        return confirming;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        // the key the page was shown with comes back; a forged or empty one never replaces it
        if (key != null && key.matches("[0-9a-f-]{36}")) {
            this.key = key;
        }
    }

    public String getUrgency() {
        return urgency;
    }

    public void setUrgency(String urgency) {
        this.urgency = urgency;
    }

    public List<String> getAnomalies() {
        return anomalies;
    }

    public void setAnomalies(List<String> anomalies) {
        this.anomalies = anomalies == null ? new ArrayList<>() : new ArrayList<>(anomalies);
    }

    public String getOtherAnomaly() {
        return otherAnomaly;
    }

    public void setOtherAnomaly(String otherAnomaly) {
        this.otherAnomaly = otherAnomaly;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPlaceNote() {
        return placeNote;
    }

    public void setPlaceNote(String placeNote) {
        this.placeNote = placeNote;
    }

    public String getLat() {
        return lat;
    }

    public void setLat(String lat) {
        this.lat = lat;
    }

    public String getLon() {
        return lon;
    }

    public void setLon(String lon) {
        this.lon = lon;
    }

    public String getObservedAt() {
        return observedAt;
    }

    public void setObservedAt(String observedAt) {
        this.observedAt = observedAt;
    }

    public String getPersonName() {
        return personName;
    }

    public void setPersonName(String personName) {
        this.personName = personName;
    }

    public String getPersonAge() {
        return personAge;
    }

    public void setPersonAge(String personAge) {
        this.personAge = personAge;
    }

    public String getPersonSex() {
        return personSex;
    }

    public void setPersonSex(String personSex) {
        this.personSex = personSex;
    }

    public String getPersonDescription() {
        return personDescription;
    }

    public void setPersonDescription(String personDescription) {
        this.personDescription = personDescription;
    }

    public String getDetails() {
        return details;
    }

    public void setDetails(String details) {
        this.details = details;
    }

    public String getReporterName() {
        return reporterName;
    }

    public void setReporterName(String reporterName) {
        this.reporterName = reporterName;
    }

    public String getReporterPhone() {
        return reporterPhone;
    }

    public void setReporterPhone(String reporterPhone) {
        this.reporterPhone = reporterPhone;
    }
}
