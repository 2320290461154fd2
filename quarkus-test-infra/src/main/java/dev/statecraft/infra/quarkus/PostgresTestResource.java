package dev.statecraft.infra.quarkus;

import dev.statecraft.infra.postgres.LocalPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/**
 * A real PostgreSQL for {@code @QuarkusTest}: one server per test JVM, and a fresh database each time a test
 * app starts, so test apps never see each other's rows.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    private static LocalPostgres server;

    public static synchronized LocalPostgres server() {
        if (server == null) {
            server = LocalPostgres.startEphemeral();
        }
        return server;
    }

    @Override
    public Map<String, String> start() {
        String database = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        server().createDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", server().jdbcUrl(database),
                "quarkus.datasource.username", LocalPostgres.USER,
                "quarkus.datasource.password", LocalPostgres.PASSWORD);
    }

    @Override
    public void stop() {
        // the server is shared by the JVM's test apps and ends with it
    }
}
