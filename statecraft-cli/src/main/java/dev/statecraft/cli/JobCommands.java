package dev.statecraft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** status / cancel / list of a service's jobs, for re-parse and backfill alike. */
final class JobCommands {
    private JobCommands() {
    }

    static int status(StatecraftCli cli, String service, String id, boolean follow) {
        AdminClient client = cli.client(service);
        if (follow) {
            return cli.follow(client, id);
        }
        cli.print(client.get("/admin/jobs/" + encode(id)), j -> Jobs.describe(cli.out, j));
        return 0;
    }

    static int cancel(StatecraftCli cli, String service, String id) {
        JsonNode job = cli.client(service).post("/admin/jobs/" + encode(id) + "/cancel", null);
        cli.print(job, j -> Jobs.describe(cli.out, j));
        return 0;
    }

    static int list(StatecraftCli cli, String service, String kind) {
        cli.print(cli.client(service).get("/admin/jobs?kind=" + kind), j -> Jobs.list(cli.out, j));
        return 0;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
