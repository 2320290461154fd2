package dev.statecraft.ingest.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.LogCapture;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.ingest.TopicReader;
import dev.statecraft.support.kafka.AnnouncementRecords;
import dev.statecraft.support.logging.LogContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The intake request's trace continues through the outbox onto the Kafka record, and into the logs. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class TraceContextTest {

    @Test
    void theIntakeRequestsTraceIdIsOnTheKafkaRecordAndTheLogLines() {
        byte[] traceBytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(traceBytes);
        String traceId = HexFormat.of().formatHex(traceBytes);
        String callerSpan = "00f067aa0ba902b7";
        String body = "{\"title\":\"Foreign Secretary meets Japanese counterpart " + UUID.randomUUID() + "\","
                + "\"body\":\"The Foreign Secretary met the Foreign Minister of Japan in Tokyo today.\","
                + "\"published_at\":\"2025-05-02\"}";

        try (LogCapture logs = LogCapture.start()) {
            String id = given().header("traceparent", "00-" + traceId + "-" + callerSpan + "-00")
                    .contentType(ContentType.JSON).body(body).post("/api/announcements")
                    .then().statusCode(202).extract().path("id");

            List<ConsumerRecord<String, String>> records = TopicReader.recordsFor(id);
            assertThat(records).hasSize(1);
            String traceparent = AnnouncementRecords.header(records.get(0), "traceparent");
            assertThat(traceparent).startsWith("00-" + traceId + "-");
            // The relay's own producer span, a descendant of the caller's span, not the caller's span itself.
            assertThat(traceparent.split("-")[2]).hasSize(16).isNotEqualTo(callerSpan);

            await().atMost(Duration.ofSeconds(10)).until(() -> !logs.containing(id + ": stored revision").isEmpty());
            LogCapture.Line stored = logs.containing(id + ": stored revision").get(0);
            assertThat(stored.mdc()).containsEntry("traceId", traceId)
                    .containsEntry(LogContext.ANNOUNCEMENT_ID, id).containsKey("spanId");
        }
    }
}
