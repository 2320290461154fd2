package dev.statecraft.notify.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.model.Kind;
import dev.statecraft.notify.TestAnnouncements;
import dev.statecraft.notify.TestKafka;
import dev.statecraft.notify.TestSubscriptions;
import dev.statecraft.notify.TestSubscriptions.Created;
import dev.statecraft.notify.WebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * The in-memory index and the database: changes made by "another instance" (plain SQL, bypassing this
 * instance's API) are seen by matching within the refresh window, and a stale index never alerts a subscription
 * that has ended or changed meanwhile.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class IndexFreshnessTest {
    private static final Duration WAIT = Duration.ofSeconds(45);

    @Inject
    DataSource dataSource;
    @Inject
    SubscriptionIndexHolder holder;

    private void sql(String sql, Object... params) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        }
    }

    @Test
    void aSubscriptionEndedElsewhereIsNotAlertedEvenBeforeTheIndexRefreshes() throws Exception {
        String word = TestAnnouncements.uniqueWord();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Created sub = TestSubscriptions.forKeyword(receiver, word);
            assertThat(holder.current().match(List.of("GB"), "visit", "Visit " + word)).contains(UUID.fromString(sub.id()));
            // another instance ends it (this instance's index still lists it)
            sql("update subscription set ended_at = now(), ended_reason = 'elsewhere' where id = ?", UUID.fromString(sub.id()));
            // ... or narrows another one's filter
            Created narrowed = TestSubscriptions.forKeyword(receiver, word);
            sql("update subscription set kinds = '{summit}' where id = ?", UUID.fromString(narrowed.id()));

            RecordMetadata record = TestKafka.publish(TestAnnouncements.announcement(TestAnnouncements.newId(), 1,
                    "Visit " + word, "Body.", Kind.VISIT, "GB"));
            TestKafka.awaitConsumed(record);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> receiver.count() == 0);
        }
    }

    @Test
    void aSubscriptionCreatedElsewhereIsMatchedAfterTheRefreshWindow() throws Exception {
        String word = TestAnnouncements.uniqueWord();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            UUID id = UUID.randomUUID();
            // another instance inserts it: this instance learns of it from the periodic refresh (5 s)
            sql("""
                    insert into subscription (id, webhook_url, webhook_secret, keywords, management_token_hash)
                    values (?, ?, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', ?, 'x')
                    """, id, receiver.url(), new String[] {word});
            await().atMost(Duration.ofSeconds(15)).until(() -> holder.current()
                    .match(List.of("GB"), "visit", "Visit " + word).contains(id));
            TestKafka.publish(TestAnnouncements.announcement(TestAnnouncements.newId(), 1, "Visit " + word, "Body.",
                    Kind.VISIT, "GB"));
            await().atMost(WAIT).until(() -> receiver.count() == 1);
        }
    }
}
