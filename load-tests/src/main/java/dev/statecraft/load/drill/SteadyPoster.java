package dev.statecraft.load.drill;

import dev.statecraft.load.generator.AnnouncementGenerator;
import dev.statecraft.load.generator.IntakeClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Posts announcements at a steady rate, as a well-behaved client: an announcement that is refused with a
 * server error, or gets no answer at all, is posted again (with a growing pause) until the intake accepts it.
 * A repeat of one that was in fact stored gets a 200 with the same id, so every announcement ends up accepted
 * exactly once. Counts what happened on the way.
 */
final class SteadyPoster {
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

    private final IntakeClient intake;
    private final AnnouncementGenerator generator;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "drill-retries");
        t.setDaemon(true);
        return t;
    });

    /** Accepted announcement id by generator index. */
    final Map<Integer, String> acceptedIds = new ConcurrentHashMap<>();
    final AtomicInteger acceptedFirstTime = new AtomicInteger();
    final AtomicInteger acceptedAfterRetry = new AtomicInteger();
    /** A retry answered 200: the earlier attempt had been stored though its answer never came. */
    final AtomicInteger acceptedEarlierUnanswered = new AtomicInteger();
    /** Failed attempts by what happened ("HTTP 503", "no answer: ConnectException"). */
    final Map<String, AtomicInteger> failedAttempts = new ConcurrentSkipListMap<>();
    /** The first answer of each kind of failure, to show what a client was told. */
    final Map<String, String> failureSamples = new ConcurrentHashMap<>();
    /** 4xx answers: the generator's fault, never retried; must stay zero. */
    final Map<Integer, String> refused = new ConcurrentHashMap<>();
    final AtomicInteger sent = new AtomicInteger();
    private final Set<Integer> retried = ConcurrentHashMap.newKeySet();
    private final CountDownLatch done;
    private final int count;

    SteadyPoster(IntakeClient intake, AnnouncementGenerator generator, int count) {
        this.intake = intake;
        this.generator = generator;
        this.count = count;
        this.done = new CountDownLatch(count);
    }

    /** Posts announcements 0 … count-1 at {@code rate} per second; returns when the last was first sent. */
    void postAll(int rate) {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long wait;
            while ((wait = start + i * interval - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            post(i, FIRST_RETRY);
            sent.incrementAndGet();
        }
    }

    /** Waits until every announcement has been accepted (or refused with a 4xx). */
    boolean awaitAllSettled(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int settled() {
        return count - (int) done.getCount();
    }

    private void post(int index, Duration nextPause) {
        intake.post(generator.generate(index)).thenAccept(outcome -> {
            if (outcome.accepted()) {
                boolean wasRetried = retried.contains(index);
                if (wasRetried) {
                    acceptedAfterRetry.incrementAndGet();
                    if (outcome.status() == 200) {
                        acceptedEarlierUnanswered.incrementAndGet();
                    }
                } else {
                    acceptedFirstTime.incrementAndGet();
                }
                acceptedIds.put(index, outcome.id());
                done.countDown();
            } else if (outcome.status() >= 400 && outcome.status() < 500 && outcome.status() != 429
                    && outcome.status() != 408) {
                refused.put(index, outcome.status() + " " + outcome.error());
                done.countDown();
            } else {
                String what = outcome.status() == 0 ? "no answer: " + shortError(outcome.error())
                        : "HTTP " + outcome.status();
                failedAttempts.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
                failureSamples.putIfAbsent(what, String.valueOf(outcome.error()));
                retried.add(index);
                Duration pause = nextPause.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY
                        : nextPause.multipliedBy(2);
                retries.schedule(() -> post(index, pause), nextPause.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    private static String shortError(String error) {
        if (error == null) {
            return "unknown";
        }
        String name = error.split("[:\\s]", 2)[0];
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
