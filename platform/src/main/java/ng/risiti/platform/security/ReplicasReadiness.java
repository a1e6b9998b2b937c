package ng.risiti.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the API-key and session replicas have read their whole topics: no revoked credential works after a restart. */
@Readiness
@ApplicationScoped
public class ReplicasReadiness implements HealthCheck {

    private final ApiKeyRegistry apiKeys;
    private final RevokedSessions sessions;

    public ReplicasReadiness(ApiKeyRegistry apiKeys, RevokedSessions sessions) {
        this.apiKeys = apiKeys;
        this.sessions = sessions;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("credential-replicas")
                .status(apiKeys.caughtUp() && sessions.caughtUp())
                .withData("api_keys", apiKeys.caughtUp() ? "replayed" : "replaying")
                .withData("sessions", sessions.caughtUp() ? "replayed" : "replaying")
                .build();
    }
}
