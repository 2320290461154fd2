package dev.statecraft.support.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/** An operator job as {@code GET /admin/jobs/{id}} shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(String id, String kind, String state, @JsonProperty("dry_run") boolean dryRun,
        @JsonRawValue String parameters, @JsonProperty("created_by") String createdBy,
        @JsonProperty("created_at") Instant createdAt, @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("finished_at") Instant finishedAt, long total, long scanned, long changed, long unchanged,
        long failed, String checkpoint, @JsonProperty("rate_per_second") double ratePerSecond,
        @JsonProperty("eta_seconds") Long etaSeconds, @JsonRawValue String report, String error) {

    public boolean finished() {
        return state.equals(AdminJobs.DONE) || state.equals(AdminJobs.FAILED) || state.equals(AdminJobs.CANCELLED);
    }
}
