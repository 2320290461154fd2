package dev.statecraft.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Backfill of one subscription (notify-service). */
@Command(name = "backfill", description = "Deliver a past range to one subscription, marked as backfill (notify-service).",
        subcommands = {BackfillCommand.Start.class, JobCommands.Status.class, JobCommands.Cancel.class,
                JobCommands.ListJobs.class})
class BackfillCommand extends JobCommands {
    @Override
    String service() {
        return "notify";
    }

    @Override
    String kind() {
        return "backfill";
    }

    @Command(name = "start", description = "Queue a backfill for SUBSCRIPTION_ID from --from to --to (or the end).")
    static class Start implements Callable<Integer> {
        @ParentCommand
        BackfillCommand group;
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
            return group.start("/admin/subscriptions/" + encode(subscription) + "/backfill", range, follow);
        }
    }
}
