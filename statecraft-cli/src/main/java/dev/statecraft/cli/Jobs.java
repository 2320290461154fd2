package dev.statecraft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/** The human form of operator jobs, shared by re-parse and backfill. */
final class Jobs {
    private Jobs() {
    }

    static void describe(PrintStream out, JsonNode job) {
        out.println(line(job));
        if (job.hasNonNull("error")) {
            out.println("  error: " + job.get("error").asText());
        }
        JsonNode report = job.path("report");
        if (report.isArray() && report.size() > 0) {
            out.println(job.path("dry_run").asBoolean() ? "  would change:" : "  changed:");
            for (JsonNode entry : report) {
                out.println("  " + entry.path("id").asText());
                for (JsonNode change : entry.path("changes")) {
                    out.println("    " + change.path("field").asText() + ": " + change.path("before")
                            + " -> " + change.path("after"));
                }
            }
        }
    }

    static String line(JsonNode job) {
        return String.format("%s  %-8s %-9s%s scanned %d/%d, changed %d, unchanged %d, failed %d, by %s",
                job.path("id").asText(), job.path("kind").asText(), job.path("state").asText(),
                job.path("dry_run").asBoolean() ? " (dry run)" : "", job.path("scanned").asLong(),
                job.path("total").asLong(), job.path("changed").asLong(), job.path("unchanged").asLong(),
                job.path("failed").asLong(), job.path("created_by").asText());
    }

    static void list(PrintStream out, JsonNode jobs) {
        for (JsonNode job : jobs) {
            out.println(line(job));
        }
    }
}
