package dev.statecraft.load.drill;

import dev.statecraft.infra.local.WebhookReceiver;
import dev.statecraft.model.Announcement;
import dev.statecraft.model.AnnouncementEvents;
import dev.statecraft.model.AnnouncementJson;
import dev.statecraft.model.InvalidEventException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the drill checks once the system is quiet: every accepted announcement is once in the ingest db, in
 * the topic and once in the timeline; every alert the drill expects (computed from the events as published,
 * with its own matcher) arrived exactly once per (subscription, announcement) by {@code webhook-id}, and no
 * other; the dead-letter topics hold exactly the poison records.
 */
final class DrillChecks {
    private static final Pattern SUBSCRIPTION_PATH = Pattern.compile("/hooks/s(\\d+)");

    /** The numbers of the table, and the first few examples of each failure. */
    record Result(int accepted, int inIngestDb, int published, int topicRecords, int topicCopies, int inTimeline,
            int timelineWrongRevision, long expectedAlerts, long receivedAlerts, long receivedPosts, long duplicates,
            long redeliveries, long lost, long unexpected, int invalidSignatures, Map<String, List<String>> deadLetters,
            List<String> problems) {
        boolean passed() {
            return problems.isEmpty();
        }
    }

    private final SystemProbe probe;
    private final SteadyPoster poster;
    private final List<DrillSubscription> subscriptions;
    private final List<WebhookReceiver> receivers;

    DrillChecks(SystemProbe probe, SteadyPoster poster, List<DrillSubscription> subscriptions,
            List<WebhookReceiver> receivers) {
        this.probe = probe;
        this.poster = poster;
        this.subscriptions = subscriptions;
        this.receivers = receivers;
    }

