package ng.risiti.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ng.risiti.platform.events.TopicFollower;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.events.contract.SessionRevoked;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Sessions ended before their access tokens expire (logout, password reset, member removed), read by every replica
 * from {@code risiti.sessions.v1}; the service is not ready until it has read the whole topic. A revocation only
 * matters while a token of the session can still be valid, so entries are forgotten after the longest token lifetime.
 */
@ApplicationScoped
public class RevokedSessions {

    /** Longer than any access token lives (15 minutes), with room for clock skew. */
    static final Duration REMEMBER = Duration.ofMinutes(30);
    private static final Logger LOG = Logger.getLogger(RevokedSessions.class);

    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Object> kafka;
    private volatile TopicFollower follower;

    public RevokedSessions(ObjectMapper json, Clock clock, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.json = json;
        this.clock = clock;
        this.kafka = kafka;
    }

    void start(@Observes @Priority(20) StartupEvent ignored) {
        follower = TopicFollower.start(Topics.SESSIONS, kafka, this::onRevocation);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (follower != null) {
            follower.close();
        }
    }

    public boolean caughtUp() {
        return follower != null && follower.caughtUp();
    }

    void onRevocation(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        try {
            SessionRevoked revocation = json.readValue(record.value(), SessionRevoked.class);
            if (revocation.revokedAt().plus(REMEMBER).isAfter(clock.instant())) {
                revoke(revocation.sessionId().toString(), revocation.revokedAt());
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf("Unreadable session revocation at %s/%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    /** Records a revocation; auth-service also calls this directly so its own replica needs no round trip. */
    public void revoke(String sessionId, Instant at) {
        revoked.merge(sessionId, at, (a, b) -> a.isBefore(b) ? a : b);
    }

    public boolean isRevoked(String sessionId) {
        return sessionId != null && revoked.containsKey(sessionId);
    }

    @Scheduled(every = "5m", delayed = "5m")
    void forgetExpired() {
        Instant horizon = clock.instant().minus(REMEMBER);
        revoked.values().removeIf(at -> at.isBefore(horizon));
    }
}
