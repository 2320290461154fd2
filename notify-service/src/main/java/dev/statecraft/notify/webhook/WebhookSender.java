package dev.statecraft.notify.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * POSTs one signed webhook. Redirects are not followed (a redirect could lead past the address guard), the
 * response body is not read, and every failure comes back as an outcome rather than an exception.
 */
@ApplicationScoped
public class WebhookSender {
    private final HttpClient client;
    private final Duration timeout;
    private final OutboundUrlGuard guard;

    WebhookSender(OutboundUrlGuard guard,
            @ConfigProperty(name = "statecraft.delivery.timeout", defaultValue = "15s") Duration timeout) {
        this.guard = guard;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    public Duration timeout() {
        return timeout;
    }

    /** What a webhook to send: where, signed with what, and the stored body. */
    public record Message(String url, String secret, String msgId, String body) {
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
            uri = guard.check(message.url());
        } catch (OutboundUrlGuard.RefusedUrlException e) {
            return Outcome.noResponse("refused: " + e.getMessage());
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", "statecraft-notify/1")
                .header("webhook-id", message.msgId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSigner.sign(message.secret(), message.msgId(), timestamp,
                        message.body()))
                .POST(HttpRequest.BodyPublishers.ofString(message.body()))
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // the body is of no interest; closing drops it rather than reading an endless stream
            response.body().close();
            int status = response.statusCode();
            Optional<String> retryAfter = response.headers().firstValue("retry-after");
            String error = status >= 200 && status < 300 ? null : "HTTP " + status;
            if (status >= 300 && status < 400) {
                error = "HTTP " + status + " (redirects are not followed; subscribe with the final URL)";
            }
            return new Outcome(status, retryAfter, error);
        } catch (HttpTimeoutException e) {
            return Outcome.noResponse("timed out after " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            String what = e instanceof java.net.ConnectException ? "could not connect" : "request failed";
            return Outcome.noResponse(what + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.noResponse("interrupted (shutting down)");
        } catch (IllegalArgumentException e) {
            return Outcome.noResponse("cannot send: " + e.getMessage());
        }
    }
}
