package dev.statecraft.notify.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscription as the API shows it. {@code secret} and {@code management_token} appear only in the answer
 * to its creation: the token is not stored, and the secret is not repeated.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(UUID id, String webhookUrl, List<String> countries, List<String> kinds,
        List<String> keywords, List<String> organisations, List<String> persons, List<String> publishers,
        boolean notifyOnRevisions, String frequency, String timezone, Instant createdAt, Instant updatedAt, Instant endedAt,
        String endedReason, Instant endpointDisabledAt, String endpointDisabledReason, Instant endpointFailingSince,
        String email, boolean sse, Instant emailConfirmedAt, Integer webhookMaxInFlight, String secret,
        String managementToken) {

    static SubscriptionView of(Subscription s) {
        return new SubscriptionView(s.id, s.webhookUrl, List.of(s.countries), List.of(s.kinds), List.of(s.keywords),
                list(s.organisations), list(s.persons), list(s.publishers),
                s.notifyOnRevisions, s.frequency, s.timezone, s.createdAt, s.updatedAt, s.endedAt, s.endedReason, s.endpointDisabledAt,
                s.endpointDisabledReason, s.endpointFailingSince, s.email, s.sse,
                s.emailConfirmedAt, s.webhookMaxInFlight, null, null);
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : List.of(values);
    }

    static SubscriptionView created(Subscription s, String managementToken) {
        return new SubscriptionView(s.id, s.webhookUrl, List.of(s.countries), List.of(s.kinds), List.of(s.keywords),
                list(s.organisations), list(s.persons), list(s.publishers),
                s.notifyOnRevisions, s.frequency, s.timezone, s.createdAt, null, null, null, null, null, null, s.email, s.sse, null,
                s.webhookMaxInFlight, s.webhookSecret,
                managementToken);
    }
}
