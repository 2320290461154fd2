package dev.statecraft.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): {@code v1,} + base64 of
 * HMAC-SHA256 over {@code msgId + "." + timestamp + "." + body}, keyed with the base64-decoded part of the
 * secret after {@code whsec_}.
 */
public final class WebhookSigner {
    public static final String VERSION_PREFIX = "v1,";

    private WebhookSigner() {
    }

    public static String sign(String secret, String msgId, long timestampSeconds, String body) {
        byte[] key = WebhookSecrets.keyBytes(secret);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((msgId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return VERSION_PREFIX + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * The {@code webhook-signature} header for one or more secrets (several while a secret is being rotated):
     * their signatures, space-separated.
     */
    public static String signAll(java.util.List<String> secrets, String msgId, long timestampSeconds, String body) {
        return String.join(" ", secrets.stream().map(s -> sign(s, msgId, timestampSeconds, body)).toList());
    }

    /**
     * Whether any of the space-separated signatures of a {@code webhook-signature} header is ours. Compared in
     * constant time. (Receivers must also check that the timestamp is recent; that is theirs to do.)
     */
    public static boolean verify(String secret, String msgId, long timestampSeconds, String body, String header) {
        if (header == null) {
            return false;
        }
        byte[] expected = sign(secret, msgId, timestampSeconds, body).getBytes(StandardCharsets.UTF_8);
        for (String candidate : header.trim().split(" +")) {
            if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }
}
