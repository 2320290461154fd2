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
    @Inject
    SubscriptionIndexHolder index;
    @Inject
    dev.statecraft.notify.digest.DigestStore digests;

    record Candidate(UUID id, List<String> keywords, boolean notifyOnRevisions, boolean webhook, boolean email,
            boolean sse, boolean digest) {
    }

    /** What one announcement revision led to, for the log and for tests. */
    public record Result(int matched, int created) {
    }

    public Result match(Announcement a) {
        return deliver(a, candidates(a), java.util.function.UnaryOperator.identity());
    }

    /**
     * Matches one announcement against one subscription only (an operator's backfill): the same filters and
     * channels, with the payload marked by {@code markPayload}. Runs inside the caller's transaction.
     */
    public Result matchOnly(UUID subscriptionId, Announcement a, java.util.function.UnaryOperator<String> markPayload) {
        return deliver(a, load(a, List.of(subscriptionId)), markPayload);
    }

    private Result deliver(Announcement a, List<Candidate> candidates,
            java.util.function.UnaryOperator<String> markPayload) {
        String text = a.title() + "\n" + (a.bodyText() == null ? "" : a.bodyText());
        String payload = null;
        int matched = 0;
        int created = 0;
        // webhook and email rows are inserted together after the loop (JDBC batches); sse and digest rows need
        // a per-subscription sequence or upsert and stay one statement each
        List<DeliveryStore.NewDelivery> sent = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!KeywordMatcher.anyMatches(c.keywords(), text)) {
                continue;
            }
            matched++;
            if (payload == null) {
                payload = markPayload.apply(WebhookPayload.of(a, Instant.now().truncatedTo(ChronoUnit.MILLIS)).toJson());
            }
            if (c.digest()) {
                // told later, in the subscription's next digest
                if (digests.addItem(c.id(), a)) {
                    created++;
                }
                continue;
            }
            if (c.webhook()) {
                sent.add(new DeliveryStore.NewDelivery(c.id(), DeliveryStore.CHANNEL_WEBHOOK, c.notifyOnRevisions()));
            }
            if (c.email()) {
                sent.add(new DeliveryStore.NewDelivery(c.id(), DeliveryStore.CHANNEL_EMAIL, c.notifyOnRevisions()));
            }
            if (c.sse() && deliveries.createSseIfNew(c.id(), a.id(), a.revision(), payload, c.notifyOnRevisions(),
                    false).isPresent()) {
                created++;
                LOG.debugf("announcement %s revision %d: sse delivery queued for subscription %s", a.id(),
                        a.revision(), c.id());
            }
        }
        boolean[] inserted = deliveries.createAllIfNew(sent, a.id(), a.revision(), payload);
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i]) {
                created++;
                LOG.debugf("announcement %s revision %d: %s delivery queued for subscription %s", a.id(),
                        a.revision(), sent.get(i).channel(), sent.get(i).subscriptionId());
            }
        }
        LOG.infof("announcement %s revision %d: %d subscription(s) matched, %d new deliveries", a.id(),
                a.revision(), matched, created);
        return new Result(matched, created);
    }

    /**
     * Candidates come from the in-memory index; they are then re-read from the database (live, with an active
     * channel) and their country and kind filters re-checked on the current row, so a stale index entry never
     * alerts (keywords are re-checked by the caller on the current row too).
     */
    private List<Candidate> candidates(Announcement a) {
        String text = a.title() + "\n" + (a.bodyText() == null ? "" : a.bodyText());
        List<UUID> ids = index.current().match(a.countryCodes(), a.kind().wire(), text);
        return ids.isEmpty() ? List.of() : load(a, ids);
    }

    private List<Candidate> load(Announcement a, List<UUID> ids) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    select id, keywords, notify_on_revisions,
                           webhook_url is not null and endpoint_disabled_at is null as webhook,
                           email_confirmed_at is not null as email, sse,
                           frequency <> 'immediate' as digest
                    from subscription
                    where id = any(?) and ended_at is null
                      and ((webhook_url is not null and endpoint_disabled_at is null) or email_confirmed_at is not null or sse)
                      and (cardinality(countries) = 0 or countries && ?)
                      and (cardinality(kinds) = 0 or ? = any(kinds))
                      and (cardinality(organisations) = 0 or exists (select 1 from unnest(organisations) o
                                                                       where lower(o) = any(?)))
                      and (cardinality(persons) = 0 or exists (select 1 from unnest(persons) p where lower(p) = any(?)))
                      and (cardinality(publishers) = 0 or exists (select 1 from unnest(publishers) p
                                                                    where lower(p) = any(?)))
                    """)) {
                Array idArray = connection.createArrayOf("uuid", ids.toArray());
                Array countries = connection.createArrayOf("text", a.countryCodes().toArray());
                ps.setArray(1, idArray);
                ps.setArray(2, countries);
                ps.setString(3, a.kind().wire());
                java.util.function.Function<java.util.stream.Stream<String>, Array> lower = values -> {
                    try {
                        return connection.createArrayOf("text", values.filter(java.util.Objects::nonNull)
                                .map(v -> v.trim().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT)).toArray());
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                };
                ps.setArray(4, lower.apply(a.organisations().stream()
                        .flatMap(o -> java.util.stream.Stream.of(o.id(), o.name()))));
                ps.setArray(5, lower.apply(a.persons().stream().map(p -> p.name())));
                ps.setArray(6, lower.apply(java.util.stream.Stream.of(a.source() == null ? null : a.source().publisher())));
                List<Candidate> candidates = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String[] keywords = (String[]) rs.getArray("keywords").getArray();
                        candidates.add(new Candidate(rs.getObject("id", UUID.class), List.of(keywords),
                                rs.getBoolean("notify_on_revisions"), rs.getBoolean("webhook"),
                                rs.getBoolean("email"), rs.getBoolean("sse"), rs.getBoolean("digest")));
                    }
                }
                countries.free();
                idArray.free();
                return candidates;
            }
        });
    }
}
