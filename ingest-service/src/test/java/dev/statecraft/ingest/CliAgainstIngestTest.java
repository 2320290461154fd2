package dev.statecraft.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.cli.StatecraftCli;
import dev.statecraft.infra.quarkus.KafkaTestResource;
import dev.statecraft.infra.quarkus.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The operator CLI against this running service: a dry-run re-parse followed to the end, then the audit log. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class CliAgainstIngestTest {
    @TestHTTPResource("/")
    URL base;
    @Inject
    DataSource dataSource;

    String cli(int expectedExit, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        all[0] = "--ingest-url=" + base.toString();
        all[1] = "--token=" + ReparseJobTest.CI_TOKEN;
        System.arraycopy(args, 0, all, 2, args.length);
        int exit = StatecraftCli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as("exit code; stderr: %s", err).isEqualTo(expectedExit);
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void reparseDryRunFollowedByTheCliReportsTheFieldChanges() throws Exception {
        ReparseJobTest helper = new ReparseJobTest();
        helper.dataSource = dataSource;
        String publisher = "CLI Office " + UUID.randomUUID();
        String id = helper.post(publisher);
        helper.pretendAnOlderParserStored(id);

        String output = cli(0, "reparse", "start", "--id", id, "--dry-run", "--follow");
        assertThat(output).contains("done", "(dry run)", "would change:", id, "kind: \"other\" -> \"visit\"",
                "100%");

        assertThat(cli(0, "audit", "--service", "ingest", "--action", "reparse.start")).contains("ci", "202");
        assertThat(cli(1, "reparse", "cancel", "job_unknown")).contains("HTTP 404");
    }
}
