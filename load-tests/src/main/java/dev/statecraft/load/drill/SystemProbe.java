package dev.statecraft.load.drill;

import dev.statecraft.infra.local.LocalSystem;
import dev.statecraft.infra.postgres.LocalPostgres;
import dev.statecraft.model.AnnouncementEvents;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Looks at the running system from outside: the topics, the consumer groups and the services' databases. */
final class SystemProbe {
    private final LocalSystem system;

    SystemProbe(LocalSystem system) {
        this.system = system;
    }

    /** Every record of a topic from offset 0 to its current end. */
    void readTopic(String topic, Consumer<ConsumerRecord<String, String>> each) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", system.broker().bootstrapServers(), "enable.auto.commit", false,
                "max.poll.records", 2000), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(each);
            }
        }
    }

    /** Records of the announcements topic that a consumer group has not committed yet; -1 if unknown. */
    long lag(String group) {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", system.broker().bootstrapServers(),
                "request.timeout.ms", 3000, "default.api.timeout.ms", 5000))) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(AnnouncementEvents.TOPIC)).allTopicNames().get(5, TimeUnit.SECONDS)
                    .get(AnnouncementEvents.TOPIC).partitions()
                    .forEach(p -> latest.put(new TopicPartition(AnnouncementEvents.TOPIC, p.partition()), OffsetSpec.latest()));
            long lag = 0;
            for (var end : admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        } catch (Exception e) {
            return -1;
        }
    }

    /** The rows of a query against one service's database, each as an array of its columns. */
    List<Object[]> query(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(system.postgres().jdbcUrl(database), LocalPostgres.USER,
                LocalPostgres.PASSWORD);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<Object[]> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    long count(String database, String sql) {
        try {
            return ((Number) query(database, sql).get(0)[0]).longValue();
        } catch (SQLException e) {
            return -1;
        }
    }
}
