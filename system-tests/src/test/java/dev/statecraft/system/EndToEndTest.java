package dev.statecraft.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statecraft.infra.FreePorts;
import dev.statecraft.infra.local.LocalSystem;
import dev.statecraft.infra.local.WebhookReceiver;
import dev.statecraft.model.AnnouncementEvents;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The three packaged services as separate processes on a real broker and PostgreSQL, driven over HTTP as a
 * user would: an announcement posted to ingest shows in the timeline and reaches a subscriber exactly once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest {
    static LocalSystem system;
    static WebhookReceiver receiver;
    static String secret;
    static String announcementId;

    @BeforeAll
    static void startTheSystem() throws IOException {
        byte[] key = new byte[32];
        ThreadLocalRandom.current().nextBytes(key);
        secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        receiver = WebhookReceiver.start(0, secret, r -> { });
        Path root = Path.of(System.getProperty("statecraft.project.root", "..")).toAbsolutePath().normalize();
        system = LocalSystem.start(new LocalSystem.Options(root, Files.createTempDirectory("statecraft-e2e-"), true,
                FreePorts.find(), FreePorts.find(),
                Map.of("ingest", FreePorts.find(), "timeline", FreePorts.find(), "notify", FreePorts.find()),
                Map.of("STATECRAFT_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true")));
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    static String seed() throws IOException {
        try (InputStream in = EndToEndTest.class.getResourceAsStream("/uk-eu-kallas-london.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @Order(1)
    void aPostedAnnouncementReachesTheTimelineAndOneSignedWebhook() throws IOException {
        given().baseUri(system.url("notify")).contentType(ContentType.JSON)
                .body("{\"webhook_url\":\"" + receiver.url() + "\",\"secret\":\"" + secret + "\",\"countries\":[\"UA\"]}")
                .post("/api/subscriptions").then().statusCode(201);

        announcementId = given().baseUri(system.url("ingest")).contentType("text/plain; charset=utf-8")
                .queryParam("source_url", "https://www.gov.uk/government/news/eu-high-representative-visits-london")
                .body(seed()).post("/api/announcements")
                .then().statusCode(202).extract().path("id");

        JsonPath entry = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> timelineEntry(announcementId), e -> e != null);
        assertThat(entry.getString("kind")).isEqualTo("visit");
        assertThat(entry.getList("countries")).contains("GB", "UA", "RU");

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() == 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).until(() -> receiver.received().size() == 1);
        WebhookReceiver.Received alert = receiver.received().get(0);
        assertThat(alert.signatureValid()).isTrue();
        JsonPath body = new JsonPath(alert.body());
        assertThat(body.getString("type")).isEqualTo("announcement.published");
        assertThat(body.getString("data.id")).isEqualTo(announcementId);
    }

    @Test
    @Order(2)
    void theSameRecordDeliveredAgainChangesNothing() {
        assertThat(announcementId).as("the first test ran").isNotNull();
        ConsumerRecord<String, String> original = recordOf(announcementId);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", system.broker().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(original.topic(), original.partition(), original.key(), original.value(),
                    original.headers())).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        // Both consumers have processed the copy once their group has committed up to the end of the topic.
        await().atMost(Duration.ofSeconds(30)).until(() -> lag("timeline-service") == 0 && lag("notify-service") == 0);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                receiver.received().size() == 1 && timelineCount(announcementId) == 1);
        assertThat(timelineEntry(announcementId).getInt("revision")).isEqualTo(1);
        given().baseUri(system.url("ingest")).contentType("text/plain; charset=utf-8")
                .queryParam("source_url", "https://www.gov.uk/government/news/eu-high-representative-visits-london")
                .body(seedUnchecked()).post("/api/announcements")
                .then().statusCode(200);
    }

    private static String seedUnchecked() {
        try {
            return seed();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath timelineEntry(String id) {
        JsonPath page = given().baseUri(system.url("timeline")).get("/api/timeline").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        for (int i = 0; i < items.size(); i++) {
            if (id.equals(items.get(i).get("id"))) {
                return new JsonPath(page.prettify()).setRootPath("items[" + i + "]");
            }
        }
        return null;
    }

    private static long timelineCount(String id) {
        List<String> ids = given().baseUri(system.url("timeline")).get("/api/timeline").then().extract().path("items.id");
        return ids.stream().filter(id::equals).count();
    }

    /** Records of the topic that the consumer group has not committed yet. */
    private static long lag(String group) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", system.broker().bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            admin.describeTopics(List.of(AnnouncementEvents.TOPIC)).allTopicNames().get().get(AnnouncementEvents.TOPIC)
                    .partitions().forEach(p -> latest.put(new TopicPartition(AnnouncementEvents.TOPIC, p.partition()),
                            OffsetSpec.latest()));
            long lag = 0;
            for (var end : admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                lag += end.getValue().offset() - (done == null ? 0 : done.offset());
            }
            return lag;
        }
    }

    private static ConsumerRecord<String, String> recordOf(String id) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", system.broker().bootstrapServers(), "enable.auto.commit", false),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(AnnouncementEvents.TOPIC).forEach(p ->
                    partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (id.equals(r.key())) {
                        return r;
                    }
                }
            }
            throw new AssertionError("no record for " + id + " in " + AnnouncementEvents.TOPIC);
        }
    }
}
