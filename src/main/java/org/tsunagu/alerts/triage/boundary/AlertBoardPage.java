package org.tsunagu.alerts.triage.boundary;

import org.tsunagu.calendar.control.JapanTime;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tsunagu.accounts.control.Caller;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.accounts.entity.Role;
import org.tsunagu.alerts.control.AlertSla;
import org.tsunagu.alerts.control.AlertMail;
import org.tsunagu.alerts.triage.control.Triage;
import org.tsunagu.alerts.entity.Alert;
import org.tsunagu.alerts.entity.AlertStatus;
import org.tsunagu.alerts.entity.Anomaly;
import org.tsunagu.alerts.entity.Urgency;
import org.tsunagu.areas.control.Centers;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.problems.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * 通報ボード: what a center must look at next, most urgent and oldest first, with the time left
 * before the alert is escalated. The page re-reads itself every few seconds (board.js), so a new
 * alert appears without anyone reloading. Only towns are shown here; names and addresses are on
 * the audited detail page.
 */
@Named
@RequestScoped
public class AlertBoardPage {

    /** Rows on the board (TSUNAGU_BOARD_SIZE); what does not fit is counted as 「ほか N 件」. */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "tsunagu.board.size", defaultValue = "300")
    int size;

    /** One row: no personal fields. {@code dueInMinutes} is negative once the deadline passed. */
    public record Row(long id, String receiptNo, String urgencyCode, String urgency, String anomalies, String town,
                      String center, String filedAt, String statusCode, String status, boolean awaiting,
                      long dueInMinutes, boolean escalated, String assignee) {

        public boolean isOverdue() {
            return awaiting && dueInMinutes < 0;
        }

        public long overdueMinutes() {
            return -dueInMinutes;
        }
    }

    @Inject
    Caller caller;

    @Inject
    Triage triage;

    @Inject
    Centers centers;

    @Inject
    AlertMail mail;

    private String show = "open";
    private String center;
    private String problem;
    private List<Row> rows;
    private long more;

    public List<Row> getRows() {
        if (rows == null) {
            rows = load();
        }
        return rows;
    }

    private List<Row> load() {
        Optional<Account> me = caller.find();
        if (me.isEmpty() || me.get().getCenter() == null) {
            problem = text("board.noCenter");
            return List.of();
        }
        AlertStatus status = "all".equals(show) || "open".equals(show) ? null
                : java.util.Arrays.stream(AlertStatus.values()).filter(s -> s.code().equals(show)).findFirst().orElse(null);
        Center only = center == null || center.isBlank() ? null : centers.find(center).orElse(null);
        try {
            AlertSla sla = mail.sla();
            Instant now = Instant.now();
            Triage.Board board = triage.board(me.get(), new Triage.Filter(only, status, null, "open".equals(show)),
                    Math.max(1, size));
            more = board.more();
            return board.alerts().stream().map(a -> row(a, sla, now)).toList();
        } catch (ProblemException e) {
            problem = e.getMessage();
            return List.of();
        }
    }

    static Row row(Alert a, AlertSla sla, Instant now) {
        boolean awaiting = a.getStatus().awaitsAcknowledgement();
        long due = Duration.between(now, sla.deadline(a.getUrgency(), a.awaitingSince())).toMinutes();
        return new Row(a.getId(), a.getReceiptNo(), a.getUrgency().code(), a.getUrgency().label(),
                a.getAnomalies().stream().sorted().map(Anomaly::label).collect(Collectors.joining("、")),
                a.getTown() == null ? "" : a.getTown().displayName(), a.getCenter().getName(),
                JapanTime.MINUTE.format(a.getFiledAt().atZone(JapanTime.ZONE)), a.getStatus().code(),
                text("alert.status." + a.getStatus().code()), awaiting, due, a.isEscalated(),
                a.getAssignee() == null ? "" : a.getAssignee());
    }

    /** Core staff choose a center of their municipality; staff only ever see their own. */
    public List<Center> getCenters() {
        return caller.find().filter(a -> a.getRole() == Role.CORE && a.getCenter() != null)
                .map(a -> centers.of(a.getCenter().getMunicipality())).orElse(List.of());
    }

    public String getUpdatedAt() {
        return java.time.format.DateTimeFormatter.ofPattern("H:mm:ss").format(JapanTime.now());
    }

    /** Alerts that match but did not fit on the board (0: all are shown). */
    public long getMore() {
        getRows();
        return more;
    }

    public long getAwaitingCount() {
        return getRows().stream().filter(Row::awaiting).count();
    }

    public String getCenterName() {
        return caller.find().map(Account::getCenter).map(Center::getName).orElse("");
    }

    public boolean isCore() {
        return caller.find().map(a -> a.getRole() == Role.CORE).orElse(false);
    }

    static String text(String key) {
        return org.tsunagu.web.PageText.of(key);
    }

    public String getProblem() {
        getRows();
        return problem;
    }

    public List<Urgency> getUrgencies() {
        return List.of(Urgency.values());
    }

    public String getShow() {
        return show;
    }

    public void setShow(String show) {
        this.show = show == null || !show.matches("[a-z_]{1,20}") ? "open" : show;
    }

    public String getCenter() {
        return center;
    }

    public void setCenter(String center) {
        this.center = center == null || center.length() > 64 ? null : center;
    }
}
