package dev.statecraft.timeline.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statecraft.support.sse.LastEventId;
import dev.statecraft.timeline.query.Filters;
import dev.statecraft.timeline.query.TimelineQuery;
import dev.statecraft.timeline.query.TimelineRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * New and revised announcements matching the timeline's filters, as Server-Sent Events. Each event's id is
 * the row's change_seq; a client reconnecting with Last-Event-ID first gets every matching change after it,
 * then live ones. Every connection polls the database for its own filters: the database alone decides what is
 * new, so any instance serves any client, and the only in-memory state is this connection's position.
 */
@Path("/api/stream")
public class StreamResource {
    /** Bounds one poll, so a client far behind catches up in steps rather than in one huge query. */
    static final int BATCH = 100;
    /** The comment text (the writer adds only the colon): {@code : keep-alive} on the wire, ignored by EventSource. */
    static final String KEEP_ALIVE = " keep-alive";

    @Inject
    TimelineRepository repository;

    @Inject
    ObjectMapper json;

    @Inject
    Sse sse;

    @ConfigProperty(name = "statecraft.stream.poll-interval", defaultValue = "PT0.5S")
    Duration pollInterval;

    /** How often an idle-or-not stream gets a comment line, so proxies do not cut it as idle. */
    @ConfigProperty(name = "statecraft.stream.keep-alive", defaultValue = "PT15S")
    Duration keepAlive;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context UriInfo uri, @HeaderParam("Last-Event-ID") String lastEventId) {
        TimelineQuery.rejectUnknown(uri.getQueryParameters(), Filters.PARAMETERS);
        Filters filters = Filters.from(uri.getQueryParameters());
        OptionalLong resumeAfter = LastEventId.parse(lastEventId);
        return Multi.createFrom().deferred(() -> {
            // -1: not yet known; the first poll sets it to "now" unless the client resumes.
            AtomicLong position = new AtomicLong(resumeAfter.orElse(-1));
            Multi<OutboundSseEvent> changes = Multi.createFrom().ticks().every(pollInterval)
                    .onOverflow().drop()
                    .emitOn(Infrastructure.getDefaultWorkerPool())
                    .onItem().transformToIterable(tick -> poll(filters, position));
            Multi<OutboundSseEvent> keepAlives = Multi.createFrom().ticks().startingAfter(keepAlive).every(keepAlive)
                    .onOverflow().drop()
                    .map(tick -> sse.newEventBuilder().comment(KEEP_ALIVE).build());
            return Multi.createBy().merging().streams(changes, keepAlives);
        });
    }

    private List<OutboundSseEvent> poll(Filters filters, AtomicLong position) {
        if (position.get() < 0) {
            position.set(repository.lastChange());
            return List.of();
        }
        return repository.changes(filters, position.get(), BATCH).stream().map(change -> {
            position.set(change.seq());
            return sse.newEventBuilder().id(Long.toString(change.seq())).name("announcement")
                    .mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, write(change.item())).build();
        }).toList();
    }

    private String write(Object item) {
        try {
            return json.writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a stream event", e);
        }
    }
}
