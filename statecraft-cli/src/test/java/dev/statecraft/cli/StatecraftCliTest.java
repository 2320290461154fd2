package dev.statecraft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CLI over real HTTP against a small server that answers like ingest-service's admin API (the job advances
 * each time it is read), checking what the CLI sends: the bearer token, the range JSON.
 */
class StatecraftCliTest {
    static final String TOKEN = "cli-test-token";
    HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger reads = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/admin/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().toString();
        requests.add(exchange.getRequestMethod() + " " + path + " " + body);
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null) {
            answer(exchange, 401, "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"token required\"}");
        } else if (!auth.equals("Bearer " + TOKEN)) {
            answer(exchange, 403, "{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"not an operator token\"}");
        } else if (path.equals("/admin/jobs/reparse") || path.endsWith("/backfill")) {
            answer(exchange, 202, job("queued", 0));
        } else if (path.equals("/admin/jobs/job_1")) {
            int n = reads.incrementAndGet();
            answer(exchange, 200, n < 3 ? job("running", n) : job("done", 3));
        } else {
            answer(exchange, 404, "{\"title\":\"Not found\",\"status\":404,\"detail\":\"No job.\"}");
        }
    }

    static String job(String state, int scanned) {
        String report = state.equals("done") ? ",\"report\":[{\"id\":\"ann_1\",\"revision\":1,\"changes\":"
                + "[{\"field\":\"kind\",\"before\":\"other\",\"after\":\"visit\"}]}]" : "";
        return "{\"id\":\"job_1\",\"kind\":\"reparse\",\"state\":\"" + state + "\",\"dry_run\":true,\"total\":3,"
                + "\"scanned\":" + scanned + ",\"changed\":" + (scanned > 0 ? 1 : 0) + ",\"unchanged\":0,\"failed\":0,"
                + "\"rate_per_second\":2.5,\"eta_seconds\":1,\"created_by\":\"alice\"" + report + "}";
    }

    static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    record Run(int exit, String out, String err) {
    }

    Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        all[0] = "--ingest-url=http://127.0.0.1:" + server.getAddress().getPort();
        all[1] = "--token=" + TOKEN;
        System.arraycopy(args, 0, all, 2, args.length);
        StatecraftCli.pollMillisForTests = 10;
        int exit = StatecraftCli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void startsADryRunFollowsItWithAProgressBarAndPrintsTheFieldChanges() {
        Run run = cli("reparse", "start", "--publisher", "FCDO", "--id", "ann_1", "--id", "ann_2", "--dry-run",
                "--follow");
        assertThat(run.exit()).isZero();
        assertThat(requests.get(0)).startsWith("POST /admin/jobs/reparse ")
                .contains("\"publisher\":\"FCDO\"", "\"ids\":[\"ann_1\",\"ann_2\"]", "\"dry_run\":true");
        assertThat(run.err()).contains("[##########....................]  33%  1/3", "100%  3/3", "ETA");
        assertThat(run.out()).contains("job_1", "done", "(dry run)", "would change:", "ann_1",
                "kind: \"other\" -> \"visit\"");
    }

    @Test
    void jsonOutputIsTheApisJsonForScripts() throws IOException {
        reads.set(10);
        Run run = cli("--json", "reparse", "status", "job_1");
        assertThat(run.exit()).isZero();
        JsonNode job = AdminClient.JSON.readTree(run.out());
        assertThat(job.path("state").asText()).isEqualTo("done");
        assertThat(job.path("report").get(0).path("changes").get(0).path("field").asText()).isEqualTo("kind");
    }

    @Test
    void refusalsBecomeAnExitCodeAndTheProblemsDetail() {
        Run missing = cli("reparse", "status", "job_nope");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("HTTP 404", "No job.");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = StatecraftCli.run(new String[] {"--ingest-url=http://127.0.0.1:" + server.getAddress().getPort(),
                "--token=wrong", "reparse", "list"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("HTTP 403", "not an operator token")
                .doesNotContain("wrong");
    }

    @Test
    void anUnreachableServiceIsExitCodeTwo() {
        server.stop(0);
        Run run = cli("reparse", "list");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("cannot reach");
    }

    @Test
    void backfillJobsGoToNotifyWithTheSameStatusCancelAndList() {
        String notify = "--notify-url=http://127.0.0.1:" + server.getAddress().getPort();
        assertThat(cli(notify, "backfill", "start", "sub 1", "--from", "2025-01-01").exit()).isZero();
        assertThat(requests.get(0)).startsWith("POST /admin/subscriptions/sub+1/backfill ")
                .contains("\"from\":\"2025-01-01\"").doesNotContain("\"to\"");
        assertThat(cli(notify, "backfill", "list").exit()).isEqualTo(1);
        assertThat(requests.get(1)).isEqualTo("GET /admin/jobs?kind=backfill ");
        cli(notify, "backfill", "cancel", "job_1");
        assertThat(requests.get(2)).startsWith("POST /admin/jobs/job_1/cancel ");
    }
}
