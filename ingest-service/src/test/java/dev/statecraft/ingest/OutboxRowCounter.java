package dev.statecraft.ingest;

import dev.statecraft.ingest.store.AnnouncementRow;
import io.quarkus.narayana.jta.QuarkusTransaction;

final class OutboxRowCounter {
    private OutboxRowCounter() {
    }

    /** Announcements ever stored: every stored one has (had) an outbox row. */
    static long total() {
        return QuarkusTransaction.requiringNew().call(() -> AnnouncementRow.count());
    }
}
