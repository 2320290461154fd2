package dev.statecraft.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignerTest {
    // The Standard Webhooks reference test vector.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String PAYLOAD = "{\"test\": 2432232314}";
    private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsTheReferenceVector() {
        assertThat(WebhookSigner.sign(SECRET, MSG_ID, TIMESTAMP, PAYLOAD)).isEqualTo(EXPECTED);
    }

    @Test
    void verifiesAmongSeveralSignaturesAndRejectsTampering() {
        assertThat(WebhookSigner.verify(SECRET, MSG_ID, TIMESTAMP, PAYLOAD, "v1,bm90IGl0 " + EXPECTED)).isTrue();
        assertThat(WebhookSigner.verify(SECRET, MSG_ID, TIMESTAMP + 1, PAYLOAD, EXPECTED)).isFalse();
        assertThat(WebhookSigner.verify(SECRET, "msg_other", TIMESTAMP, PAYLOAD, EXPECTED)).isFalse();
        assertThat(WebhookSigner.verify(SECRET, MSG_ID, TIMESTAMP, PAYLOAD + " ", EXPECTED)).isFalse();
        assertThat(WebhookSigner.verify(WebhookSecrets.generate(), MSG_ID, TIMESTAMP, PAYLOAD, EXPECTED)).isFalse();
        assertThat(WebhookSigner.verify(SECRET, MSG_ID, TIMESTAMP, PAYLOAD, null)).isFalse();
    }
}
