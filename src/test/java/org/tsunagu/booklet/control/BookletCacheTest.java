package org.tsunagu.booklet.control;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BookletCacheTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);
    private final AtomicLong version = new AtomicLong(7);
    private final MutableClock clock = new MutableClock();
    private final AtomicInteger renders = new AtomicInteger();

    private BookletCache cache(int turns, Duration wait) {
        return new BookletCache(turns, wait, Duration.ofMinutes(10), 3, version::get, clock);
    }

    private BookletCache.Rendered render() {
        renders.incrementAndGet();
        return new BookletCache.Rendered(new byte[] {1, 2, 3}, "第1圏域");
    }

    @Test
    void the_same_booklet_on_the_same_day_and_data_is_rendered_once() {
        BookletCache cache = cache(2, Duration.ofSeconds(1));
        BookletCache.Key key = new BookletCache.Key("center:c1", "salon", DAY);
        BookletCache.Rendered first = cache.get(key, this::render);
        assertSame(first, cache.get(key, this::render));
        assertEquals(1, renders.get());
        cache.get(new BookletCache.Key("center:c1", "salon,clinic", DAY), this::render);
        cache.get(new BookletCache.Key("center:c1", "salon", DAY.plusDays(1)), this::render);
        assertEquals(3, renders.get(), "other categories and another day are other booklets");
    }

    @Test
    void a_data_change_on_any_instance_renders_anew_and_drops_the_old_version() {
        BookletCache cache = cache(2, Duration.ofSeconds(1));
        BookletCache.Key key = new BookletCache.Key("region:3", "salon", DAY);
        cache.get(key, this::render);
        version.incrementAndGet();
        cache.get(key, this::render);
        assertEquals(2, renders.get());
        assertEquals(1, cache.held(), "the booklet of the older data is gone");
    }

    @Test
    void an_entry_expires_after_the_ttl_for_changes_outside_the_change_log() {
        BookletCache cache = cache(2, Duration.ofSeconds(1));
        BookletCache.Key key = new BookletCache.Key("center:c1", "salon", DAY);
        cache.get(key, this::render);
        clock.advance(Duration.ofMinutes(11));
        cache.get(key, this::render);
        assertEquals(2, renders.get());
    }

    @Test
    void the_cache_holds_at_most_its_size() {
        BookletCache cache = cache(2, Duration.ofSeconds(1));
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(1));
            cache.get(new BookletCache.Key("center:c" + i, "salon", DAY), this::render);
        }
        assertTrue(cache.held() <= 3, "held " + cache.held());
    }

    @Test
    void many_clients_asking_at_once_wait_for_one_render() throws Exception {
        BookletCache cache = cache(2, Duration.ofSeconds(5));
        BookletCache.Key key = new BookletCache.Key("center:c1", "salon", DAY);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<BookletCache.Rendered>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return cache.get(key, () -> {
                        sleep(200);
                        return render();
                    });
                }));
            }
            go.countDown();
            for (Future<BookletCache.Rendered> a : answers) {
                assertEquals(3, a.get(10, TimeUnit.SECONDS).pdf().length);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, renders.get());
    }

    @Test
    void renders_are_bounded_and_a_request_without_a_turn_is_told_to_come_back() throws Exception {
        BookletCache cache = cache(1, Duration.ofMillis(200));
        CountDownLatch rendering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread slow = new Thread(() -> cache.get(new BookletCache.Key("center:slow", "salon", DAY), () -> {
            rendering.countDown();
            await(release);
            return render();
        }));
        slow.start();
        assertTrue(rendering.await(5, TimeUnit.SECONDS));
        assertThrows(BookletCache.Busy.class,
                () -> cache.get(new BookletCache.Key("center:other", "salon", DAY), this::render));
        release.countDown();
        slow.join(5000);
        cache.get(new BookletCache.Key("center:other", "salon", DAY), this::render);
        assertEquals(2, renders.get(), "the refused booklet renders once a turn is free");
    }

    @Test
    void a_failed_render_is_not_remembered() {
        BookletCache cache = cache(2, Duration.ofSeconds(1));
        BookletCache.Key key = new BookletCache.Key("center:c1", "salon", DAY);
        assertThrows(IllegalStateException.class, () -> cache.get(key, () -> {
            throw new IllegalStateException("font missing");
        }));
        cache.get(key, this::render);
        assertEquals(1, renders.get());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-03T01:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
