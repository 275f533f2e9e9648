package org.tsunagu.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tsunagu.accounts.entity.Account;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Whether a signed-in page session may go on. A page request is signed in from what the session
 * remembers, so without this check a disabled account, an admin's password reset or the holder's
 * own password change would leave every other open session working — and the staff board refreshes
 * every 10 s, so the idle timeout never ends a stolen session. Each request therefore compares the
 * session with the account as stored (enabled, not locked, the same {@link Account#getSessionEpoch()
 * credentials epoch}), read at most every {@code tsunagu.session.recheck} (2 s) per account and
 * instance, so a change on any instance ends the session everywhere within that time; and a session
 * ends after {@code tsunagu.session.max-lifetime} (12 h) however busy it is.
 * <p>
 * Plain logic over a reader of accounts, so that the rules are unit-tested without a database.
 */
@ApplicationScoped
public class SessionStanding {

    /** What the session may do on this request. */
    public enum Verdict {
        /** Signed in as before. */
        GO_ON,
        /** Signed in, but only for the password page until the password is replaced. */
        MUST_CHANGE_PASSWORD,
        /** The session is over: sign in again. */
        ENDED
    }

    /** What the check needs of an account, as read from the database. */
    record Standing(boolean enabled, Instant lockedUntil, long epoch, boolean mustChangePassword) {

        static Standing of(Account a) {
            return new Standing(a.isEnabled(), a.getLockedUntil(), a.getSessionEpoch(), a.isMustChangePassword());
        }
    }

    private record Read(Optional<Standing> standing, Instant at) {
    }

    private static final int MAX_REMEMBERED = 10_000;

    @Inject
    Accounts accounts;

    @Inject
    @ConfigProperty(name = "tsunagu.session.max-lifetime", defaultValue = "PT12H")
    Duration maxLifetime;

    @Inject
    @ConfigProperty(name = "tsunagu.session.recheck", defaultValue = "PT2S")
    Duration recheck;

    private Function<String, Optional<Standing>> reader;
    private final Map<String, Read> reads = new ConcurrentHashMap<>();

    public SessionStanding() {
        // CDI
    }

    SessionStanding(Function<String, Optional<Standing>> reader, Duration maxLifetime, Duration recheck) {
        this.reader = reader;
        this.maxLifetime = maxLifetime;
        this.recheck = recheck;
    }

    /**
     * The verdict on a session signed in as {@code username} at {@code signedInAt} under credentials
     * epoch {@code epoch}. A session without these (signed in before this check existed) is ended.
     */
    public Verdict of(String username, Instant signedInAt, Long epoch, Instant now) {
        if (signedInAt == null || epoch == null || !signedInAt.plus(maxLifetime).isAfter(now)) {
            return Verdict.ENDED;
        }
        Optional<Standing> standing = standing(username, now);
        if (standing.isEmpty()) {
            return Verdict.ENDED;
        }
        Standing s = standing.get();
        if (!s.enabled() || s.epoch() != epoch || s.lockedUntil() != null && s.lockedUntil().isAfter(now)) {
            return Verdict.ENDED;
        }
        return s.mustChangePassword() ? Verdict.MUST_CHANGE_PASSWORD : Verdict.GO_ON;
    }

    /** The epoch a session signed in now for this account carries (read fresh). */
    public long epochOf(Account account) {
        reads.remove(account.getUsername());
        return account.getSessionEpoch();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountChanged change) {
        forget(change.username());
    }

    /** Forgets what was read of the account on this instance, e.g. right after this instance changed it. */
    public void forget(String username) {
        reads.remove(username);
    }

    private Optional<Standing> standing(String username, Instant now) {
        Read read = reads.get(username);
        if (read == null || !read.at().plus(recheck).isAfter(now) || read.at().isAfter(now)) {
            if (reads.size() >= MAX_REMEMBERED) {
                reads.clear();
            }
            read = new Read(reader().apply(username), now);
            reads.put(username, read);
        }
        return read.standing();
    }

    private Function<String, Optional<Standing>> reader() {
        if (reader == null) {
            reader = username -> accounts.find(username).map(Standing::of);
        }
        return reader;
    }
}
