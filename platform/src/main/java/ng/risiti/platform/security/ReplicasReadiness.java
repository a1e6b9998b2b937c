package ng.risiti.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import ng.risiti.platform.ratelimit.Entitlements;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready until the API-key, session and entitlements replicas have read their whole topics: no revoked credential
 * works after a restart, and no tenant is held to the Free plan's limits because its entitlements were not read yet.
 */
@Readiness
@ApplicationScoped
public class ReplicasReadiness implements HealthCheck {

    private final ApiKeyRegistry apiKeys;
    private final RevokedSessions sessions;
    private final Entitlements entitlements;

    public ReplicasReadiness(ApiKeyRegistry apiKeys, RevokedSessions sessions, Entitlements entitlements) {
        this.apiKeys = apiKeys;
        this.sessions = sessions;
        this.entitlements = entitlements;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("credential-replicas")
                .status(apiKeys.caughtUp() && sessions.caughtUp() && entitlements.caughtUp())
                .withData("api_keys", apiKeys.caughtUp() ? "replayed" : "replaying")
                .withData("sessions", sessions.caughtUp() ? "replayed" : "replaying")
                .withData("entitlements", entitlements.caughtUp() ? "replayed" : "replaying")
                .build();
    }
}
