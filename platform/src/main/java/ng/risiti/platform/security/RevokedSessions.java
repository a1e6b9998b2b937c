package ng.risiti.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import ng.risiti.platform.events.contract.SessionRevoked;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Sessions ended before their access tokens expire (logout, password reset, member removed), read by every replica
 * from {@code risiti.sessions.v1}. A revocation only matters while a token of the session can still be valid, so
 * entries are forgotten after the longest token lifetime.
 */
@ApplicationScoped
public class RevokedSessions {

    public static final String CHANNEL = "sessions";
    /** Longer than any access token lives (15 minutes), with room for clock skew. */
    static final Duration REMEMBER = Duration.ofMinutes(30);
    private static final Logger LOG = Logger.getLogger(RevokedSessions.class);

    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final ObjectMapper json;

    public RevokedSessions(ObjectMapper json) {
        this.json = json;
    }

    @Incoming(CHANNEL)
    void onRevocation(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        try {
            SessionRevoked revocation = json.readValue(record.value(), SessionRevoked.class);
            if (revocation.revokedAt().plus(REMEMBER).isAfter(Instant.now())) {
                revoke(revocation.sessionId().toString(), revocation.revokedAt());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Skipping unreadable session record at offset %d: %s", record.offset(), e.getMessage());
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
        Instant horizon = Instant.now().minus(REMEMBER);
        revoked.values().removeIf(at -> at.isBefore(horizon));
    }
}
