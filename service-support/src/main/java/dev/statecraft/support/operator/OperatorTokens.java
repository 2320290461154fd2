package dev.statecraft.support.operator;

import dev.statecraft.support.problem.Problem;
import dev.statecraft.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The operator credentials of one deployment: {@code statecraft.operator-token} (env
 * {@code STATECRAFT_OPERATOR_TOKEN}, known as operator "operator") and/or named tokens
 * {@code statecraft.operator-tokens=alice:<token>,ci:<token>} so the audit log knows who acted. With none
 * configured, operator access is off. The one place every service checks an operator's bearer token.
 */
@ApplicationScoped
public class OperatorTokens {
    private static final Logger LOG = Logger.getLogger(OperatorTokens.class);

    /** Operator name → SHA-256 of its token; digests compare in constant time whatever the token length. */
    private final Map<String, byte[]> digests;

    @Inject
    public OperatorTokens(@ConfigProperty(name = "statecraft.operator-token") Optional<String> single,
            @ConfigProperty(name = "statecraft.operator-tokens") Optional<String> named) {
        this.digests = parse(single, named);
    }

    /** For plain unit tests: one token, known as "operator". */
    public static OperatorTokens of(String token) {
        return new OperatorTokens(Optional.of(token), Optional.empty());
    }

    static Map<String, byte[]> parse(Optional<String> single, Optional<String> named) {
        Map<String, byte[]> byName = new LinkedHashMap<>();
        single.map(String::trim).filter(t -> !t.isEmpty()).ifPresent(t -> byName.put("operator", sha256(t)));
        named.ifPresent(list -> {
            for (String entry : list.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                int colon = entry.indexOf(':');
                if (colon <= 0 || colon == entry.length() - 1) {
                    // Say which entry is wrong by position only: the entry holds a secret.
                    throw new IllegalArgumentException("statecraft.operator-tokens entries must be name:token");
                }
                String name = entry.substring(0, colon).trim();
                if (byName.containsKey(name)) {
                    throw new IllegalArgumentException("operator '" + name + "' is configured twice");
                }
                byName.put(name, sha256(entry.substring(colon + 1).trim()));
            }
        });
        refuseSharedTokens(byName);
        return Map.copyOf(byName);
    }

    /** One token under two names would make the audit log name whichever comes first: refuse to start instead. */
    private static void refuseSharedTokens(Map<String, byte[]> byName) {
        List<Map.Entry<String, byte[]>> entries = List.copyOf(byName.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                if (MessageDigest.isEqual(entries.get(i).getValue(), entries.get(j).getValue())) {
                    throw new IllegalArgumentException("operators '" + entries.get(i).getKey() + "' and '"
                            + entries.get(j).getKey() + "' are configured with the same token; give each its own");
                }
            }
        }
    }

    public boolean configured() {
        return !digests.isEmpty();
    }

    /** The operator a token belongs to. Every configured token is compared, so timing tells nothing. */
    public Optional<Operator> identify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        byte[] presented = sha256(token.trim());
        String found = null;
        for (Map.Entry<String, byte[]> e : digests.entrySet()) {
            if (MessageDigest.isEqual(e.getValue(), presented) && found == null) {
                found = e.getKey();
            }
        }
        return Optional.ofNullable(found).map(Operator::new);
    }

    /**
     * The operator behind an {@code Authorization} header: 401 (with a bearer challenge, see
     * {@link BearerChallengeFilter}) when there is no bearer token, 403 when the token is not an operator's.
     */
    public Operator require(String authorization) {
        String token = bearer(authorization);
        if (token == null) {
            throw new ProblemException(Problem.of(401, "unauthorized", "Unauthorized",
                    "An operator bearer token is required (Authorization: Bearer <token>)."));
        }
        Optional<Operator> operator = identify(token);
        if (operator.isEmpty()) {
            LOG.warn("admin request refused: the bearer token is not an operator token");
            throw new ProblemException(Problem.of(403, "forbidden", "Forbidden", configured()
                    ? "The bearer token is not an operator token."
                    : "No operator token is configured on this instance; operator access is off."));
        }
        return operator.get();
    }

    private static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        if (value.length() < 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return null;
        }
        String token = value.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
