package ng.risiti.testsupport;

import ng.risiti.infra.KafkaBroker;
import ng.risiti.infra.Ports;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaBrokerTests {

    @TempDir
    Path dir;

    @Test
    void startsProducesConsumesRestartsAndStops() throws Exception {
        int port = Ports.free();
        int controllerPort = Ports.free();
        Path data = dir.resolve("kafka");
        Path log = dir.resolve("kafka.log");

        long t0 = System.nanoTime();
        KafkaBroker broker = KafkaBroker.start(data, port, controllerPort, log);
        long startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        long pid = broker.pid();
        try {
            System.out.printf("broker pid %d ready in %d ms, RSS %s%n", pid, startMillis, rss(pid));
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            assertThat(ProcessHandle.of(pid)).isPresent();

            TestTopics.createOn(broker.bootstrapServers(), "risiti.selftest");
            send(broker.bootstrapServers(), "risiti.selftest", "k1", "v1");
            try (KafkaTopicReader reader = KafkaTopicReader.fromBeginning(broker.bootstrapServers(), "risiti.selftest")) {
                List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records =
                        reader.readUntil(rs -> !rs.isEmpty(), Duration.ofSeconds(30));
                assertThat(records).hasSize(1);
                assertThat(records.getFirst().key()).isEqualTo("k1");
                assertThat(records.getFirst().value()).isEqualTo("v1");
                assertThat(KafkaTopicReader.header(records.getFirst(), "ce_type")).isEqualTo("risiti.selftest.v1");
                assertThat(KafkaTopicReader.header(records.getFirst(), "missing")).isNull();
            }
        } finally {
            broker.close();
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        broker.close(); // idempotent

        // the local stack restarts on the same data dir: formatted storage is reused, records survive
        KafkaBroker again = KafkaBroker.start(data, port, controllerPort, log);
        long pid2 = again.pid();
        try (KafkaTopicReader reader = KafkaTopicReader.fromBeginning(again.bootstrapServers(), "risiti.selftest")) {
            send(again.bootstrapServers(), "risiti.selftest", "k2", "v2");
            assertThat(reader.readUntil(rs -> rs.size() >= 2, Duration.ofSeconds(30)))
                    .extracting(r -> r.key())
                    .containsExactlyInAnyOrder("k1", "k2");
        } finally {
            again.close();
        }
        assertThat(ProcessHandle.of(pid2).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void failsFastWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> KafkaBroker.start(dir.resolve("k"), taken.getLocalPort(), Ports.free(), dir.resolve("k.log")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already in use");
        }
    }

    private static void send(String bootstrap, String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            record.headers().add("ce_type", "risiti.selftest.v1".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }

    private static String rss(long pid) {
        try {
            return java.nio.file.Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).findFirst().orElse("?").replaceAll("\\s+", " ");
        } catch (Exception e) {
            return "?";
        }
    }
}
