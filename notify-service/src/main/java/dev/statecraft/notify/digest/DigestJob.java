package dev.statecraft.notify.digest;

import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.notify.delivery.DeliveryStore;
import dev.statecraft.notify.subscription.Subscription;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends daily and weekly digests: for every digest subscription whose period has ended, once per period (the
 * {@code digest} row's primary key decides which instance sends it), the announcements that matched during it,
 * grouped by kind and country, as one delivery per active channel. Nothing matched, nothing sent.
 */
@ApplicationScoped
public class DigestJob {
    private static final Logger LOG = Logger.getLogger(DigestJob.class);
    public static final String TYPE_DIGEST = "digest";

    @Inject
    DigestStore store;
    @Inject
    DeliveryStore deliveries;
    @ConfigProperty(name = "statecraft.digest.hour", defaultValue = "8")
    int hour;
    @ConfigProperty(name = "statecraft.digest.weekly-day", defaultValue = "MONDAY")
    DayOfWeek weeklyDay;

    @Scheduled(identity = "digests", every = "${statecraft.digest.poll-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            runDue(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("digests: run failed, next tick tries again: %s", e.getMessage());
        }
    }

    /** Sends the digests due at {@code now}; returns how many were sent (periods with items). */
    public int runDue(Instant now) {
        List<DigestStore.DigestSubscription> subscriptions = QuarkusTransaction.requiringNew()
                .call(store::digestSubscriptions);
        int sent = 0;
        for (DigestStore.DigestSubscription s : subscriptions) {
            var period = DigestPeriods.lastEnded(s.frequency(), ZoneId.of(s.timezone()), hour, weeklyDay, now);
            if (period.isPresent() && QuarkusTransaction.requiringNew().call(() -> sendOne(s, period.get()))) {
                sent++;
            }
        }
        return sent;
    }

    private boolean sendOne(DigestStore.DigestSubscription s, DigestPeriods.Period period) {
        if (!store.claimPeriod(s.id(), period)) {
            return false;
        }
        List<DigestStore.Item> items = store.takeItems(s.id(), period);
        if (items.isEmpty()) {
            LOG.debugf("subscription %s: nothing matched in the %s period ending %s, no digest", s.id(),
                    s.frequency(), period.end());
            return false;
        }
        Subscription sub = Subscription.findById(s.id());
        String payload = payload(s, period, items);
        String id = "digest_" + period.end();
        boolean any = false;
        if (sub.webhookUrl != null && sub.endpointDisabledAt == null) {
            any |= deliveries.createIfNew(s.id(), DeliveryStore.CHANNEL_WEBHOOK, id, 1, payload, false);
        }
        if (sub.email != null && sub.emailConfirmedAt != null) {
            any |= deliveries.createIfNew(s.id(), DeliveryStore.CHANNEL_EMAIL, id, 1, payload, false);
        }
        if (sub.sse) {
            any |= deliveries.createSseIfNew(s.id(), id, 1, payload, false, false).isPresent();
        }
        LOG.infof("subscription %s: %s digest for the period ending %s with %d announcement(s) queued", s.id(),
                s.frequency(), period.end(), items.size());
        return any;
    }

    /** {type: digest, timestamp, data: {frequency, timezone, period_start, period_end, count, groups}}. */
    static String payload(DigestStore.DigestSubscription s, DigestPeriods.Period period, List<DigestStore.Item> items) {
        // kind -> country ("" = none) -> announcements, both sorted
        Map<String, Map<String, List<Map<String, Object>>>> grouped = new TreeMap<>();
        for (DigestStore.Item item : items) {
            List<String> countries = item.countries().isEmpty() ? List.of("") : item.countries();
            for (String country : countries) {
                Map<String, Object> a = new LinkedHashMap<>();
                a.put("id", item.announcementId());
                a.put("revision", item.revision());
                a.put("title", item.title());
                a.put("source_url", item.sourceUrl());
                a.put("published_at", item.publishedAt());
                grouped.computeIfAbsent(item.kind(), k -> new TreeMap<>())
                        .computeIfAbsent(country, k -> new ArrayList<>()).add(a);
            }
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        grouped.forEach((kind, byCountry) -> byCountry.forEach((country, announcements) -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("kind", kind);
            g.put("country", country.isEmpty() ? null : country);
            g.put("announcements", announcements);
            groups.add(g);
        }));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("frequency", s.frequency());
        data.put("timezone", s.timezone());
        data.put("period_start", period.start());
        data.put("period_end", period.end());
        data.put("count", items.size());
        data.put("groups", groups);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_DIGEST);
        body.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS));
        body.put("data", data);
        return AnnouncementJson.write(body);
    }
}
