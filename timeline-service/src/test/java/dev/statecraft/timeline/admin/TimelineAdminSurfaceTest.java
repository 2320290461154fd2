package dev.statecraft.timeline.admin;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import dev.statecraft.model.AnnouncementEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** timeline-service exposes the shared operator surface for its own group and dead-letter topic. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class TimelineAdminSurfaceTest {
    static RequestSpecification operator() {
        return given().header("Authorization", "Bearer test-operator-token-not-a-secret");
    }

    @Test
    void aPoisonRecordIsListedWithItsReasonAndTheGroupsLagIsShown() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        RecordHeaders headers = new RecordHeaders();
        headers.add(AnnouncementEvents.HEADER_TYPE, AnnouncementEvents.TYPE_PUBLISHED_V1.getBytes(StandardCharsets.UTF_8));
        RecordMetadata sent;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                KafkaTestResource.broker().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            sent = producer.send(new ProducerRecord<>(AnnouncementEvents.TOPIC, null, key, "{ not json", headers))
                    .get(30, TimeUnit.SECONDS);
        }
        // the live consumer dead-letters it with SmallRye's headers; the admin API shows where it came from
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                operator().get("/admin/dead-letters").then().statusCode(200).extract().jsonPath()
                        .getList("records.key").contains(key));
        operator().get("/admin/dead-letters").then()
                .body("topic", equalTo("statecraft.announcements.dlq.timeline"))
                .body("records.find { it.key == '" + key + "' }.original_topic", equalTo(AnnouncementEvents.TOPIC))
                .body("records.find { it.key == '" + key + "' }.original_offset", equalTo((int) sent.offset()))
                .body("records.find { it.key == '" + key + "' }.payload", equalTo("{ not json"));

        operator().get("/admin/consumers").then().statusCode(200).body("group", equalTo("timeline-service"));
        operator().contentType(ContentType.JSON).body(Map.of("to_offset", 0))
                .post("/admin/consumers/reset").then().statusCode(200).body("dry_run", equalTo(true),
                        "applied", equalTo(false));
        given().get("/admin/consumers").then().statusCode(401);
        operator().get("/admin/audit").then().statusCode(200).body("action", hasItem("consumers.reset"));
    }
}
