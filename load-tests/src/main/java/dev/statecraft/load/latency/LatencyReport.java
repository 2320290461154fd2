package dev.statecraft.load.latency;

import dev.statecraft.load.generator.LoadEnvironment;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The latency benchmark's results as text: one block per rate, with where the time went. */
final class LatencyReport {
    /** Stages of one announcement's way, measured from outside (see {@link LatencyBenchmark}). */
    static final List<String> STAGES = List.of(
            "intake (send -> 202)",
            "relay (202 -> record in topic)",
            "consume+match (topic -> delivery row)",
            "worker+send (row -> webhook received)");

    private LatencyReport() {
    }

    static String phase(LatencyBenchmark.Phase p) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "rate %d/s for %d s: sent %d, accepted %d, intake errors %d, "
                + "missing alerts %d, load average before %s, after %s%n", p.rate(), p.seconds(), p.sent(),
                p.accepted(), p.intakeErrors(), p.missing(), p.loadBefore(), p.loadAfter()));
        out.append("  ").append(line("end to end (ms)", p.endToEnd())).append('\n');
        for (Map.Entry<String, Histogram> stage : p.stages().entrySet()) {
            out.append("    ").append(line(stage.getKey(), stage.getValue())).append('\n');
        }
        out.append(String.format(Locale.ROOT, "    %-40s mean %7.1f ms over %.0f requests (ingest's HTTP server metric)%n",
                "intake inside ingest", p.intakeInIngest().meanMillis(), p.intakeInIngest().count()));
        out.append(ProcessCpu.describe(p.cpu(), p.sent(), p.wallSeconds()));
        p.errorSamples().forEach(e -> out.append("    intake error: ").append(e).append('\n'));
        return out.toString();
    }

    static String full(List<LatencyBenchmark.Phase> phases, int invalidSignatures, int duplicates) {
        StringBuilder out = new StringBuilder();
        out.append("# End-to-end latency: POST /api/announcements -> signed webhook at a local receiver\n");
        out.append("# Measured ").append(Instant.now()).append(" on ").append(LoadEnvironment.cores())
                .append(" cores (shared with other builds; see the load averages), one subscription matching\n");
        out.append("# everything; open-loop schedule, latency from the intended send time (HdrHistogram).\n");
        out.append("# Stages come from the record's producer timestamp and the delivery row's created_at.\n");
        out.append("# The subscription's webhook_max_in_flight: ").append(LatencyBenchmark.MAX_IN_FLIGHT)
                .append(" (requests in flight at once to the one receiver; notify's default is 2).\n");
        out.append("# Warm-up: ").append("short".equals(LatencyBenchmark.WARM_UP) ? "300 announcements at 25/s"
                : "60 s ramping to the highest rate (1/8, 1/4, 1/2, 3/4, 1, 1 of it, 10 s each)").append(".\n");
        out.append("# Webhook receiver: ").append("jdk".equals(LatencyBenchmark.RECEIVER)
                ? "local-infra's WebhookReceiver (JDK HttpServer, 8 threads)" : "LatencyReceiver (Vert.x, one event loop)")
                .append("; signatures checked on every webhook.\n");
        out.append("# CPU from /proc over the phase (send to last webhook); client = the load client and receiver JVM;\n");
        out.append("# JIT = the C1/C2 compiler threads, VM thread = the Serial collector's pauses and other safepoints.\n");
        out.append("# Target: p99 <= 500 ms.\n\n");
        for (LatencyBenchmark.Phase p : phases) {
            out.append(phase(p)).append('\n');
        }
        out.append(String.format(Locale.ROOT, "webhooks with an invalid signature: %d; repeated webhooks: %d%n",
                invalidSignatures, duplicates));
        return out.toString();
    }

    private static String line(String name, Histogram h) {
        if (h.getTotalCount() == 0) {
            return String.format(Locale.ROOT, "%-40s no samples", name);
        }
        return String.format(Locale.ROOT, "%-40s p50 %8s  p90 %8s  p99 %8s  max %8s  (n=%d)", name,
                ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)),
                ms(h.getMaxValue()), h.getTotalCount());
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }
}
