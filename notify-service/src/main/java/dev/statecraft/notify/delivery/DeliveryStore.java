package dev.statecraft.notify.delivery;

import dev.statecraft.support.tracing.StoredTraceContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The delivery table's SQL. Claims and outcomes are short transactions of their own, so that no transaction
 * is open while a webhook is in flight; a claim is a lease, so a crashed sender's rows are picked up again
 * once it expires, and {@code for update skip locked} lets any number of instances claim side by side.
 */
@ApplicationScoped
public class DeliveryStore {
    @Inject
    EntityManager em;

    /**
     * A claimed delivery with what is needed to send it. {@code leaseUntil} identifies this claim;
     * {@code webhookMaxInFlight} is the subscriber's own concurrency limit for its endpoint (null = the default).
     */
    public record Claimed(UUID id, UUID subscriptionId, String announcementId, int revision, String payload,
            int attempts, OffsetDateTime leaseUntil, String webhookUrl, String webhookSecret, String channel,
            String email, String unsubscribeToken, String previousSecret, StoredTraceContext trace,
            Integer webhookMaxInFlight) {
        /** The secrets that sign this send: the current one, and the previous one while a rotation overlaps. */
        public List<String> signingSecrets() {
            return previousSecret == null ? List.of(webhookSecret) : List.of(webhookSecret, previousSecret);
        }
    }

    public static final String CHANNEL_WEBHOOK = "webhook";
    public static final String CHANNEL_EMAIL = "email";
    /** The double opt-in mail: the only thing sent to an address before it is confirmed. */
    public static final String CHANNEL_EMAIL_CONFIRMATION = "email_confirmation";
    /** A mail telling the owner that the webhook endpoint was disabled after failing for too long. */
    public static final String CHANNEL_EMAIL_ENDPOINT_DISABLED = "email_endpoint_disabled";

    /**
     * Inserts the delivery of one announcement revision to one subscription, unless it exists (a redelivered
     * record) or the subscription already has a delivery for another revision of that announcement (it was
     * told already; a corrected typo does not alert again). Must run in the caller's transaction.
     *
     * @return whether a row was inserted
     */
    public boolean createIfNew(UUID subscriptionId, String announcementId, int revision, String payload) {
        return createIfNew(subscriptionId, announcementId, revision, payload, false);
    }

    public boolean createIfNew(UUID subscriptionId, String announcementId, int revision, String payload,
            boolean alsoRevisions) {
        return createIfNew(subscriptionId, CHANNEL_WEBHOOK, announcementId, revision, payload, alsoRevisions);
    }

    /**
     * As {@link #createIfNew(UUID, String, int, String)}; with {@code alsoRevisions} (the subscription opted in
     * to revisions) a revision is delivered even when an earlier one was: still at most once per revision.
     */
    public boolean createIfNew(UUID subscriptionId, String channel, String announcementId, int revision,
            String payload, boolean alsoRevisions) {
        return createAllIfNew(List.of(new NewDelivery(subscriptionId, channel, alsoRevisions)), announcementId,
                revision, payload)[0];
    }

    /** A delivery to insert for an announcement revision: {@code alsoRevisions} as in {@link #createIfNew}. */
    public record NewDelivery(UUID subscriptionId, String channel, boolean alsoRevisions) {
    }

    /** Statements sent to the database in one round trip by {@link #createAllIfNew}. */
    private static final int INSERT_CHUNK = 1000;

    /**
     * {@link #createIfNew} for many deliveries of one announcement revision, continuing the current trace. Must run
     * in the caller's transaction.
     *
     * @return per delivery, in order, whether its row was inserted
     */
    public boolean[] createAllIfNew(List<NewDelivery> deliveries, String announcementId, int revision,
            String payload) {
        // the consumer's span (the announcement's trace, from the record's traceparent), for the send to continue
        StoredTraceContext trace = StoredTraceContext.current();
        return createAllIfNew(deliveries.stream().map(d -> new AnnouncementDelivery(d, announcementId, revision,
                payload, trace)).toList());
    }

