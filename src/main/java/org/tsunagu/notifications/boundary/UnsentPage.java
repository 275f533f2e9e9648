package org.tsunagu.notifications.boundary;

import org.tsunagu.web.PageText;
import org.tsunagu.calendar.control.JapanTime;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tsunagu.accounts.control.Caller;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.accounts.entity.Role;
import org.tsunagu.notifications.control.Notifications;
import org.tsunagu.notifications.entity.Notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * 「未送信」: emails about alerts that could not be delivered yet, for core staff (their
 * municipality) and admins (all). The worker keeps retrying them; this list is how a person notices
 * that a center did not hear about an alert and phones them instead. Above it, the size and age of the
 * whole backlog (also what is due and not yet tried), so a long outage shows how far behind the outbox is.
 */
@Named
@RequestScoped
public class UnsentPage {

    /** One undelivered email: what it was about and why it failed — no personal data. */
    public record Line(long id, String receiptNo, Long alertId, String kind, String center, int attempts,
                       String lastError, String createdAt, String nextAttemptAt) {
    }

    @Inject
    Caller caller;

    @Inject
    Notifications notifications;

    /** The page's 「今すぐ再送」 is audited like the API's POST …/retry. */
    @Inject
    org.tsunagu.audit.control.Audit audit;

    private List<Line> lines;
    private Notifications.Backlog backlog;

    public List<Line> getLines() {
        if (lines == null) {
            lines = caller.find().filter(UnsentPage::allowed).map(this::load).orElse(List.of());
        }
        return lines;
    }

    /** What the outbox has not delivered yet, of the caller's municipality (admins: all); empty for others. */
    public Notifications.Backlog getBacklog() {
        if (backlog == null) {
            backlog = caller.find().filter(UnsentPage::allowed)
                    .map(me -> notifications.backlog(me.getRole() == Role.ADMIN ? null : me.getCenter().getMunicipality()))
                    .orElse(new Notifications.Backlog(0, null));
        }
        return backlog;
    }

    /** When the oldest undelivered notification was written (Japan time), or empty. */
    public String getBacklogOldest() {
        Instant oldest = getBacklog().oldest();
        return oldest == null ? "" : JapanTime.MINUTE.format(oldest.atZone(JapanTime.ZONE));
    }

    /** How many minutes the oldest undelivered notification has waited. */
    public long getBacklogMinutes() {
        Instant oldest = getBacklog().oldest();
        return oldest == null ? 0 : Math.max(0, java.time.Duration.between(oldest, Instant.now()).toMinutes());
    }

    public boolean isAllowed() {
        return caller.find().map(UnsentPage::allowed).orElse(false);
    }

    private static boolean allowed(Account a) {
        return a.getRole() == Role.ADMIN || a.getRole() == Role.CORE;
    }

    private List<Line> load(Account me) {
        List<Notification> list = me.getRole() == Role.ADMIN ? notifications.unsent()
                : notifications.unsent(me.getCenter().getMunicipality());
        return list.stream().map(UnsentPage::line).toList();
    }

    /** 「今すぐ再送」: due at once; the worker sends it within its interval. */
    @jakarta.transaction.Transactional
    public void retry() throws java.io.IOException {
        var ext = FacesContext.getCurrentInstance().getExternalContext();
        String id = ext.getRequestParameterMap().get("notification");
        Optional<Account> me = caller.find().filter(UnsentPage::allowed);
        if (me.isPresent() && id != null && id.matches("[0-9]{1,18}")) {
            notifications.find(Long.parseLong(id))
                    .filter(n -> n.getSentAt() == null)
                    .filter(n -> me.get().getRole() == Role.ADMIN || me.get().mayActFor(n.getCenter()))
                    .ifPresent(n -> {
                        notifications.retryNow(n);
                        audit.record(me.get().getUsername(), "notification.retry", "notification", Long.toString(n.getId()), null);
                        ext.getFlash().put("done", PageText.of("unsent.retried"));
                    });
        }
        ext.redirect(ext.getRequestContextPath() + "/staff/unsent");
    }

    /**
     * The mail server's answer without the Java class names the stored text starts with
     * ({@code MailConnectException: Couldn't connect …} → {@code Couldn't connect …}): staff read
     * what went wrong, not how the code is built.
     */
    static String readable(String lastError) {
        return lastError == null ? "" : lastError.replaceAll("\\b[A-Za-z0-9_$.]*(?:Exception|Error): ", "").strip();
    }

    static Line line(Notification n) {
        String error = readable(n.getLastError());
        return new Line(n.getId(), n.getLabel(), n.getAlertId(),
                PageText.of("unsent.kind." + n.getKind()), n.getCenter() == null ? "" : n.getCenter().getName(), n.getAttempts(),
                error.length() > 200 ? error.substring(0, 200) + "…" : error,
                JapanTime.MINUTE.format(n.getCreatedAt().atZone(JapanTime.ZONE)),
                JapanTime.MINUTE.format(n.getNextAttemptAt().atZone(JapanTime.ZONE)));
    }
}
