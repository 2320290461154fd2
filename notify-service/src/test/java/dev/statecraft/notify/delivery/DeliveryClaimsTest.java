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

    @Test
    void aBatchedInsertAppliesTheSameRulesRowByRow() {
        UUID told = UUID.fromString(TestSubscriptions.create(Map.of("webhook_url", "http://127.0.0.1:9/")).id());
        UUID optedIn = UUID.fromString(TestSubscriptions.create(Map.of("webhook_url", "http://127.0.0.1:9/")).id());
        UUID fresh = UUID.fromString(TestSubscriptions.create(Map.of("webhook_url", "http://127.0.0.1:9/")).id());
        String announcement = "ann_batch_" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(store.createIfNew(told, announcement, 1, "{}")).isTrue();
            assertThat(store.createIfNew(optedIn, announcement, 1, "{}")).isTrue();
            boolean[] inserted = store.createAllIfNew(List.of(
                    new DeliveryStore.NewDelivery(told, DeliveryStore.CHANNEL_WEBHOOK, false), // told of revision 1
                    new DeliveryStore.NewDelivery(optedIn, DeliveryStore.CHANNEL_WEBHOOK, true), // opted in
                    new DeliveryStore.NewDelivery(fresh, DeliveryStore.CHANNEL_WEBHOOK, false), // never told
                    new DeliveryStore.NewDelivery(told, DeliveryStore.CHANNEL_EMAIL, false)), // other channel
                    announcement, 2, "{}");
            assertThat(inserted).containsExactly(false, true, true, true);
            // the same batch again (a redelivered record): nothing
            assertThat(store.createAllIfNew(List.of(
                    new DeliveryStore.NewDelivery(optedIn, DeliveryStore.CHANNEL_WEBHOOK, true),
                    new DeliveryStore.NewDelivery(fresh, DeliveryStore.CHANNEL_WEBHOOK, false)),
                    announcement, 2, "{}")).containsExactly(false, false);
            // keep the app's own worker away from these rows
            em.createNativeQuery("update delivery set status = 'exhausted', next_attempt_at = null "
                    + "where announcement_id = ?1").setParameter(1, announcement).executeUpdate();
        });
    }

    @Test
    void groupedOutcomesAreRecordedOnlyForClaimsStillHeld() {
        UUID subscription = UUID.fromString(TestSubscriptions.create(Map.of("webhook_url", "http://127.0.0.1:9/")).id());
        String held = "ann_outcome_held_" + UUID.randomUUID();
        String lost = "ann_outcome_lost_" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            store.createIfNew(subscription, held, 1, "{}");
            store.createIfNew(subscription, lost, 1, "{}");
            // as if claimed: far-future leases so the app's own worker leaves them alone
            em.createNativeQuery("update delivery set status = 'sending', lease_until = now() + interval '1 hour' "
                    + "where announcement_id in (?1, ?2)").setParameter(1, held).setParameter(2, lost).executeUpdate();
        });
        List<DeliveryStore.Claimed> claims = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select id, lease_until, announcement_id from delivery where announcement_id in (?1, ?2)")
                .setParameter(1, held).setParameter(2, lost).getResultList().stream().map(r -> {
                    Object[] row = (Object[]) r;
                    java.time.OffsetDateTime lease = row[1] instanceof java.time.OffsetDateTime o ? o
                            : (row[1] instanceof java.sql.Timestamp t ? t.toInstant() : (java.time.Instant) row[1])
                                    .atOffset(java.time.ZoneOffset.UTC);
                    return new DeliveryStore.Claimed((UUID) row[0], subscription, (String) row[2], 1, "{}", 0, lease,
                            null, null, DeliveryStore.CHANNEL_WEBHOOK, null, null, null,
                            new dev.statecraft.support.tracing.StoredTraceContext(null, null), null);
                }).toList());
        // the lost one was taken over by another worker (a new lease)
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update delivery set lease_until = lease_until + interval '1 minute' where announcement_id = ?1")
                .setParameter(1, lost).executeUpdate());

        Set<UUID> recorded = store.markDeliveredAll(claims.stream()
                .map(c -> new DeliveryStore.DeliveredOutcome(c, 200)).toList());

        UUID heldId = claims.stream().filter(c -> c.announcementId().equals(held)).findFirst().orElseThrow().id();
        assertThat(recorded).containsExactly(heldId);
        Map<String, String> status = new java.util.HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "select announcement_id, status from delivery where announcement_id in (?1, ?2)")
                .setParameter(1, held).setParameter(2, lost).getResultList()
                .forEach(r -> status.put((String) ((Object[]) r)[0], (String) ((Object[]) r)[1])));
        assertThat(status).containsEntry(held, "delivered").containsEntry(lost, "sending");
    }
}
