package org.tsunagu.alerts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tsunagu.alerts.entity.Alert;
import org.tsunagu.alerts.entity.Notification;
import org.tsunagu.areas.control.AreaLookup;
import org.tsunagu.areas.entity.Center;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The notification outbox of alerts: {@link #announce} writes the email in the alert's own
 * transaction; {@link #deliverDue} (called by the worker) sends what is due through Jakarta Mail,
 * records every attempt and backs off on failure. Emails carry the receipt number, urgency, center
 * and a link, never personal data, and logs name only receipt numbers.
 */
@ApplicationScoped
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class.getName());
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm").withZone(ZoneId.of("Asia/Tokyo"));

    @PersistenceContext
    EntityManager em;

    @Inject
    AreaLookup lookup;

    @Inject
    @ConfigProperty(name = "tsunagu.smtp.host", defaultValue = "127.0.0.1")
    String host;

    @Inject
    @ConfigProperty(name = "tsunagu.smtp.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "tsunagu.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "tsunagu.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "tsunagu.smtp.starttls", defaultValue = "false")
    boolean starttls;

    @Inject
    @ConfigProperty(name = "tsunagu.mail.from", defaultValue = "tsunagu@localhost")
    String from;

    @Inject
    @ConfigProperty(name = "tsunagu.base.url", defaultValue = "http://127.0.0.1:8080")
    String baseUrl;

    /** Writes the "new alert" email for the alert's center (or the core center when it has no address). */
    public Notification announce(Alert a) {
        Center to = a.getCenter();
        String recipient = to.getEmail();
        if (recipient == null && to.getMunicipality() != null) {
            recipient = lookup.coreCenter(to.getMunicipality()).map(Center::getEmail).orElse(null);
        }
        String subject = "【つなぐ】見守り通報 " + a.getReceiptNo() + "（" + a.getUrgency().label() + "）";
        String body = body(to.getName(), "見守り協定事業者から通報がありました。ポータルにログインして内容を確認してください。", a);
        Notification n = new Notification(a, "new", recipient, subject, body, Instant.now());
        em.persist(n);
        return n;
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
                .setParameter("statuses", List.of(org.tsunagu.alerts.entity.AlertStatus.RECEIVED,
                        org.tsunagu.alerts.entity.AlertStatus.TRANSFERRED)).setMaxResults(200).getResultList()) {
            if (now.isAfter(sla.deadline(a.getUrgency(), a.getFiledAt())) && a.escalate(now)) {
                Center core = a.getCenter().getMunicipality() == null ? null
                        : lookup.coreCenter(a.getCenter().getMunicipality()).orElse(null);
                String subject = "【つなぐ】未確認の見守り通報 " + a.getReceiptNo() + "（" + a.getUrgency().label() + "）";
                String body = body(core == null ? "基幹型センター" : core.getName(),
                        "次の通報が、決められた時間内に担当センターで確認されていません。対応状況を確認してください。", a);
                em.persist(new Notification(a, "escalation", core == null ? null : core.getEmail(), subject, body, now));
                escalated++;
            }
        }
        return escalated;
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
                "受付日時: " + WHEN.format(a.getFiledAt()),
                "確認: " + baseUrl.replaceAll("/+$", "") + "/staff/",
                "",
                "※ 個人情報保護のため、このメールには氏名・住所などを記載していません。");
    }

    /** Sends what is due (at most {@code max}); returns how many were delivered. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deliverDue(int max) {
        Instant now = Instant.now();
        List<Notification> due = em.createNamedQuery(Notification.FIND_DUE, Notification.class)
                .setParameter("now", now).setMaxResults(max).getResultList();
        int sent = 0;
        for (Notification n : due) {
            try {
                send(n);
                n.sent(Instant.now());
                sent++;
            } catch (MessagingException | RuntimeException e) {
                n.failed(Instant.now(), e.getClass().getSimpleName() + ": " + e.getMessage());
                LOG.warning(() -> "notification for " + n.getAlert().getReceiptNo() + " not sent (attempt "
                        + n.getAttempts() + "): " + n.getLastError());
            }
        }
        return sent;
    }

    /** Notifications that failed at least once and are still not delivered (the 未送信 list). */
    public List<Notification> unsent() {
        return em.createNamedQuery(Notification.FIND_UNSENT, Notification.class).setMaxResults(500).getResultList();
    }

    private void send(Notification n) throws MessagingException {
        if (n.getRecipient() == null) {
            throw new MessagingException("the center has no notification address");
        }
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "5000");
        props.put("mail.smtp.writetimeout", "5000");
        props.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
        props.put("mail.smtp.auth", Boolean.toString(user.isPresent()));
        Session session = Session.getInstance(props);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(n.getRecipient()));
        m.setSubject(n.getSubject(), "UTF-8");
        m.setText(n.getBody(), "UTF-8");
        if (user.isPresent()) {
            Transport.send(m, user.get(), password.orElse(""));
        } else {
            Transport.send(m);
        }
    }
}
