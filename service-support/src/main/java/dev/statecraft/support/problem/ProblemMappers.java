package dev.statecraft.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.statecraft.support.Failures;
import dev.statecraft.support.kafka.ApplyWithRetry;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves the services as {@code application/problem+json}; a stack trace never does. Unexpected
 * failures are logged here with an id the client also sees, so an operator can find them.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    MeterRegistry registry;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return respond(Problem.of(400, "malformed-json", "Malformed JSON", e.getOriginalMessage()), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String title = Response.Status.fromStatusCode(status) == null
                ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        String slug = title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        Problem problem = Problem.of(status, slug, title, e.getMessage());
        count(problem);
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(uri.getPath()));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (ApplyWithRetry.isTransient(e)) {
            // the database is away (restarting, unreachable, pool exhausted): the client's fault it is not, and
            // trying again shortly is the right thing to do, so say so rather than "internal error"
            LOG.warnf("database unavailable on %s: %s", uri.getPath(), Failures.rootMessage(e));
            Problem problem = Problem.of(503, "unavailable", "Service unavailable",
                    "The service cannot reach its database right now; try again in a few seconds.");
            count(problem);
            return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5")
                    .entity(problem.withInstance(uri.getPath())).build();
        }
        String incident = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure on %s, incident %s", uri.getPath(), incident);
        return respond(Problem.of(500, "internal", "Internal error",
                "The request failed unexpectedly; quote incident " + incident + " to an operator."), uri);
    }

    Response respond(Problem problem, UriInfo uri) {
        count(problem);
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(uri.getPath())).build();
    }

    /** Rejections by reason: {@code statecraft_http_problems_total{type, status}}. */
    private void count(Problem problem) {
        registry.counter("statecraft.http.problems", "type", problem.type().substring(Problem.TYPE_BASE.length()),
                "status", String.valueOf(problem.status())).increment();
    }
}
