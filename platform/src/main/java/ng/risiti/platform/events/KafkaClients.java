package ng.risiti.platform.events;

import java.util.HashMap;
import java.util.Map;

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
}
