package dev.statecraft.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.LogCapture;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementEvents;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.model.Kind;
import dev.statecraft.support.logging.LogContext;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The projection continues the trace that the record's {@code traceparent} header carries (set by ingest). */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class TraceContinuationTest {

    @Test
    void applyingARecordLogsUnderTheTraceOfItsTraceparent() {
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        String traceId = HexFormat.of().formatHex(random);
        String producerSpan = "53995c3f42cd8ad8";
        String id = Events.newId();
        Announcement a = Events.announcement(id, 1, "Foreign Secretary visits Ottawa", Kind.VISIT, Instant.now(),
                "GB", "CA");
        RecordHeaders headers = new RecordHeaders();
        headers.add(AnnouncementEvents.HEADER_SPEC_VERSION, Events.bytes("1.0"));
        headers.add(AnnouncementEvents.HEADER_TYPE, Events.bytes(AnnouncementEvents.typeFor(1)));
        headers.add(AnnouncementEvents.HEADER_ID, Events.bytes(AnnouncementEvents.eventId(id, 1)));
        headers.add(AnnouncementEvents.HEADER_SUBJECT, Events.bytes(id));
        headers.add("traceparent", Events.bytes("00-" + traceId + "-" + producerSpan + "-00"));

        try (LogCapture logs = LogCapture.start()) {
            Events.sendRaw(id, AnnouncementJson.write(a), headers);
            await().atMost(Duration.ofSeconds(30)).until(() -> !logs.containing(id + ": revision 1 applied").isEmpty());
            LogCapture.Line applied = logs.containing(id + ": revision 1 applied").get(0);
            assertThat(applied.mdc()).containsEntry("traceId", traceId).containsEntry(LogContext.ANNOUNCEMENT_ID, id);
            // A span of its own (the consumer's), child of the producer's.
            assertThat(applied.mdc().get("spanId")).hasSize(16).isNotEqualTo(producerSpan);
        }
    }
}
