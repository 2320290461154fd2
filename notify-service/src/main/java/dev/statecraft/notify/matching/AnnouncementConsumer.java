package dev.statecraft.notify.matching;

import dev.statecraft.notify.delivery.DeliveryWorker;
import dev.statecraft.support.kafka.ApplyWithRetry;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns announcement events into deliveries. The record is acknowledged (and its offset later committed)
 * only when this method returns, i.e. after the transaction that wrote the deliveries has committed; a
 * record that can never be applied throws and goes to the dead-letter topic, and the consumer moves on.
 * After that commit it wakes the delivery worker, so new deliveries do not wait for its next tick.
 */
@ApplicationScoped
public class AnnouncementConsumer {
    @Inject
    SubscriptionMatcher matcher;
    @Inject
    MeterRegistry registry;
    @Inject
    DeliveryWorker worker;

    @Incoming("announcements")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        AtomicReference<SubscriptionMatcher.Result> result = new AtomicReference<>();
        ApplyWithRetry.applyEvent(record, a -> result.set(matcher.match(a)));
        if (result.get().created() > 0) {
            worker.wakeUp(); // committed: send now rather than at the worker's next tick
        }
        DistributionSummary.builder("statecraft.matches").description("Subscriptions matched per announcement")
                .publishPercentileHistogram().register(registry).record(result.get().matched());
    }
}
