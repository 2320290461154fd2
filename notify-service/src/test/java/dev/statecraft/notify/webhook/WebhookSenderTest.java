package dev.statecraft.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.notify.WebhookReceiver;
import dev.statecraft.notify.WebhookReceiver.Answer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender against a real HTTP endpoint on 127.0.0.1. */
class WebhookSenderTest {
    private static final String BODY = "{\"type\":\"announcement.published\"}";
    private WebhookReceiver receiver;

    @BeforeEach
    void start() {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private WebhookSender.Message message(String secret) {
        return new WebhookSender.Message(receiver.url(), secret, "msg_123", BODY);
    }

    @Test
    void sendsASignedPostAndReportsTheStatus() {
        String secret = WebhookSecrets.generate();
        WebhookSender.Outcome outcome = new WebhookSender(OutboundUrlGuard.of(true), Duration.ofSeconds(5))
                .send(message(secret));

        assertThat(outcome.delivered()).isTrue();
        assertThat(outcome.statusCode()).isEqualTo(200);
        WebhookReceiver.Received hook = receiver.received().get(0);
        assertThat(hook.body()).isEqualTo(BODY);
        assertThat(hook.header("webhook-id")).isEqualTo("msg_123");
        assertThat(WebhookSigner.verify(secret, "msg_123", Long.parseLong(hook.header("webhook-timestamp")), BODY,
                hook.header("webhook-signature"))).isTrue();
    }

    @Test
    void redirectsAreNotFollowedAndRetryAfterIsPassedOn() {
        receiver.answering(Answer.of(307), new Answer(429, "30"));
        WebhookSender sender = new WebhookSender(OutboundUrlGuard.of(true), Duration.ofSeconds(5));

        WebhookSender.Outcome redirect = sender.send(message(WebhookSecrets.generate()));
        assertThat(redirect.delivered()).isFalse();
        assertThat(redirect.error()).contains("redirects are not followed");

        WebhookSender.Outcome tooMany = sender.send(message(WebhookSecrets.generate()));
        assertThat(tooMany.statusCode()).isEqualTo(429);
        assertThat(tooMany.retryAfter()).contains("30");
        assertThat(receiver.count()).isEqualTo(2);
    }

    @Test
    void guardRefusesLoopbackAtSendTimeWithoutCallingIt() {
        WebhookSender.Outcome outcome = new WebhookSender(OutboundUrlGuard.of(false), Duration.ofSeconds(5))
                .send(message(WebhookSecrets.generate()));

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.statusCode()).isZero();
        assertThat(outcome.error()).startsWith("refused: ").contains("127.0.0.1").contains("loopback");
        assertThat(receiver.count()).isZero();
    }

    @Test
    void unreachableEndpointIsAnOutcomeNotAnException() {
        String url = receiver.url();
        receiver.close();
        WebhookSender.Outcome outcome = new WebhookSender(OutboundUrlGuard.of(true), Duration.ofSeconds(5))
                .send(new WebhookSender.Message(url, WebhookSecrets.generate(), "msg_1", BODY));
        assertThat(outcome.statusCode()).isZero();
        assertThat(outcome.error()).contains("ConnectException");
    }

    @Test
    void addressIsCheckedAtConnectTimeSoDnsRebindingIsRefused() throws Exception {
        // a DNS server that answers a public address first (when the subscription is created) and loopback
        // afterwards (when the webhook is sent): the client connects only where the guard looked
        java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
        java.net.InetAddress publicAddress = java.net.InetAddress.getByName("93.184.215.14");
        java.net.InetAddress loopback = java.net.InetAddress.getByName("127.0.0.1");
        OutboundUrlGuard guard = OutboundUrlGuard.of(false, host -> {
            assertThat(host).isEqualTo("hooks.rebind.test");
            return new java.net.InetAddress[] {lookups.getAndIncrement() == 0 ? publicAddress : loopback};
        });
        String url = receiver.url().replace("127.0.0.1", "hooks.rebind.test");

        assertThat(guard.check(url).getHost()).isEqualTo("hooks.rebind.test");
        WebhookSender.Outcome outcome = new WebhookSender(guard, Duration.ofSeconds(5))
                .send(new WebhookSender.Message(url, WebhookSecrets.generate(), "msg_1", BODY));

        assertThat(lookups).hasValue(2);
        assertThat(outcome.statusCode()).isZero();
        assertThat(outcome.error()).startsWith("refused: ").contains("resolves to 127.0.0.1").contains("loopback");
        assertThat(receiver.count()).isZero();
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedAtConnectTime() {
        WebhookSender.Outcome outcome = new WebhookSender(OutboundUrlGuard.of(false), Duration.ofSeconds(5))
                .send(new WebhookSender.Message(receiver.url().replace("127.0.0.1", "localhost"),
                        WebhookSecrets.generate(), "msg_1", BODY));
        assertThat(outcome.error()).startsWith("refused: ").contains("loopback");
        assertThat(receiver.count()).isZero();
    }

    @Test
    void aHostNameIsConnectedToTheResolvedAddressWithItsOwnHostHeader() {
        OutboundUrlGuard guard = OutboundUrlGuard.of(true, host -> new java.net.InetAddress[] {
                java.net.InetAddress.getLoopbackAddress()});
        String url = receiver.url().replace("127.0.0.1", "hooks.example.test");
        WebhookSender.Outcome outcome = new WebhookSender(guard, Duration.ofSeconds(5))
                .send(new WebhookSender.Message(url, WebhookSecrets.generate(), "msg_1", BODY));
        assertThat(outcome.delivered()).isTrue();
        assertThat(receiver.received().get(0).header("host")).startsWith("hooks.example.test:");
    }

    @Test
    void duringARotationBothSecretsSign() {
        String oldSecret = WebhookSecrets.generate();
        String newSecret = WebhookSecrets.generate();
        new WebhookSender(OutboundUrlGuard.of(true), Duration.ofSeconds(5))
                .send(new WebhookSender.Message(receiver.url(), java.util.List.of(newSecret, oldSecret), "msg_9", BODY));

        WebhookReceiver.Received hook = receiver.received().get(0);
        String header = hook.header("webhook-signature");
        long timestamp = Long.parseLong(hook.header("webhook-timestamp"));
        assertThat(header.split(" ")).hasSize(2).allSatisfy(sig -> assertThat(sig).startsWith("v1,"));
        assertThat(WebhookSigner.verify(newSecret, "msg_9", timestamp, BODY, header)).isTrue();
        assertThat(WebhookSigner.verify(oldSecret, "msg_9", timestamp, BODY, header)).isTrue();
        assertThat(WebhookSigner.verify(WebhookSecrets.generate(), "msg_9", timestamp, BODY, header)).isFalse();
    }
}
