package dev.statecraft.notify.matching;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * This instance's {@link SubscriptionIndex}: built from the database at start-up, rebuilt after every
 * subscription change made through this instance, and refreshed from the database every
 * {@code statecraft.matching.index-refresh} so that changes made through other instances are seen within that
 * window. The index only selects candidates: the matcher re-reads and re-checks them in the database, so a stale
 * index can never alert an ended or changed subscription; it can only miss a subscription created or widened on
 * another instance during the refresh window.
 */
@ApplicationScoped
public class SubscriptionIndexHolder {
    private static final Logger LOG = Logger.getLogger(SubscriptionIndexHolder.class);

    @Inject
    EntityManager em;
    private volatile SubscriptionIndex index;

    void onStart(@Observes StartupEvent event) {
        try {
            rebuild();
        } catch (RuntimeException e) {
            LOG.warnf("subscription index: initial build failed, built on first use: %s", e.getMessage());
        }
    }

    @Scheduled(identity = "subscription-index-refresh", every = "${statecraft.matching.index-refresh:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            rebuild();
        } catch (RuntimeException e) {
            LOG.warnf("subscription index: refresh failed, keeping the previous one: %s", e.getMessage());
        }
    }

    /** The current index, built now if it never was. */
    public SubscriptionIndex current() {
        SubscriptionIndex i = index;
        return i != null ? i : rebuild();
    }

    /** Rebuilds from the live subscriptions in the database (its own transaction). */
    public synchronized SubscriptionIndex rebuild() {
        long start = System.nanoTime();
        List<SubscriptionIndex.Entry> entries = QuarkusTransaction.requiringNew().call(this::load);
        SubscriptionIndex built = SubscriptionIndex.of(entries);
        index = built;
        LOG.debugf("subscription index: %d subscriptions in %d ms", built.size(), (System.nanoTime() - start) / 1_000_000);
        return built;
    }

    private List<SubscriptionIndex.Entry> load() {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "select id, countries, kinds, keywords from subscription where ended_at is null")) {
                ps.setFetchSize(5000);
                List<SubscriptionIndex.Entry> entries = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new SubscriptionIndex.Entry(rs.getObject("id", UUID.class),
                                List.of((String[]) rs.getArray("countries").getArray()),
                                List.of((String[]) rs.getArray("kinds").getArray()),
                                List.of((String[]) rs.getArray("keywords").getArray())));
                    }
                }
                return entries;
            }
        });
    }
}
