package dev.statecraft.notify.matching;

import dev.statecraft.model.Announcement;
import dev.statecraft.notify.delivery.DeliveryStore;
import dev.statecraft.notify.webhook.WebhookPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Finds the live subscriptions an announcement matches and writes one delivery for each. Countries and kinds
 * narrow in SQL (an empty filter matches everything); keywords are checked here, as whole phrases in the
 * title and body. Runs inside the consumer's transaction.
 */
@ApplicationScoped
public class SubscriptionMatcher {
    private static final Logger LOG = Logger.getLogger(SubscriptionMatcher.class);

    @Inject
    EntityManager em;
    @Inject
    DeliveryStore deliveries;

    record Candidate(UUID id, List<String> keywords) {
    }

    /** What one announcement revision led to, for the log and for tests. */
    public record Result(int matched, int created) {
    }

    public Result match(Announcement a) {
        List<Candidate> candidates = candidates(a);
        String text = a.title() + "\n" + (a.bodyText() == null ? "" : a.bodyText());
        String payload = null;
        int matched = 0;
        int created = 0;
        for (Candidate c : candidates) {
            if (!KeywordMatcher.anyMatches(c.keywords(), text)) {
                continue;
            }
            matched++;
            if (payload == null) {
                payload = WebhookPayload.of(a, Instant.now().truncatedTo(ChronoUnit.MILLIS)).toJson();
            }
            if (deliveries.createIfNew(c.id(), a.id(), a.revision(), payload)) {
                created++;
                LOG.debugf("announcement %s revision %d: delivery queued for subscription %s", a.id(),
                        a.revision(), c.id());
            }
        }
        LOG.infof("announcement %s revision %d: %d subscription(s) matched, %d new deliveries", a.id(),
                a.revision(), matched, created);
        return new Result(matched, created);
    }

    private List<Candidate> candidates(Announcement a) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    select id, keywords from subscription
                    where ended_at is null and endpoint_disabled_at is null
                      and (cardinality(countries) = 0 or countries && ?)
                      and (cardinality(kinds) = 0 or ? = any(kinds))
                    """)) {
                Array countries = connection.createArrayOf("text", a.countryCodes().toArray());
                ps.setArray(1, countries);
                ps.setString(2, a.kind().wire());
                List<Candidate> candidates = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String[] keywords = (String[]) rs.getArray("keywords").getArray();
                        candidates.add(new Candidate(rs.getObject("id", UUID.class), List.of(keywords)));
                    }
                }
                countries.free();
                return candidates;
            }
        });
    }
}
