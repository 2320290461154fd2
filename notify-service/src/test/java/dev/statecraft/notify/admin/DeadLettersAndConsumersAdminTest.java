package dev.statecraft.notify.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementEvents;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.model.Kind;
import dev.statecraft.notify.TestAnnouncements;
import dev.statecraft.notify.TestKafka;
import dev.statecraft.notify.TestSubscriptions;
import dev.statecraft.notify.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Dead letters listed, inspected and re-driven once; consumer lag and a guarded reset, on the real broker. */
@QuarkusTest
class DeadLettersAndConsumersAdminTest {
    static RequestSpecification operator() {
        return given().header("Authorization", "Bearer " + TestSubscriptions.OPERATOR_TOKEN);
    }

    /**
     * A good event that failed under an earlier bug: in the DLQ with SmallRye's headers, as the failure strategy
     * writes them.
     */
    static RecordMetadata deadLetter(Announcement a) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        Map.of(AnnouncementEvents.HEADER_TYPE, AnnouncementEvents.TYPE_PUBLISHED_V1,
                AnnouncementEvents.HEADER_SPEC_VERSION, AnnouncementEvents.SPEC_VERSION,
                AnnouncementEvents.HEADER_SUBJECT, a.id(),
                "dead-letter-reason", "database bug fixed in 1.0.1",
                "dead-letter-cause", "java.lang.IllegalStateException",
                "dead-letter-topic", AnnouncementEvents.TOPIC,
                "dead-letter-partition", "3",
                "dead-letter-offset", "41")
                .forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                TestKafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            return producer.send(new ProducerRecord<>(AnnouncementEvents.DLQ_NOTIFY, null, a.id(),
                    AnnouncementJson.write(a), headers)).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aDeadLetterIsShownAndReDrivenOnceAndThenProcessed() throws Exception {
        String word = TestAnnouncements.uniqueWord();
        Announcement a = TestAnnouncements.announcement(TestAnnouncements.newId(), 1, "Sanctions on " + word,
                "New sanctions on " + word + ".", Kind.SANCTIONS_IMPOSED, "RU");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            TestSubscriptions.forKeyword(receiver, word);
            RecordMetadata dead = deadLetter(a);
            String path = "/admin/dead-letters/" + dead.partition() + "/" + dead.offset();

            given().get(path).then().statusCode(401);
            operator().get(path).then().statusCode(200)
                    .body("key", equalTo(a.id()), "reason", equalTo("database bug fixed in 1.0.1"),
                            "original_topic", equalTo(AnnouncementEvents.TOPIC), "original_partition", equalTo(3),
                            "original_offset", equalTo(41), "payload", equalTo(AnnouncementJson.write(a)));
            List<String> keys = operator().get("/admin/dead-letters").then().statusCode(200)
                    .body("topic", equalTo(AnnouncementEvents.DLQ_NOTIFY)).extract().jsonPath().getList("records.key");
            assertThat(keys).contains(a.id());

            operator().contentType(ContentType.JSON)
                    .body(Map.of("partition", dead.partition(), "offset", dead.offset()))
                    .post("/admin/dead-letters/redrive").then().statusCode(200)
                    .body("results[0].status", equalTo("redriven"));
            await().atMost(Duration.ofSeconds(30)).until(() -> receiver.count() == 1);

            // again, one by one or all at once: nothing is re-driven a second time
            operator().contentType(ContentType.JSON)
                    .body(Map.of("partition", dead.partition(), "offset", dead.offset()))
                    .post("/admin/dead-letters/redrive").then().statusCode(200)
                    .body("results[0].status", equalTo("already_redriven"));
            JsonPath all = operator().contentType(ContentType.JSON).body(Map.of("all", true))
                    .post("/admin/dead-letters/redrive").then().statusCode(200).extract().jsonPath();
            assertThat(all.getList("results.findAll { it.offset == " + dead.offset() + " && it.partition == "
                    + dead.partition() + " }.status")).containsExactly("already_redriven");
            operator().get(path).then().body("redriven_by", equalTo("operator"));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> receiver.count() == 1);
        }
        operator().get(path(9, 999_999)).then().statusCode(404);
        operator().get("/admin/dead-letters/x/1").then().statusCode(400).body("parameter", equalTo("partition"));
        operator().contentType(ContentType.JSON).body(Map.of("partition", 0))
                .post("/admin/dead-letters/redrive").then().statusCode(400);
    }

    static String path(int partition, long offset) {
        return "/admin/dead-letters/" + partition + "/" + offset;
    }

    @Test
    void lagIsShownPerPartitionAndALiveGroupIsNotMoved() {
        RecordMetadata published = TestKafka.publish(TestAnnouncements.announcement(TestAnnouncements.newId(), 1,
                "Lag probe", "Body.", Kind.STATEMENT, "FR"));
        TestKafka.awaitConsumed(published);
        operator().get("/admin/consumers").then().statusCode(200)
                .body("group", equalTo("notify-service"), "topic", equalTo(AnnouncementEvents.TOPIC),
                        "members", greaterThanOrEqualTo(1), "partitions.size()", equalTo(6));

        JsonPath dry = operator().contentType(ContentType.JSON).body(Map.of("to_offset", 0, "dry_run", true))
                .post("/admin/consumers/reset").then().statusCode(200).extract().jsonPath();
        assertThat(dry.getBoolean("applied")).isFalse();
        assertThat(dry.getList("moves.new", Integer.class)).containsOnly(0);
        assertThat(dry.getLong("moves.find { it.partition == " + published.partition() + " }.current"))
                .isGreaterThan(published.offset());

        operator().contentType(ContentType.JSON).body(Map.of("to_offset", 0, "dry_run", false))
                .post("/admin/consumers/reset").then().statusCode(409)
                .body("type", equalTo("https://statecraft.dev/problems/group-has-members"));
        // forced, Kafka itself still refuses to move a group whose members are connected
        operator().contentType(ContentType.JSON).body(Map.of("to_offset", 0, "dry_run", false, "force", true))
                .post("/admin/consumers/reset").then().statusCode(409);
        operator().contentType(ContentType.JSON).body(Map.of("to_time", "yesterday"))
                .post("/admin/consumers/reset").then().statusCode(400).body("parameter", equalTo("to_time"));
        operator().contentType(ContentType.JSON).body(Map.of())
                .post("/admin/consumers/reset").then().statusCode(400);
        operator().get("/admin/audit?action=consumers.reset").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.hasItems(200, 409, 400));
    }
}
