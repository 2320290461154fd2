package dev.statecraft.notify.delivery;

import static dev.statecraft.support.Failures.rootMessage;
import dev.statecraft.notify.email.EmailSender;
import dev.statecraft.notify.webhook.WebhookSender;
import dev.statecraft.notify.webhook.WebhookSender.Outcome;
import dev.statecraft.support.concurrent.DaemonThreads;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries, off the consumer thread. Claims batches (short transactions) and hands each delivery
 * to its endpoint's queue: at most {@code per-endpoint-concurrency} sends run at once per endpoint, a claim's
 * worth more may wait, and an endpoint without room for a good part of a claim is left out of the next claims.
 * Nothing waits for a batch to finish, so a slow or failing endpoint occupies only its own slots while the
 * others' deliveries keep flowing. Each "delivered" outcome is handed to {@link OutcomeRecorder}, which writes
 * many in one transaction on a thread of its own, so the sender's slot is free at once; other outcomes are
 * recorded one by one. Safe with many instances: claims skip rows that another instance holds.
 *
 * <p>The claim loop runs only on one claimer thread, never twice at once: {@link #wakeUp()} (whoever committed
 * new due deliveries: the consumer, a test alert, a manual retry, a confirmation mail) and the scheduled tick
 * (the fallback for retries coming due and rows committed by other instances) both just ask that thread to run it.
 */
@ApplicationScoped
public class DeliveryWorker {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    /** Room left at the end of a lease, so a send never outlives the claim it was made under. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(5);
    private static final Duration PAUSE_AFTER_DB_FAILURE = Duration.ofSeconds(5);
    /**
     * How often at most a claim steps over busy endpoints' due rows to reach other endpoints' rows behind them. Such
     * a claim reads the busy endpoints' whole backlog (measured: 0.1-1.3 s per claim with a few thousand rows on the
     * loaded 2-core machine), so the others are cheap claims that read only a window of the oldest due rows.
     */
    private static final Duration STEP_OVER_INTERVAL = Duration.ofSeconds(5);
    /** All mail goes through the one SMTP server: one endpoint. */
    static final String SMTP_ENDPOINT = DeliveryStore.MAIL_ENDPOINT;

    private final DeliveryStore store;
    private final WebhookSender sender;
    private final EmailSender emailSender;
    private final EndpointHealth endpointHealth;
    private final RetryPolicy retryPolicy;
    private final int batchSize;
    /** Slots of an endpoint whose subscriptions did not set {@code webhook_max_in_flight}. */
    private final int perEndpointConcurrency;
    /** The most slots one endpoint gets, whatever its subscriptions ask for: half the sender threads. */
    private final int maxEndpointSlots;
    /** The room of an endpoint with the default slots (one this instance holds nothing for). */
    private final int endpointCapacity;
    private final int maxHeld;
    private final Duration lease;
    private final ExecutorService pool;
    private final Tracer tracer;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    /** Claimed and not yet finished (sending or waiting for a slot of its endpoint). */
    private final AtomicInteger held = new AtomicInteger();
    /** Set when the claim loop stopped because {@link #maxHeld} was reached: a finishing send wakes it. */
    private final AtomicBoolean waitingForRoom = new AtomicBoolean();
    private volatile Instant pausedUntil = Instant.EPOCH;
    /** Only the claimer thread uses it. */
    private Instant nextStepOver = Instant.EPOCH;
    private final OutcomeRecorder recorder;
    private final ExecutorService claimer;
    /** Set by every wake-up before it tries to start the claimer: a wake-up during a run causes one more run. */
    private final AtomicBoolean rerun = new AtomicBoolean();
    /** True while a claim run is queued or running on the claimer thread. */
    private final AtomicBoolean claiming = new AtomicBoolean();

    /** One endpoint's sends in flight and deliveries waiting for a slot. Guarded by itself. */
    private final class Endpoint {
        final ArrayDeque<Queued> waiting = new ArrayDeque<>();
        int inFlight;
        /**
         * Sends it may have in flight: the largest {@code webhook_max_in_flight} among the subscriptions whose
         * deliveries it holds (default {@code per-endpoint-concurrency}); set again when it held nothing.
         */
        int slots = perEndpointConcurrency;
        /** Its last claim took all the room it had: more of its rows are probably due. */
        boolean mayHaveMore;

