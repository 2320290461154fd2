package dev.statecraft.load.timeline;

import dev.statecraft.load.LoadVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Phaser;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Sends requests on a fixed schedule (one every 1/rate seconds, whatever the responses do) and records each
 * latency from the request's <em>intended</em> send time, so a slow response that delays later sends shows up in
 * their latencies too (no coordinated omission). Requests rotate through the query types; each type has its own
 * HdrHistogram, in microseconds.
 *
 * <p>The client shares the 2-core machine with the service and its database, so it is a Vert.x client on one
 * event loop (keep-alive connections, as many as requests in flight): 0.7-0.8 ms of CPU per timeline request,
 * where the JDK's HttpClient took ~1.4-1.8 ms; every millisecond it takes is one the service lacks.
 */
final class FixedRateLoad implements AutoCloseable {
    /** A kind of request; {@code path} makes the next one (path and query string) from a random source. */
    record QueryType(String name, Function<SplittableRandom, String> path) {
    }

    /** {@code errors} by cause: an HTTP status other than 200, or the exception's simple class name. */
    record Result(String name, Histogram latencyMicros, Map<String, Long> errors) {
        String line() {
            long total = errors.values().stream().mapToLong(Long::longValue).sum();
            return String.format("%-16s n=%6d  p50=%7.2f ms  p90=%7.2f ms  p99=%7.2f ms  max=%8.2f ms  errors=%d%s",
                    name, latencyMicros.getTotalCount(), ms(50), ms(90), ms(99),
                    latencyMicros.getMaxValue() / 1000.0, total, total == 0 ? "" : " " + errors);
        }

        double ms(double percentile) {
            return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private static final int TIMEOUT_MILLIS = 30_000;

    private final Vertx vertx = LoadVertx.oneLoop();
    private final HttpClient http = LoadVertx.keptAliveClient(vertx, 1024);
    private final String host;
    private final int port;

    FixedRateLoad(String baseUrl) {
        URI base = URI.create(baseUrl);
        this.host = base.getHost();
        this.port = base.getPort();
    }

    /** The status of a GET of {@code pathAndQuery} with the body read to its end (and dropped), or the failure. */
    private Future<Integer> send(String pathAndQuery) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setHost(host).setPort(port)
                .setURI(pathAndQuery).setIdleTimeout(TIMEOUT_MILLIS).putHeader("Accept", "application/json");
        // end() asked for inside send's callback, on the response's tick (see IntakeClient.post)
        return http.request(request).compose(r -> r.send().compose(response -> response.end()
                .map(done -> response.statusCode())));
    }

    /** Runs {@code types} round-robin at {@code rate} requests/s for {@code duration}; waits for the last answer. */
    List<Result> run(List<QueryType> types, double rate, Duration duration, long seed) {
        Map<String, ConcurrentHistogram> histograms = new LinkedHashMap<>();
        Map<String, Map<String, LongAdder>> errors = new LinkedHashMap<>();
        for (QueryType t : types) {
            histograms.put(t.name(), new ConcurrentHistogram(3));
            errors.put(t.name(), new ConcurrentHashMap<>());
        }
        SplittableRandom random = new SplittableRandom(seed);
        long period = (long) (1e9 / rate);
        long total = (long) (duration.toNanos() / period);
        Phaser outstanding = new Phaser(1);
        long start = System.nanoTime() + 50_000_000L;
        for (long i = 0; i < total; i++) {
            long intended = start + i * period;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            QueryType type = types.get((int) (i % types.size()));
            String pathAndQuery = type.path().apply(random);
            outstanding.register();
            send(pathAndQuery).onComplete(response -> {
                histograms.get(type.name()).recordValue(Math.max(1, (System.nanoTime() - intended) / 1000));
                String error = response.failed() ? rootCause(response.cause()).getClass().getSimpleName()
                        : response.result() != 200 ? String.valueOf(response.result()) : null;
                if (error != null) {
                    errors.get(type.name()).computeIfAbsent(error, k -> new LongAdder()).increment();
                }
                outstanding.arriveAndDeregister();
            });
        }
        outstanding.arriveAndAwaitAdvance();
        Histogram all = new Histogram(3);
        Map<String, Long> allErrors = new TreeMap<>();
        List<Result> results = new java.util.ArrayList<>();
        for (QueryType t : types) {
            Histogram h = histograms.get(t.name());
            all.add(h);
            Map<String, Long> typeErrors = new TreeMap<>();
            errors.get(t.name()).forEach((k, v) -> typeErrors.put(k, v.sum()));
            typeErrors.forEach((k, v) -> allErrors.merge(k, v, Long::sum));
            results.add(new Result(t.name(), h, typeErrors));
        }
        results.add(new Result("ALL", all, allErrors));
        return results;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private record Answer(int status, String body) {
    }

    /** One plain request, for collecting cursors before the measured run. */
    String get(String pathAndQuery) throws Exception {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setHost(host).setPort(port)
                .setURI(pathAndQuery).setIdleTimeout(60_000);
        Answer answer = http.request(request).compose(r -> r.send()
                        .compose(response -> response.body().map(body -> new Answer(response.statusCode(),
                                body.toString()))))
                .toCompletionStage().toCompletableFuture().get(70, TimeUnit.SECONDS);
        if (answer.status() != 200) {
            throw new IllegalStateException(pathAndQuery + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
