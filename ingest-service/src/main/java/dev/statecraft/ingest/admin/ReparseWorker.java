package dev.statecraft.ingest.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.statecraft.ingest.outbox.OutboxRelay;
import dev.statecraft.support.admin.AdminJobs;
import dev.statecraft.support.admin.JobView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs re-parse jobs: claims one (queued, or abandoned by an instance that died), then works through its range
 * in key order, one transaction per batch holding the batch's new revisions, outbox rows, counts and checkpoint.
 * A cancel takes effect at the next batch; a restart resumes after the last committed batch.
 */
@ApplicationScoped
public class ReparseWorker {
    static final String KIND = "reparse";
    private static final Logger LOG = Logger.getLogger(ReparseWorker.class);
    /** Announcements whose changes are kept in the job's report; counts go on beyond it. */
    private static final int REPORT_LIMIT = 1000;

    @Inject
    AdminJobs jobs;
    @Inject
    Reparse reparse;
    @Inject
    DataSource dataSource;
    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "statecraft.reparse.batch-size", defaultValue = "100")
    int batchSize;
    @ConfigProperty(name = "statecraft.jobs.stale-after", defaultValue = "PT30S")
    Duration staleAfter;

    private record Batch(boolean stop, String last, int size, long changed) {
    }

    @Scheduled(every = "${statecraft.jobs.poll-interval:1s}", delayed = "${statecraft.jobs.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        jobs.claim(KIND, staleAfter).ifPresent(this::run);
    }

    void run(JobView job) {
        LOG.infof("re-parse job %s: %s from checkpoint %s (%s)", job.id(), job.scanned() == 0 ? "starting" : "resuming",
                job.checkpoint(), job.parameters());
        ReparseRange range = ReparseRange.fromJson(job.parameters());
        String checkpoint = job.checkpoint();
        long reported = job.changed();
        try {
            while (true) {
                String after = checkpoint;
                long alreadyReported = reported;
                Batch batch = QuarkusTransaction.requiringNew().timeout(300)
                        .call(() -> batch(job.id(), range, after, alreadyReported));
                if (batch.stop()) {
                    LOG.infof("re-parse job %s: stopped (cancelled or taken over)", job.id());
                    return;
                }
                if (batch.changed() > 0 && !range.dryRun()) {
                    relay.wakeUp();
                }
                reported += batch.changed();
                if (batch.size() < batchSize) {
                    jobs.finish(job.id(), AdminJobs.DONE, null);
                    LOG.infof("re-parse job %s: done", job.id());
                    return;
                }
                checkpoint = batch.last();
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "re-parse job %s: failed after checkpoint %s", job.id(), checkpoint);
            jobs.finish(job.id(), AdminJobs.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Batch batch(String jobId, ReparseRange range, String after, long reported) throws SQLException {
        if (!jobs.stillMine(jobId)) {
            return new Batch(true, after, 0, 0);
        }
        List<String> ids;
        try (Connection c = dataSource.getConnection()) {
            ids = range.nextIds(c, after, batchSize);
        }
        long changed = 0;
        long unchanged = 0;
        long failed = 0;
        List<Map<String, Object>> report = new ArrayList<>();
        for (String id : ids) {
            try {
                Reparse.Outcome outcome = reparse.reparse(id, range.dryRun());
                if (outcome.changed()) {
                    changed++;
                    if (reported + report.size() < REPORT_LIMIT) {
                        report.add(Map.of("id", id, "revision", outcome.revision(), "changes", outcome.changes()));
                    }
                } else {
                    unchanged++;
                }
            } catch (RuntimeException e) {
                failed++;
                LOG.warnf("re-parse job %s: announcement %s failed: %s", jobId, id, e.getMessage());
            }
        }
        String last = ids.isEmpty() ? after : ids.get(ids.size() - 1);
        jobs.progress(jobId, last, ids.size(), changed, unchanged, failed, report.isEmpty() ? null : json(report));
        return new Batch(false, last, ids.size(), changed);
    }

    private static String json(Object value) {
        try {
            return ReparseRange.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
