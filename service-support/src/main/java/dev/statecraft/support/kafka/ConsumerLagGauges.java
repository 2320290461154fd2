package dev.statecraft.support.kafka;

import static dev.statecraft.support.Failures.rootMessage;

import dev.statecraft.support.concurrent.DaemonThreads;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Consumer lag per partition of a service's consumer group: the topic's end offset minus the group's
 * committed offset, read with an admin client ({@code statecraft.consumer.lag{group, topic, partition}}). It
 * is what the group still has to do, whichever instance holds the partition, and it is there even while the
 * consumer is stuck. On when {@code statecraft.metrics.consumer-lag.group} is set.
 */
@ApplicationScoped
public class ConsumerLagGauges {
    private static final Logger LOG = Logger.getLogger(ConsumerLagGauges.class);

    @ConfigProperty(name = "statecraft.metrics.consumer-lag.group")
    Optional<String> group;
    @ConfigProperty(name = "statecraft.metrics.consumer-lag.interval", defaultValue = "15s")
    Duration interval;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final Map<TopicPartition, AtomicLong> lags = new ConcurrentHashMap<>();
    private MeterRegistry registry;
    private Admin admin;
    private ScheduledExecutorService timer;
    private volatile boolean failing;

    void start(@Observes StartupEvent event, MeterRegistry registry) {
        if (group.isEmpty() || group.get().isBlank()) {
            return;
        }
        this.registry = registry;
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, group.get() + "-lag-gauges",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
        timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("consumer-lag-gauges"));
        timer.scheduleWithFixedDelay(this::measure, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer != null) {
            timer.shutdownNow();
            admin.close(Duration.ofSeconds(2));
        }
    }

    void measure() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.get())
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            if (failing) {
                failing = false;
                LOG.infof("consumer lag of group %s measured again", group.get());
            }
            committed.forEach((partition, offset) -> {
                long end = ends.get(partition).offset();
                long lag = offset == null ? end : Math.max(0, end - offset.offset());
                lags.computeIfAbsent(partition, this::register).set(lag);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Once per outage, not every interval: the broker's own health check reports it too.
            if (!failing) {
                failing = true;
                LOG.warnf("consumer lag of group %s not measured: %s", group.get(), rootMessage(e));
            }
        }
    }

    private AtomicLong register(TopicPartition partition) {
        AtomicLong lag = new AtomicLong();
        Gauge.builder("statecraft.consumer.lag", lag, AtomicLong::get)
                .description("Records on the partition that the consumer group has not committed yet")
                .tag("group", group.get()).tag("topic", partition.topic())
                .tag("partition", Integer.toString(partition.partition())).register(registry);
        return lag;
    }
}
