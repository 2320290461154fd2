package dev.statecraft.notify.webhook;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/** Webhook signing secrets in the Standard Webhooks form: {@code whsec_} + base64 of the key bytes. */
public final class WebhookSecrets {
    public static final String PREFIX = "whsec_";
    static final int MIN_KEY_BYTES = 24;
    static final int MAX_KEY_BYTES = 64;
    private static final int GENERATED_KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {
    }

    public static String generate() {
        byte[] key = new byte[GENERATED_KEY_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** Why a client-chosen secret is unusable, or empty when it is fine. The message never repeats the secret. */
    public static Optional<String> problemWith(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.of("secret must start with '" + PREFIX + "'");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Optional.of("secret must be '" + PREFIX + "' followed by standard base64");
        }
        if (key.length < MIN_KEY_BYTES || key.length > MAX_KEY_BYTES) {
            return Optional.of("secret key must decode to " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES
                    + " bytes, was " + key.length);
        }
        return Optional.empty();
    }

    static byte[] keyBytes(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a " + PREFIX + " secret");
        }
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }
}
