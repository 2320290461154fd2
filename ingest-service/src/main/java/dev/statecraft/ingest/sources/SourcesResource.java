package dev.statecraft.ingest.sources;

import dev.statecraft.support.audit.AdminActions;
import dev.statecraft.support.operator.OperatorTokens;
import dev.statecraft.support.problem.Problem;
import dev.statecraft.support.problem.ProblemException;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/** The feeds ingest polls, managed by the operator (bearer token): create, list with status, change, remove. */
@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourcesResource {
    private static final Logger LOG = Logger.getLogger(SourcesResource.class);
    static final int DEFAULT_INTERVAL_SECONDS = 900;

    @Inject
    OperatorTokens operator;
    @Inject
    AdminActions actions;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        // Audited in its own transaction, so a refused change is on record too.
        return actions.act(authorization, "source.create", null, body,
                who -> QuarkusTransaction.requiringNew().call(() -> create(body)));
    }

    private Response create(String body) {
        SourceSettings settings = SourceSettings.read(body);
        if (settings.name() == null || settings.feedUrl() == null) {
            String missing = settings.name() == null ? "name" : "feed_url";
            throw ProblemException.invalidParameter(missing, "Field '" + missing + "' is required.");
        }
        refuseDuplicate(settings.feedUrl(), null);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        FeedSource source = new FeedSource();
        source.name = settings.name();
        source.feedUrl = settings.feedUrl();
        source.publisher = settings.publisher();
        source.pollIntervalSeconds = settings.pollIntervalSeconds() == null ? DEFAULT_INTERVAL_SECONDS
                : settings.pollIntervalSeconds();
        source.enabled = settings.enabled() == null || settings.enabled();
        source.createdAt = now;
        source.nextPollAt = now;
        source.persist();
        LOG.infof("feed source %d (%s) added: %s every %d s", source.id, source.name, source.feedUrl,
                source.pollIntervalSeconds);
        return Response.created(URI.create("/api/sources/" + source.id)).entity(SourceView.of(source)).build();
    }

    @GET
    public List<SourceView> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        operator.require(authorization);
        return FeedSource.<FeedSource>listAll(io.quarkus.panache.common.Sort.by("id")).stream()
                .map(SourceView::of).toList();
    }

    @GET
    @Path("{id}")
    public SourceView get(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        operator.require(authorization);
        return SourceView.of(find(id));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            String body) {
        return actions.act(authorization, "source.update", "source/" + id, body,
                who -> QuarkusTransaction.requiringNew().call(() -> Response.ok(update(id, body)).build()));
    }

    private SourceView update(String id, String body) {
        FeedSource source = find(id);
        SourceSettings settings = SourceSettings.read(body);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (settings.name() != null) {
            source.name = settings.name();
        }
        if (settings.feedUrl() != null && !settings.feedUrl().equals(source.feedUrl)) {
            refuseDuplicate(settings.feedUrl(), source.id);
            source.feedUrl = settings.feedUrl();
            // Another feed: the old one's validators and error streak say nothing about it.
            source.etag = null;
            source.lastModified = null;
            source.consecutiveErrors = 0;
            source.nextPollAt = now;
        }
        if (settings.publisherGiven()) {
            source.publisher = settings.publisher();
        }
        if (settings.pollIntervalSeconds() != null) {
            source.pollIntervalSeconds = settings.pollIntervalSeconds();
            Instant byNewInterval = (source.lastPollAt == null ? now : source.lastPollAt)
                    .plusSeconds(source.pollIntervalSeconds);
            if (source.consecutiveErrors == 0 && byNewInterval.isBefore(source.nextPollAt)) {
                source.nextPollAt = byNewInterval;
            }
        }
        if (settings.enabled() != null) {
            if (settings.enabled() && !source.enabled) {
                source.nextPollAt = now;
                source.consecutiveErrors = 0;
            }
            source.enabled = settings.enabled();
        }
        LOG.infof("feed source %d (%s) changed", source.id, source.name);
        return SourceView.of(source);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        return actions.act(authorization, "source.delete", "source/" + id, null,
                who -> QuarkusTransaction.requiringNew().call(() -> {
                    FeedSource source = find(id);
                    source.delete();
                    LOG.infof("feed source %d (%s) removed", source.id, source.name);
                    return Response.noContent().build();
                }));
    }

    private static FeedSource find(String id) {
        long key;
        try {
            key = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("No source with id '" + id + "'.");
        }
        FeedSource source = FeedSource.findById(key);
        if (source == null) {
            throw ProblemException.notFound("No source with id '" + id + "'.");
        }
        return source;
    }

    private static void refuseDuplicate(String feedUrl, Long except) {
        FeedSource other = FeedSource.<FeedSource>find("feedUrl", feedUrl).firstResult();
        if (other != null && !other.id.equals(except)) {
            throw new ProblemException(Problem.of(409, "source-exists", "Source exists",
                    "Source " + other.id + " already polls " + feedUrl + ".").withParameter("feed_url"));
        }
    }
}
