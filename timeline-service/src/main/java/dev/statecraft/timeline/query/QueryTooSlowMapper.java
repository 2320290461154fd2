package dev.statecraft.timeline.query;

import dev.statecraft.support.problem.Problem;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A SQL-path read over its statement timeout: {@code 503} with {@code Retry-After} (the usual cause is a busy
 * database; the bounded queries finish in milliseconds otherwise) and a detail that says what else helps.
 */
public class QueryTooSlowMapper {
    private static final Logger LOG = Logger.getLogger(QueryTooSlowMapper.class);
    static final String RETRY_AFTER_SECONDS = "2";

    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "statecraft.timeline.sql-timeout-ms")
    long timeoutMillis;

    @ServerExceptionMapper
    public Response tooSlow(QueryTooSlow e, UriInfo uri) {
        LOG.warnf("query on %s?%s cancelled at the %d ms statement timeout", uri.getPath(),
                uri.getRequestUri().getRawQuery(), timeoutMillis);
        Problem problem = Problem.of(503, "query-timeout", "Query took too long",
                "The database did not answer this query within " + timeoutMillis + " ms. Try again in a few"
                        + " seconds, or narrow it: rarer words, a publication date range or other filters.");
        registry.counter("statecraft.http.problems", "type", "query-timeout", "status", "503").increment();
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(problem.withInstance(uri.getPath())).build();
    }
}
