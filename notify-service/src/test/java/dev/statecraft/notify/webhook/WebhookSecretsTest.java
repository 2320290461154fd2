package dev.statecraft.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSecretsTest {
    @Test
    void generatedSecretsAreValidAndDistinct() {
        String a = WebhookSecrets.generate();
        assertThat(a).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(a.substring(6))).hasSize(32);
        assertThat(WebhookSecrets.problemWith(a)).isEmpty();
        assertThat(WebhookSecrets.generate()).isNotEqualTo(a);
    }

    @Test
    void clientSecretsMustBePrefixedBase64Of24To64Bytes() {
        assertThat(WebhookSecrets.problemWith(secretOf(24))).isEmpty();
        assertThat(WebhookSecrets.problemWith(secretOf(64))).isEmpty();
        assertThat(WebhookSecrets.problemWith(secretOf(23))).hasValueSatisfying(p -> assertThat(p).contains("23"));
        assertThat(WebhookSecrets.problemWith(secretOf(65))).isPresent();
        assertThat(WebhookSecrets.problemWith("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isPresent();
        assertThat(WebhookSecrets.problemWith("whsec_***")).isPresent();
        assertThat(WebhookSecrets.problemWith(null)).isPresent();
    }

    private static String secretOf(int bytes) {
        return "whsec_" + Base64.getEncoder().encodeToString(new byte[bytes]);
    }
}
