package dev.statecraft.load.latency;

import dev.statecraft.infra.local.WebhookReceiver;
import dev.statecraft.load.LoadVertx;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The latency benchmark's webhook endpoint: checks each webhook's signature as {@link WebhookReceiver} does (the
 * same {@link WebhookReceiver#verify}), on one Vert.x event loop over kept-alive connections. It stands for a
 * subscriber on another machine, but shares the benchmark's 2 cores with the system under test, so its own CPU per
 * webhook counts: local-infra's receiver (the JDK's HttpServer, a thread pool) is meant for tests and demos.
 */
final class LatencyReceiver implements AutoCloseable {
    private final Vertx vertx = LoadVertx.oneLoop();
    private final HttpServer server;
    private final String secret;
    private final Consumer<WebhookReceiver.Received> listener;

    private LatencyReceiver(String secret, Consumer<WebhookReceiver.Received> listener) {
        this.secret = secret;
        this.listener = listener;
        this.server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(this::handle);
        server.listen().toCompletionStage().toCompletableFuture().join();
    }

    /** Listens on a free loopback port at {@code /hooks}; {@code listener} sees every webhook, valid or not. */
    static LatencyReceiver start(String secret, Consumer<WebhookReceiver.Received> listener) {
        return new LatencyReceiver(secret, listener);
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort() + "/hooks";
    }

    private void handle(HttpServerRequest request) {
        if (!request.path().startsWith("/hooks")) {
            request.response().setStatusCode(404).end();
            return;
        }
        request.body().onComplete(read -> {
            if (read.failed()) {
                request.response().setStatusCode(400).end();
                return;
            }
            String body = read.result().toString(StandardCharsets.UTF_8);
            String id = request.getHeader("webhook-id");
            String timestamp = request.getHeader("webhook-timestamp");
            String signature = request.getHeader("webhook-signature");
            WebhookReceiver.Received r = new WebhookReceiver.Received(id, timestamp, signature, body,
                    WebhookReceiver.verify(secret, id, timestamp, body, signature), request.path());
            listener.accept(r);
            request.response().setStatusCode(r.signatureValid() ? 204 : 401).end();
        });
    }

    @Override
    public void close() {
        server.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
