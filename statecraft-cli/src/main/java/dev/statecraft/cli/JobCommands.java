package dev.statecraft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * A service's background jobs (re-parse on ingest, backfill on notify): each group has its own {@code start};
 * {@code status}, {@code cancel} and {@code list} are these, the same for every group.
 */
abstract class JobCommands {
    @ParentCommand
    StatecraftCli cli;

    /** The service that runs the jobs: ingest or notify. */
    abstract String service();

    /** The job kind its {@code /admin/jobs} listing filters on. */
    abstract String kind();

    /** Queues a job by POSTing {@code request} to {@code path}, then shows it or follows it to its end. */
    int start(String path, Object request, boolean follow) {
        AdminClient client = cli.client(service());
        JsonNode job = client.post(path, request);
        if (follow) {
            return cli.follow(client, job.path("id").asText());
        }
        cli.print(job, j -> Jobs.describe(cli.out, j));
        return 0;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Command(name = "status", description = "Show a job; --follow waits for it with a progress bar.")
    static class Status implements Callable<Integer> {
        @ParentCommand
        JobCommands group;
        @Parameters(paramLabel = "JOB_ID") String id;
        @Option(names = "--follow") boolean follow;

        @Override
        public Integer call() {
            StatecraftCli cli = group.cli;
            AdminClient client = cli.client(group.service());
            if (follow) {
                return cli.follow(client, id);
            }
            cli.print(client.get("/admin/jobs/" + encode(id)), j -> Jobs.describe(cli.out, j));
            return 0;
        }
    }

    @Command(name = "cancel", description = "Cancel a queued or running job.")
    static class Cancel implements Callable<Integer> {
        @ParentCommand
        JobCommands group;
        @Parameters(paramLabel = "JOB_ID") String id;

        @Override
        public Integer call() {
            StatecraftCli cli = group.cli;
            JsonNode job = cli.client(group.service()).post("/admin/jobs/" + encode(id) + "/cancel", null);
            cli.print(job, j -> Jobs.describe(cli.out, j));
            return 0;
        }
    }

    @Command(name = "list", description = "The newest jobs of this kind.")
    static class ListJobs implements Callable<Integer> {
        @ParentCommand
        JobCommands group;

        @Override
        public Integer call() {
            StatecraftCli cli = group.cli;
            cli.print(cli.client(group.service()).get("/admin/jobs?kind=" + group.kind()), j -> Jobs.list(cli.out, j));
            return 0;
        }
    }
}
