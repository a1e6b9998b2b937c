package ng.risiti.platform.events.health;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import ng.risiti.platform.config.OutboxConfig;
import ng.risiti.platform.events.relay.OutboxRelay;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Degraded (in {@code /q/health}, not in readiness: the API still takes writes, their events wait) while any event is
 * parked, events have waited longer than {@code risiti.outbox.degraded-after}, or the relay has failed that long.
 */
@Wellness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    private final OutboxRelay relay;
    private final OutboxConfig config;

    public OutboxHealth(OutboxRelay relay, OutboxConfig config) {
        this.relay = relay;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxRelay.Status status = relay.status();
        Duration oldest = relay.oldestPendingAge();
        boolean failingLong = status.failingSince() != null
                && Duration.between(status.failingSince(), Instant.now()).compareTo(config.degradedAfter()) >= 0;
        boolean waitingLong = oldest.compareTo(config.degradedAfter()) >= 0;
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("outbox")
                .status(relay.parkedCount() == 0 && !failingLong && !waitingLong)
                .withData("relay", !config.relayEnabled() ? "disabled" : status.leader() ? "publishing" : "standby")
                .withData("pending", relay.backlogSize())
                .withData("parked", relay.parkedCount())
                .withData("oldest_pending_seconds", oldest.toSeconds());
        if (status.failingSince() != null) {
            builder.withData("failing_since", status.failingSince().toString()).withData("last_failure", String.valueOf(status.lastFailure()));
        }
        return builder.build();
    }
}
