package dev.statecraft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** The audit log of one service's admin actions. */
@Command(name = "audit", description = "Recent admin actions of a service: who, what, when, result.")
class AuditCommand implements Callable<Integer> {
    @ParentCommand
    StatecraftCli cli;
    @Option(names = "--service", required = true, description = "ingest, timeline or notify") String service;
    @Option(names = "--limit", defaultValue = "50") int limit;
    @Option(names = "--action") String action;

    @Override
    public Integer call() {
        String query = "/admin/audit?limit=" + limit + (action == null ? "" : "&action=" + JobCommands.encode(action));
        cli.print(cli.client(service).get(query), entries -> {
            for (JsonNode e : entries) {
                cli.out.printf("%s  %-10s %-22s %-40s %d%n", e.path("at").asText(), e.path("operator").asText(),
                        e.path("action").asText(), e.path("target").asText(), e.path("status").asInt());
            }
        });
        return 0;
    }
}
