package dev.statecraft.notify.webhook;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.HttpHostConnectException;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * POSTs one signed webhook. The client's DNS resolver is the {@link OutboundUrlGuard}, so the address connected
 * to is the one the guard checked; redirects are not followed (a redirect could lead past the guard), at most
 * {@code per-endpoint-concurrency} connections (or a subscriber's higher {@code webhook_max_in_flight}, up to half the
 * sender threads) are pooled per endpoint, and every failure comes back as an
 * outcome rather than an exception.
 */
@ApplicationScoped
public class WebhookSender {
    /** A response body up to this size is read (so the connection can be reused); a larger one is dropped. */
    private static final long REUSABLE_BODY_BYTES = 64 * 1024;

    private final CloseableHttpClient client;
    private final Duration timeout;

    /**
     * The most requests one endpoint may have in flight: the default {@code per-endpoint-concurrency}, or up to half
     * the sender threads for a subscription with its own {@code webhook_max_in_flight}, so one hung endpoint can
     * block at most half the pool. The worker's slots and this client's connection pool both obey it.
     */
    public static int maxInFlightPerEndpoint(int perEndpoint, int threads) {
        return Math.max(Math.max(1, perEndpoint), Math.max(1, threads) / 2);
    }

    @Inject
    WebhookSender(OutboundUrlGuard guard,
            @ConfigProperty(name = "statecraft.delivery.timeout", defaultValue = "15s") Duration timeout,
            @ConfigProperty(name = "statecraft.delivery.threads", defaultValue = "8") int threads,
            @ConfigProperty(name = "statecraft.delivery.per-endpoint-concurrency", defaultValue = "2") int perEndpoint) {
        this.timeout = timeout;
        Timeout t = Timeout.of(timeout);
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(guard.dnsResolver())
                .setMaxConnTotal(Math.max(1, threads))
                // the worker limits each endpoint to its slots, never more than this
                .setMaxConnPerRoute(maxInFlightPerEndpoint(perEndpoint, threads))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(t).setSocketTimeout(t).setTimeToLive(TimeValue.ofMinutes(5)).build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent("statecraft-notify/1")
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(t).setResponseTimeout(t).build())
                .build();
    }

    WebhookSender(OutboundUrlGuard guard, Duration timeout) {
        this(guard, timeout, 8, 2);
    }

    public Duration timeout() {
        return timeout;
    }

    /** What a webhook to send: where, signed with which secrets (several during a rotation), and the stored body. */
    public record Message(String url, List<String> secrets, String msgId, String body) {
        public Message(String url, String secret, String msgId, String body) {
            this(url, List.of(secret), msgId, body);
        }
    }

    /**
     * The endpoint's answer: a status code (0 when none came back), its Retry-After if any, and an error
     * text for anything but 2xx.
     */
    public record Outcome(int statusCode, Optional<String> retryAfter, String error) {
        public boolean delivered() {
            return statusCode >= 200 && statusCode < 300;
        }

        static Outcome noResponse(String error) {
            return new Outcome(0, Optional.empty(), error);
        }
    }

    public Outcome send(Message message) {
        URI uri;
        try {
            uri = OutboundUrlGuard.parse(message.url());
        } catch (OutboundUrlGuard.RefusedUrlException e) {
            return Outcome.noResponse("refused: " + e.getMessage());
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpPost post = new HttpPost(uri);
        post.setHeader("webhook-id", message.msgId());
        post.setHeader("webhook-timestamp", Long.toString(timestamp));
        post.setHeader("webhook-signature", WebhookSigner.signAll(message.secrets(), message.msgId(), timestamp,
                message.body()));
        // the current span's trace (the delivery's send span): receivers that trace see the whole journey
        W3CTraceContextPropagator.getInstance().inject(Context.current(), post, (request, key, value) -> request.setHeader(key, value));
        post.setEntity(new StringEntity(message.body(), ContentType.APPLICATION_JSON));
        try (CloseableHttpResponse response = client.execute(post)) {
            dropBody(response.getEntity());
            int status = response.getCode();
            Optional<String> retryAfter = Optional.ofNullable(response.getFirstHeader("retry-after"))
                    .map(Header::getValue);
            String error = status >= 200 && status < 300 ? null : "HTTP " + status;
            if (status >= 300 && status < 400) {
                error = "HTTP " + status + " (redirects are not followed; subscribe with the final URL)";
            }
            return new Outcome(status, retryAfter, error);
        } catch (OutboundUrlGuard.RefusedAddressException e) {
            return Outcome.noResponse("refused: " + e.getMessage());
        } catch (UnknownHostException e) {
            return Outcome.noResponse("host does not resolve (" + e.getMessage() + ")");
        } catch (java.net.SocketTimeoutException e) {
            return Outcome.noResponse("timed out after " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            String what = e instanceof HttpHostConnectException || e instanceof java.net.ConnectException
                    ? "could not connect" : "request failed";
            return Outcome.noResponse(what + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Outcome.noResponse("cannot send: " + e.getMessage());
        }
    }

    /** Reads a small body so the connection goes back to the pool; a large or endless one closes it instead. */
    private static void dropBody(HttpEntity entity) throws IOException {
        if (entity != null && entity.getContentLength() >= 0 && entity.getContentLength() <= REUSABLE_BODY_BYTES) {
            EntityUtils.consume(entity);
        }
    }

    @PreDestroy
    void close() {
        try {
            client.close();
        } catch (IOException e) {
            // shutting down
        }
    }
}
