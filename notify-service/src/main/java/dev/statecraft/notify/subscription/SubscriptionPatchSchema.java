package dev.statecraft.notify.subscription;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The PATCH request as the OpenAPI document shows it; read field by field by {@link SubscriptionPatch}. */
@Schema(name = "SubscriptionPatch", additionalProperties = Schema.False.class,
        description = "JSON Merge Patch: absent fields stay; null or [] clears a filter")
public record SubscriptionPatchSchema(
        @JsonProperty("webhook_url") @Schema(description = "new endpoint; re-enables a disabled one")
        String webhookUrl,
        List<String> countries,
        List<String> kinds,
        List<String> keywords,
        @JsonProperty("notify_on_revisions") Boolean notifyOnRevisions,
        @Schema(enumeration = {"immediate", "daily", "weekly"}) String frequency,
        @Schema(description = "IANA time zone id") String timezone,
        @JsonProperty("endpoint_enabled") @Schema(description = "true re-enables a disabled webhook endpoint")
        Boolean endpointEnabled,
        @Schema(description = "the SSE stream channel on or off") Boolean sse,
        List<String> organisations,
        List<String> persons,
        List<String> publishers,
        @JsonProperty("webhook_max_in_flight") @Schema(description = "concurrent webhook requests allowed at the "
                + "endpoint, 1-8; null = back to the default (2)") Integer webhookMaxInFlight) {
}
