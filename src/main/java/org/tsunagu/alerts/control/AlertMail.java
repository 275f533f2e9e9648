package org.tsunagu.alerts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tsunagu.addresses.control.AreaLookup;
import org.tsunagu.alerts.entity.Alert;
import org.tsunagu.alerts.entity.AlertStatus;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.calendar.control.JapanTime;
import org.tsunagu.mail.Mail;
import org.tsunagu.notifications.control.Notifications;
import org.tsunagu.notifications.entity.Notification;

import java.time.Instant;
import java.util.List;

/**
 * The emails alerts send to centers, written into the notification outbox in the alert's own
 * transaction: "a new alert" to its center (or the core center when the center has no address),
 * and "not acknowledged in time" to the core center once an alert passes its acknowledgement
 * deadline ({@link AlertSla}). What an email says is decided here (受付番号, urgency, center, a
 * link — never who or where the person is); delivering it is the outbox's.
 */
@ApplicationScoped
public class AlertMail {

    @PersistenceContext
    EntityManager em;

    @Inject
    AreaLookup lookup;

    @Inject
    Notifications notifications;

    @Inject
    Mail mail;

    /** Writes the "new alert" email for the alert's center (or the core center when it has no address). */
    public Notification announce(Alert a) {
        Center to = a.getCenter();
        Center addressed = to;
        if (to.getEmail() == null && to.getMunicipality() != null) {
            addressed = lookup.coreCenter(to.getMunicipality()).filter(c -> c.getEmail() != null).orElse(to);
        }
        String subject = "【つなぐ】見守り通報 " + a.getReceiptNo() + "（" + a.getUrgency().label() + "）";
        String body = body(to.getName(), "見守り協定事業者から通報がありました。ポータルにログインして内容を確認してください。", a);
        return notifications.enqueue("new", addressed, addressed.getEmail(), subject, body, a.getId(), a.getReceiptNo(),
                priority(a));
    }

    @Inject
    @ConfigProperty(name = "tsunagu.sla.emergency", defaultValue = "PT10M")
    java.time.Duration slaEmergency;

    @Inject
    @ConfigProperty(name = "tsunagu.sla.urgent", defaultValue = "PT60M")
    java.time.Duration slaUrgent;

    /** The configured acknowledgement deadlines (TSUNAGU_SLA_EMERGENCY, TSUNAGU_SLA_URGENT). */
    public AlertSla sla() {
        return new AlertSla(slaEmergency, slaUrgent);
    }

    /**
     * Marks alerts that were not acknowledged within their SLA as escalated and writes an email to
     * the core center of their municipality (in the same transaction). Returns how many.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int escalateOverdue() {
        AlertSla sla = sla();
        Instant now = Instant.now();
        int escalated = 0;
        for (Alert a : em.createNamedQuery(Alert.FIND_AWAITING_ACKNOWLEDGEMENT, Alert.class)
                .setParameter("statuses", List.of(AlertStatus.RECEIVED,
                        AlertStatus.TRANSFERRED)).setMaxResults(200).getResultList()) {
            if (now.isAfter(sla.deadline(a.getUrgency(), a.getFiledAt())) && a.escalate(now)) {
                Center core = a.getCenter().getMunicipality() == null ? null
                        : lookup.coreCenter(a.getCenter().getMunicipality()).orElse(null);
                String subject = "【つなぐ】未確認の見守り通報 " + a.getReceiptNo() + "（" + a.getUrgency().label() + "）";
                String body = body(core == null ? "基幹型センター" : core.getName(),
                        "次の通報が、決められた時間内に担当センターで確認されていません。対応状況を確認してください。", a);
                notifications.enqueue("escalation", core == null ? a.getCenter() : core,
                        core == null ? null : core.getEmail(), subject, body, a.getId(), a.getReceiptNo(), priority(a));
                escalated++;
            }
        }
        return escalated;
    }

    /** An alert's emails go out by its urgency after an outage: emergencies first (V19 gave older rows the same). */
    static Notification.Priority priority(Alert a) {
        return switch (a.getUrgency()) {
            case EMERGENCY -> Notification.Priority.EMERGENCY;
            case URGENT -> Notification.Priority.URGENT;
            case INFO -> Notification.Priority.INFO;
        };
    }

    /** The email text: whom, why, and what identifies the alert — never who or where the person is. */
    private String body(String addressee, String why, Alert a) {
        return String.join("\n",
                addressee + " 御中",
                "",
                why,
                "",
                "受付番号: " + a.getReceiptNo(),
                "緊急度: " + a.getUrgency().label(),
                "担当センター: " + a.getCenter().getName(),
                "受付日時: " + JapanTime.MINUTE.format(a.getFiledAt()),
                "確認: " + mail.link("/staff/alerts"),
                "",
                "※ 個人情報保護のため、このメールには氏名・住所などを記載していません。");
    }
}
