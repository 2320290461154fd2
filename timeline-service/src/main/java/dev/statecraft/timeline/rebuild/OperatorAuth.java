package dev.statecraft.timeline.rebuild;

import dev.statecraft.support.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator's bearer token ({@code statecraft.operator-token}, env {@code STATECRAFT_OPERATOR_TOKEN}). No
 * default outside the test profile: with no token configured every admin request is refused.
 */
@ApplicationScoped
public class OperatorAuth {
    private final Optional<byte[]> expected;

    OperatorAuth(@ConfigProperty(name = "statecraft.operator-token") Optional<String> token) {
        this.expected = token.filter(t -> !t.isBlank()).map(OperatorAuth::sha256);
    }

    /** A 401 problem to answer with, or empty when the header carries the operator token. */
    public Optional<Response> refuse(String authorization, String path) {
        if (expected.isPresent() && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            // Comparing digests takes the same time whatever the token and however long it is.
            if (MessageDigest.isEqual(expected.get(), sha256(authorization.substring(7).trim()))) {
                return Optional.empty();
            }
        }
        String detail = expected.isEmpty() ? "No operator token is configured on this instance."
                : "An operator bearer token is required.";
        return Optional.of(Response.status(401).type(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer realm=\"statecraft-timeline\"")
                .entity(Problem.of(401, "unauthorized", "Unauthorized", detail).withInstance(path)).build());
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
