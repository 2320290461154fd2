package dev.statecraft.support.ratelimit;

import dev.statecraft.support.problem.Problem;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Per-client rate limits on chosen endpoints, answered with 429 problem+json and {@code Retry-After} before
 * the body is read. A service names its limits in {@code statecraft.rate-limit.rules} and configures each:
 * <pre>
 * statecraft.rate-limit.rules=intake
 * statecraft.rate-limit.intake.method=POST
 * statecraft.rate-limit.intake.path=/api/announcements
 * statecraft.rate-limit.intake.per-second=5
 * statecraft.rate-limit.intake.burst=20
 * statecraft.rate-limit.trust-forwarded-for=false
 * </pre>
 * No rules: nothing is limited.
 */
public class RateLimitFilter {
    /** One limited endpoint: exact method and path. */
    record Rule(String method, String path, RateLimit limit) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private final boolean trustForwardedFor;

    @Inject
    MeterRegistry registry;

    @Inject
    public RateLimitFilter(Config config) {
        this.trustForwardedFor = config.getOptionalValue("statecraft.rate-limit.trust-forwarded-for", Boolean.class)
                .orElse(false);
        for (String name : config.getOptionalValues("statecraft.rate-limit.rules", String.class).orElse(List.of())) {
            String prefix = "statecraft.rate-limit." + name.trim() + ".";
            rules.add(new Rule(config.getValue(prefix + "method", String.class).toUpperCase(Locale.ROOT),
                    config.getValue(prefix + "path", String.class),
                    new RateLimit(name.trim(), config.getValue(prefix + "per-second", Double.class),
                            config.getValue(prefix + "burst", Integer.class))));
        }
    }

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext context, HttpServerRequest request) {
        if (rules.isEmpty()) {
            return null;
        }
        String path = stripTrailingSlash(request.path());
        for (Rule rule : rules) {
            if (rule.method().equals(context.getMethod()) && rule.path().equals(path)) {
                String client = ClientAddress.of(request.remoteAddress() == null ? null : request.remoteAddress().hostAddress(),
                        request.getHeader("X-Forwarded-For"), trustForwardedFor);
                long wait = rule.limit().tryTake(client, System.nanoTime());
                if (wait > 0) {
                    return tooMany(rule, path, wait);
                }
            }
        }
        return null;
    }

    private Response tooMany(Rule rule, String path, long waitNanos) {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
        registry.counter("statecraft.http.problems", "type", "rate-limited", "status", "429").increment();
        Problem problem = Problem.of(429, "rate-limited", "Too many requests",
                "Too many requests to " + rule.method() + " " + rule.path() + " from your address; try again in "
                        + seconds + " s.").withInstance(path);
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", String.valueOf(seconds))
                .entity(problem).build();
    }

    private static String stripTrailingSlash(String path) {
        return path != null && path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
