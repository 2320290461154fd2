package dev.statecraft.support.audit;

import dev.statecraft.support.operator.Operator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The audit log of admin actions, in the service's own database ({@code admin_audit}), plus one structured log
 * line per action. Written on a connection of its own outside any transaction, so a refused or failed action
 * is recorded too. Holds no secrets: the operator's name, never the token.
 */
@ApplicationScoped
public class AdminAudit {
    private static final Logger LOG = Logger.getLogger(AdminAudit.class);
    private static final int MAX_TEXT = 4000;

    @Inject
    DataSource dataSource;

    public void record(Operator who, String action, String target, String parameters, int status, String result,
            long durationMs) {
        MDC.put("operator", who.name());
        MDC.put("admin_action", action);
        try {
            LOG.infof("admin action %s on %s by %s: status %d", action, target, who.name(), status);
        } finally {
            MDC.remove("operator");
            MDC.remove("admin_action");
        }
        try {
            io.quarkus.narayana.jta.QuarkusTransaction.suspendingExisting().run(() -> insert(who, action, target,
                    parameters, status, result, durationMs));
        } catch (RuntimeException e) {
            // The action itself has happened; losing its audit row must be loud but must not undo it.
            LOG.errorf(e, "could not write the audit row of %s on %s by %s", action, target, who.name());
        }
    }

    private void insert(Operator who, String action, String target, String parameters, int status, String result,
            long durationMs) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into admin_audit (at, operator, action, target, parameters, status, result, duration_ms)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.setString(2, who.name());
            ps.setString(3, action);
            ps.setString(4, cap(target));
            ps.setString(5, cap(parameters));
            ps.setInt(6, status);
            ps.setString(7, cap(result));
            ps.setLong(8, durationMs);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("audit insert failed", e);
        }
    }

    /** The newest entries first, optionally only one action's. */
    public List<AuditEntry> recent(int limit, String action) {
        String sql = "select id, at, operator, action, target, parameters, status, result, duration_ms"
                + " from admin_audit" + (action == null ? "" : " where action = ?") + " order by id desc limit ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (action != null) {
                ps.setString(i++, action);
            }
            ps.setInt(i, limit);
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.add(new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8),
                            rs.getLong(9)));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit log", e);
        }
    }

    private static String cap(String s) {
        return s == null || s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "…";
    }
}
