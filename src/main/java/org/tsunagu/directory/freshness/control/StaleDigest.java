package org.tsunagu.directory.freshness.control;

import org.tsunagu.calendar.control.JapanTime;
import org.tsunagu.directory.control.ResourceEdits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.tsunagu.areas.control.Centers;
import org.tsunagu.areas.entity.Center;
import org.tsunagu.directory.entity.Resource;
import org.tsunagu.directory.entity.ResourceStatus;
import org.tsunagu.mail.Mail;
import org.tsunagu.notifications.control.Notifications;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Once a month each center gets an email listing the resources it maintains that nobody has
 * confirmed for the stale period (TSUNAGU_STALE_AFTER): a salon that stopped meeting is the
 * entry residents walk to in vain. The (month, center) row is claimed and the email written into
 * the notification outbox in one transaction, so each center gets one digest a month, delivered
 * with the outbox's retries and listed under 未送信 for the core center while it fails. Resource
 * names and links only — public data.
 */
@ApplicationScoped
public class StaleDigest {

    private static final Logger LOG = Logger.getLogger(StaleDigest.class.getName());
    static final int LISTED = 50;

    @PersistenceContext
    EntityManager em;

    @Inject
    Centers centers;

    @Inject
    ResourceEdits edits;

    @Inject
    Mail mail;

    @Inject
    DigestClaims claims;

    /** Queues this month's digest for every center that has not had it; returns how many were queued. */
    public int sendDue(Instant now) {
        String month = YearMonth.from(now.atZone(JapanTime.ZONE)).toString();
        Instant cutoff = edits.staleCutoff(now);
        int sent = 0;
        for (Center c : centers.all()) {
            List<Resource> stale = claims.staleOf(c, cutoff);
            if (!claims.claim(month, c, stale.size(), now)) {
                continue;
            }
            if (stale.isEmpty()) {
                claims.sent(month, c, now);
                continue;
            }
            try {
                claims.queue(month, c, subject(month, stale.size()), body(c, stale, cutoff, mail::link));
                sent++;
            } catch (RuntimeException e) {
                LOG.warning(() -> "stale digest for center " + c.getCode() + " not queued: " + e.getClass().getSimpleName());
                claims.release(month, c);
            }
        }
        return sent;
    }

    static String subject(String month, int count) {
        return "【つなぐ】" + month.replace("-", "年") + "月 確認が必要な社会資源 " + count + "件";
    }

    /** The email: why, how many, the first {@value #LISTED} names with their editor links. */
    static String body(Center c, List<Resource> stale, Instant cutoff, java.util.function.UnaryOperator<String> link) {
        List<String> lines = new ArrayList<>();
        lines.add(c.getName() + " 御中");
        lines.add("");
        lines.add("次の社会資源は、" + DateTimeFormatter.ofPattern("yyyy年M月d日").format(cutoff.atZone(JapanTime.ZONE))
                + "以降、内容が確認されていません（" + stale.size() + "件）。");
        lines.add("活動や連絡先に変わりがないか確かめ、編集画面の「内容を確認しました」を押してください。");
        lines.add("");
        for (Resource r : stale.subList(0, Math.min(LISTED, stale.size()))) {
            lines.add("・" + r.getName() + "（" + r.getCategory().labelJa() + "） " + link.apply("/staff/resource?id=" + r.getId()));
        }
        if (stale.size() > LISTED) {
            lines.add("ほか " + (stale.size() - LISTED) + "件: " + link.apply("/staff/resources?stale=true"));
        }
        lines.add("");
        lines.add("一覧: " + link.apply("/staff/resources?stale=true"));
        return String.join("\n", lines);
    }

    /** The claims and the stale query, each in its own transaction (the worker runs outside one). */
    @ApplicationScoped
    public static class DigestClaims {

        @PersistenceContext
        EntityManager em;

        @Inject
        Notifications outbox;

        @Transactional
        public List<Resource> staleOf(Center c, Instant cutoff) {
            return em.createQuery("SELECT r FROM Resource r LEFT JOIN r.town t WHERE r.status = :published"
                            + " AND (r.center = :center OR (r.center IS NULL AND t.center = :center))"
                            + " AND ((r.verifiedAt IS NULL AND r.createdAt < :cutoff) OR r.verifiedAt < :cutoff)"
                            + " ORDER BY r.nameKana, r.id", Resource.class)
                    .setParameter("published", ResourceStatus.PUBLISHED).setParameter("center", c)
                    .setParameter("cutoff", cutoff).getResultList();
        }

        /** True when this caller got the (month, center) row; false when it exists already. */
        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public boolean claim(String month, Center c, int count, Instant now) {
            Number existing = (Number) em.createNativeQuery(
                    "SELECT COUNT(*) FROM stale_digest WHERE digest_month = ? AND center_id = ?")
                    .setParameter(1, month).setParameter(2, c.getId()).getSingleResult();
            if (existing.intValue() > 0) {
                return false;
            }
            em.createNativeQuery("INSERT INTO stale_digest (digest_month, center_id, claimed_at, item_count) VALUES (?, ?, ?, ?)")
                    .setParameter(1, month).setParameter(2, c.getId()).setParameter(3, java.sql.Timestamp.from(now))
                    .setParameter(4, count).executeUpdate();
            return true;
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void sent(String month, Center c, Instant at) {
            em.createNativeQuery("UPDATE stale_digest SET sent_at = ? WHERE digest_month = ? AND center_id = ?")
                    .setParameter(1, java.sql.Timestamp.from(at)).setParameter(2, month).setParameter(3, c.getId())
                    .executeUpdate();
        }

        /** The digest written into the outbox and its claim marked sent, together (one transaction). */
        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void queue(String month, Center c, String subject, String body) {
            outbox.enqueue("stale_digest", c, c.getEmail(), subject, body, null, month);
            em.createNativeQuery("UPDATE stale_digest SET sent_at = ? WHERE digest_month = ? AND center_id = ?")
                    .setParameter(1, java.sql.Timestamp.from(Instant.now())).setParameter(2, month)
                    .setParameter(3, c.getId()).executeUpdate();
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void release(String month, Center c) {
            em.createNativeQuery("DELETE FROM stale_digest WHERE digest_month = ? AND center_id = ? AND sent_at IS NULL")
                    .setParameter(1, month).setParameter(2, c.getId()).executeUpdate();
        }
    }
}
