package ng.risiti.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes CloudEvents (Kafka binary mode) to the test broker, as another service's outbox relay would: for testing a
 * consumer against the real broker without running the producing service. Each event gets a newer aggregate version
 * than the one before ({@code ce_aggregateversion}) unless the test names one, to replay an old event on purpose.
 */
public final class TestEvents {

    /** Versions that only grow within a test JVM, and start above anything an earlier run published. */
    private static final AtomicLong VERSIONS = new AtomicLong(System.currentTimeMillis() * 1000);

    private TestEvents() {
    }

    /** Publishes one event with a fresh id; returns the id. */
    public static String publish(String topic, String key, String type, UUID tenantId, String json) {
        String id = UUID.randomUUID().toString();
        publish(topic, key, id, type, tenantId, json);
        return id;
    }

    /** Publishes one event with the given id (publish the same id twice to simulate a redelivery). */
    public static void publish(String topic, String key, String id, String type, UUID tenantId, String json) {
        publish(topic, key, id, type, tenantId, nextVersion(), json);
    }

    /** Publishes one event with the given id and aggregate version (an older version replays an outdated event). */
    public static void publish(String topic, String key, String id, String type, UUID tenantId, long version, String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", id);
        headers.put("ce_type", type);
        headers.put("ce_source", "/risiti/test");
        headers.put("ce_time", Instant.now().toString());
        headers.put("ce_subject", key);
        if (tenantId != null) {
            headers.put("ce_tenantid", tenantId.toString());
        }
        headers.put("ce_aggregateversion", Long.toString(version));
        headers.put("content-type", "application/json");
        publishRaw(topic, key, json, headers);
    }

    /** Publishes a record exactly as given: for records that are not proper events (a consumer must dead-letter them). */
    public static void publishRaw(String topic, String key, String value, Map<String, String> headers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RisitiTestResources.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, headerValue) -> record.headers().add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish test event to " + topic, e);
        }
    }

    /** A version newer than every one published before by this JVM. */
    public static long nextVersion() {
        return VERSIONS.incrementAndGet();
    }
}
