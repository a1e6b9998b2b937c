package ng.risiti.platform.events;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the public topics if they are missing, compacted where they carry state. Every service does it at
 * start, idempotently, so no start order matters; on Kubernetes the chart declares the same topics.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);
    private final String bootstrapServers;
    private final int partitions;
    private final short replicationFactor;

    public TopicProvisioner(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "risiti.topics.partitions", defaultValue = "3") int partitions,
            @ConfigProperty(name = "risiti.topics.replication-factor", defaultValue = "1") short replicationFactor) {
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    /** State topics keep the latest record per key; session revocations also age out after a day. */
    static Map<String, String> configOf(String topic) {
        if (Topics.SESSIONS.equals(topic)) {
            return Map.of("cleanup.policy", "compact,delete", "retention.ms", String.valueOf(24L * 60 * 60 * 1000));
        }
        return Topics.COMPACTED.contains(topic) ? Map.of("cleanup.policy", "compact") : Map.of();
    }

    void provision(@Observes @Priority(1) StartupEvent ignored) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000))) {
            List<NewTopic> topics = Topics.ALL.stream()
                    .map(name -> new NewTopic(name, partitions, replicationFactor).configs(configOf(name)))
                    .toList();
            admin.createTopics(topics).values().forEach((name, future) -> {
                try {
                    future.get(15, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        LOG.warnf("Could not create topic %s: %s", name, e.getCause().getMessage());
                    }
                } catch (Exception e) {
                    LOG.warnf("Could not create topic %s: %s", name, e.getMessage());
                }
            });
        }
    }
}
