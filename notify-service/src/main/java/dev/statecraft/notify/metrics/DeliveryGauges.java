package dev.statecraft.notify.metrics;

import static dev.statecraft.support.Failures.rootMessage;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Deliveries by channel and state, read from the delivery table (so every instance reports the same, whoever
 * sent them): {@code statecraft.deliveries{channel, status}} counts delivered, exhausted, failed, pending and
 * sending rows, and {@code statecraft.delivery.retry.queue{channel}} those waiting for a retry.
 */
@ApplicationScoped
public class DeliveryGauges {
    private static final Logger LOG = Logger.getLogger(DeliveryGauges.class);

    @Inject
    EntityManager em;
    @Inject
    MeterRegistry registry;

    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    @Scheduled(every = "${statecraft.metrics.delivery-gauges-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        List<Object[]> rows;
        try {
            rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    select channel, status, count(*), count(*) filter (where status = 'failed' and next_attempt_at is not null)
                    from delivery group by channel, status""", Object[].class).getResultList());
        } catch (RuntimeException e) {
            LOG.debugf("delivery gauges not measured: %s", rootMessage(e));
            return;
        }
        Map<AtomicLong, Long> measured = new java.util.HashMap<>();
        for (Object[] row : rows) {
            String channel = (String) row[0];
            String status = (String) row[1];
            measured.merge(gauge("statecraft.deliveries", "Deliveries by channel and status", channel, status),
                    ((Number) row[2]).longValue(), Long::sum);
            measured.merge(gauge("statecraft.delivery.retry.queue", "Deliveries waiting for a retry", channel, null),
                    ((Number) row[3]).longValue(), Long::sum);
        }
        // Set at once, so that a scrape never sees a half-updated picture; states that emptied go to zero.
        values.values().forEach(v -> v.set(measured.getOrDefault(v, 0L)));
    }

    private AtomicLong gauge(String name, String description, String channel, String status) {
        String key = name + "|" + channel + "|" + status;
        return values.computeIfAbsent(key, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.Builder<AtomicLong> builder = Gauge.builder(name, value, AtomicLong::get).description(description)
                    .tag("channel", channel);
            if (status != null) {
                builder.tag("status", status);
            }
            builder.register(registry);
            return value;
        });
    }
}
