package dev.statecraft.ingest.sources;

import static dev.statecraft.support.Failures.rootMessage;
import dev.statecraft.ingest.intake.IntakeDocument;
import dev.statecraft.ingest.intake.IntakeResult;
import dev.statecraft.ingest.intake.IntakeService;
import dev.statecraft.support.problem.ProblemException;
import dev.statecraft.support.retry.Backoff;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Polls the feeds that are due, one after the other: conditional GET of the feed, then each entry not seen
 * before is fetched and handed to the intake. A feed that fails is retried with exponential backoff and never
 * holds up the others. Sources are claimed with {@code skip locked}, so several instances share the work.
 */
@ApplicationScoped
public class FeedPoller {
    private static final Logger LOG = Logger.getLogger(FeedPoller.class);
    private static final String FEED_ACCEPT =
            "application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
    /** A claimed source is not claimed again for this long, even if its poller died meanwhile. */
    private static final Duration CLAIM = Duration.ofMinutes(10);
    private static final int CLAIM_BATCH = 20;

    @Inject
    EntityManager em;
    @Inject
    IntakeService intake;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "statecraft.sources.allow-private-addresses", defaultValue = "false")
    boolean allowPrivateAddresses;
    @ConfigProperty(name = "statecraft.sources.allowed-hosts")
    Optional<List<String>> allowedHosts;
    @ConfigProperty(name = "statecraft.sources.govuk-content-api", defaultValue = "https://www.gov.uk/api/content")
    String govukContentApi;
    @ConfigProperty(name = "statecraft.sources.feed-max-bytes", defaultValue = "5242880")
    int feedMaxBytes;
    @ConfigProperty(name = "statecraft.sources.longest-backoff", defaultValue = "PT6H")
    Duration longestBackoff;
    @ConfigProperty(name = "statecraft.intake.max-bytes")
    int itemMaxBytes;

    private SafeFetcher fetcher;
    private ItemFetcher items;

    @PostConstruct
    void init() {
        fetcher = new SafeFetcher(allowPrivateAddresses, allowedHosts.orElse(List.of()));
        items = new ItemFetcher(fetcher, govukContentApi, itemMaxBytes);
    }

    SafeFetcher fetcher() {
        return fetcher;
    }

    @Scheduled(every = "${statecraft.sources.tick}", delayed = "${statecraft.sources.tick}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollDue() {
        List<Long> due;
        try {
            due = claimDue();
        } catch (RuntimeException e) {
            LOG.warnf("feed polling: could not read the due sources: %s", rootMessage(e));
            return;
        }
        for (Long id : due) {
            try {
                poll(id);
            } catch (RuntimeException e) {
                // The status could not even be recorded (database away): the claim expires and it is tried again.
                LOG.warnf("feed source %d: poll not recorded: %s", id, rootMessage(e));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Long> claimDue() {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Number>) em.createNativeQuery("""
                with due as (select id from feed_source where enabled and next_poll_at <= now()
                             order by next_poll_at limit ?1 for update skip locked)
                update feed_source f set next_poll_at = now() + make_interval(secs => ?2)
                from due where f.id = due.id returning f.id""")
                .setParameter(1, CLAIM_BATCH).setParameter(2, (double) CLAIM.toSeconds()).getResultList())
                .stream().map(Number::longValue).toList());
    }

    /** Polls one source now and records how it went. */
    void poll(long sourceId) {
        FeedSource source = QuarkusTransaction.requiringNew().call(() -> FeedSource.<FeedSource>findById(sourceId));
        if (source == null) {
            return;
        }
        Instant started = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Outcome outcome;
        try {
            outcome = pollFeed(source);
        } catch (IOException | RuntimeException e) {
            outcome = Outcome.failed(0, 0, describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = Outcome.failed(0, 0, "interrupted");
        }
        record(source, started, outcome);
    }

    /** What one poll came to: new entries handled, of which ingested, the validators to keep, the first error. */
    record Outcome(boolean notModified, int seen, int ingested, String etag, String lastModified, String error) {
        static Outcome failed(int seen, int ingested, String error) {
            return new Outcome(false, seen, ingested, null, null, error);
        }
    }

    private Outcome pollFeed(FeedSource source) throws IOException, InterruptedException {
        SafeFetcher.Fetched feed = fetcher.fetch(URI.create(source.feedUrl), FEED_ACCEPT, source.etag,
                source.lastModified, feedMaxBytes);
        if (feed.notModified()) {
            return new Outcome(true, 0, 0, source.etag, source.lastModified, null);
        }
        int seen = 0;
        int ingested = 0;
        String firstError = null;
        for (FeedEntries.Entry entry : FeedEntries.parse(feed.body())) {
            if (QuarkusTransaction.requiringNew().call(() -> FeedItem.seen(source.id, entry.key()))) {
                continue;
            }
            try {
                String outcome = ingest(source, entry);
                seen++;
                if (outcome.equals(IntakeResult.Status.ACCEPTED.wire()) || outcome.equals(IntakeResult.Status.REVISED.wire())) {
                    ingested++;
                }
            } catch (IOException | RuntimeException e) {
                // Left unseen, so the next poll tries it again; the feed's validators are not kept for that.
                LOG.warnf("feed source %d (%s): entry %s not fetched: %s", source.id, source.name, entry.link(),
                        describe(e));
                if (firstError == null) {
                    firstError = "entry " + entry.link() + ": " + describe(e);
                }
            }
        }
        return firstError == null ? new Outcome(false, seen, ingested, feed.etag(), feed.lastModified(), null)
                : Outcome.failed(seen, ingested, firstError);
    }

    /** Our own fetch failures say it best themselves; anything else by its root cause. */
    private static String describe(Throwable e) {
        return e instanceof SafeFetcher.FetchException ? e.getMessage() : rootMessage(e);
    }

    /** Fetches and ingests one entry; a permanent refusal (404, too large, refused by intake) is recorded as seen. */
    private String ingest(FeedSource source, FeedEntries.Entry entry) throws IOException, InterruptedException {
        String announcementId = null;
        String outcome;
        try {
            IntakeDocument document = items.fetch(entry, source.publisher);
            IntakeResult result = intake.accept(document);
            announcementId = result.id();
            outcome = result.status().wire();
        } catch (SafeFetcher.FetchException e) {
            if (!e.permanent()) {
                throw e;
            }
            outcome = "refused: " + e.getMessage();
        } catch (ProblemException e) {
            outcome = "refused by intake: " + e.getMessage();
        }
        if (outcome.startsWith("refused")) {
            LOG.warnf("feed source %d (%s): entry %s skipped for good: %s", source.id, source.name, entry.link(),
                    outcome);
        }
        FeedItem item = new FeedItem();
        item.key = new FeedItem.Key(source.id, entry.key());
        item.announcementId = announcementId;
        item.outcome = outcome;
        item.seenAt = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> em.merge(item));
        return outcome;
    }

    private void record(FeedSource polled, Instant started, Outcome outcome) {
        String result = outcome.error() != null ? "error" : outcome.notModified() ? "not_modified" : "ok";
        registry.counter("statecraft.sources.polls", "outcome", result).increment();
        QuarkusTransaction.requiringNew().run(() -> {
            FeedSource s = FeedSource.findById(polled.id);
            if (s == null) {
                return; // deleted while it was being polled
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            s.lastPollAt = started;
            s.itemsSeen += outcome.seen();
            s.itemsIngested += outcome.ingested();
            boolean urlChanged = !s.feedUrl.equals(polled.feedUrl);
            if (outcome.error() == null) {
                s.lastSuccessAt = now;
                s.consecutiveErrors = 0;
                if (!urlChanged) {
                    s.etag = outcome.etag();
                    s.lastModified = outcome.lastModified();
                }
                s.nextPollAt = now.plus(s.pollInterval());
            } else {
                s.consecutiveErrors += 1;
                s.lastError = outcome.error().length() > 1000 ? outcome.error().substring(0, 1000) : outcome.error();
                s.lastErrorAt = now;
                Duration longest = s.pollInterval().compareTo(longestBackoff) > 0 ? s.pollInterval() : longestBackoff;
                s.nextPollAt = now.plus(new Backoff(s.pollInterval(), longest).afterFailures(s.consecutiveErrors + 1));
            }
        });
        if (outcome.error() != null) {
            LOG.warnf("feed source %d (%s): poll failed (%d in a row): %s", polled.id, polled.name,
                    polled.consecutiveErrors + 1, outcome.error());
        } else if (outcome.seen() > 0) {
            LOG.infof("feed source %d (%s): %d new entries, %d ingested", polled.id, polled.name, outcome.seen(),
                    outcome.ingested());
        }
    }
}
