package dev.statecraft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** A consuming service's dead-letter topic. */
@Command(name = "dead-letters", description = "List, inspect and re-drive dead letters (timeline or notify).",
        subcommands = {DeadLettersCommand.ListLetters.class, DeadLettersCommand.Show.class,
                DeadLettersCommand.Redrive.class})
class DeadLettersCommand {
    @ParentCommand
    StatecraftCli cli;

    @Option(names = "--service", required = true, scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "timeline or notify")
    String service;

    @Command(name = "list")
    static class ListLetters implements Callable<Integer> {
        @ParentCommand
        DeadLettersCommand parent;
        @Option(names = "--limit", defaultValue = "100") int limit;

        @Override
        public Integer call() {
            StatecraftCli cli = parent.cli;
            cli.print(cli.client(parent.service).get("/admin/dead-letters?limit=" + limit), body -> {
                cli.out.println(body.path("topic").asText() + ": " + body.path("records").size() + " record(s)");
                for (JsonNode r : body.path("records")) {
                    cli.out.printf("  %d@%d  key %s  from %s-%s@%s  %s%s%n", r.path("partition").asInt(),
                            r.path("offset").asLong(), r.path("key").asText(), r.path("original_topic").asText(),
                            r.path("original_partition").asText(), r.path("original_offset").asText(),
                            r.path("reason").asText(), r.hasNonNull("redriven_at")
                                    ? "  (re-driven " + r.get("redriven_at").asText() + ")" : "");
                }
            });
            return 0;
        }
    }

    @Command(name = "show")
    static class Show implements Callable<Integer> {
        @ParentCommand
        DeadLettersCommand parent;
        @Parameters(index = "0", paramLabel = "PARTITION") int partition;
        @Parameters(index = "1", paramLabel = "OFFSET") long offset;

        @Override
        public Integer call() {
            StatecraftCli cli = parent.cli;
            cli.print(cli.client(parent.service).get("/admin/dead-letters/" + partition + "/" + offset), r -> {
                cli.out.println("reason:   " + r.path("reason").asText());
                cli.out.println("cause:    " + r.path("cause").asText());
                cli.out.println("original: " + r.path("original_topic").asText() + "-"
                        + r.path("original_partition").asText() + "@" + r.path("original_offset").asText());
                cli.out.println("key:      " + r.path("key").asText());
                cli.out.println("payload:  " + r.path("payload").asText());
            });
            return 0;
        }
    }

    @Command(name = "redrive", description = "Re-drive one record (PARTITION OFFSET) or --all not yet re-driven.")
    static class Redrive implements Callable<Integer> {
        @ParentCommand
        DeadLettersCommand parent;
        @Parameters(index = "0", arity = "0..1", paramLabel = "PARTITION") Integer partition;
        @Parameters(index = "1", arity = "0..1", paramLabel = "OFFSET") Long offset;
        @Option(names = "--all") boolean all;

        @Override
        public Integer call() {
            StatecraftCli cli = parent.cli;
            Map<String, Object> body = all ? Map.of("all", true)
                    : Map.of("partition", partition == null ? -1 : partition, "offset", offset == null ? -1 : offset);
            cli.print(cli.client(parent.service).post("/admin/dead-letters/redrive", body), result -> {
                for (JsonNode r : result.path("results")) {
                    cli.out.printf("  %d@%d  %s  %s%n", r.path("partition").asInt(), r.path("offset").asLong(),
                            r.path("status").asText(), r.path("detail").asText());
                }
            });
            return 0;
        }
    }
}
