package dev.statecraft.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.model.Announcement;
import dev.statecraft.model.Kind;
import dev.statecraft.notify.TestAnnouncements;
import dev.statecraft.notify.TestKafka;
import dev.statecraft.notify.TestSubscriptions;
import dev.statecraft.notify.WebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The webhook send continues the trace of the Kafka record it came from: one announcement, one trace. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class WebhookTraceTest {
    @Test
    void theWebhookCarriesTheTraceOfTheRecord() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String word = TestAnnouncements.uniqueWord();
            TestSubscriptions.forKeyword(receiver, word);
            String traceId = randomHex(16);
            String parentSpan = randomHex(8);
            Announcement a = TestAnnouncements.announcement(TestAnnouncements.newId(), 1,
                    "Minister visits Rome for " + word + " talks", "Body.", Kind.VISIT, "IT");

            TestKafka.publish(a, "00-" + traceId + "-" + parentSpan + "-01");

            await().atMost(Duration.ofSeconds(45)).until(() -> receiver.count() == 1);
            String traceparent = receiver.received().get(0).header("traceparent");
            assertThat(traceparent).startsWith("00-" + traceId + "-");
            // a span of its own (the send), not the producer's
            assertThat(traceparent.split("-")[2]).hasSize(16).isNotEqualTo(parentSpan);
        }
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(b);
    }
}
