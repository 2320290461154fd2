package dev.statecraft.support.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Long operator jobs (re-parse, backfill) as rows of {@code admin_job}, so that they survive a restart: a worker
 * claims a queued job, or one whose owner stopped sending heartbeats, with {@code FOR UPDATE SKIP LOCKED} (two
 * instances never run the same job) and resumes after the job's checkpoint (the last key it processed).
 * Progress is written in the same transaction as the work of each batch, so counts and checkpoint never run
 * ahead of or behind what was done. Plain JDBC on the service's data source: inside a JTA transaction the
 * connection joins it.
 */
@ApplicationScoped
public class AdminJobs {
    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    private static final String COLUMNS = "id, kind, state, dry_run, parameters, created_by, created_at, started_at,"
            + " finished_at, total, scanned, changed, unchanged, failed, checkpoint, report, error";

    @Inject
    DataSource dataSource;

    /** This instance, as the owner of the jobs it runs. */
    private final String instance = UUID.randomUUID().toString();

    public String instance() {
        return instance;
    }

    public JobView create(String kind, String createdBy, String parametersJson, boolean dryRun, long total) {
        String id = "job_" + UUID.randomUUID().toString().replace("-", "");
        update("insert into admin_job (id, kind, state, dry_run, parameters, created_by, created_at, total, updated_at)"
                + " values (?, ?, 'queued', ?, cast(? as jsonb), ?, now(), ?, now())",
                id, kind, dryRun, parametersJson, createdBy, total);
        return get(id).orElseThrow();
    }

    public Optional<JobView> get(String id) {
        List<JobView> found = query("select " + COLUMNS + " from admin_job where id = ?", id);
        return found.stream().findFirst();
    }

    public List<JobView> list(String kind, int limit) {
        return kind == null
                ? query("select " + COLUMNS + " from admin_job order by created_at desc limit ?", limit)
                : query("select " + COLUMNS + " from admin_job where kind = ? order by created_at desc limit ?",
                        kind, limit);
    }

    /**
     * Claims the oldest queued job of a kind, or a running one whose owner has been silent for longer than
     * {@code staleAfter} (it crashed or was killed): that job resumes after its checkpoint.
     */
    public Optional<JobView> claim(String kind, Duration staleAfter) {
        List<String> ids = new ArrayList<>();
        String sql = "update admin_job set state = 'running', owner = ?, heartbeat_at = now(), updated_at = now(),"
                + " started_at = coalesce(started_at, now()) where id = (select id from admin_job where kind = ?"
                + " and (state = 'queued' or (state = 'running' and heartbeat_at < now() - cast(? as interval)))"
                + " order by created_at for update skip locked limit 1) returning id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, instance);
            ps.setString(2, kind);
            ps.setString(3, staleAfter.toMillis() + " milliseconds");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim a " + kind + " job", e);
        }
        return ids.stream().findFirst().flatMap(this::get);
    }

    /**
     * At the start of a batch's transaction: locks the job row and says whether this instance still runs it
     * (a cancel or another instance's takeover ends the batch before it does anything).
     */
    public boolean stillMine(String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select 1 from admin_job where id = ? and state = 'running' and owner = ? for update")) {
            ps.setString(1, id);
            ps.setString(2, instance);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock job " + id, e);
        }
    }

    /** In the batch's transaction: the batch's counts, its last key, and a heartbeat. */
    public void progress(String id, String checkpoint, long scanned, long changed, long unchanged, long failed,
            String reportJson) {
        update("update admin_job set checkpoint = coalesce(?, checkpoint), scanned = scanned + ?,"
                + " changed = changed + ?, unchanged = unchanged + ?, failed = failed + ?, heartbeat_at = now(),"
                + " updated_at = now(), report = case when cast(? as jsonb) is null then report"
                + " else coalesce(report, '[]'::jsonb) || cast(? as jsonb) end where id = ? and owner = ?",
                checkpoint, scanned, changed, unchanged, failed, reportJson, reportJson, id, instance);
    }

    public void finish(String id, String state, String error) {
        update("update admin_job set state = ?, error = ?, finished_at = now(), updated_at = now()"
                + " where id = ? and owner = ? and state = 'running'", state, error, id, instance);
    }

    /** Cancels a queued or running job; false when it had already finished. */
    public boolean cancel(String id) {
        return update("update admin_job set state = 'cancelled', finished_at = now(), updated_at = now()"
                + " where id = ? and state in ('queued', 'running')", id) == 1;
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("admin_job update failed", e);
        }
    }

    private List<JobView> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<JobView> jobs = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    jobs.add(view(rs));
                }
            }
            return jobs;
        } catch (SQLException e) {
            throw new IllegalStateException("admin_job query failed", e);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    private static JobView view(ResultSet rs) throws SQLException {
        String state = rs.getString("state");
        Instant started = instant(rs.getTimestamp("started_at"));
        Instant finished = instant(rs.getTimestamp("finished_at"));
        long total = rs.getLong("total");
        long scanned = rs.getLong("scanned");
        double rate = 0;
        Long eta = null;
        if (started != null) {
            Instant until = finished == null ? Instant.now() : finished;
            double seconds = Math.max(0.001, Duration.between(started, until).toMillis() / 1000.0);
            rate = Math.round(scanned / seconds * 10) / 10.0;
            if (RUNNING.equals(state) && rate > 0) {
                eta = Math.round(Math.max(0, total - scanned) / rate);
            }
        }
        return new JobView(rs.getString("id"), rs.getString("kind"), state, rs.getBoolean("dry_run"),
                rs.getString("parameters"), rs.getString("created_by"), instant(rs.getTimestamp("created_at")),
                started, finished, total, scanned, rs.getLong("changed"), rs.getLong("unchanged"),
                rs.getLong("failed"), rs.getString("checkpoint"), rate, eta, rs.getString("report"),
                rs.getString("error"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
