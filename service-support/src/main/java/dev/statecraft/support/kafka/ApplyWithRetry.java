package dev.statecraft.support.kafka;

import static dev.statecraft.support.Failures.rootMessage;
import dev.statecraft.model.Announcement;
import dev.statecraft.model.InvalidEventException;
import dev.statecraft.support.logging.LogContext;
import dev.statecraft.support.retry.Backoff;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Applies a consumed record, retrying for as long as the failure is one that passes (database down or
 * restarting, a serialization conflict), so that an outage delays records but never loses them to the dead
 * letters. Failures that retrying cannot mend are rethrown at once: the caller's failure strategy sends the
 * record to the dead-letter topic and the consumer moves on.
 */
public final class ApplyWithRetry {
    private static final Logger LOG = Logger.getLogger(ApplyWithRetry.class);
    private static final Backoff PAUSES = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));
    /** Failures of an unknown kind get a few tries before the record counts as poison. */
    private static final int TRIES_FOR_UNKNOWN_FAILURES = 3;

    private ApplyWithRetry() {
    }

    /**
     * Reads the announcement off the record and applies it in a transaction of its own, retried as above.
     * Returns once the transaction has committed, so the record's offset is committed only after it.
     */
    public static Announcement applyEvent(ConsumerRecord<String, String> record, Consumer<Announcement> apply) {
        Announcement announcement = AnnouncementRecords.read(record);
        try (LogContext ignored = LogContext.announcement(announcement.id())) {
            run("announcement " + announcement.id() + " revision " + announcement.revision(),
                    () -> QuarkusTransaction.requiringNew().run(() -> apply.accept(announcement)));
        }
        return announcement;
    }

    public static void run(String what, Runnable apply) {
        Duration pause = PAUSES.first();
        int unknownFailures = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                apply.run();
                if (attempt > 1) {
                    LOG.infof("applied %s after %d attempts", what, attempt);
                }
                return;
            } catch (InvalidEventException e) {
                throw e;
            } catch (RuntimeException e) {
                if (!isTransient(e) && ++unknownFailures >= TRIES_FOR_UNKNOWN_FAILURES) {
                    throw e;
                }
                LOG.warnf("applying %s failed (attempt %d, retrying in %d ms): %s", what, attempt, pause.toMillis(),
                        rootMessage(e));
            }
            sleep(pause);
            pause = PAUSES.next(pause);
        }
    }

    /** Connection problems (SQLState class 08), shutdowns (57P), conflicts (40), resources (53), pool timeouts. */
    public static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("40")
                        || state.startsWith("53")) {
                    return true;
                }
            }
            if (t instanceof SQLException sql && isPoolAcquisitionTimeout(sql)) {
                return true;
            }
            String name = t.getClass().getName();
            if (name.endsWith("JDBCConnectionException") || name.endsWith("AcquisitionTimeoutException")
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }


    /**
     * Agroal reports an exhausted pool, or a database it cannot open a connection to in time, as a plain
     * {@link SQLException} without SQLState ("Sorry, acquisition timeout!", "Acquisition timeout while waiting for
     * new connection"): its message is the only sign.
     */
    private static boolean isPoolAcquisitionTimeout(SQLException e) {
        return e.getSQLState() == null && e.getMessage() != null
                && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout");
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
