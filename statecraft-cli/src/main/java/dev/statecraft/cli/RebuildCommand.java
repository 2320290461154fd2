package dev.statecraft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The timeline projection rebuild from offset 0. */
@Command(name = "rebuild", description = "Rebuild timeline-service's read model from the topic.",
        subcommands = {RebuildCommand.Start.class, RebuildCommand.Status.class})
class RebuildCommand {
    @ParentCommand
    StatecraftCli cli;

    @Command(name = "start")
    static class Start implements Callable<Integer> {
        @ParentCommand
        RebuildCommand parent;
        @Option(names = "--follow") boolean follow;

        @Override
        public Integer call() {
            StatecraftCli cli = parent.cli;
            AdminClient client = cli.client("timeline");
            return showOrFollow(cli, client, client.post("/admin/projection/rebuild", null), follow);
        }
    }

    @Command(name = "status")
    static class Status implements Callable<Integer> {
        @ParentCommand
        RebuildCommand parent;
        @Option(names = "--follow") boolean follow;

        @Override
        public Integer call() {
            StatecraftCli cli = parent.cli;
            AdminClient client = cli.client("timeline");
            return showOrFollow(cli, client, client.get("/admin/projection"), follow);
        }
    }

    /** Prints the progress the server just answered, or follows the rebuild with a progress bar to its end. */
    static int showOrFollow(StatecraftCli cli, AdminClient client, JsonNode progress, boolean follow) {
        return follow ? follow(cli, client) : show(cli, progress);
    }

    static int show(StatecraftCli cli, JsonNode progress) {
        cli.print(progress, p -> cli.out.println("rebuild " + p.path("state").asText() + ": read "
                + p.path("records_read").asLong() + " of " + p.path("records_to_read").asLong()
                + (p.hasNonNull("error") ? ", error " + p.get("error").asText() : "")));
        return 0;
    }

    static int follow(StatecraftCli cli, AdminClient client) {
        ProgressBar bar = new ProgressBar(cli.err);
        JsonNode progress;
        while (true) {
            progress = client.get("/admin/projection");
            if (!cli.json) {
                bar.rebuild(progress);
            }
            if (!progress.path("state").asText().equals("running")) {
                break;
            }
            cli.sleep();
        }
        if (!cli.json) {
            bar.end();
        }
        show(cli, progress);
        return progress.path("state").asText().equals("failed") ? 3 : 0;
    }
}
