package dev.statecraft.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.infra.kafka.KafkaBroker;
import dev.statecraft.infra.postgres.LocalPostgres;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class LocalInfraTest {

    @Test
    void brokerCarriesARecordKeepsItOverARestartAndEndsItsProcessOnClose() throws Exception {
        KafkaBroker broker = KafkaBroker.startEphemeral();
        try (broker) {
            Map<String, Object> common = Map.of("bootstrap.servers", broker.bootstrapServers());
            try (Admin admin = Admin.create(common)) {
                admin.createTopics(List.of(new NewTopic("probe", 1, (short) 1))).all().get();
            }
            try (var producer = new KafkaProducer<>(common, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("probe", "k", "hello")).get();
                broker.restart();
                producer.send(new ProducerRecord<>("probe", "k", "after restart")).get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            Map<String, Object> consumerConfig = Map.of("bootstrap.servers", broker.bootstrapServers(),
                    "group.id", "probe-" + UUID.randomUUID(), "auto.offset.reset", "earliest");
            try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("probe"));
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (records.isEmpty() && System.nanoTime() < deadline) {
                    records = consumer.poll(Duration.ofMillis(500));
                }
                assertThat(records.iterator().next().value()).isEqualTo("hello");
            }
        }
        assertThat(broker.isAlive()).isFalse();
    }

    @Test
    void brokerDiesWithItsParentEvenAfterKillMinus9() throws Exception {
        String classpath = System.getProperty("java.class.path") + java.io.File.pathSeparator + RuntimeClasspath.get();
        Process parent = new ProcessBuilder(ChildProcesses.javaExecutable(), "-cp", classpath,
                OrphanProbe.class.getName()).redirectErrorStream(true).start();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(parent.getInputStream()))) {
            String line;
            long brokerPid = -1;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("BROKER_PID ")) {
                    brokerPid = Long.parseLong(line.substring(11).trim());
                    break;
                }
            }
            assertThat(brokerPid).isPositive();
            ProcessHandle broker = ProcessHandle.of(brokerPid).orElseThrow();
            parent.destroyForcibly().waitFor();
            assertThat(broker.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS).isAlive()).isFalse();
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void postgresAnswersAndHoldsSeparateDatabases() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.startEphemeral()) {
            postgres.createDatabase("ingest");
            postgres.createDatabase("ingest"); // idempotent
            try (var c = DriverManager.getConnection(postgres.jdbcUrl("ingest"), LocalPostgres.USER,
                    LocalPostgres.PASSWORD); var rs = c.createStatement().executeQuery("select version()")) {
                rs.next();
                assertThat(rs.getString(1)).startsWith("PostgreSQL");
            }
        }
    }
}
