package dev.statecraft.ingest.sources;

import dev.statecraft.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator's bearer token ({@code statecraft.operator-token}, env {@code STATECRAFT_OPERATOR_TOKEN}), as
 * in the other services. With none configured every operator request is refused.
 */
@ApplicationScoped
class OperatorToken {
    private final Optional<byte[]> expected;

    OperatorToken(@ConfigProperty(name = "statecraft.operator-token") Optional<String> token) {
        this.expected = token.filter(t -> !t.isBlank()).map(t -> sha256(t.trim()));
    }

    void require(String authorization) {
        if (expected.isEmpty()) {
            throw ProblemException.unauthorized("No operator token is configured on this instance.");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ProblemException.unauthorized("An Authorization: Bearer <operator token> header is required.");
        }
        // Comparing digests takes the same time whatever the token and however long it is.
        if (!MessageDigest.isEqual(expected.get(), sha256(authorization.substring(7).trim()))) {
            throw ProblemException.unauthorized("This needs the operator token.");
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
