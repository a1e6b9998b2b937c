package ng.risiti.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import ng.risiti.infra.Ports;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small stack (PostgreSQL, Kafka, the NRS sandbox) started in this JVM by the supervisor's own code, with
 * restart waits shortened to fractions of a second: what happens when its processes are killed, restarted by hand
 * and stopped. Needs the stack's ports free (5433, 8090, 9092, 9093) and the sandbox built.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupervisionTests {

    static final RestartPolicy QUICK = new RestartPolicy(Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ofSeconds(5));
    static final Duration BACK_WITHIN = Duration.ofSeconds(60);
    static final String SANDBOX_HEALTH = "http://" + Stack.HOST + ":" + Stack.SANDBOX_PORT + "/q/health/ready";

    @TempDir
    static Path state;
    static StackLayout layout;
    static Supervisor supervisor;

    @BeforeAll
    static void startASmallStack() {
        Path root = Path.of(System.getProperty("risiti.root", "../..")).toAbsolutePath().normalize();
        layout = new StackLayout(root, state);
        supervisor = new Supervisor(layout, Set.of("postgres", "kafka", Stack.SANDBOX), QUICK);
        supervisor.startInProcess();
        // as `up` does; ./risiti status reports on the supervisor this file names
        Pids.write(layout.supervisorPid(), ProcessHandle.current().pid());
    }

    @AfterAll
    static void stopIt() {
        if (supervisor != null) {
            supervisor.stopAll();
        }
    }

    @Test
    @Order(1)
    void theStacksDatabaseKeepsCommittedDataThroughACrash() throws Exception {
        assumeTrue(supervisor.postgres().embedded(), "a PostgreSQL that is not ours keeps its own settings");
        assertThat(settings("fsync", "synchronous_commit", "full_page_writes"))
                .containsExactly("fsync=on", "synchronous_commit=on", "full_page_writes=on");
    }

    @Test
    @Order(2)
    void aKilledSandboxIsStartedAgainAndStateJsonCountsTheRestart() {
        long killed = kill(Stack.SANDBOX);

        await("nrs-sandbox started again and healthy").atMost(BACK_WITHIN)
                .until(() -> supervisor.pid(Stack.SANDBOX).orElse(killed) != killed && Probes.httpOk(SANDBOX_HEALTH));
        long pid = supervisor.pid(Stack.SANDBOX).orElseThrow();
        await("state.json shows the restart").atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            StackState.Component sandbox = component(Stack.SANDBOX);
            assertThat(sandbox.pid()).isEqualTo(pid);
            assertThat(sandbox.restarts()).isEqualTo(1);
            assertThat(sandbox.lastRestartReason()).isEqualTo("exit code 137 (SIGKILL)");
            assertThat(sandbox.lastRestartAt()).isNotBlank();
        });
        assertThat(ProcessHandle.of(killed)).isEmpty();
    }

    @Test
    @Order(3)
    void aKilledKafkaBrokerComesBackOnTheSamePortWithTheRecordsItHad() throws Exception {
        String topic = "risiti.supervision-test";
        String key = UUID.randomUUID().toString();
        // the broker creates no topic by itself, as production brokers do not
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(clientProperties())) {
            admin.createTopics(java.util.List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 1, (short) 1))).all()
                    .get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw e;
            }
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(clientProperties())) {
            producer.send(new ProducerRecord<>(topic, key, "written before the broker died")).get();
        }

        long killed = kill("kafka");

        await("kafka started again").atMost(BACK_WITHIN)
                .until(() -> supervisor.pid("kafka").orElse(killed) != killed && Ports.isOpen(Stack.HOST, Stack.KAFKA_PORT));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(clientProperties())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<String> keys = new ArrayList<>();
            await("the record written before the kill").atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    keys.add(r.key());
                }
                return keys.contains(key);
            });
        }
        await("state.json shows the restart").atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(component("kafka").restarts()).isEqualTo(1));
    }

    @Test
    @Order(4)
    void aKilledEmbeddedPostgresIsStartedAgainWithTheRowsItHad() throws Exception {
        assumeTrue(supervisor.postgres().embedded(), "a PostgreSQL that is not ours is not restarted by the supervisor");
        String marker = UUID.randomUUID().toString();
        try (Connection c = supervisor.postgres().connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS supervision_marker (id text)");
            s.execute("INSERT INTO supervision_marker VALUES ('" + marker + "')");
        }

        long killed = kill("postgres");

        await("postgres started again").atMost(BACK_WITHIN).ignoreExceptions()
                .until(() -> supervisor.pid("postgres").orElse(killed) != killed && rows(marker) == 1);
        assertThat(settings("fsync")).containsExactly("fsync=on");
        await("state.json shows the restart").atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(component("postgres").restarts()).isEqualTo(1));
    }

    @Test
    @Order(5)
    void restartByHandWaitsUntilHealthyAndSaysHowLongItTook() {
        long before = supervisor.pid(Stack.SANDBOX).orElseThrow();
        Output o = new Output();

        int code = o.control().restart(Stack.SANDBOX);

        long after = supervisor.pid(Stack.SANDBOX).orElseThrow();
        assertThat(code).as("exit code; stderr: %s", o.err()).isZero();
        assertThat(after).isNotEqualTo(before);
        assertThat(Probes.httpOk(SANDBOX_HEALTH)).isTrue();
        assertThat(o.out()).contains("restarting nrs-sandbox (pid " + before + ")")
                .containsPattern("nrs-sandbox is healthy again after \\d+\\.\\ds \\(pid " + after + ", was " + before
                        + "; restarts since up: 2\\)");
        StackState.Component sandbox = component(Stack.SANDBOX);
        assertThat(sandbox.restarts()).isEqualTo(2);
        assertThat(sandbox.lastRestartReason()).contains("by hand");
    }

    @Test
    @Order(6)
    void statusShowsHowOftenEachComponentWasRestartedAndWhenLast() {
        Output o = new Output();

        int code = o.control().status();

        assertThat(code).as("exit code; output: %s", o.out()).isZero();
        assertThat(o.out()).containsPattern("(?m)^  NAME +PID +PORT +HEALTH +RESTARTS +LAST RESTART +URL$")
                .containsPattern("(?m)^  nrs-sandbox +\\d+ +8090 +healthy +2 +\\d\\d:\\d\\d:\\d\\d +http://localhost:8090$")
                .containsPattern("(?m)^  kafka +\\d+ +9092 +healthy +1 +\\d\\d:\\d\\d:\\d\\d +")
                .contains("nrs-sandbox last restarted: restarted by hand");
    }

    @Test
    @Order(7)
    void restartOfSomethingTheStackDoesNotRunNamesWhatItCanRestart() {
        Output o = new Output();

        int code = o.control().restart("invoice-service");

        assertThat(code).isEqualTo(2);
        assertThat(o.err()).contains("unknown component invoice-service; this stack can restart: ")
                .contains("kafka").contains("nrs-sandbox");
    }

    @Test
    @Order(8)
    void nothingIsStartedAgainOnceTheStackIsStopping() {
        kill(Stack.SANDBOX); // dies just as the stack stops: the watcher must leave it dead

        supervisor.stopAll();

        await("every port stays closed").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> !Ports.isOpen(Stack.HOST, Stack.SANDBOX_PORT) && !Ports.isOpen(Stack.HOST, Stack.KAFKA_PORT)
                        && !Ports.isOpen(Stack.HOST, Stack.POSTGRES_EMBEDDED_PORT));
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(h -> h.info().commandLine().map(c -> c.contains(state.toString())).orElse(false)))
                .as("processes of the stack still running").isEmpty();
    }

    private static long kill(String name) {
        long pid = supervisor.pid(name).orElseThrow();
        ProcessHandle.of(pid).ifPresent(h -> {
            h.destroyForcibly();
            h.onExit().join();
        });
        return pid;
    }

    private static StackState.Component component(String name) {
        return StackState.read(layout.stateFile()).orElseThrow().component(name).orElseThrow();
    }

    private static List<String> settings(String... names) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = supervisor.postgres().connect("postgres"); Statement s = c.createStatement()) {
            for (String name : names) {
                try (ResultSet rs = s.executeQuery("SHOW " + name)) {
                    rs.next();
                    values.add(name + "=" + rs.getString(1));
                }
            }
        }
        return values;
    }

    private static int rows(String marker) throws Exception {
        try (Connection c = supervisor.postgres().connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM supervision_marker WHERE id = '" + marker + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Properties clientProperties() {
        Properties p = new Properties();
        p.putAll(Map.of(
                "bootstrap.servers", Stack.HOST + ":" + Stack.KAFKA_PORT,
                "acks", "all",
                "key.serializer", StringSerializer.class.getName(),
                "value.serializer", StringSerializer.class.getName(),
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName(),
                "enable.auto.commit", "false"));
        return p;
    }

    /** What a command printed. */
    private static final class Output {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();

        Control control() {
            return new Control(layout, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        }

        String out() {
            return out.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return err.toString(StandardCharsets.UTF_8);
        }
    }
}
