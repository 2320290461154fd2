package dev.statecraft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code statecraft}: the operator's tool over the services' admin APIs. Exit codes: 0 done, 1 refused (a 4xx),
 * 2 the service failed or could not be reached, 3 a followed job ended failed or cancelled.
 */
@Command(name = "statecraft", mixinStandardHelpOptions = true, version = "statecraft 0.1.0",
        description = "Operate Statecraft Feed: re-parse, rebuild, backfill, dead letters, consumer positions, audit.",
        subcommands = {ReparseCommand.class, RebuildCommand.class, BackfillCommand.class, DeadLettersCommand.class,
                ConsumersCommand.class, AuditCommand.class})
public class StatecraftCli implements Callable<Integer> {
    @Option(names = "--ingest-url", scope = ScopeType.INHERIT, defaultValue = "${env:STATECRAFT_INGEST_URL:-http://localhost:8081}",
            description = "ingest-service base URL (env STATECRAFT_INGEST_URL; default ${DEFAULT-VALUE})")
    String ingestUrl;

    @Option(names = "--timeline-url", scope = ScopeType.INHERIT,
            defaultValue = "${env:STATECRAFT_TIMELINE_URL:-http://localhost:8082}",
            description = "timeline-service base URL (env STATECRAFT_TIMELINE_URL; default ${DEFAULT-VALUE})")
    String timelineUrl;

    @Option(names = "--notify-url", scope = ScopeType.INHERIT,
            defaultValue = "${env:STATECRAFT_NOTIFY_URL:-http://localhost:8083}",
            description = "notify-service base URL (env STATECRAFT_NOTIFY_URL; default ${DEFAULT-VALUE})")
    String notifyUrl;

    @Option(names = "--token", scope = ScopeType.INHERIT, defaultValue = "${env:STATECRAFT_OPERATOR_TOKEN}",
            description = "operator bearer token (env STATECRAFT_OPERATOR_TOKEN)")
    String token;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "print the API's JSON, for scripts")
    boolean json;

    PrintStream out = System.out;
    PrintStream err = System.err;
    /** How often a followed job is polled. */
    long pollMillis = 1000;
    /** Tests poll faster. */
    static long pollMillisForTests = 0;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the CLI with these streams; returns the exit code (tests call this). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        StatecraftCli cli = new StatecraftCli();
        cli.out = out;
        cli.err = err;
        if (pollMillisForTests > 0) {
            cli.pollMillis = pollMillisForTests;
        }
        CommandLine commandLine = new CommandLine(cli);
        commandLine.setOut(new java.io.PrintWriter(out, true));
        commandLine.setErr(new java.io.PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof AdminClient.Failure f) {
                err.println("statecraft: " + f.getMessage());
                return f.status >= 400 && f.status < 500 ? 1 : 2;
            }
            throw e;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(out);
        return 0;
    }

    AdminClient client(String service) {
        return new AdminClient(switch (service) {
            case "ingest" -> ingestUrl;
            case "timeline" -> timelineUrl;
            case "notify" -> notifyUrl;
            default -> throw new CommandLine.ParameterException(new CommandLine(this),
                    "unknown service '" + service + "' (ingest, timeline or notify)");
        }, token);
    }

    /** The JSON as is with {@code --json}, else the human form. */
    void print(JsonNode node, java.util.function.Consumer<JsonNode> human) {
        if (json) {
            try {
                out.println(AdminClient.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            human.accept(node);
        }
    }

    /** Polls a job until it ends, drawing a progress bar on stderr; 0 when done, 3 when failed or cancelled. */
    int follow(AdminClient client, String jobId) {
        ProgressBar bar = new ProgressBar(err);
        JsonNode job;
        while (true) {
            job = client.get("/admin/jobs/" + jobId);
            if (!json) {
                bar.job(job);
            }
            String state = job.path("state").asText();
            if (state.equals("done") || state.equals("failed") || state.equals("cancelled")) {
                break;
            }
            sleep();
        }
        if (!json) {
            bar.end();
        }
        print(job, j -> Jobs.describe(out, j));
        return job.path("state").asText().equals("done") ? 0 : 3;
    }

    void sleep() {
        try {
            Thread.sleep(pollMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminClient.Failure(0, "interrupted");
        }
    }
}
