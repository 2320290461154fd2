package dev.statecraft.load.fanout;

import dev.statecraft.infra.local.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The fan-out benchmark's receiver alone: how many signed webhooks per second the local-infra
 * {@link WebhookReceiver} verifies and answers, so a fan-out result can be read against the receiver's own limit.
 * {@code clients} threads POST signed requests (keep-alive, HTTP/1.1) for {@code seconds}; arguments:
 * {@code [receiverThreads] [clients] [seconds] [out file]}.
 */
public final class ReceiverBenchmark {
    public static void main(String[] args) throws Exception {
        int receiverThreads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Duration duration = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 10);
        Path out = Path.of(args.length > 3 ? args[3] : "notify-service/benchmarks/fanout.txt");
        byte[] key = new SecureRandom().generateSeed(32);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        String body = "{\"type\":\"announcement.published\",\"timestamp\":\"2025-03-18T12:00:00.123Z\",\"data\":{\"id\":"
                + "\"ann_receiver_benchmark\",\"revision\":1,\"title\":\"Fan-out benchmark statement\"}}";
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        AtomicInteger valid = new AtomicInteger();
        AtomicInteger invalid = new AtomicInteger();
        try (WebhookReceiver receiver = WebhookReceiver.start(0, secret, r -> {
            if (r.signatureValid()) {
                valid.incrementAndGet();
            } else {
                invalid.incrementAndGet();
            }
        }, receiverThreads)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI uri = URI.create(receiver.url());
            AtomicInteger sequence = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<Integer>> results = new ArrayList<>();
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            for (int c = 0; c < clients; c++) {
                results.add(pool.submit(() -> {
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(key, "HmacSHA256"));
                    int sent = 0;
                    while (System.nanoTime() < end) {
                        String id = "msg_" + sequence.incrementAndGet();
                        String timestamp = Long.toString(Instant.now().getEpochSecond());
                        String signature = "v1," + Base64.getEncoder().encodeToString(
                                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
                        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri)
                                .header("content-type", "application/json").header("webhook-id", id)
                                .header("webhook-timestamp", timestamp).header("webhook-signature", signature)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 204) {
                            throw new IllegalStateException("receiver answered " + response.statusCode());
                        }
                        sent++;
                    }
                    return sent;
                }));
            }
            int sent = 0;
            for (Future<Integer> f : results) {
                sent += f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdownNow();
            String report = String.format("""
                    Receiver alone (dev.statecraft.load.fanout.ReceiverBenchmark), %s
                    local-infra WebhookReceiver, %d handler threads; %d client threads (java.net.http, HTTP/1.1 keep-alive), signing each request
                    %d requests in %.1f s = %.0f req/s; signatures valid: %d, invalid: %d
                    load average before: %s
                    load average after:  %s
                    """, Instant.now(), receiverThreads, clients, sent, seconds, sent / seconds, valid.get(),
                    invalid.get(), loadBefore, Files.readString(Path.of("/proc/loadavg")).trim());
            System.out.print(report);
            Files.writeString(out, "\n" + report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private ReceiverBenchmark() {
    }
}
