package dev.statecraft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Re-parse jobs of ingest-service. */
@Command(name = "reparse", description = "Re-parse stored documents and republish what changed (ingest-service).",
        subcommands = {ReparseCommand.Start.class, ReparseCommand.Status.class, ReparseCommand.Cancel.class,
                ReparseCommand.ListJobs.class})
class ReparseCommand {
    @ParentCommand
    StatecraftCli cli;

    @Command(name = "start", description = "Queue a re-parse of a range; --follow shows its progress.")
    static class Start implements Callable<Integer> {
        @ParentCommand
        ReparseCommand parent;
        @Option(names = "--published-from") String publishedFrom;
        @Option(names = "--published-to") String publishedTo;
        @Option(names = "--ingested-from") String ingestedFrom;
        @Option(names = "--ingested-to") String ingestedTo;
        @Option(names = "--publisher") String publisher;
        @Option(names = "--id", description = "an announcement id (repeatable)") List<String> ids;
        @Option(names = "--all", description = "every announcement") boolean all;
        @Option(names = "--dry-run", description = "report what would change, field by field; publish nothing")
        boolean dryRun;
        @Option(names = "--follow", description = "wait for the job, with a progress bar") boolean follow;

        @Override
        public Integer call() {
            Map<String, Object> range = new LinkedHashMap<>();
            put(range, "published_from", publishedFrom);
            put(range, "published_to", publishedTo);
            put(range, "ingested_from", ingestedFrom);
            put(range, "ingested_to", ingestedTo);
            put(range, "publisher", publisher);
            put(range, "ids", ids);
            if (all) {
                range.put("all", true);
            }
            range.put("dry_run", dryRun);
            StatecraftCli cli = parent.cli;
            AdminClient client = cli.client("ingest");
            JsonNode job = client.post("/admin/jobs/reparse", range);
            if (follow) {
                return cli.follow(client, job.path("id").asText());
            }
            cli.print(job, j -> Jobs.describe(cli.out, j));
            return 0;
        }

        private static void put(Map<String, Object> range, String name, Object value) {
            if (value != null) {
                range.put(name, value);
            }
        }
    }

    @Command(name = "status", description = "Show a job; --follow waits for it with a progress bar.")
    static class Status implements Callable<Integer> {
        @ParentCommand
        ReparseCommand parent;
        @Parameters(paramLabel = "JOB_ID") String id;
        @Option(names = "--follow") boolean follow;

        @Override
        public Integer call() {
            return JobCommands.status(parent.cli, "ingest", id, follow);
        }
    }

    @Command(name = "cancel", description = "Cancel a queued or running job.")
    static class Cancel implements Callable<Integer> {
        @ParentCommand
        ReparseCommand parent;
        @Parameters(paramLabel = "JOB_ID") String id;

        @Override
        public Integer call() {
            return JobCommands.cancel(parent.cli, "ingest", id);
        }
    }

    @Command(name = "list", description = "The newest re-parse jobs.")
    static class ListJobs implements Callable<Integer> {
        @ParentCommand
        ReparseCommand parent;

        @Override
        public Integer call() {
            return JobCommands.list(parent.cli, "ingest", "reparse");
        }
    }
}
