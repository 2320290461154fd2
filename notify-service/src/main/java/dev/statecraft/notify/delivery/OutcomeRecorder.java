package dev.statecraft.notify.delivery;

import static dev.statecraft.support.Failures.rootMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Records "delivered" outcomes in groups: a sender thread that finished a send adds its outcome and, unless
 * another thread is writing already, writes everything waiting in one transaction (group commit). Under load
 * the other senders' outcomes pile up while one write runs and go into the next; alone, an outcome is written
 * at once. An outcome that is never written (a crash, a failed write) leaves its row leased: after the lease it
 * is sent again with the same {@code webhook-id}, which Standard Webhooks receivers use to drop duplicates.
 */
@ApplicationScoped
public class OutcomeRecorder {
    private static final Logger LOG = Logger.getLogger(OutcomeRecorder.class);
    /** Rows per transaction at most. */
    private static final int MAX_GROUP = 500;

    private final DeliveryStore store;
    private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();

    record Pending(DeliveryStore.Claimed delivery, int statusCode, String about) {
    }

    OutcomeRecorder(DeliveryStore store) {
        this.store = store;
    }

    /** A 2xx for this claim: written now or by the thread that is writing already. */
    void delivered(DeliveryStore.Claimed d, int statusCode, String about) {
        pending.add(new Pending(d, statusCode, about));
        flush();
    }

    /**
     * Writes what is waiting unless another thread is doing so; that thread looks at the queue again after it
     * released the flag, so nothing added meanwhile is left behind.
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

    private void write(List<Pending> group) {
        if (group.isEmpty()) {
            return;
        }
        try {
            java.util.Set<java.util.UUID> recorded = store.markDeliveredAll(group.stream()
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
