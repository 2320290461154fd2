package dev.statecraft.load.latency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.infra.local.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class LatencyReceiverTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(KEY);
    private static final String BODY = "{\"type\":\"announcement.published\",\"timestamp\":\"2026-11-27T22:00:00Z\","
            + "\"data\":{\"id\":\"ann_latency_receiver_1\",\"revision\":1,\"countries\":[\"GB\"],\"title\":\"t\"}}";

    @Test
    void acceptsACorrectlySignedWebhookAndRefusesAForgedOne() throws Exception {
        List<WebhookReceiver.Received> received = new CopyOnWriteArrayList<>();
        try (LatencyReceiver receiver = LatencyReceiver.start(SECRET, received::add)) {
            HttpClient http = HttpClient.newHttpClient();
            assertThat(post(http, receiver.url(), "msg_1", "v1," + sign("msg_1.1764280800." + BODY))).isEqualTo(204);
            assertThat(post(http, receiver.url(), "msg_2", "v1," + sign("msg_2.1764280800.{\"forged\":true}"))).isEqualTo(401);
        }
        // the answer is written after the listener ran, so both are there
        assertThat(received).extracting(WebhookReceiver.Received::webhookId).containsExactly("msg_1", "msg_2");
        assertThat(received).extracting(WebhookReceiver.Received::signatureValid).containsExactly(true, false);
        assertThat(received.get(0).body()).isEqualTo(BODY);
    }

    @Test
    void readsTheAnnouncementIdOfAWebhookBody() {
        assertThat(LatencyBenchmark.announcementId(BODY)).isEqualTo("ann_latency_receiver_1");
        assertThat(LatencyBenchmark.announcementId("{\"type\":\"x\",\"meta\":{\"id\":\"no\"},\"data\":{\"title\":"
                + "{\"id\":\"nested\"},\"id\":\"ann_2\"}}")).isEqualTo("ann_2");
        assertThat(LatencyBenchmark.announcementId("{\"data\":{\"title\":\"no id\"}}")).isEmpty();
        assertThat(LatencyBenchmark.announcementId("not json")).isEmpty();
    }

    private static int post(HttpClient http, String url, String id, String signature) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("webhook-id", id).header("webhook-timestamp", "1764280800")
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(id.equals("msg_1") ? BODY : "{}")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String sign(String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }
}
