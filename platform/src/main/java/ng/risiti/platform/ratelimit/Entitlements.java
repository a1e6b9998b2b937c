package ng.risiti.platform.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ng.risiti.platform.events.TopicFollower;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.events.contract.EntitlementState;
import ng.risiti.platform.security.ApiKeyRegistry;
import ng.risiti.platform.security.Tenancy;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * This service's replica of every tenant's entitlements, read from the compacted {@code risiti.entitlements.v1}
 * (billing-service writes it): the plan's features and limits, the calls counted today and the credit state, so
 * enforcing them costs a map lookup. A tenant billing has not described yet has none: the limiter then applies the
 * Free plan's rate limits and nothing else.
 */
@ApplicationScoped
public class Entitlements {

    private record Known(EntitlementState state, long version) {
    }

    private static final Logger LOG = Logger.getLogger(Entitlements.class);

    private final Map<Tenancy, Known> states = new ConcurrentHashMap<>();
    private final ObjectMapper json;
    private final Map<String, Object> kafka;
    private final UsageMeter meter;
    private volatile TopicFollower follower;

    public Entitlements(ObjectMapper json, @Identifier("default-kafka-broker") Map<String, Object> kafka, UsageMeter meter) {
        this.json = json;
        this.kafka = kafka;
        this.meter = meter;
    }

    void start(@Observes @Priority(20) StartupEvent ignored) {
        follower = TopicFollower.start(Topics.ENTITLEMENTS, kafka, this::onState);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (follower != null) {
            follower.close();
        }
    }

    public boolean caughtUp() {
        return follower != null && follower.caughtUp();
    }

    /** The tenant's entitlements in this world, or null when billing has not described the tenant yet. */
    public EntitlementState find(Tenancy tenancy) {
        Known known = states.get(tenancy);
        return known == null ? null : known.state();
    }

    /**
     * Applies a state unless a newer one is held (versions are billing's per-key outbox versions). The calls it is the
     * first to count leave this replica's uncounted ones first: for that instant the limiter undercounts rather than
     * counting them twice.
     */
    public void accept(EntitlementState state, long version) {
        Tenancy tenancy = new Tenancy(state.tenantId(), state.testMode());
        if (state.meteredEvent() != null) {
            meter.counted(tenancy, state.meteredEvent());
        }
        states.merge(tenancy, new Known(state, version),
                (current, next) -> next.version() >= current.version() ? next : current);
    }

    void onState(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        try {
            accept(json.readValue(record.value(), EntitlementState.class), ApiKeyRegistry.version(record));
        } catch (IOException | RuntimeException e) {
            LOG.errorf("Unreadable entitlements at %s/%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }
}
