package ng.risiti.platform.events.health;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import ng.risiti.platform.events.Consumers;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Degraded while a consumer has retried one event, or been delivering one poll, for longer than
 * {@code risiti.consumers.stuck-after}.
 */
@Wellness
@ApplicationScoped
public class ConsumerHealth implements HealthCheck {

    private final Consumers consumers;

    public ConsumerHealth(Consumers consumers) {
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        boolean up = true;
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("consumers");
        for (Consumers.Stuck stuck : consumers.stuck()) {
            Duration waiting = Duration.between(stuck.since(), Instant.now());
            if (waiting.compareTo(consumers.stuckAfter()) >= 0) {
                up = false;
            }
            builder.withData(stuck.channel(), "retrying event " + stuck.eventId() + " (" + stuck.eventType() + ") for "
                    + waiting.toSeconds() + " s, " + stuck.attempts() + " attempts: " + stuck.error());
        }
        for (var hung : consumers.hung().entrySet()) {
            up = false;
            builder.withData(hung.getKey(), "one poll in delivery since " + hung.getValue() + " and not finished");
        }
        return builder.status(up).build();
    }
}
