package dev.statecraft.notify.delivery;

import static dev.statecraft.support.Failures.rootMessage;
import dev.statecraft.notify.email.EmailSender;
import dev.statecraft.notify.webhook.WebhookSender;
import dev.statecraft.notify.webhook.WebhookSender.Outcome;
import dev.statecraft.support.logging.LogContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries, off the consumer thread. Claims batches (short transactions) and hands each delivery
 * to its endpoint's queue: at most {@code per-endpoint-concurrency} sends run at once per endpoint, a few more
 * may wait, and an endpoint that is full is left out of the next claims. Nothing waits for a batch to finish,
 * so a slow or failing endpoint occupies only its own slots while the others' deliveries keep flowing. Each
 * "delivered" outcome is handed to {@link OutcomeRecorder}, which writes many in one transaction; other outcomes
 * are recorded one by one. Safe with many instances: claims skip rows that another instance holds.
 *
 * <p>The claim loop runs only on one claimer thread, never twice at once: {@link #wakeUp()} (the consumer
 * after it committed new deliveries) and the scheduled tick (the fallback for retries coming due and rows
 * committed by other instances) both just ask that thread to run it.
 */
@ApplicationScoped
public class DeliveryWorker {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    /** Room left at the end of a lease, so a send never outlives the claim it was made under. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(5);
    private static final Duration PAUSE_AFTER_DB_FAILURE = Duration.ofSeconds(5);
    /** How long the claim loop waits for a send to finish before it looks for due rows again. */
    private static final long WAIT_FOR_PROGRESS_MS = 200;
    /** All mail goes through the one SMTP server: one endpoint. */
    static final String SMTP_ENDPOINT = "smtp";

    private final DeliveryStore store;
    private final WebhookSender sender;
    private final EmailSender emailSender;
    private final EndpointHealth endpointHealth;
    private final RetryPolicy retryPolicy;
    private final int batchSize;
    private final int perEndpointConcurrency;
    private final int maxHeld;
    private final Duration lease;
    private final ExecutorService pool;
    private final Tracer tracer;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    /** Claimed and not yet finished (sending or waiting for a slot of its endpoint). */
    private final AtomicInteger held = new AtomicInteger();
    /** A permit per finished send: wakes the claim loop. */
    private final Semaphore progress = new Semaphore(0);
    private volatile Instant pausedUntil = Instant.EPOCH;
    private final OutcomeRecorder recorder;
    private final ExecutorService claimer;
    /** Set by every wake-up before it tries to start the claimer: a wake-up during a run causes one more run. */
    private final AtomicBoolean rerun = new AtomicBoolean();
    /** True while a claim run is queued or running on the claimer thread. */
    private final AtomicBoolean claiming = new AtomicBoolean();

    /** One endpoint's sends in flight and deliveries waiting for a slot. Guarded by itself. */
    private static final class Endpoint {
        final ArrayDeque<Queued> waiting = new ArrayDeque<>();
        int inFlight;
    }

    private record Queued(DeliveryStore.Claimed delivery, String endpoint, Instant sendDeadline) {
    }

