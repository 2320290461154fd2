package dev.statecraft.notify.delivery;

import static dev.statecraft.support.Failures.rootMessage;
import dev.statecraft.notify.email.EmailSender;
import dev.statecraft.notify.webhook.WebhookSender;
import dev.statecraft.notify.webhook.WebhookSender.Outcome;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries, off the consumer thread: claims a batch (short transaction), sends it in parallel on
 * a bounded pool with at most a few requests in flight per endpoint (so one slow receiver cannot take every
 * thread, nor be flooded), and records each outcome (another short transaction). Safe with many instances:
 * claims skip rows that another instance holds.
 */
@ApplicationScoped
public class DeliveryWorker {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    /** Room left at the end of a lease, so a send never outlives the claim it was made under. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(5);
    private static final Duration PAUSE_AFTER_DB_FAILURE = Duration.ofSeconds(5);

    private final DeliveryStore store;
    private final WebhookSender sender;
    private final EmailSender emailSender;
    private final RetryPolicy retryPolicy;
    private final int batchSize;
    private final int perEndpointConcurrency;
    private final Duration lease;
    private final ExecutorService pool;
    private volatile Instant pausedUntil = Instant.EPOCH;

    DeliveryWorker(DeliveryStore store, WebhookSender sender, EmailSender emailSender,
            @ConfigProperty(name = "statecraft.delivery.retry-schedule") List<Duration> retrySchedule,
            @ConfigProperty(name = "statecraft.delivery.batch-size", defaultValue = "32") int batchSize,
            @ConfigProperty(name = "statecraft.delivery.threads", defaultValue = "8") int threads,
            @ConfigProperty(name = "statecraft.delivery.per-endpoint-concurrency", defaultValue = "2") int perEndpoint,
            @ConfigProperty(name = "statecraft.delivery.lease", defaultValue = "60s") Duration lease) {
        this.store = store;
        this.sender = sender;
        this.emailSender = emailSender;
        this.retryPolicy = new RetryPolicy(retrySchedule, () -> ThreadLocalRandom.current().nextDouble());
        this.batchSize = batchSize;
        this.perEndpointConcurrency = Math.max(1, perEndpoint);
        this.lease = lease;
        if (lease.compareTo(sender.timeout().plus(LEASE_MARGIN).multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("statecraft.delivery.lease (" + lease
                    + ") must be at least twice the send timeout plus " + LEASE_MARGIN.toSeconds() + " s");
        }
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "webhook-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Scheduled(identity = "webhook-delivery", every = "${statecraft.delivery.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliverDue() {
        // a full batch means more may be due: keep going rather than wait for the next tick
        while (deliverOneBatch() == batchSize) {
            LOG.debug("delivery worker: batch was full, claiming the next one at once");
        }
    }

    /** Claims, sends and records one batch; returns how many deliveries it claimed. */
    int deliverOneBatch() {
        if (Instant.now().isBefore(pausedUntil) || pool.isShutdown()) {
            return 0;
        }
        List<DeliveryStore.Claimed> claimed;
        try {
            claimed = store.claimDue(batchSize, lease);
        } catch (RuntimeException e) {
            pausedUntil = Instant.now().plus(PAUSE_AFTER_DB_FAILURE);
            LOG.warnf("delivery worker: claiming due deliveries failed, next try in %d s: %s",
                    PAUSE_AFTER_DB_FAILURE.toSeconds(), rootMessage(e));
            return 0;
        }
        if (claimed.isEmpty()) {
            return 0;
        }
        // A lane is sent one after another; its last send must still end inside the lease.
        Instant sendDeadline = Instant.now().plus(lease).minus(sender.timeout()).minus(LEASE_MARGIN);
        List<Callable<Void>> lanes = new ArrayList<>();
        for (List<DeliveryStore.Claimed> lane : lanes(claimed, perEndpointConcurrency)) {
            lanes.add(() -> {
                lane.forEach(d -> sendOne(d, sendDeadline));
                return null;
            });
        }
        try {
            pool.invokeAll(lanes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        return claimed.size();
    }

    /** Splits a batch by endpoint (scheme, host, port), each endpoint into at most {@code perEndpoint} lanes. */
    static List<List<DeliveryStore.Claimed>> lanes(List<DeliveryStore.Claimed> batch, int perEndpoint) {
        Map<String, List<List<DeliveryStore.Claimed>>> byEndpoint = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (DeliveryStore.Claimed d : batch) {
            // all mail goes through the one SMTP server: one endpoint
            String endpoint = DeliveryStore.CHANNEL_WEBHOOK.equals(d.channel()) ? endpointOf(d.webhookUrl()) : "smtp";
            List<List<DeliveryStore.Claimed>> endpointLanes = byEndpoint.computeIfAbsent(endpoint, k -> new ArrayList<>());
            int index = counts.merge(endpoint, 1, Integer::sum) - 1;
            if (endpointLanes.size() < perEndpoint) {
                endpointLanes.add(new ArrayList<>());
            }
            endpointLanes.get(index % perEndpoint).add(d);
        }
        return byEndpoint.values().stream().flatMap(List::stream).toList();
    }

    private void sendOne(DeliveryStore.Claimed d, Instant sendDeadline) {
        try {
            if (Instant.now().isAfter(sendDeadline) || pool.isShutdown()) {
                store.release(d);
                return;
            }
            Outcome outcome = DeliveryStore.CHANNEL_WEBHOOK.equals(d.channel())
                    ? sender.send(new WebhookSender.Message(d.webhookUrl(), d.webhookSecret(),
                            Delivery.webhookId(d.id()), d.payload()))
                    : emailSender.send(d);
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
        if (next instanceof RetryPolicy.Delivered) {
            store.markDelivered(d, outcome.statusCode());
            LOG.infof("%s: delivered (HTTP %d)", about, outcome.statusCode());
        } else if (next instanceof RetryPolicy.EndpointGone) {
            store.markEndpointGone(d, outcome.statusCode());
            LOG.warnf("%s: endpoint answered 410 Gone; subscription endpoint disabled", about);
        } else if (next instanceof RetryPolicy.RetryIn retry) {
            store.markForRetry(d, status, outcome.error(), retry.delay());
            LOG.infof("%s failed (%s); retry in %d ms", about, outcome.error(), retry.delay().toMillis());
        } else {
            store.markExhausted(d, status, outcome.error());
            LOG.warnf("%s failed (%s); retries exhausted, giving up", about, outcome.error());
        }
    }

    private static String endpointOf(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : ("https".equals(scheme) ? 443 : 80);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException | NullPointerException e) {
            return url;
        }
    }

    void stop(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }

}
