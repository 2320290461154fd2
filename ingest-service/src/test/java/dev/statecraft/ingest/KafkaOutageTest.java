package dev.statecraft.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.ingest.outbox.OutboxRow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Kafka away: intake still accepts, the event waits in the outbox and goes out when the broker is back. */
@QuarkusTest
class KafkaOutageTest {

    @Test
    void acceptedAnnouncementsWaitForTheBroker() {
        KafkaTestResource.broker().stop();
        String id;
        try {
            id = given().contentType("text/plain").body("The UK and Japan signed a defence agreement. " + UUID.randomUUID())
                    .post("/api/announcements").then().statusCode(202).extract().path("id");
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> waiting(id) == 1);
        } finally {
            KafkaTestResource.broker().restart();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> waiting(id) == 0);
        assertThat(IntakeTest.awaitRecords(id, 1)).hasSize(1);
    }

    private static long waiting(String id) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxRow.count("announcementId", id));
    }
}
