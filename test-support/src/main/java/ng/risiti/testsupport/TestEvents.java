package ng.risiti.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes CloudEvents (Kafka binary mode) to the test broker, as another service's outbox relay would: for testing a
 * consumer against the real broker without running the producing service.
 */
public final class TestEvents {

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
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RisitiTestResources.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", id);
            header(record, "ce_type", type);
            header(record, "ce_source", "/risiti/test");
            header(record, "ce_time", Instant.now().toString());
            header(record, "ce_subject", key);
            if (tenantId != null) {
                header(record, "ce_tenantid", tenantId.toString());
            }
            header(record, "content-type", "application/json");
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish test event to " + topic, e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
