package dev.statecraft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** A consuming service's consumer group: lag, and moving it. */
@Command(name = "consumers", description = "Consumer group lag and position reset (timeline or notify).",
        subcommands = {ConsumersCommand.Lag.class, ConsumersCommand.Reset.class})
class ConsumersCommand {
    @ParentCommand
    StatecraftCli cli;

    @Option(names = "--service", required = true, scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "timeline or notify")
    String service;

    @Command(name = "lag")
    static class Lag implements Callable<Integer> {
        @ParentCommand
        ConsumersCommand parent;

        @Override
        public Integer call() {
            StatecraftCli cli = parent.cli;
            cli.print(cli.client(parent.service).get("/admin/consumers"), g -> {
                cli.out.printf("group %s on %s: %s, %d member(s), total lag %d%n", g.path("group").asText(),
                        g.path("topic").asText(), g.path("state").asText(), g.path("members").asInt(),
                        g.path("total_lag").asLong());
                for (JsonNode p : g.path("partitions")) {
                    cli.out.printf("  partition %d: committed %s, end %d, lag %s%n", p.path("partition").asInt(),
                            p.path("committed").asText("-"), p.path("end_offset").asLong(), p.path("lag").asText("-"));
                }
            });
            return 0;
        }
    }

    @Command(name = "reset", description = "Move the group to --to-time or --to-offset. A dry run unless --apply.")
    static class Reset implements Callable<Integer> {
        @ParentCommand
        ConsumersCommand parent;
        @Option(names = "--to-time", description = "ISO-8601, e.g. 2025-03-18T00:00:00Z") String toTime;
        @Option(names = "--to-offset") Long toOffset;
        @Option(names = "--partition") Integer partition;
        @Option(names = "--apply", description = "really move the offsets (default: show the moves only)")
        boolean apply;
        @Option(names = "--force", description = "move even when the group reports members") boolean force;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            if (toTime != null) {
                body.put("to_time", toTime);
            }
            if (toOffset != null) {
                body.put("to_offset", toOffset);
            }
            if (partition != null) {
                body.put("partition", partition);
            }
            body.put("dry_run", !apply);
            body.put("force", force);
            StatecraftCli cli = parent.cli;
            cli.print(cli.client(parent.service).post("/admin/consumers/reset", body), r -> {
                cli.out.println((r.path("applied").asBoolean() ? "moved" : "would move (dry run)") + " group "
                        + r.path("group").asText() + ":");
                for (JsonNode m : r.path("moves")) {
                    cli.out.printf("  partition %d: %s -> %d%n", m.path("partition").asInt(),
                            m.path("current").asText("-"), m.path("new").asLong());
                }
            });
            return 0;
        }
    }
}
