package dev.statecraft.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.model.Kind;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What an operator watches of the projection: its lag per partition and the time to apply a record. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class ConsumerMetricsTest {

    @Test
    void lagPerPartitionAndApplyTimeAreExposed() {
        String id = Events.newId();
        Events.send(Events.announcement(id, 1, "Foreign Secretary visits Canberra", Kind.VISIT, Instant.now(), "AU"));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).contains("statecraft_projection_apply_seconds_count");
            assertThat(metrics).containsPattern(
                    "statecraft_consumer_lag\\{group=\"timeline-service\",partition=\"\\d+\",topic=\"statecraft\\.announcements\"\\} 0.0");
        });
    }
}
