package dev.statecraft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Backfill of one subscription (notify-service). */
@Command(name = "backfill", description = "Deliver a past range to one subscription, marked as backfill (notify-service).",
        subcommands = {BackfillCommand.Start.class, BackfillCommand.Status.class, BackfillCommand.Cancel.class,
                BackfillCommand.ListJobs.class})
class BackfillCommand {
    @ParentCommand
    StatecraftCli cli;

    @Command(name = "start", description = "Queue a backfill for SUBSCRIPTION_ID from --from to --to (or the end).")
    static class Start implements Callable<Integer> {
        @ParentCommand
        BackfillCommand parent;
        @Parameters(paramLabel = "SUBSCRIPTION_ID") String subscription;
        @Option(names = "--from", required = true, description = "YYYY-MM-DD or ISO-8601 (topic record time)")
        String from;
        @Option(names = "--to") String to;
        @Option(names = "--follow") boolean follow;

        @Override
        public Integer call() {
            Map<String, Object> range = new LinkedHashMap<>();
            range.put("from", from);
            if (to != null) {
                range.put("to", to);
            }
            StatecraftCli cli = parent.cli;
            AdminClient client = cli.client("notify");
            JsonNode job = client.post("/admin/subscriptions/" + JobCommands.encode(subscription) + "/backfill", range);
            if (follow) {
                return cli.follow(client, job.path("id").asText());
            }
            cli.print(job, j -> Jobs.describe(cli.out, j));
            return 0;
        }
    }

    @Command(name = "status")
    static class Status implements Callable<Integer> {
        @ParentCommand
        BackfillCommand parent;
        @Parameters(paramLabel = "JOB_ID") String id;
        @Option(names = "--follow") boolean follow;

        @Override
        public Integer call() {
            return JobCommands.status(parent.cli, "notify", id, follow);
        }
    }

    @Command(name = "cancel")
    static class Cancel implements Callable<Integer> {
        @ParentCommand
        BackfillCommand parent;
        @Parameters(paramLabel = "JOB_ID") String id;

        @Override
        public Integer call() {
            return JobCommands.cancel(parent.cli, "notify", id);
        }
    }

    @Command(name = "list")
    static class ListJobs implements Callable<Integer> {
        @ParentCommand
        BackfillCommand parent;

        @Override
        public Integer call() {
            return JobCommands.list(parent.cli, "notify", "backfill");
        }
    }
}
