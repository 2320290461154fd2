package dev.statecraft.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeliveryWorkerLanesTest {
    private static DeliveryStore.Claimed to(String url) {
        return new DeliveryStore.Claimed(UUID.randomUUID(), UUID.randomUUID(), "ann", 1, "{}", 0,
                OffsetDateTime.now(), url, "whsec_x");
    }

    @Test
    void eachEndpointGetsAtMostThePerEndpointNumberOfLanes() {
        List<DeliveryStore.Claimed> batch = new java.util.ArrayList<>();
        IntStream.range(0, 5).forEach(i -> batch.add(to("https://slow.example/hook/" + i)));
        batch.add(to("https://other.example/hook"));
        batch.add(to("https://SLOW.example:443/other"));

        List<List<DeliveryStore.Claimed>> lanes = DeliveryWorker.lanes(batch, 2);

        // https://slow.example and https://SLOW.example:443 are one endpoint: two lanes for its six
        assertThat(lanes).hasSize(3);
        assertThat(lanes.stream().mapToInt(List::size).sum()).isEqualTo(7);
        assertThat(lanes.get(0)).hasSize(3);
        assertThat(lanes.get(1)).hasSize(3);
        assertThat(lanes.stream().filter(l -> l.stream().anyMatch(d -> d.webhookUrl().contains("other.example"))))
                .singleElement().satisfies(l -> assertThat(l).hasSize(1));
    }
}