    DeliveryWorker(DeliveryStore store, OutcomeRecorder recorder, WebhookSender sender, EmailSender emailSender,
            EndpointHealth endpointHealth, OpenTelemetry openTelemetry,
            @ConfigProperty(name = "statecraft.delivery.retry-schedule") List<Duration> retrySchedule,
            @ConfigProperty(name = "statecraft.delivery.batch-size", defaultValue = "32") int batchSize,
            @ConfigProperty(name = "statecraft.delivery.threads", defaultValue = "8") int threads,
            @ConfigProperty(name = "statecraft.delivery.per-endpoint-concurrency", defaultValue = "2") int perEndpoint,
            @ConfigProperty(name = "statecraft.delivery.lease", defaultValue = "60s") Duration lease) {
        this.store = store;
        this.recorder = recorder;
        this.sender = sender;
        this.emailSender = emailSender;
        this.endpointHealth = endpointHealth;
        this.tracer = openTelemetry.getTracer("dev.statecraft.notify.delivery");
        this.retryPolicy = new RetryPolicy(retrySchedule, () -> ThreadLocalRandom.current().nextDouble());
        this.batchSize = batchSize;
        this.perEndpointConcurrency = Math.max(1, perEndpoint);
        this.maxHeld = Math.max(batchSize, 4 * Math.max(1, threads));
        this.lease = lease;
        if (lease.compareTo(sender.timeout().plus(LEASE_MARGIN).multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("statecraft.delivery.lease (" + lease
                    + ") must be at least twice the send timeout plus " + LEASE_MARGIN.toSeconds() + " s");
        }
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "delivery-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.claimer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "delivery-claimer");
            t.setDaemon(true);
            return t;
        });
    }

    /** The fallback: retries that came due, rows committed by other instances, leases that expired. */
    @Scheduled(identity = "webhook-delivery", every = "${statecraft.delivery.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        wakeUp();
    }

    /**
     * Asks the claimer thread to claim and send what is due now. Call after the transaction that created
     * deliveries has committed (before, the claim could not see them). Never runs the loop twice at once, and
     * never loses a wake-up: {@code rerun} is set before the compare-and-set, and the runner repeats while it is set.
     */
    public void wakeUp() {
        rerun.set(true);
        startClaimer();
    }

    private void startClaimer() {
        if (claiming.compareAndSet(false, true)) {
            try {
                claimer.execute(this::runClaims);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                claiming.set(false); // shutting down
            }
        }
    }

    private void runClaims() {
        try {
            while (rerun.getAndSet(false)) {
                deliverDue();
            }
        } catch (RuntimeException e) {
            LOG.errorf("delivery worker: claim run failed: %s", rootMessage(e));
        } finally {
            claiming.set(false);
        }
        if (rerun.get()) {
            startClaimer(); // woken between the last check and the release of the flag
        }
    }

    /**
     * Claims as long as deliveries are due and there is room to hold them; while an endpoint is full it waits
     * for sends to finish and claims again, so a backlog drains without waiting for the next tick.
     */
    void deliverDue() {
        while (!pool.isShutdown() && !Instant.now().isBefore(pausedUntil)) {
            int room = Math.min(batchSize, maxHeld - held.get());
            int claimed = room <= 0 ? 0 : claimAndDispatch(room);
            if (claimed < 0 || (claimed < room && room > 0 && fullEndpoints().isEmpty())) {
                return; // nothing more is due (or the database failed)
            }
            if (claimed == 0 || room <= 0) {
                try {
                    progress.drainPermits();
                    progress.tryAcquire(WAIT_FOR_PROGRESS_MS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Claims up to {@code limit} due deliveries of endpoints that have room and queues them; -1 on failure. */
    private int claimAndDispatch(int limit) {
        Set<String> full = fullEndpoints();
        List<DeliveryStore.Claimed> claimed;
        try {
            claimed = store.claimDue(limit, lease, full.stream().filter(e -> !SMTP_ENDPOINT.equals(e)).toList(),
                    full.contains(SMTP_ENDPOINT));
        } catch (RuntimeException e) {
            pausedUntil = Instant.now().plus(PAUSE_AFTER_DB_FAILURE);
            LOG.warnf("delivery worker: claiming due deliveries failed, next try in %d s: %s",
                    PAUSE_AFTER_DB_FAILURE.toSeconds(), rootMessage(e));
            return -1;
        }
        // the last send of a delivery that waited for its endpoint must still end inside the lease
        Instant sendDeadline = Instant.now().plus(lease).minus(sender.timeout()).minus(LEASE_MARGIN);
        List<DeliveryStore.Claimed> noRoom = new ArrayList<>();
        for (DeliveryStore.Claimed d : claimed) {
            if (!dispatch(new Queued(d, endpointOf(d), sendDeadline))) {
                noRoom.add(d);
            }
        }
        if (!noRoom.isEmpty()) {
            // the batch held more for one endpoint than it may queue: back to the table, claimed again later
            store.releaseAll(noRoom);
        }
        return claimed.size();
    }

    /** Sends at once if the endpoint has a free slot, else queues; false if its queue is full too. */
    private boolean dispatch(Queued q) {
        Endpoint endpoint = endpoints.computeIfAbsent(q.endpoint(), k -> new Endpoint());
        synchronized (endpoint) {
            if (endpoint.inFlight < perEndpointConcurrency) {
                endpoint.inFlight++;
            } else if (endpoint.waiting.size() < perEndpointConcurrency * 2) {
                endpoint.waiting.add(q);
                held.incrementAndGet();
                return true;
            } else {
                return false;
            }
        }
        held.incrementAndGet();
        submit(q);
        return true;
    }

    private void submit(Queued q) {
        try {
            pool.execute(() -> run(q));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            held.decrementAndGet(); // shutting down: the lease expires and the row is claimed again
        }
    }

    private void run(Queued q) {
        Queued next = q;
        while (next != null) {
            sendOne(next.delivery(), next.sendDeadline());
            held.decrementAndGet();
            progress.release();
            Endpoint endpoint = endpoints.get(next.endpoint());
            synchronized (endpoint) {
                next = endpoint.waiting.poll();
                if (next == null) {
                    endpoint.inFlight--;
                }
            }
        }
    }

    /**
     * Endpoints with every slot busy and at least half a queue waiting: left out of the next claim. (Not waiting
     * for a full queue keeps a busy endpoint's backlog from being claimed and given back after every send.)
     */
    private Set<String> fullEndpoints() {
        Set<String> full = new java.util.HashSet<>();
        endpoints.forEach((key, endpoint) -> {
            synchronized (endpoint) {
                if (endpoint.inFlight >= perEndpointConcurrency && endpoint.waiting.size() >= perEndpointConcurrency) {
                    full.add(key);
                }
            }
        });
        return full;
    }

    private void sendOne(DeliveryStore.Claimed d, Instant sendDeadline) {
        try (LogContext ignored = LogContext.delivery(d.announcementId(), d.subscriptionId().toString())) {
            if (Instant.now().isAfter(sendDeadline) || pool.isShutdown()) {
                store.release(d);
                return;
            }
            Outcome outcome;
            Span span = tracer.spanBuilder("webhook send").setParent(d.trace().asParent())
                    .setSpanKind(SpanKind.CLIENT).setAttribute("announcement.id", d.announcementId())
                    .setAttribute("announcement.revision", d.revision())
                    .setAttribute("subscription.id", d.subscriptionId().toString())
                    .setAttribute("delivery.channel", d.channel()).startSpan();
            try (Scope scope = span.makeCurrent()) {
                outcome = DeliveryStore.CHANNEL_WEBHOOK.equals(d.channel())
                        ? sender.send(new WebhookSender.Message(d.webhookUrl(), d.signingSecrets(),
                                Delivery.webhookId(d.id()), d.payload()))
                        : emailSender.send(d);
                span.setAttribute("http.response.status_code", outcome.statusCode());
            } finally {
                span.end();
            }
            record(d, outcome);
        } catch (RuntimeException e) {
            // the lease runs out and the delivery is claimed again: at-least-once, never lost
            LOG.errorf("delivery %s (subscription %s, announcement %s revision %d): recording the outcome failed: %s",
                    d.id(), d.subscriptionId(), d.announcementId(), d.revision(), rootMessage(e));
        }
    }

    private void record(DeliveryStore.Claimed d, Outcome outcome) {
        int attempt = d.attempts() + 1;
        Integer status = outcome.statusCode() == 0 ? null : outcome.statusCode();
        String about = String.format("%s delivery %s (subscription %s, announcement %s revision %d) attempt %d",
                d.channel(), d.id(), d.subscriptionId(), d.announcementId(), d.revision(), attempt);
        RetryPolicy.Next next = retryPolicy.after(attempt, outcome, Instant.now());
        boolean webhook = DeliveryStore.CHANNEL_WEBHOOK.equals(d.channel());
        if (next instanceof RetryPolicy.Delivered) {
            // written with other finished sends in one transaction; also ends a webhook endpoint's failing streak
            recorder.delivered(d, outcome.statusCode(), about);
            return;
        }
        if (next instanceof RetryPolicy.EndpointGone) {
            store.markEndpointGone(d, outcome.statusCode());
            LOG.warnf("%s: endpoint answered 410 Gone; subscription endpoint disabled", about);
            return;
        }
        if (next instanceof RetryPolicy.RetryIn retry) {
            store.markForRetry(d, status, outcome.error(), retry.delay());
            LOG.infof("%s failed (%s); retry in %d ms", about, outcome.error(), retry.delay().toMillis());
        } else {
            store.markExhausted(d, status, outcome.error());
            LOG.warnf("%s failed (%s); retries exhausted, giving up", about, outcome.error());
        }
        if (webhook) {
            endpointHealth.failed(d.subscriptionId(), d.announcementId(), outcome.error());
        }
    }

    /** Where a delivery goes, for the per-endpoint limit: a webhook's host and port as written; all mail is one. */
    static String endpointOf(DeliveryStore.Claimed d) {
        return DeliveryStore.CHANNEL_WEBHOOK.equals(d.channel()) ? authorityOf(d.webhookUrl()) : SMTP_ENDPOINT;
    }

    /** The URL's authority (host[:port]) lower-cased, the same as {@link DeliveryStore#claimDue}'s SQL takes. */
    static String authorityOf(String url) {
        try {
            String authority = URI.create(url).getRawAuthority();
            return authority == null ? url : authority.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException | NullPointerException e) {
            return String.valueOf(url);
        }
    }

    /**
     * Stops claiming and sending, then writes the outcomes still waiting in the recorder. A send interrupted here,
     * or an outcome whose write fails, leaves its row leased: it is sent again after the lease with the same
     * {@code webhook-id}, which receivers use to drop the duplicate.
     */
    void stop(@Observes ShutdownEvent event) {
        claimer.shutdownNow();
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        recorder.flush();
    }
}
