package dev.statecraft.load.drill;

import dev.statecraft.load.generator.LoadEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The drill's table and the story behind it, as text. */
final class DrillReport {
    private DrillReport() {
    }

    static String render(int count, int rate, DrillChecks.Result r, SteadyPoster poster, List<String> faults,
            boolean quiet, long maxTimelineLag, long maxNotifyLag, String loadBefore, String loadAfter,
            Duration took) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "# Fault drill, %s: %d announcements at %d/s, 50 webhook subscriptions, "
                + "%d cores, load average %s before, %s after, %d s in all%n", Instant.now(), count, rate,
                LoadEnvironment.cores(), loadBefore, loadAfter, took.toSeconds()));
        out.append("\nFaults during the stream:\n");
        faults.forEach(f -> out.append("  ").append(f).append('\n'));
        out.append("\nThe client (posts that failed are posted again until accepted):\n");
        out.append(String.format(Locale.ROOT, "  accepted at the first try  %d%n", poster.acceptedFirstTime.get()));
        out.append(String.format(Locale.ROOT, "  accepted after a retry     %d (of which %d had been stored though "
                + "their answer was lost)%n", poster.acceptedAfterRetry.get(), poster.acceptedEarlierUnanswered.get()));
        poster.failedAttempts.forEach((what, n) -> out.append(String.format(Locale.ROOT,
                "  failed attempts: %-30s %d   e.g. %s%n", what, n.get(), abbreviate(poster.failureSamples.get(what)))));
        out.append('\n');
        row(out, "accepted", r.accepted());
        row(out, "in ingest db", r.inIngestDb());
        row(out, "published (distinct in topic)", r.published());
        row(out, "topic records (relay re-sends)", r.topicRecords() + " (" + r.topicCopies() + ")");
        row(out, "in timeline (once each)", r.inTimeline());
        row(out, "expected alerts", r.expectedAlerts());
        row(out, "received (subscription, ann.)", r.receivedAlerts());
        row(out, "webhook posts (same-id resends)", r.receivedPosts() + " (" + r.redeliveries() + ")");
        row(out, "duplicates (2nd webhook-id)", r.duplicates());
        row(out, "lost", r.lost());
        row(out, "unexpected alerts", r.unexpected());
        row(out, "invalid signatures", r.invalidSignatures());
        row(out, "max lag timeline / notify", maxTimelineLag + " / " + maxNotifyLag + " records");
        for (Map.Entry<String, List<String>> dlq : r.deadLetters().entrySet()) {
            row(out, "dead letters " + dlq.getKey().substring(dlq.getKey().lastIndexOf('.') + 1), dlq.getValue().toString());
        }
        out.append('\n');
        if (!quiet) {
            out.append("FAILED: the system did not become quiet\n");
        }
        if (r.passed() && quiet) {
            out.append("PASSED: nothing lost, nothing doubled\n");
        } else {
            r.problems().forEach(p -> out.append("FAILED: ").append(p).append('\n'));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String name, Object value) {
        out.append(String.format(Locale.ROOT, "| %-34s | %-28s |%n", name, value));
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
