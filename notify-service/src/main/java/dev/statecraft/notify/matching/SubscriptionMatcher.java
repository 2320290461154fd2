package dev.statecraft.notify.matching;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.notify.delivery.DeliveryStore;
import dev.statecraft.notify.webhook.WebhookPayload;
import dev.statecraft.support.logging.LogContext;
import dev.statecraft.support.tracing.StoredTraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Finds the live subscriptions announcements match and writes one delivery for each. Candidates come from the
 * in-memory index; countries, kinds, organisations, persons and publishers are re-checked in SQL on the current
 * rows (an empty filter matches everything); keywords are checked here, as whole phrases in the title and body.
 * Runs inside the consumer's transaction.
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
        /** The channels the worker sends (sse is read by streams, digests are sent later). */
        List<String> sentChannels() {
            List<String> channels = new ArrayList<>(2);
            if (webhook) {
                channels.add(DeliveryStore.CHANNEL_WEBHOOK);
            }
            if (email) {
                channels.add(DeliveryStore.CHANNEL_EMAIL);
            }
            return channels;
        }
    }

    /** What one announcement revision led to, for the log and for tests. */
    public record Result(int matched, int created) {
    }

    /** An announcement to match, with the trace (of its Kafka record) that the sends of its deliveries continue. */
    public record Event(Announcement announcement, StoredTraceContext trace) {
    }

    /**
     * Matches a consumer's batch of announcements, in order: one database re-check of all their candidates and one
     * JDBC batch for all their webhook and email rows, so a batch costs a few round trips, not a few per
     * announcement. The result is what consuming them one by one would give. Runs inside the caller's transaction.
     *
     * @return per event, in order, what it led to
     */
    public List<Result> matchAll(List<Event> events) {
        List<List<UUID>> ids = new ArrayList<>();
        for (Event e : events) {
            Announcement a = e.announcement();
            ids.add(index.current().match(a.countryCodes(), a.kind().wire(), text(a)));
        }
        return deliver(events, load(events.stream().map(Event::announcement).toList(), ids), UnaryOperator.identity());
    }

    /**
     * Matches one announcement against one subscription only (an operator's backfill): the same filters and
     * channels, with the payload marked by {@code markPayload}. Runs inside the caller's transaction.
     */
    public Result matchOnly(UUID subscriptionId, Announcement a, UnaryOperator<String> markPayload) {
        return deliver(List.of(new Event(a, StoredTraceContext.current())), load(List.of(a), List.of(List.of(subscriptionId))),
                markPayload).get(0);
    }

    private List<Result> deliver(List<Event> events, List<List<Candidate>> candidates, UnaryOperator<String> markPayload) {
        int[] matched = new int[events.size()];
        int[] created = new int[events.size()];
        // webhook and email rows of all events are inserted together after the loop (JDBC batches, in event order);
        // sse and digest rows need a per-subscription sequence or upsert and stay one statement each
        List<DeliveryStore.AnnouncementDelivery> sent = new ArrayList<>();
        List<Integer> sentBy = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Announcement a = events.get(i).announcement();
            String text = text(a);
            String payload = null;
            for (Candidate c : candidates.get(i)) {
                if (!KeywordMatcher.anyMatches(c.keywords(), text)) {
                    continue;
                }
                matched[i]++;
                if (payload == null) {
                    payload = markPayload.apply(WebhookPayload.of(a, Instant.now().truncatedTo(ChronoUnit.MILLIS)).toJson());
                }
                if (c.digest()) {
                    // told later, in the subscription's next digest
                    if (digests.addItem(c.id(), a)) {
                        created[i]++;
                    }
                    continue;
                }
                for (String channel : c.sentChannels()) {
                    sent.add(new DeliveryStore.AnnouncementDelivery(new DeliveryStore.NewDelivery(c.id(), channel,
                            c.notifyOnRevisions()), a.id(), a.revision(), payload, events.get(i).trace()));
                    sentBy.add(i);
                }
                if (c.sse() && deliveries.createSseIfNew(c.id(), a.id(), a.revision(), payload, c.notifyOnRevisions(),
                        false).isPresent()) {
                    created[i]++;
                    LOG.debugf("announcement %s revision %d: sse delivery queued for subscription %s", a.id(),
                            a.revision(), c.id());
                }
            }
        }
        boolean[] inserted = deliveries.createAllIfNew(sent);
        for (int j = 0; j < inserted.length; j++) {
            if (inserted[j]) {
                created[sentBy.get(j)]++;
                DeliveryStore.AnnouncementDelivery d = sent.get(j);
                LOG.debugf("announcement %s revision %d: %s delivery queued for subscription %s", d.announcementId(),
                        d.revision(), d.delivery().channel(), d.delivery().subscriptionId());
            }
        }
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Announcement a = events.get(i).announcement();
            try (LogContext ignored = LogContext.announcement(a.id())) {
                LOG.infof("announcement %s revision %d: %d subscription(s) matched, %d new deliveries", a.id(),
                        a.revision(), matched[i], created[i]);
            }
            results.add(new Result(matched[i], created[i]));
        }
        return results;
    }

    private static String text(Announcement a) {
        return a.title() + "\n" + (a.bodyText() == null ? "" : a.bodyText());
    }

    /** Candidate ids per query: a batch whose announcements have more is re-checked in several queries. */
    private static final int IDS_PER_QUERY = 50_000;

    /**
     * The database is the authority: candidates (from the in-memory index, or a backfill's one subscription) are
     * re-read and kept only if live, with an active channel, and their country, kind, organisation, person and
     * publisher filters match on the current row (keywords are re-checked by the caller on the current row too),
     * so a stale index entry never alerts. One query for all announcements of a batch (each with its own
     * candidates and values, as a jsonb record set), unless they have more than {@value #IDS_PER_QUERY} candidates.
     *
     * @return per announcement, in order, its live candidates
     */
    private List<List<Candidate>> load(List<Announcement> announcements, List<List<UUID>> ids) {
        List<List<Candidate>> candidates = new ArrayList<>();
        announcements.forEach(a -> candidates.add(new ArrayList<>()));
        int from = 0;
        while (from < announcements.size()) {
            int to = from;
            int total = 0;
            while (to < announcements.size() && (to == from || total + ids.get(to).size() <= IDS_PER_QUERY)) {
                total += ids.get(to).size();
                to++;
            }
            if (total > 0) {
                load(announcements, ids, from, to, candidates);
            }
            from = to;
        }
        return candidates;
    }

    private void load(List<Announcement> announcements, List<List<UUID>> ids, int from, int to,
            List<List<Candidate>> candidates) {
        ArrayNode params = AnnouncementJson.mapper().createArrayNode();
        for (int i = from; i < to; i++) {
            if (ids.get(i).isEmpty()) {
                continue;
            }
            Announcement a = announcements.get(i);
            ObjectNode p = params.addObject();
            p.put("idx", i);
            ArrayNode candidateIds = p.putArray("ids");
            ids.get(i).forEach(id -> candidateIds.add(id.toString()));
            a.countryCodes().forEach(p.putArray("countries")::add);
            p.put("kind", a.kind().wire());
            normalised(a.organisations().stream().flatMap(o -> Stream.of(o.id(), o.name())))
                    .forEach(p.putArray("organisations")::add);
            normalised(a.persons().stream().map(person -> person.name())).forEach(p.putArray("persons")::add);
            normalised(Stream.of(a.source() == null ? null : a.source().publisher()))
                    .forEach(p.putArray("publishers")::add);
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    select a.idx, s.id, s.keywords, s.notify_on_revisions,
                           s.webhook_url is not null and s.endpoint_disabled_at is null as webhook,
                           s.email_confirmed_at is not null as email, s.sse,
                           s.frequency <> 'immediate' as digest
                    from jsonb_to_recordset(?::jsonb) as a(idx int, ids uuid[], countries text[], kind text,
                                                          organisations text[], persons text[], publishers text[])
                    join subscription s on s.id = any(a.ids)
                    where s.ended_at is null
                      and ((s.webhook_url is not null and s.endpoint_disabled_at is null)
                           or s.email_confirmed_at is not null or s.sse)
                      and (cardinality(s.countries) = 0 or s.countries && a.countries)
                      and (cardinality(s.kinds) = 0 or a.kind = any(s.kinds))
                      and (cardinality(s.organisations) = 0 or exists (select 1 from unnest(s.organisations) o
                                                                         where lower(o) = any(a.organisations)))
                      and (cardinality(s.persons) = 0 or exists (select 1 from unnest(s.persons) p
                                                                   where lower(p) = any(a.persons)))
                      and (cardinality(s.publishers) = 0 or exists (select 1 from unnest(s.publishers) p
                                                                      where lower(p) = any(a.publishers)))
                    """)) {
                ps.setString(1, params.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String[] keywords = (String[]) rs.getArray("keywords").getArray();
                        candidates.get(rs.getInt("idx")).add(new Candidate(rs.getObject("id", UUID.class),
                                List.of(keywords), rs.getBoolean("notify_on_revisions"), rs.getBoolean("webhook"),
                                rs.getBoolean("email"), rs.getBoolean("sse"), rs.getBoolean("digest")));
                    }
                }
            }
        });
    }

    /** An announcement's organisations, persons or publisher as the filters compare them: trimmed, lower case. */
    private static Stream<String> normalised(Stream<String> values) {
        return values.filter(Objects::nonNull).map(v -> v.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
    }
}
