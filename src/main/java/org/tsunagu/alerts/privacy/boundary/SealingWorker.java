package org.tsunagu.alerts.privacy.boundary;

import org.tsunagu.alerts.privacy.control.AlertSealing;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import org.tsunagu.persistence.EncryptedText;
import org.tsunagu.persistence.FieldCipher;

import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Seals, once per start and in the background, what is not yet under the current alert key and form:
 * legacy plaintext of an upgraded database, values of the old unbound form and values under a key that
 * was rotated out of first place ({@link AlertSealing}). When a pass leaves nothing behind, older forms
 * are refused from then on ({@link FieldCipher#requireBound()}). Loads the key ring at deployment, so an unusable ring stops the start
 * instead of the first alert. Several instances may run it at once: the compare-and-set updates make
 * that harmless. The log line {@code alert encryption: ... left} says when a rotation is complete
 * (docs/security.md); it names counts and key ids only.
 */
@Singleton
@Startup
@DependsOn("Database")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SealingWorker {

    private static final Logger LOG = Logger.getLogger(SealingWorker.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    AlertSealing sealing;

    private Future<?> task;

    @PostConstruct
    void start() {
        FieldCipher cipher = EncryptedText.cipher();
        LOG.info(() -> "alert encryption: AES-GCM, current key '" + cipher.currentKeyId() + "'");
        task = scheduler.submit(this::run);
    }

    /** One pass over every sealed column; returns {sealed, unreadable}. */
    int[] run() {
        int sealed = 0;
        int unreadable = 0;
        try {
            for (AlertSealing.Table t : AlertSealing.TABLES) {
                Long after = 0L;
                while (after != null) {
                    AlertSealing.Batch b = sealing.sealBatch(t, after);
                    sealed += b.sealed();
                    unreadable += b.unreadable();
                    after = b.lastId();
                }
            }
            String key = EncryptedText.cipher().currentKeyId();
            int s = sealed;
            int u = unreadable;
            if (u > 0) {
                LOG.warning(() -> "alert encryption: " + s + " values sealed under key '" + key + "'; " + u
                        + " values left that no key of TSUNAGU_ALERT_KEYS opens (key removed too early, or changed at rest)");
            } else {
                // every value is of the current form: plaintext or unbound (gcm1) values that appear later
                // were not written by this portal, so they are refused instead of shown as records
                EncryptedText.cipher().requireBound();
                LOG.info(() -> "alert encryption: " + s + " values sealed under key '" + key
                        + "', 0 left; unsealed or unbound values are refused from now on");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "alert encryption: the pass stopped (" + e.getMessage() + "); the next start retries");
        }
        return new int[] {sealed, unreadable};
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(true);
        }
    }
}
