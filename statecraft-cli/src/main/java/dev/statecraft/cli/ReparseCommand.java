package dev.statecraft.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Re-parse jobs of ingest-service. */
@Command(name = "reparse", description = "Re-parse stored documents and republish what changed (ingest-service).",
        subcommands = {ReparseCommand.Start.class, JobCommands.Status.class, JobCommands.Cancel.class,
                JobCommands.ListJobs.class})
class ReparseCommand extends JobCommands {
    @Override
    String service() {
        return "ingest";
    }

    @Override
    String kind() {
        return "reparse";
    }

    @Command(name = "start", description = "Queue a re-parse of a range; --follow shows its progress.")
    static class Start implements Callable<Integer> {
        @ParentCommand
        ReparseCommand group;
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
            return group.start("/admin/jobs/reparse", range, follow);
        }

        private static void put(Map<String, Object> range, String name, Object value) {
            if (value != null) {
                range.put(name, value);
            }
        }
    }
}
