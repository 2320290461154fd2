package dev.statecraft.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP endpoint on 127.0.0.1 that records every webhook and answers with scripted status codes. */
public final class WebhookReceiver implements AutoCloseable {
    /** One request as received: lower-cased header names. */
    public record Received(Instant at, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A scripted answer: status and optional Retry-After. */
    public record Answer(int status, String retryAfter) {
        public static Answer of(int status) {
            return new Answer(status, null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
    private volatile Answer otherwise = Answer.of(200);
    /** While set, requests are recorded, then held unanswered until {@link #release()}. */
    private volatile java.util.concurrent.CountDownLatch hold;
    private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newCachedThreadPool();

    /** Unique per receiver, so that requests meant for an earlier receiver on a reused port are told apart. */
    private final String path = "/hook/" + java.util.UUID.randomUUID();

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                // An earlier test's receiver had this port: its subscriptions are not ours to count; 410 ends them.
                exchange.sendResponseHeaders(410, -1);
                exchange.close();
                return;
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            received.add(new Received(Instant.now(), headers, body));
            java.util.concurrent.CountDownLatch holding = hold;
            if (holding != null) {
                try {
                    holding.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Answer answer = script.pollFirst();
            if (answer == null) {
                answer = otherwise;
            }
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        });
        server.setExecutor(executor);
        server.start();
    }

    /** From now on, every request is held without an answer (a hung endpoint) until {@link #release()}. */
    public WebhookReceiver holding() {
        hold = new java.util.concurrent.CountDownLatch(1);
        return this;
    }

    public void release() {
        java.util.concurrent.CountDownLatch holding = hold;
        hold = null;
        if (holding != null) {
            holding.countDown();
        }
    }

    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers these first, in order, then {@code otherwise}. */
    public WebhookReceiver answering(Answer... first) {
        script.addAll(List.of(first));
        return this;
    }

    public WebhookReceiver otherwise(int status) {
        otherwise = Answer.of(status);
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public int count() {
        return received.size();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