    /** A delivery of one announcement revision, with the trace its send continues; for {@link #createAllIfNew(List)}. */
    public record AnnouncementDelivery(NewDelivery delivery, String announcementId, int revision, String payload,
            StoredTraceContext trace) {
    }

    /**
     * {@link #createIfNew} for many deliveries, of any number of announcement revisions (a consumer's batch): the
     * same statement and rules per row, sent as JDBC batches (one round trip per {@value #INSERT_CHUNK} rows
     * instead of one per row). The statements run in list order, each seeing the rows of the ones before it, so
     * two revisions of one announcement in one list follow the revision rule as if consumed one by one. Must run
     * in the caller's transaction.
     *
     * @return per delivery, in order, whether its row was inserted
     */
    public boolean[] createAllIfNew(List<AnnouncementDelivery> deliveries) {
        boolean[] inserted = new boolean[deliveries.size()];
        if (deliveries.isEmpty()) {
            return inserted;
        }
        work(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    insert into delivery (id, subscription_id, announcement_id, revision, channel, payload, status,
                                          attempts, next_attempt_at, created_at, traceparent, tracestate)
                    select ?, ?, ?, ?, ?, ?, 'pending', 0, now(), now(), ?, ?
                    where ? or not exists (select 1 from delivery d
                                           where d.subscription_id = ? and d.announcement_id = ?
                                             and d.channel = ? and d.revision <> ?)
                    on conflict (subscription_id, announcement_id, revision, channel) do nothing
                    """)) {
                for (int start = 0; start < deliveries.size(); start += INSERT_CHUNK) {
                    int end = Math.min(deliveries.size(), start + INSERT_CHUNK);
                    for (AnnouncementDelivery row : deliveries.subList(start, end)) {
                        NewDelivery d = row.delivery();
                        ps.setObject(1, UUID.randomUUID());
                        ps.setObject(2, d.subscriptionId());
                        ps.setString(3, row.announcementId());
                        ps.setInt(4, row.revision());
                        ps.setString(5, d.channel());
                        ps.setString(6, row.payload());
                        ps.setString(7, row.trace().traceparent());
                        ps.setString(8, row.trace().tracestate());
                        ps.setBoolean(9, d.alsoRevisions());
                        ps.setObject(10, d.subscriptionId());
                        ps.setString(11, row.announcementId());
                        ps.setString(12, d.channel());
                        ps.setInt(13, row.revision());
                        ps.addBatch();
                    }
                    int[] counts = ps.executeBatch();
                    for (int i = 0; i < counts.length; i++) {
                        if (counts[i] == Statement.SUCCESS_NO_INFO) {
                            throw new IllegalStateException("the driver did not report per-row insert counts");
                        }
                        inserted[start + i] = counts[i] == 1;
                    }
                }
                return null;
            }
        });
        return inserted;
    }

    /**
     * Inserts an sse delivery with the subscription's next event id, unless it exists (a redelivered record) or
     * (without {@code alsoRevisions}) another revision of that announcement was already streamed. It is not
     * sent by the worker: open streams read it. Must run in the caller's transaction.
     *
     * @return the new delivery's id, if one was inserted
     */
    public Optional<UUID> createSseIfNew(UUID subscriptionId, String announcementId, int revision,
            String payload, boolean alsoRevisions, boolean test) {
        UUID id = UUID.randomUUID();
        int inserted = work(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    with seq as (
                        update subscription set sse_last_seq = sse_last_seq + 1
                        where id = ?
                          and not exists (select 1 from delivery d where d.subscription_id = ? and d.channel = 'sse'
                                            and d.announcement_id = ? and (d.revision = ? or not ?))
                        returning sse_last_seq
                    )
                    insert into delivery (id, subscription_id, announcement_id, revision, channel, payload, status,
                                          attempts, next_attempt_at, created_at, test, sse_seq)
                    select ?, ?, ?, ?, 'sse', ?, 'pending', 0, null, now(), ?, seq.sse_last_seq from seq
                    on conflict (subscription_id, announcement_id, revision, channel) do nothing
                    """)) {
                ps.setObject(1, subscriptionId);
                ps.setObject(2, subscriptionId);
                ps.setString(3, announcementId);
                ps.setInt(4, revision);
                ps.setBoolean(5, alsoRevisions);
                ps.setObject(6, id);
                ps.setObject(7, subscriptionId);
                ps.setString(8, announcementId);
                ps.setInt(9, revision);
                ps.setString(10, payload);
                ps.setBoolean(11, test);
                return ps.executeUpdate();
            }
        });
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    /** One event of a subscription's stream. */
    public record SseEvent(UUID deliveryId, long seq, String type, String payload) {
    }

    /** A subscription's sse events after {@code afterSeq}, in order; in its own short transaction. */
    public List<SseEvent> sseAfter(UUID subscriptionId, long afterSeq, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> work(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    select id, sse_seq, payload::jsonb ->> 'type' as type, payload from delivery
                    where subscription_id = ? and channel = 'sse' and sse_seq > ?
                    order by sse_seq limit ?
                    """)) {
                ps.setObject(1, subscriptionId);
                ps.setLong(2, afterSeq);
                ps.setInt(3, limit);
                List<SseEvent> events = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(new SseEvent(rs.getObject("id", UUID.class), rs.getLong("sse_seq"),
                                rs.getString("type"), rs.getString("payload")));
                    }
                }
                return events;
            }
        }));
    }

    /** Marks sse deliveries as written to a stream (the first time counts as delivered; attempts counts writes). */
    public void markStreamed(List<UUID> deliveryIds) {
        QuarkusTransaction.requiringNew().run(() -> work(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    update delivery set status = 'delivered', attempts = attempts + 1,
                           delivered_at = coalesce(delivered_at, now())
                    where id = any(?)
                    """)) {
                ps.setArray(1, connection.createArrayOf("uuid", deliveryIds.toArray()));
                return ps.executeUpdate();
            }
        }));
    }

    /**
     * Queues a test alert (a sample, marked {@code test}) for a subscription; it is sent, signed and retried
     * like any other delivery. Runs in its own transaction.
     *
     * @return the new delivery's id
     */
    public UUID createTest(UUID subscriptionId, String payload) {
        return QuarkusTransaction.requiringNew().call(() -> createSpecial(subscriptionId, CHANNEL_WEBHOOK,
                "test_", payload, true));
    }

    /**
     * Inserts a delivery that is not about an announcement (a test alert, a confirmation email); its
     * announcement_id is {@code prefix + delivery id}. Must run in the caller's transaction.
     */
    public UUID createSpecial(UUID subscriptionId, String channel, String prefix, String payload, boolean test) {
        UUID id = UUID.randomUUID();
        work(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    insert into delivery (id, subscription_id, announcement_id, revision, channel, payload, status,
                                          attempts, next_attempt_at, created_at, test)
                    values (?, ?, ?, 1, ?, ?, 'pending', 0, now(), now(), ?)
                    """)) {
                ps.setObject(1, id);
                ps.setObject(2, subscriptionId);
                ps.setString(3, prefix + id);
                ps.setString(4, channel);
                ps.setString(5, payload);
                ps.setBoolean(6, test);
                return ps.executeUpdate();
            }
        });
        return id;
    }

    /**
     * Re-queues a failed or exhausted delivery for a fresh round of attempts (attempt count and retry schedule
     * start over; the row, and so its {@code webhook-id} and body, stay the same). Runs in its own transaction.
     *
     * @return false if the delivery is not failed or exhausted (any more)
     */
    public boolean requeue(UUID deliveryId) {
        return QuarkusTransaction.requiringNew().call(() -> work(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    update delivery set status = 'pending', attempts = 0, next_attempt_at = now(), lease_until = null,
                           manual_retries = manual_retries + 1
                    where id = ? and status in ('failed', 'exhausted')
                    """)) {
                ps.setObject(1, deliveryId);
                return ps.executeUpdate() == 1;
            }
        }));
    }

    public Optional<DeliveryView> view(UUID deliveryId) {
        return QuarkusTransaction.joiningExisting().call(() -> Delivery.<Delivery>findByIdOptional(deliveryId)
                .map(DeliveryView::of));
    }

    /** Claims up to {@code limit} due deliveries of live subscriptions, oldest due first, for {@code lease}. */
    public List<Claimed> claimDue(int limit, Duration lease) {
        return claimDue(limit, lease, EndpointRoom.UNLIMITED);
    }

    /**
     * How many deliveries one claim may take per endpoint (a webhook URL's authority, host[:port] lower-cased, or
     * {@link #MAIL_ENDPOINT} for all mail): {@code room} for the endpoints listed (0 = none: it is busy),
     * {@code otherRoom} for any other. With {@code stepOverBusy} the read of due rows skips busy endpoints' rows, so
     * it reaches other endpoints' rows behind a busy one's backlog (at the cost of stepping over that backlog);
     * without, the read stops after {@code limit} rows whoever they belong to (cheap; busy ones just get none).
     */
    public record EndpointRoom(Map<String, Integer> room, int otherRoom, boolean stepOverBusy) {
        public static final EndpointRoom UNLIMITED = new EndpointRoom(Map.of(), Integer.MAX_VALUE, true);

        List<String> busy() {
            return !stepOverBusy ? List.of() : room.entrySet().stream().filter(e -> e.getValue() <= 0)
                    .map(Map.Entry::getKey).toList();
        }
    }

    /** The endpoint key of all mail: one SMTP server. (A space cannot occur in a URL's authority.) */
    public static final String MAIL_ENDPOINT = "mail (smtp)";

    /**
     * As {@link #claimDue(int, Duration)}, taking at most the given room per endpoint and nothing of busy ones.
     * Cheap at any backlog: the due rows are read oldest first from the partial index {@code delivery_due} (and
     * expired leases from {@code delivery_lease_expiry}) and the read stops after {@code limit} usable rows, so no
     * claim sorts all due rows. Rows of busy endpoints are stepped over in that read, so a claim right behind a busy
     * endpoint's large backlog costs a walk over it; the worker makes such claims rarely.
     */
    public List<Claimed> claimDue(int limit, Duration lease, EndpointRoom endpointRoom) {
        List<String> roomKeys = new ArrayList<>();
        List<Integer> roomValues = new ArrayList<>();
        endpointRoom.room().forEach((endpoint, room) -> {
            roomKeys.add(endpoint);
            roomValues.add(Math.max(0, room));
        });
        return QuarkusTransaction.requiringNew().call(() -> work(connection -> {
            // Walk delivery_due in order and stop at the limit, whatever the statistics say. Right after a large
            // fan-out (before autovacuum analyzes the table) the planner guessed a few dozen due rows and chose a
            // bitmap scan + sort, which reads every due row per claim (measured in a fan-out run: 100-180 ms per
            // claim at 4,500-8,000 due rows, against a few ms in index order; benchmarks/claim-plan.txt).
            try (Statement planner = connection.createStatement()) {
                planner.execute("set local enable_bitmapscan = off");
            }
            try (PreparedStatement ps = connection.prepareStatement("""
                    with candidate as (
                        (select d.id, d.next_attempt_at, e.endpoint
                         from delivery d join subscription s on s.id = d.subscription_id
                              cross join lateral (select %1$s as endpoint) e
                         where d.status = 'sending' and d.lease_until < now() and %2$s
                           and e.endpoint <> all(?::text[])
                         order by d.lease_until
                         limit ?)
                        union all
                        (select d.id, d.next_attempt_at, e.endpoint
                         from delivery d
                              -- "offset 0" keeps this a per-row lookup, so the plan walks delivery_due in order and
                              -- stops at the limit; as a plain join it was planned as a hash join or a nested loop
                              -- over every due row (80 ms to 8 s per claim at 10,000 due rows)
                              cross join lateral (select s.* from subscription s where s.id = d.subscription_id
                                                  offset 0) s
                              cross join lateral (select %1$s as endpoint) e
                         where d.status in ('pending', 'failed') and d.next_attempt_at <= now()
                           and (d.lease_until is null or d.lease_until < now()) and %2$s
                           and e.endpoint <> all(?::text[])
                         order by d.next_attempt_at
                         limit ?)
                    ), wanted as (
                        select r.id from (
                            select c.id, c.next_attempt_at, c.endpoint,
                                   row_number() over (partition by c.endpoint order by c.next_attempt_at) as n
                            from candidate c) r
                        left join unnest(?::text[], ?::int[]) as room(endpoint, free) on room.endpoint = r.endpoint
                        where r.n <= coalesce(room.free, ?)
                        order by r.next_attempt_at
                        limit ?
                    ), due as (
                        select d.id from delivery d
                        where d.id in (select id from wanted)
                          and ((d.status in ('pending', 'failed') and d.next_attempt_at <= now()
                                and (d.lease_until is null or d.lease_until < now()))
                               or (d.status = 'sending' and d.lease_until < now()))
                        for update of d skip locked
                    ), claimed as (
                        update delivery d set status = 'sending', lease_until = now() + make_interval(secs => ?)
                        from due where d.id = due.id
                        returning d.id, d.subscription_id, d.announcement_id, d.revision, d.payload, d.attempts,
                                  d.lease_until, d.channel, d.traceparent, d.tracestate
                    )
                    select c.*, s.webhook_url, s.webhook_secret, s.email, s.unsubscribe_token,
                           case when s.previous_secret_expires_at > now() then s.previous_webhook_secret end
                               as previous_secret,
                           s.webhook_max_in_flight
                    from claimed c join subscription s on s.id = c.subscription_id
                    """.formatted(ENDPOINT_SQL, SENDABLE_SQL))) {
                Array busy = connection.createArrayOf("text", endpointRoom.busy().toArray());
                int i = 1;
                ps.setString(i++, MAIL_ENDPOINT);
                ps.setArray(i++, busy);
                ps.setInt(i++, limit);
                ps.setString(i++, MAIL_ENDPOINT);
                ps.setArray(i++, busy);
                ps.setInt(i++, limit);
                ps.setArray(i++, connection.createArrayOf("text", roomKeys.toArray()));
                ps.setArray(i++, connection.createArrayOf("int4", roomValues.toArray()));
                ps.setInt(i++, endpointRoom.otherRoom());
                ps.setInt(i++, limit);
                ps.setDouble(i, lease.toMillis() / 1000.0);
                List<Claimed> claimed = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        claimed.add(new Claimed(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                                rs.getString("announcement_id"), rs.getInt("revision"), rs.getString("payload"),
                                rs.getInt("attempts"), rs.getObject("lease_until", OffsetDateTime.class),
                                rs.getString("webhook_url"), rs.getString("webhook_secret"), rs.getString("channel"),
                                rs.getString("email"), rs.getString("unsubscribe_token"),
                                rs.getString("previous_secret"),
                                new StoredTraceContext(rs.getString("traceparent"), rs.getString("tracestate")),
                                rs.getObject("webhook_max_in_flight", Integer.class)));
                    }
                }
                return claimed;
            }
        }));
    }

    /** A delivery's endpoint in SQL (d = delivery, s = subscription; ? = {@link #MAIL_ENDPOINT}). */
    private static final String ENDPOINT_SQL = """
            case when d.channel = 'webhook'
                 then lower(substring(s.webhook_url from '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#]*)')) else ? end""";

    /** Whether a delivery may be sent at all: a live subscription whose channel is active. */
    private static final String SENDABLE_SQL = """
            s.ended_at is null
                           and case d.channel
                                 when 'webhook' then s.webhook_url is not null and s.endpoint_disabled_at is null
                                 when 'email_confirmation' then true
                                 else s.email_confirmed_at is not null end""";

    /**
     * Delivered (2xx); a webhook endpoint that succeeds is no longer failing. Returns false if the claim was lost
     * meanwhile (lease expired and taken over).
     */
    public boolean markDelivered(Claimed d, int statusCode) {
        return QuarkusTransaction.requiringNew().call(() -> work(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    with delivered as (
                        update delivery set status = 'delivered', attempts = attempts + 1, delivered_at = now(),
                               last_status_code = ?, last_error = null, next_attempt_at = null, lease_until = null
                        where id = ? and status = 'sending' and lease_until = ?
                        returning subscription_id, channel
                    ), healthy as (
                        update subscription s set endpoint_failing_since = null from delivered
                        where s.id = delivered.subscription_id and delivered.channel = 'webhook'
                          and s.endpoint_failing_since is not null
                    )
                    select count(*) from delivered
                    """)) {
                ps.setInt(1, statusCode);
                ps.setObject(2, d.id());
                ps.setObject(3, d.leaseUntil());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) == 1;
                }
            }
        }));
    }

    /** A 2xx for one claim, to be recorded with others. */
    public record DeliveredOutcome(Claimed delivery, int statusCode) {
    }

    /**
     * {@link #markDelivered} for many claims in one transaction and one statement; returns the ids whose claim was
     * still held (the others were taken over after their lease expired and are left alone).
     */
    public Set<UUID> markDeliveredAll(List<DeliveredOutcome> outcomes) {
        return QuarkusTransaction.requiringNew().call(() -> work(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    with outcome as (
                        select * from unnest(?::uuid[], ?::text[], ?::int[]) as o(id, lease_until, status_code)
                    ), delivered as (
                        update delivery d set status = 'delivered', attempts = d.attempts + 1, delivered_at = now(),
                               last_status_code = o.status_code, last_error = null, next_attempt_at = null,
                               lease_until = null
                        from outcome o
                        where d.id = o.id and d.status = 'sending' and d.lease_until = o.lease_until::timestamptz
                        returning d.id, d.subscription_id, d.channel
                    ), healthy as (
                        update subscription s set endpoint_failing_since = null
                        where s.id in (select subscription_id from delivered where channel = 'webhook')
                          and s.endpoint_failing_since is not null
                    )
                    select id from delivered
                    """)) {
                ps.setArray(1, connection.createArrayOf("uuid", outcomes.stream().map(o -> o.delivery().id()).toArray()));
                ps.setArray(2, connection.createArrayOf("text",
                        outcomes.stream().map(o -> o.delivery().leaseUntil().toString()).toArray()));
                ps.setArray(3, connection.createArrayOf("int4",
                        outcomes.stream().map(DeliveredOutcome::statusCode).toArray()));
                Set<UUID> recorded = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        recorded.add(rs.getObject(1, UUID.class));
                    }
                }
                return recorded;
            }
        }));
    }

    public boolean markForRetry(Claimed d, Integer statusCode, String error, Duration delay) {
        return updateClaimed(d, """
                update delivery set status = 'failed', attempts = attempts + 1,
                       next_attempt_at = now() + make_interval(secs => ?),
                       last_status_code = ?, last_error = ?, lease_until = null
                where id = ? and status = 'sending' and lease_until = ?
                """, delay.toMillis() / 1000.0, statusCode, error);
    }

    public boolean markExhausted(Claimed d, Integer statusCode, String error) {
        return updateClaimed(d, """
                update delivery set status = 'exhausted', attempts = attempts + 1, next_attempt_at = null,
                       last_status_code = ?, last_error = ?, lease_until = null
                where id = ? and status = 'sending' and lease_until = ?
                """, statusCode, error);
    }

    /**
     * 410 Gone: this delivery failed for good, the subscription's endpoint is disabled and its other waiting
     * deliveries are cancelled, in one transaction.
     */
    public boolean markEndpointGone(Claimed d, int statusCode) {
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean mine = updateClaimedInCurrentTransaction(d, """
                    update delivery set status = 'failed', attempts = attempts + 1, next_attempt_at = null,
                           last_status_code = ?, last_error = ?, lease_until = null
                    where id = ? and status = 'sending' and lease_until = ?
                    """, statusCode, "HTTP 410 Gone: endpoint disabled, no further deliveries");
            if (mine) {
                work(connection -> {
                    try (PreparedStatement ps = connection.prepareStatement(
                            "update subscription set endpoint_disabled_at = now(), "
                                    + "endpoint_disabled_reason = 'the endpoint answered HTTP 410 Gone' "
                                    + "where id = ? and endpoint_disabled_at is null")) {
                        ps.setObject(1, d.subscriptionId());
                        return ps.executeUpdate();
                    }
                });
                cancelOpen(d.subscriptionId(), "endpoint disabled after HTTP 410 Gone", CHANNEL_WEBHOOK);
            }
            return mine;
        });
    }

    /** Gives a claimed delivery back untried (no time left in the lease to send it safely). */
    public boolean release(Claimed d) {
        return updateClaimed(d, """
                update delivery set status = case when attempts = 0 then 'pending' else 'failed' end,
                       next_attempt_at = now(), lease_until = null
                where id = ? and status = 'sending' and lease_until = ?
                """);
    }

    /** Gives claimed deliveries back untried, in one transaction (their endpoint had no room for them). */
    public void releaseAll(List<Claimed> claimed) {
        QuarkusTransaction.requiringNew().run(() -> work(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    update delivery set status = case when attempts = 0 then 'pending' else 'failed' end,
                           lease_until = null
                    where id = ? and status = 'sending' and lease_until = ?
                    """)) {
                for (Claimed d : claimed) {
                    ps.setObject(1, d.id());
                    ps.setObject(2, d.leaseUntil());
                    ps.addBatch();
                }
                return ps.executeBatch().length;
            }
        }));
    }

    /**
     * Cancels a subscription's waiting deliveries (they stay in the log as failed, never to be retried).
     * Must run in the caller's transaction.
     */
    public int cancelOpen(UUID subscriptionId, String reason) {
        return cancelOpen(subscriptionId, reason, null);
    }

    /** As {@link #cancelOpen(UUID, String)}, for one channel only (null = all). */
    public int cancelOpen(UUID subscriptionId, String reason, String channel) {
        return work(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("""
                    update delivery set status = 'failed', next_attempt_at = null, last_error = ?
                    where subscription_id = ? and status in ('pending', 'failed') and next_attempt_at is not null
                      and (?::text is null or channel = ?::text)
                    """)) {
                ps.setString(1, reason);
                ps.setObject(2, subscriptionId);
                ps.setString(3, channel);
                ps.setString(4, channel);
                return ps.executeUpdate();
            }
        });
    }

    /** A subscription's deliveries, newest first. */
    public List<DeliveryView> log(UUID subscriptionId, int limit) {
        return QuarkusTransaction.joiningExisting().call(() -> Delivery.<Delivery>find(
                        "subscriptionId = ?1 order by createdAt desc, id", subscriptionId)
                .page(0, limit).list().stream().map(DeliveryView::of).toList());
    }

    private boolean updateClaimed(Claimed d, String sql, Object... leading) {
        return QuarkusTransaction.requiringNew().call(() -> updateClaimedInCurrentTransaction(d, sql, leading));
    }

    /** Runs an update whose last two parameters are the claim (id, lease); false if the claim was lost. */
    private boolean updateClaimedInCurrentTransaction(Claimed d, String sql, Object... leading) {
        return work(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                int i = 1;
                for (Object value : leading) {
                    ps.setObject(i++, value);
                }
                ps.setObject(i++, d.id());
                ps.setObject(i, d.leaseUntil());
                return ps.executeUpdate() == 1;
            }
        });
    }

    <T> T work(org.hibernate.jdbc.ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }
}
