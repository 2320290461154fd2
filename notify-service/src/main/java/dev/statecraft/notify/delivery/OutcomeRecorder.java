package dev.statecraft.notify.delivery;

import static dev.statecraft.support.Failures.rootMessage;
import dev.statecraft.support.concurrent.DaemonThreads;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Records "delivered" outcomes in groups, on a thread of its own: a sender that finished a send hands its outcome
 * over and is free for the endpoint's next delivery at once (a commit used to hold one of the endpoint's few
 * slots). The writer takes everything waiting into one transaction (group commit), so under load the outcomes
 * that arrive while one write runs go into the next. An outcome that is never written (a crash, a failed write)
 * leaves its row leased: after the lease it is sent again with the same {@code webhook-id}, which Standard Webhooks
 * receivers use to drop duplicates.
 */
@ApplicationScoped
public class OutcomeRecorder {
    private static final Logger LOG = Logger.getLogger(OutcomeRecorder.class);
    /** Rows per transaction at most. */
    private static final int MAX_GROUP = 500;

    private final DeliveryStore store;
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    /** True while a write is queued on the writer thread and has not started draining yet. */
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(DaemonThreads.named("delivery-outcomes"));

    record Pending(DeliveryStore.Claimed delivery, int statusCode, String about) {
    }

    OutcomeRecorder(DeliveryStore store) {
        this.store = store;
    }

    /** A 2xx for this claim: written soon by the writer thread, with whatever else is waiting then. */
    void delivered(DeliveryStore.Claimed d, int statusCode, String about) {
        pending.add(new Pending(d, statusCode, about));
        // one queued write at a time: it clears the flag before draining, so an outcome added after that queues another
        if (queued.compareAndSet(false, true)) {
            try {
                writer.execute(() -> {
                    queued.set(false);
                    flush();
                });
            } catch (RejectedExecutionException e) {
                queued.set(false);
                flush(); // shutting down: write it on this thread
            }
        }
    }

    /**
     * Writes what is waiting unless another thread is doing so; that thread looks at the queue again after it
     * released the flag, so nothing added meanwhile is left behind. Also called at shutdown.
     */
    void flush() {
        while (!pending.isEmpty() && writing.compareAndSet(false, true)) {
            try {
                List<Pending> group = new ArrayList<>();
                Pending p;
                while (group.size() < MAX_GROUP && (p = pending.poll()) != null) {
                    group.add(p);
                }
                write(group);
            } finally {
                writing.set(false);
            }
        }
    }

    /** At shutdown, after the senders stopped: no more writes on the writer thread; the caller flushes. */
    void stopWriter() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(List<Pending> group) {
        if (group.isEmpty()) {
            return;
        }
        try {
            Set<UUID> recorded = store.markDeliveredAll(group.stream()
                    .map(p -> new DeliveryStore.DeliveredOutcome(p.delivery(), p.statusCode())).toList());
            for (Pending p : group) {
                if (recorded.contains(p.delivery().id())) {
                    LOG.infof("%s: delivered (%d)", p.about(), p.statusCode());
                } else {
                    LOG.warnf("%s: delivered (%d), but the claim had been lost meanwhile (lease expired)", p.about(),
                            p.statusCode());
                }
            }
        } catch (RuntimeException e) {
            for (Pending p : group) {
                LOG.errorf("%s: delivered (%d), recording the outcome failed; sent again after the lease: %s",
                        p.about(), p.statusCode(), rootMessage(e));
            }
        }
    }
}
