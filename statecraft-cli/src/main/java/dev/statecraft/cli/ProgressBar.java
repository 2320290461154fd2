package dev.statecraft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/** One line, redrawn in place: {@code [#####.....]  50%  500/1000  12.5/s  ETA 40s  changed 3}. */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream out;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    static String render(long done, long total, double rate, Long etaSeconds, String extra) {
        double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        StringBuilder line = new StringBuilder("[");
        line.append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
        line.append(String.format("%3d%%  %d/%d  %.1f/s", Math.round(fraction * 100), done, total, rate));
        if (etaSeconds != null) {
            line.append("  ETA ").append(etaSeconds).append('s');
        }
        if (extra != null && !extra.isEmpty()) {
            line.append("  ").append(extra);
        }
        return line.toString();
    }

    /** A job of {@code GET /admin/jobs/{id}}. */
    void job(JsonNode job) {
        draw(render(job.path("scanned").asLong(), job.path("total").asLong(), job.path("rate_per_second").asDouble(),
                job.hasNonNull("eta_seconds") ? job.get("eta_seconds").asLong() : null,
                job.path("state").asText() + ", changed " + job.path("changed").asLong() + ", failed "
                        + job.path("failed").asLong()));
    }

    /** The projection rebuild of {@code GET /admin/projection}. */
    void rebuild(JsonNode progress) {
        long read = progress.path("records_read").asLong() + progress.path("records_skipped").asLong();
        draw(render(read, progress.path("records_to_read").asLong(), progress.path("rate_per_second").asDouble(),
                progress.hasNonNull("eta_seconds") ? progress.get("eta_seconds").asLong() : null,
                progress.path("state").asText()));
    }

    private void draw(String line) {
        out.print("\r" + line + "   ");
        out.flush();
    }

    void end() {
        out.println();
    }
}
