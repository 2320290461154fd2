package dev.statecraft.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statecraft.notify.TestSubscriptions;
import dev.statecraft.notify.WebhookReceiver;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The delivery table as several workers (instances) share it: leases, skip-locked claims, crash recovery. */
@QuarkusTest
class DeliveryClaimsTest {
    @Inject
    DeliveryStore store;
    @Inject
    EntityManager em;

    @Test
    void concurrentClaimersNeverGetTheSameDelivery() throws Exception {
        // an endpoint nobody listens on: whatever the app's own worker claims fails harmlessly
        UUID subscription = UUID.fromString(TestSubscriptions.create(Map.of("webhook_url", "http://127.0.0.1:9/")).id());
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 40; i++) {
                assertThat(store.createIfNew(subscription, "ann_claims_" + UUID.randomUUID(), 1, "{}")).isTrue();
            }
        });

        int claimers = 3;
        CyclicBarrier start = new CyclicBarrier(claimers);
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        try {
            List<Future<List<DeliveryStore.Claimed>>> results = new ArrayList<>();
            for (int i = 0; i < claimers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<DeliveryStore.Claimed> mine = new ArrayList<>();
                    for (int round = 0; round < 5; round++) {
                        mine.addAll(store.claimDue(5, Duration.ofMinutes(5)));
                    }
                    return mine;
                }));
            }
            List<UUID> claimed = new ArrayList<>();
            for (Future<List<DeliveryStore.Claimed>> r : results) {
                r.get().forEach(d -> claimed.add(d.id()));
            }
            Set<UUID> distinct = new HashSet<>(claimed);
            assertThat(claimed).isNotEmpty();
            assertThat(distinct).hasSameSizeAs(claimed);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDeliveryLeftSendingByACrashedWorkerIsSentOnceItsLeaseExpires() {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            TestSubscriptions.Created sub = TestSubscriptions.create(Map.of("webhook_url", receiver.url()));
            UUID subscription = UUID.fromString(sub.id());
            String announcement = "ann_crashed_" + UUID.randomUUID();
            QuarkusTransaction.requiringNew().run(() -> {
                store.createIfNew(subscription, announcement, 1, "{\"crashed\":true}");
                // as a worker that claimed it and died would leave it
                em.createNativeQuery("update delivery set status = 'sending', "
                                + "lease_until = now() + interval '2 seconds' where announcement_id = ?1")
                        .setParameter(1, announcement).executeUpdate();
            });

            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.count() == 1);
            assertThat(receiver.received().get(0).body()).isEqualTo("{\"crashed\":true}");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(TestSubscriptions.deliveries(sub))
                    .singleElement().satisfies(d -> assertThat(d).containsEntry("status", "delivered")));
            String webhookId = (String) TestSubscriptions.deliveries(sub).get(0).get("webhook_id");
            assertThat(receiver.received().get(0).header("webhook-id")).isEqualTo(webhookId);
        }
    }

    @Test
    void aRedeliveredRevisionAndAnOlderRevisionCreateNothing() {
        UUID subscription = UUID.fromString(TestSubscriptions.create(Map.of("webhook_url", "http://127.0.0.1:9/")).id());
        String announcement = "ann_revisions_" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(store.createIfNew(subscription, announcement, 2, "{}")).isTrue();
            assertThat(store.createIfNew(subscription, announcement, 2, "{}")).isFalse();
            // replay of a compacted topic can bring revision 1 after 2 was delivered: no alert either
            assertThat(store.createIfNew(subscription, announcement, 1, "{}")).isFalse();
            assertThat(store.createIfNew(subscription, announcement, 3, "{}")).isFalse();
        });
    }
}
