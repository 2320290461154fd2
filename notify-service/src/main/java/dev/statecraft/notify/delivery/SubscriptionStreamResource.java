package dev.statecraft.notify.delivery;

import static dev.statecraft.support.Failures.rootMessage;
import dev.statecraft.notify.subscription.Subscription;
import dev.statecraft.notify.subscription.SubscriptionAccess;
import dev.statecraft.notify.subscription.SubscriptionService;
import dev.statecraft.support.concurrent.DaemonThreads;
import dev.statecraft.support.problem.Problem;
import dev.statecraft.support.problem.ProblemException;
import dev.statecraft.support.sse.LastEventId;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The sse channel: {@code GET /api/subscriptions/{id}/stream} streams the subscription's deliveries as
 * Server-Sent Events, {@code id:} = the per-subscription sequence stored with each delivery. A client that
 * reconnects with {@code Last-Event-ID} first gets what it missed (read from the table), then new events as they
 * are written (the stream polls the table); a comment line keeps idle connections open. The deliveries are rows
 * like any other channel's, so a redelivered Kafka record never makes a second event.
 */
@Path("/api/subscriptions/{id}/stream")
@Singleton
public class SubscriptionStreamResource {
    private static final Logger LOG = Logger.getLogger(SubscriptionStreamResource.class);
    private static final int PAGE = 200;

    @Inject
    SubscriptionService subscriptions;
    @Inject
    SubscriptionAccess access;
    @Inject
    DeliveryStore store;
    @ConfigProperty(name = "statecraft.sse.poll-interval", defaultValue = "500ms")
    Duration pollInterval;
    @ConfigProperty(name = "statecraft.sse.keep-alive", defaultValue = "15s")
    Duration keepAlive;

    private final Semaphore openStreams;
    private final ExecutorService streams;

    SubscriptionStreamResource(@ConfigProperty(name = "statecraft.sse.max-streams", defaultValue = "256") int maxStreams) {
        this.openStreams = new Semaphore(maxStreams);
        this.streams = Executors.newCachedThreadPool(DaemonThreads.numbered("sse-stream"));
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public void stream(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context SseEventSink sink, @Context Sse sse) {
        Subscription s = subscriptions.find(id).orElse(null);
        access.requireAccess(authorization, s);
        if (s.isEnded()) {
            throw SubscriptionService.conflict("subscription-ended", "The subscription has ended (" + s.endedReason + ").");
        }
        if (!s.sse) {
            throw SubscriptionService.conflict("no-sse-channel",
                    "The subscription has no sse channel; PATCH {\"sse\": true} first.");
        }
        long after = LastEventId.parse(lastEventId).orElse(0);
        if (!openStreams.tryAcquire()) {
            throw new ProblemException(Problem.of(503, "too-many-streams", "Service Unavailable",
                    "Too many open streams on this instance; try again later."));
        }
        UUID subscriptionId = s.id;
        // The first write (a comment that tells the client the stream is open) is made here, on the request's
        // thread, and the stream's own thread starts only once it is out: two first writes racing to send the
        // response head fail one request in a while ("Response head already sent").
        sink.send(sse.newEventBuilder().comment("stream of subscription " + subscriptionId).build())
                .whenComplete((ignored, error) -> {
                    if (error != null) {
                        openStreams.release();
                        sink.close();
                        return;
                    }
                    streams.execute(() -> {
                        try {
                            run(subscriptionId, after, sink, sse);
                        } finally {
                            openStreams.release();
                            sink.close();
                        }
                    });
                });
    }

    private void run(UUID subscriptionId, long after, SseEventSink sink, Sse sse) {
        long last = after;
        Instant lastWrite = Instant.now();
        LOG.infof("subscription %s: stream opened after event %d", subscriptionId, after);
        try {
            while (!sink.isClosed() && !streams.isShutdown()) {
                List<DeliveryStore.SseEvent> events = store.sseAfter(subscriptionId, last, PAGE);
                for (DeliveryStore.SseEvent e : events) {
                    write(sink, sse.newEventBuilder().id(Long.toString(e.seq())).name(e.type()).data(e.payload())
                            .build());
                    last = e.seq();
                }
                if (!events.isEmpty()) {
                    store.markStreamed(events.stream().map(DeliveryStore.SseEvent::deliveryId).toList());
                    lastWrite = Instant.now();
                    continue;
                }
                if (Duration.between(lastWrite, Instant.now()).compareTo(keepAlive) >= 0) {
                    write(sink, sse.newEventBuilder().comment("keep-alive").build());
                    lastWrite = Instant.now();
                    if (ended(subscriptionId)) {
                        break;
                    }
                }
                Thread.sleep(pollInterval.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // the client went away (or the db failed): it reconnects with Last-Event-ID and loses nothing
            LOG.debugf("subscription %s: stream ended after event %d: %s", subscriptionId, last, rootMessage(e));
        }
        LOG.infof("subscription %s: stream closed after event %d", subscriptionId, last);
    }

    private static void write(SseEventSink sink, OutboundSseEvent event) throws InterruptedException,
            java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
        sink.send(event).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static boolean ended(UUID subscriptionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Subscription s = Subscription.findById(subscriptionId);
            return s == null || s.isEnded() || !s.sse;
        });
    }

    void stop(@Observes ShutdownEvent event) {
        streams.shutdownNow();
    }
}
