package org.tsunagu.alerts.intake.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import org.tsunagu.accounts.control.Accounts;
import org.tsunagu.accounts.entity.Account;
import org.tsunagu.alerts.entity.Alert;
import org.tsunagu.alerts.entity.Report;
import org.tsunagu.problems.ProblemException;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Files a partner's alert exactly once per idempotency key, for the API and the alert form alike: a
 * retry, a double tap or two copies arriving at the same moment give one alert. The alert is
 * committed before this returns (its transaction is demarcated here), so no answer ever announces an
 * alert that could still roll back. When two copies race, the database's unique key lets one insert
 * win; the other's transaction is over before it waits (up to {@link #DUPLICATE_WAIT}) to read the
 * winner's alert in a new one, and only if that never shows is the answer 409, which a retry resolves.
 * An organisation over its hourly limit gets 429 (intake's rule) and the admins a notice in the audit log.
 */
@ApplicationScoped
public class AlertFiling {

    /** How long a concurrent duplicate waits to see the other request's alert before answering 409. */
    static final Duration DUPLICATE_WAIT = Duration.ofSeconds(5);

    /** The longest Idempotency-Key accepted (characters). */
    public static final int MAX_KEY = 100;

    static final String BUSY = "同じ Idempotency-Key の通報を処理中です。もう一度送ると受付番号が返ります";

    @Resource
    UserTransaction tx;

    @Inject
    AlertIntake intake;

    @Inject
    Accounts accounts;

    /**
     * The alert of this report: filed now ({@code created}), or the one filed earlier with the same key.
     * The partner's account is loaded inside the transaction (it is written with the alert); the report
     * is built there too, so a body that is invalid is refused (400) only when the key is new.
     *
     * @param username the signed-in partner's username
     * @param idempotencyKey null, or the key that makes a retry return the same alert
     * @param report the report to file, built on demand
     */
    public AlertIntake.Filed file(String username, String idempotencyKey, Supplier<Report> report) {
        if (idempotencyKey != null && (idempotencyKey.isEmpty() || idempotencyKey.length() > MAX_KEY
                || idempotencyKey.chars().anyMatch(c -> c < 0x20))) {
            throw ProblemException.invalid("Idempotency-Key", "Idempotency-Key は1〜100文字です");
        }
        try {
            return inTransaction(() -> {
                Account me = partner(username);
                Optional<Alert> earlier = intake.previous(me, idempotencyKey);
                if (earlier.isPresent()) {
                    return new AlertIntake.Filed(earlier.get(), false);
                }
                return intake.file(me, report.get());
            });
        } catch (ProblemException e) {
            if (e.status() == 429) {
                // the refused filing rolled back; the admins' notice is written in a transaction of its own
                try {
                    inTransaction(() -> {
                        intake.noticeLimit(partner(username));
                        return null;
                    });
                } catch (RuntimeException notice) {
                    e.addSuppressed(notice); // the partner's answer stays the 429
                }
            }
            throw e;
        } catch (PersistenceException e) {
            if (idempotencyKey == null || !isDuplicateKey(e)) {
                throw e;
            }
            return new AlertIntake.Filed(filedMeanwhile(username, idempotencyKey), false);
        }
    }

    /** The alert this partner filed with {@code idempotencyKey}, if any (its own transaction). */
    public Optional<Alert> filedWith(String username, String idempotencyKey) {
        return inTransaction(() -> intake.previous(partner(username), idempotencyKey));
    }

    private Account partner(String username) {
        Account me = accounts.find(username).orElseThrow(() -> ProblemException.forbidden("unknown account"));
        if (me.getPartner() == null) {
            throw ProblemException.forbidden("alerts are filed by partner accounts");
        }
        return me;
    }

    private Alert filedMeanwhile(String username, String idempotencyKey) {
        long deadline = System.nanoTime() + DUPLICATE_WAIT.toNanos();
        while (true) {
            Optional<Alert> other = filedWith(username, idempotencyKey);
            if (other.isPresent()) {
                return other.get();
            }
            if (System.nanoTime() > deadline) {
                throw ProblemException.conflict(BUSY);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ProblemException.conflict(BUSY);
            }
        }
    }

    static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("uq_alert_idempotency")) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code work} in a transaction of its own: committed before returning, rolled back on any exception. */
    private <T> T inTransaction(Supplier<T> work) {
        try {
            tx.begin();
        } catch (NotSupportedException | SystemException e) {
            throw new IllegalStateException("cannot start a transaction", e);
        }
        boolean open = true;
        try {
            T result = work.get();
            open = false;
            tx.commit();
            return result;
        } catch (RollbackException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("the transaction rolled back", e);
        } catch (HeuristicMixedException | HeuristicRollbackException | SystemException e) {
            throw new IllegalStateException("the transaction did not complete", e);
        } finally {
            if (open) {
                try {
                    tx.rollback();
                } catch (SystemException | IllegalStateException e) {
                    // already over: nothing to undo
                }
            }
        }
    }
}
