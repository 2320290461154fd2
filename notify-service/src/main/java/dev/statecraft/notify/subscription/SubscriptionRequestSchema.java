package dev.statecraft.notify.subscription;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The create request as the OpenAPI document shows it. The body itself is read field by field by
 * {@link NewSubscription}, so that every mistake gets a precise problem.
 */
@Schema(name = "SubscriptionRequest", additionalProperties = Schema.False.class)
public record SubscriptionRequestSchema(
        @JsonProperty("webhook_url") @Schema(examples = "https://example.org/hooks/statecraft",
                description = "absolute http(s) URL that resolves to public addresses only; required unless email is "
                + "given") String webhookUrl,
        @Schema(description = "email address for alerts (double opt-in: a confirmation email is sent first)")
        String email,
        @Schema(description = "whsec_ + base64 of 24-64 bytes; generated when absent") String secret,
        @Schema(description = "ISO 3166-1 alpha-2 codes; any of them; empty = all") List<String> countries,
        @Schema(description = "announcement kinds; any of them; empty = all") List<String> kinds,
        @Schema(description = "whole phrases, case-insensitive, in title or body; any of them; empty = all")
        List<String> keywords,
        @JsonProperty("notify_on_revisions") @Schema(description = "also alert about revisions of announcements "
                + "already alerted; default false") Boolean notifyOnRevisions,
        @Schema(description = "immediate (default), daily or weekly digest", enumeration = {"immediate", "daily",
                "weekly"}) String frequency,
        @Schema(description = "IANA time zone id for the digest hour; default UTC", examples = "Europe/London")
        String timezone,
        @Schema(description = "also stream alerts at GET /api/subscriptions/{id}/stream") Boolean sse,
        @Schema(description = "organisation ids or names (case-insensitive); any of them; empty = all")
        List<String> organisations,
        @Schema(description = "person names (case-insensitive); any of them; empty = all") List<String> persons,
        @Schema(description = "publisher names (case-insensitive); any of them; empty = all") List<String> publishers,
        @JsonProperty("webhook_max_in_flight") @Schema(description = "how many webhook requests may be in flight at "
                + "once to this endpoint, 1-8; default 2") Integer webhookMaxInFlight) {
}
