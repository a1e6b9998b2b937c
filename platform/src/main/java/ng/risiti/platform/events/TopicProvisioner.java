package ng.risiti.platform.events;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the topics a service uses if they are missing: the public ones (compacted where they carry state) at
 * start, its relay topic and its dead-letter topics when first needed. Idempotent, so no start order matters; on
 * Kubernetes the chart declares the same topics.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);
    private final String bootstrapServers;
    private final int partitions;
    private final short replicationFactor;
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    public TopicProvisioner(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "risiti.topics.partitions", defaultValue = "3") int partitions,
            @ConfigProperty(name = "risiti.topics.replication-factor", defaultValue = "1") short replicationFactor) {
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    /** Where a service's outbox relay records, with each Kafka transaction, which events that transaction carried. */
    public static String relayTopic(String service) {
        return "risiti.internal.outbox-relay." + service;
    }

    /** Where a consumer group's events that can never be applied go: {@code <topic>.dlq.<consumer-group>}. */
    public static String deadLetterTopic(String topic, String consumerGroup) {
        return topic + ".dlq." + consumerGroup;
    }

    /** State topics keep the latest record per key; session revocations also age out after a day. */
    static Map<String, String> configOf(String topic) {
        if (Topics.SESSIONS.equals(topic)) {
            return Map.of("cleanup.policy", "compact,delete", "retention.ms", String.valueOf(24L * 60 * 60 * 1000));
        }
        return Topics.COMPACTED.contains(topic) ? Map.of("cleanup.policy", "compact") : Map.of();
    }

    void provision(@Observes @Priority(1) StartupEvent ignored) {
        create(Topics.ALL.stream().map(name -> new NewTopic(name, partitions, replicationFactor).configs(configOf(name))).toList());
    }

    /** One partition, compacted: only the last marker matters, and it must be found at the partition's end. */
    public void ensureRelayTopic(String topic) {
        if (!ensured.contains(topic)) {
            create(List.of(new NewTopic(topic, 1, replicationFactor).configs(Map.of("cleanup.policy", "compact",
                    "segment.ms", String.valueOf(TimeUnit.HOURS.toMillis(1))))));
        }
    }

    /** Dead letters are kept a long time (an operator replays them): 30 days. */
    public void ensureDeadLetterTopic(String topic) {
        if (!ensured.contains(topic)) {
            create(List.of(new NewTopic(topic, 1, replicationFactor).configs(Map.of("retention.ms",
                    String.valueOf(TimeUnit.DAYS.toMillis(30))))));
        }
    }

    private void create(Collection<NewTopic> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000))) {
            admin.createTopics(topics).values().forEach((name, future) -> {
                try {
                    future.get(15, TimeUnit.SECONDS);
                    ensured.add(name);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof TopicExistsException) {
                        ensured.add(name);
                    } else {
                        LOG.warnf("Could not create topic %s: %s", name, e.getCause().getMessage());
                    }
                } catch (Exception e) {
                    LOG.warnf("Could not create topic %s: %s", name, e.getMessage());
                }
            });
        }
    }
}
