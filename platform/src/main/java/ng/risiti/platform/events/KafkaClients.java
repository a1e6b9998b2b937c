package ng.risiti.platform.events;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** Settings for the plain Kafka clients the platform creates itself (relay, dead letters, replicas). */
public final class KafkaClients {

    private KafkaClients() {
    }

    /** The connector's shared settings (bootstrap servers, security), without group- or (de)serializer-specific keys. */
    public static Map<String, Object> config(Map<String, Object> connectorConfig) {
        Map<String, Object> config = new HashMap<>();
        connectorConfig.forEach((key, value) -> {
            if (!key.startsWith("group.") && !key.contains("serializer") && !key.contains("deserializer")) {
                config.put(key, value);
            }
        });
        return config;
    }

    /**
     * The one way the platform makes a producer: string records, acknowledged by every in-sync replica, idempotent
     * (a retry never writes a record twice), and a caller blocks at most {@code maxBlock} while the broker is away.
     * {@code overrides} adds what one producer needs beyond that (transactions, linger).
     */
    public static KafkaProducer<String, String> producer(Map<String, Object> connectorConfig, String clientId, Duration maxBlock,
                                                         Map<String, Object> overrides) {
        Map<String, Object> config = config(connectorConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) maxBlock.toMillis());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.putAll(overrides);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