        int held() {
            return inFlight + waiting.size();
        }

        int capacity() {
            return capacityFor(slots);
        }

        /** Room it needs before a claim takes more of its rows: half its capacity, so claims stay large. */
        int reclaimRoom() {
            return Math.max(slots, capacity() / 2);
        }
    }

    /**
     * Deliveries an endpoint with {@code slots} may hold at once: its slots in flight plus a claim's worth waiting (at
     * least twice the slots). A queue of only a few rows made a healthy, busy endpoint cost one claim transaction per
     * couple of sends; its rows are leased either way, and a waiting row whose lease runs short goes back untried.
     */
    private int capacityFor(int slots) {
        return slots + Math.max(2 * slots, batchSize);
    }

    /** The slots a delivery asks for its endpoint: its subscription's own limit for webhooks, else the default. */
    private int slotsWanted(DeliveryStore.Claimed d) {
        Integer own = DeliveryStore.CHANNEL_WEBHOOK.equals(d.channel()) ? d.webhookMaxInFlight() : null;
        return own == null ? perEndpointConcurrency : Math.max(1, Math.min(own, maxEndpointSlots));
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
        this.maxEndpointSlots = WebhookSender.maxInFlightPerEndpoint(perEndpoint, threads);
        this.endpointCapacity = capacityFor(perEndpointConcurrency);
        this.maxHeld = Math.max(batchSize, 4 * Math.max(1, threads));
        this.lease = lease;
        if (lease.compareTo(sender.timeout().plus(LEASE_MARGIN).multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("statecraft.delivery.lease (" + lease
                    + ") must be at least twice the send timeout plus " + LEASE_MARGIN.toSeconds() + " s");
        }
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), DaemonThreads.numbered("delivery-sender"));
        this.claimer = Executors.newSingleThreadExecutor(DaemonThreads.named("delivery-claimer"));
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
            } catch (RejectedExecutionException e) {
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
     * Claims while deliveries are due and there is room to hold them. Each claim takes at most the room every
     * endpoint has (nothing of a busy one), so nothing claimed has to be given back, and the loop ends as soon as a
     * claim comes back short: a finishing send wakes it again when its endpoint has room for a batch (if more of its
     * rows are due) or when the worker's total room opens up; wake-ups and the tick do too.
     */
    void deliverDue() {
        while (!pool.isShutdown() && !Instant.now().isBefore(pausedUntil)) {
            int room = Math.min(batchSize, maxHeld - held.get());
            if (room <= 0) {
                waitingForRoom.set(true);
                if (maxHeld - held.get() <= 0) {
                    return; // a send that finishes after the flag was set wakes the claimer
                }
                continue;
            }
            Claim claim = claimAndDispatch(room);
            if (claim.failed()) {
                return;
            }
            if (claim.count() == room) {
                continue; // a full batch: more may be due
            }
            if (claim.endpointsFilled() && !Instant.now().isBefore(nextStepOver)) {
                continue; // other endpoints' rows may be due behind the backlog of those that got all their room
            }
            return;
        }
    }

    /** What one claim did: rows claimed, whether it failed, whether some endpoint got all the room it had. */
    private record Claim(int count, boolean failed, boolean endpointsFilled) {
    }

    /** Claims up to {@code limit} due deliveries, within each endpoint's room, and queues them. */
    private Claim claimAndDispatch(int limit) {
        boolean stepOver = !Instant.now().isBefore(nextStepOver);
        DeliveryStore.EndpointRoom room = endpointRoom(stepOver);
        List<DeliveryStore.Claimed> claimed;
        try {
            claimed = store.claimDue(limit, lease, room);
            if (stepOver && room.room().containsValue(0)) {
                nextStepOver = Instant.now().plus(STEP_OVER_INTERVAL);
            }
        } catch (RuntimeException e) {
            pausedUntil = Instant.now().plus(PAUSE_AFTER_DB_FAILURE);
            LOG.warnf("delivery worker: claiming due deliveries failed, next try in %d s: %s",
                    PAUSE_AFTER_DB_FAILURE.toSeconds(), rootMessage(e));
            return new Claim(0, true, false);
        }
        // the last send of a delivery that waited for its endpoint must still end inside the lease
        Instant sendDeadline = Instant.now().plus(lease).minus(sender.timeout()).minus(LEASE_MARGIN);
        Map<String, Integer> perEndpoint = new HashMap<>();
        for (DeliveryStore.Claimed d : claimed) {
            perEndpoint.merge(endpointOf(d), 1, Integer::sum);
        }
        // Flags first, sends after: a fast send must find its endpoint's flag already set, or the wake-up that
        // claims its next rows is lost and they wait for the tick. An endpoint left out as busy may have due rows.
        boolean filled = false;
        for (Map.Entry<String, Integer> e : room.room().entrySet()) {
            if (e.getValue() <= 0 && !perEndpoint.containsKey(e.getKey())) {
                Endpoint busy = endpoints.get(e.getKey());
                if (busy != null) {
                    synchronized (busy) {
                        busy.mayHaveMore = true;
                    }
                }
            }
        }
        for (Map.Entry<String, Integer> e : perEndpoint.entrySet()) {
            Endpoint endpoint = endpoints.computeIfAbsent(e.getKey(), k -> new Endpoint());
            boolean more = e.getValue() >= room.room().getOrDefault(e.getKey(), room.otherRoom());
            synchronized (endpoint) {
                endpoint.mayHaveMore = more;
            }
            filled |= more;
        }
        List<DeliveryStore.Claimed> noRoom = new ArrayList<>();
        for (DeliveryStore.Claimed d : claimed) {
            if (!dispatch(new Queued(d, endpointOf(d), sendDeadline))) {
                noRoom.add(d);
            }
        }
        if (!noRoom.isEmpty()) {
            // only if the SQL's endpoint of a URL differs from endpointOf's: back to the table, claimed again later
            store.releaseAll(noRoom);
        }
        return new Claim(claimed.size(), false, filled);
    }

    /**
     * The room of every endpoint that holds deliveries now; one with less than its reclaim room is busy (0: left
     * out of the claim). Endpoints not listed get the default endpoint's full room.
     */
    private DeliveryStore.EndpointRoom endpointRoom(boolean stepOverBusy) {
        Map<String, Integer> room = new HashMap<>();
        endpoints.forEach((key, endpoint) -> {
            synchronized (endpoint) {
                int free = endpoint.capacity() - endpoint.held();
                if (endpoint.held() > 0) {
                    room.put(key, free < endpoint.reclaimRoom() ? 0 : free);
                }
            }
        });
        return new DeliveryStore.EndpointRoom(room, endpointCapacity, stepOverBusy);
    }

    /** Sends at once if the endpoint has a free slot, else queues; false if it holds its capacity already. */
    private boolean dispatch(Queued q) {
        Endpoint endpoint = endpoints.computeIfAbsent(q.endpoint(), k -> new Endpoint());
        int wanted = slotsWanted(q.delivery());
        synchronized (endpoint) {
            endpoint.slots = endpoint.held() == 0 ? wanted : Math.max(endpoint.slots, wanted);
            if (endpoint.inFlight < endpoint.slots) {
                endpoint.inFlight++;
            } else if (endpoint.held() < endpoint.capacity()) {
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
        } catch (RejectedExecutionException e) {
            held.decrementAndGet(); // shutting down: the lease expires and the row is claimed again
        }
    }

    private void run(Queued q) {
        Queued next = q;
        while (next != null) {
            sendOne(next.delivery(), next.sendDeadline());
            int nowHeld = held.decrementAndGet();
            Endpoint endpoint = endpoints.get(next.endpoint());
            boolean roomForABatch;
            synchronized (endpoint) {
                next = endpoint.waiting.poll();
                if (next == null) {
                    endpoint.inFlight--;
                }
                // room grows by one per finished send: once it holds a batch, claim again (once per claim)
                roomForABatch = endpoint.mayHaveMore && endpoint.capacity() - endpoint.held() >= endpoint.reclaimRoom();
                if (roomForABatch) {
                    endpoint.mayHaveMore = false;
                }
            }
            if (roomForABatch || (nowHeld <= maxHeld / 2 && waitingForRoom.compareAndSet(true, false))) {
                wakeUp();
            }
        }
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
        recorder.stopWriter();
        recorder.flush();
    }
}