    Result run() throws SQLException {
        List<String> problems = new ArrayList<>();
        Set<String> accepted = new HashSet<>(poster.acceptedIds.values());
        if (accepted.size() != poster.acceptedIds.size()) {
            problems.add("two generated announcements got the same id: " + (poster.acceptedIds.size() - accepted.size()));
        }
        if (!poster.refused.isEmpty()) {
            problems.add(poster.refused.size() + " announcements refused with a 4xx, e.g. "
                    + poster.refused.values().iterator().next());
        }

        Set<String> inIngest = new HashSet<>();
        for (Object[] row : probe.query("ingest", "select id from announcement")) {
            inIngest.add((String) row[0]);
        }
        expectSame("ingest db", accepted, inIngest, problems);

        Map<String, Announcement> firstEvent = new HashMap<>();
        Map<String, Integer> copies = new HashMap<>();
        int[] topicRecords = {0};
        probe.readTopic(AnnouncementEvents.TOPIC, r -> {
            if (FaultDrill.POISON_KEYS.contains(r.key())) {
                return;
            }
            topicRecords[0]++;
            try {
                Announcement a = AnnouncementJson.readEvent(r.value());
                firstEvent.putIfAbsent(a.id(), a);
                copies.merge(a.id() + "#" + a.revision(), 1, Integer::sum);
            } catch (InvalidEventException e) {
                problems.add("unreadable event in the topic at " + r.partition() + "@" + r.offset() + ": " + e.getMessage());
            }
        });
        expectSame("topic", accepted, firstEvent.keySet(), problems);
        int topicCopies = copies.values().stream().mapToInt(c -> c - 1).sum();
        firstEvent.values().stream().filter(a -> a.revision() != 1).findFirst().ifPresent(a ->
                problems.add("announcement " + a.id() + " reached revision " + a.revision() + " though posted once"));

        Map<String, Integer> timeline = new HashMap<>();
        for (Object[] row : probe.query("timeline", "select id, revision from timeline_entry")) {
            timeline.merge((String) row[0], ((Number) row[1]).intValue(), (a, b) -> -1);
        }
        expectSame("timeline", accepted, timeline.keySet(), problems);
        int wrongRevision = (int) timeline.values().stream().filter(r -> r != 1).count();
        if (wrongRevision > 0) {
            problems.add(wrongRevision + " timeline rows are not at revision 1 (or appear twice)");
        }

        Set<String> expected = new HashSet<>();
        for (Announcement a : firstEvent.values()) {
            for (DrillSubscription s : subscriptions) {
                if (s.matches(a)) {
                    expected.add(s.number() + "/" + a.id());
                }
            }
        }
        Map<String, Set<String>> webhookIdsByPair = new HashMap<>();
        Map<String, Integer> postsByWebhookId = new HashMap<>();
        int invalid = 0;
        long posts = 0;
        for (WebhookReceiver receiver : receivers) {
            for (WebhookReceiver.Received r : receiver.received()) {
                posts++;
                if (!r.signatureValid()) {
                    invalid++;
                    continue;
                }
                Matcher m = SUBSCRIPTION_PATH.matcher(r.path());
                String pair = (m.matches() ? m.group(1) : r.path()) + "/" + FaultDrill.announcementIdOf(r);
                webhookIdsByPair.computeIfAbsent(pair, k -> new HashSet<>()).add(r.webhookId());
                postsByWebhookId.merge(r.webhookId(), 1, Integer::sum);
            }
        }
        long duplicates = webhookIdsByPair.values().stream().filter(ids -> ids.size() > 1).mapToLong(ids -> ids.size() - 1).sum();
        long redeliveries = postsByWebhookId.values().stream().mapToLong(n -> n - 1).sum();
        List<String> lost = expected.stream().filter(p -> !webhookIdsByPair.containsKey(p)).sorted().toList();
        List<String> unexpected = webhookIdsByPair.keySet().stream().filter(p -> !expected.contains(p)).sorted().toList();
        if (duplicates > 0) {
            problems.add(duplicates + " alerts arrived under a second webhook-id, e.g. " + webhookIdsByPair.entrySet()
                    .stream().filter(e -> e.getValue().size() > 1).findFirst().map(Map.Entry::getKey).orElse(""));
        }
        if (!lost.isEmpty()) {
            problems.add(lost.size() + " expected alerts never arrived (subscription/announcement), e.g. "
                    + lost.subList(0, Math.min(5, lost.size())));
        }
        if (!unexpected.isEmpty()) {
            problems.add(unexpected.size() + " alerts the drill did not expect, e.g. "
                    + unexpected.subList(0, Math.min(5, unexpected.size())));
        }
        if (invalid > 0) {
            problems.add(invalid + " webhooks with an invalid signature");
        }

        Map<String, List<String>> deadLetters = new HashMap<>();
        for (String dlq : List.of(AnnouncementEvents.DLQ_TIMELINE, AnnouncementEvents.DLQ_NOTIFY)) {
            List<String> keys = new ArrayList<>();
            probe.readTopic(dlq, r -> keys.add(r.key()));
            deadLetters.put(dlq, keys);
            if (!new HashSet<>(keys).equals(new HashSet<>(FaultDrill.POISON_KEYS))) {
                problems.add(dlq + " holds " + keys + ", expected exactly " + FaultDrill.POISON_KEYS);
            }
        }

        return new Result(accepted.size(), inIngest.size(), firstEvent.size(), topicRecords[0], topicCopies,
                timeline.size(), wrongRevision, expected.size(), webhookIdsByPair.size(), posts, duplicates,
                redeliveries, lost.size(), unexpected.size(), invalid, deadLetters, problems);
    }

    private static void expectSame(String where, Set<String> accepted, Set<String> found, List<String> problems) {
        List<String> missing = accepted.stream().filter(id -> !found.contains(id)).sorted().toList();
        List<String> extra = found.stream().filter(id -> !accepted.contains(id)).sorted().toList();
        if (!missing.isEmpty()) {
            problems.add(missing.size() + " accepted announcements missing from the " + where + ", e.g. "
                    + missing.subList(0, Math.min(5, missing.size())));
        }
        if (!extra.isEmpty()) {
            problems.add(extra.size() + " announcements in the " + where + " that were never accepted, e.g. "
                    + extra.subList(0, Math.min(5, extra.size())));
        }
    }
}
