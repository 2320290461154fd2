package dev.statecraft.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.notify.TestSubscriptions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A claim takes at most the room each endpoint has and nothing of a busy one, however large the busy one's backlog
 * ahead of the others. The worker's tick is an hour apart here and nothing is consumed, so the app's own worker
 * leaves these rows to the test's claims.
 */
@QuarkusTest
@TestProfile(DeliveryWakeUpTest.HourlyTick.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ClaimRoomTest {
    private static final Duration LEASE = Duration.ofMinutes(1);

    @Inject
    DeliveryStore store;
    @Inject
    EntityManager em;

    /** A subscription to an endpoint of its own (nothing listens there; nothing is sent in these tests). */
    private static Endpoint endpoint() {
        String authority = "127.0.0.1:" + ThreadLocalRandom.current().nextInt(20_000, 60_000);
        UUID id = UUID.fromString(TestSubscriptions.create(Map.of("webhook_url", "http://" + authority + "/hook")).id());
        return new Endpoint(authority, id);
    }

    private record Endpoint(String authority, UUID subscription) {
    }

    private void due(Endpoint endpoint, int count, Duration ago) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < count; i++) {
                String announcement = "ann_room_" + UUID.randomUUID();
                assertThat(store.createIfNew(endpoint.subscription(), announcement, 1, "{}")).isTrue();
                em.createNativeQuery("update delivery set next_attempt_at = now() - make_interval(secs => ?1) "
                        + "where announcement_id = ?2").setParameter(1, (double) ago.toSeconds())
                        .setParameter(2, announcement).executeUpdate();
            }
        });
    }

    /** A claim reads a bounded window of the oldest due rows: this test's rows must not linger for the next test. */
    private void retire(List<Endpoint> mine) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update delivery set status = 'exhausted', "
                        + "next_attempt_at = null, lease_until = null where subscription_id in (?1)")
                .setParameter(1, mine.stream().map(Endpoint::subscription).toList()).executeUpdate());
    }

    /** Claims, counts the claimed rows per test endpoint, and gives back anything else (other tests' rows). */
    private Map<UUID, Long> claim(int limit, DeliveryStore.EndpointRoom room, List<Endpoint> mine) {
        List<DeliveryStore.Claimed> claimed = store.claimDue(limit, LEASE, room);
        List<UUID> ours = mine.stream().map(Endpoint::subscription).toList();
        List<DeliveryStore.Claimed> others = claimed.stream().filter(c -> !ours.contains(c.subscriptionId())).toList();
        if (!others.isEmpty()) {
            store.releaseAll(others);
        }
        return claimed.stream().filter(c -> ours.contains(c.subscriptionId()))
                .collect(Collectors.groupingBy(DeliveryStore.Claimed::subscriptionId, Collectors.counting()));
    }

    @Test
    void aClaimTakesAtMostEachEndpointsRoomAndNothingOfABusyOne() {
        Endpoint limited = endpoint();
        Endpoint busy = endpoint();
        Endpoint other = endpoint();
        List<Endpoint> mine = List.of(limited, busy, other);
        try {
            takesAtMostEachEndpointsRoom(limited, busy, other, mine);
        } finally {
            retire(mine);
        }
    }

    private void takesAtMostEachEndpointsRoom(Endpoint limited, Endpoint busy, Endpoint other, List<Endpoint> mine) {
        for (Endpoint e : mine) {
            due(e, 10, Duration.ofMinutes(1));
        }

        Map<UUID, Long> claimed = claim(100, new DeliveryStore.EndpointRoom(
                Map.of(limited.authority(), 3, busy.authority(), 0), 5, true), mine);

        assertThat(claimed).containsEntry(limited.subscription(), 3L).containsEntry(other.subscription(), 5L)
                .doesNotContainKey(busy.subscription());
        // the rest is still due: without limits, the next claim gets all of it
        Map<UUID, Long> rest = claim(100, DeliveryStore.EndpointRoom.UNLIMITED, mine);
        assertThat(rest).containsEntry(limited.subscription(), 7L).containsEntry(busy.subscription(), 10L)
                .containsEntry(other.subscription(), 5L);
    }

    @Test
    void aBusyEndpointsLargeBacklogDoesNotHoldBackAnotherEndpointsRows() {
        Endpoint busy = endpoint();
        Endpoint other = endpoint();
        List<Endpoint> mine = List.of(busy, other);
        try {
            reachesPastABusyBacklog(busy, other, mine);
        } finally {
            retire(mine);
        }
    }

    private void reachesPastABusyBacklog(Endpoint busy, Endpoint other, List<Endpoint> mine) {
        due(busy, 300, Duration.ofMinutes(10)); // older: first in line
        due(other, 3, Duration.ofMinutes(1));

        // the cheap claim reads only a window of the oldest due rows: the busy endpoint's, of which it takes none
        assertThat(claim(5, new DeliveryStore.EndpointRoom(Map.of(busy.authority(), 0), 5, false), mine)).isEmpty();
        // a claim that steps over busy endpoints reaches past its 300 due rows
        Map<UUID, Long> claimed = claim(5, new DeliveryStore.EndpointRoom(Map.of(busy.authority(), 0), 5, true), mine);

        assertThat(claimed).containsExactlyEntriesOf(Map.of(other.subscription(), 3L));
        // and with room again, the busy endpoint gets its share, oldest first, limited by its room
        assertThat(claim(100, new DeliveryStore.EndpointRoom(Map.of(), 40, true), mine))
                .containsExactlyEntriesOf(Map.of(busy.subscription(), 40L));
    }
}
