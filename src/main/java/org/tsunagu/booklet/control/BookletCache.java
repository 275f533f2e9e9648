package org.tsunagu.booklet.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tsunagu.search.sync.control.IndexOutbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Rendered booklets, kept per scope, categories, day and data version. The booklet is public and a
 * PDF of a whole 圏域 takes a second or more of CPU: rendered for every anonymous request, a few
 * dozen clients (or one script) keep every core busy and the alert intake waits behind them. The
 * same request on the same day with the same data gives the same booklet, so it is rendered once;
 * clients asking for it meanwhile wait for that one render. Renders of different booklets are
 * bounded ({@code tsunagu.booklet.renders} at a time); a request that cannot get a turn within
 * {@code tsunagu.booklet.render-wait} is told to come back ({@link Busy}), never queued without end.
 *
 * <p>The data version is the resource change log's newest id ({@link IndexOutbox#latest()}): every
 * edit, import and town change on any instance moves it, so behind a balancer no instance serves a
 * booklet older than the data. Center details (the cover's phone numbers) are not in that log:
 * entries also expire after {@code tsunagu.booklet.cache-ttl}.
 */
@ApplicationScoped
public class BookletCache {

    /** Which booklet: the scope ({@code center:CODE}, {@code region:ID}), the categories, the day. */
    public record Key(String scope, String categories, LocalDate day) {
        public Key {
            Objects.requireNonNull(scope);
            Objects.requireNonNull(categories);
            Objects.requireNonNull(day);
        }
    }

    /** A rendered booklet and the cover's scope name (for the file name). */
    public record Rendered(byte[] pdf, String scope) {
    }

    /** No render turn came free in time: the caller answers 503 with Retry-After. */
    public static class Busy extends RuntimeException {
        public Busy() {
            super("every booklet render slot is busy", null, false, false);
        }
    }

    private record Versioned(Key key, Long version) {
    }

    private record Entry(CompletableFuture<Rendered> value, Instant made) {
    }

    @Inject
    @ConfigProperty(name = "tsunagu.booklet.renders", defaultValue = "2")
    int renders;

    @Inject
    @ConfigProperty(name = "tsunagu.booklet.render-wait", defaultValue = "PT20S")
    Duration renderWait;

    @Inject
    @ConfigProperty(name = "tsunagu.booklet.cache-ttl", defaultValue = "PT10M")
    Duration ttl;

    @Inject
    @ConfigProperty(name = "tsunagu.booklet.cache-size", defaultValue = "200")
    int size;

    @Inject
    IndexOutbox changes;

    private final Map<Versioned, Entry> entries = new ConcurrentHashMap<>();
    private volatile Semaphore turns;
    private Supplier<Long> version;
    private Clock clock = Clock.systemUTC();

    public BookletCache() {
    }

    /** For tests: the version and the clock from outside, no CDI. */
    BookletCache(int renders, Duration renderWait, Duration ttl, int size, Supplier<Long> version, Clock clock) {
        this.renders = renders;
        this.renderWait = renderWait;
        this.ttl = ttl;
        this.size = size;
        this.version = version;
        this.clock = clock;
    }

    /**
     * The booklet for the key: from the cache when this day's data has not changed since it was
     * rendered, else rendered now (once, however many ask at the same time).
     *
     * @param render builds the model and renders it; runs on the caller's thread
     * @throws Busy when no render turn came free in time
     */
    public Rendered get(Key key, Supplier<Rendered> render) {
        Instant now = clock.instant();
        Versioned v = new Versioned(key, currentVersion());
        Entry mine = new Entry(new CompletableFuture<>(), now);
        Entry existing = entries.compute(v, (k, e) -> e == null || expired(e, now) ? mine : e);
        if (existing != mine) {
            return await(existing, v);
        }
        try {
            Rendered r = rendered(render);
            mine.value().complete(r);
            evict(v, now);
            return r;
        } catch (RuntimeException | Error e) {
            // a failed render is not remembered: the next request tries again
            entries.remove(v, mine);
            mine.value().completeExceptionally(e);
            throw e;
        }
    }

    /** Renders within a turn. */
    private Rendered rendered(Supplier<Rendered> render) {
        Semaphore s = turns();
        boolean got;
        try {
            got = s.tryAcquire(renderWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        if (!got) {
            throw new Busy();
        }
        try {
            return render.get();
        } finally {
            s.release();
        }
    }

    private Rendered await(Entry e, Versioned v) {
        try {
            return e.value().get(renderWait.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new Busy();
        } catch (java.util.concurrent.TimeoutException te) {
            throw new Busy();
        } catch (ExecutionException ee) {
            Throwable cause = ee.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("the booklet could not be rendered", cause);
        }
    }

    private boolean expired(Entry e, Instant now) {
        return e.value().isDone() && e.made().plus(ttl).isBefore(now);
    }

    /**
     * Drops what can no longer be asked for (expired, an earlier day, an older data version than the
     * one just rendered), then the oldest beyond the size bound.
     */
    private void evict(Versioned latest, Instant now) {
        entries.entrySet().removeIf(e -> e.getValue().value().isDone() && (expired(e.getValue(), now)
                || e.getKey().key().day().isBefore(latest.key().day())
                || !Objects.equals(e.getKey().version(), latest.version())));
        int over = entries.size() - Math.max(1, size);
        if (over > 0) {
            entries.entrySet().stream().filter(e -> e.getValue().value().isDone())
                    .sorted(Comparator.comparing(e -> e.getValue().made())).limit(over).toList()
                    .forEach(e -> entries.remove(e.getKey(), e.getValue()));
        }
    }

    private Semaphore turns() {
        Semaphore s = turns;
        if (s == null) {
            synchronized (this) {
                if (turns == null) {
                    turns = new Semaphore(Math.max(1, renders), true);
                }
                s = turns;
            }
        }
        return s;
    }

    private Long currentVersion() {
        return version != null ? version.get() : changes.latest();
    }

    /** How many booklets are held (tests). */
    int held() {
        return entries.size();
    }
}
