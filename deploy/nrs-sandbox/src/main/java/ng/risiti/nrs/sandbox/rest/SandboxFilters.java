package ng.risiti.nrs.sandbox.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import ng.risiti.nrs.sandbox.service.FaultInjector;
import ng.risiti.nrs.sandbox.service.LatencyProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Injected faults first (they simulate NRS being down), else the latency profile's delay, then the x-api-key / x-api-secret check. */
public class SandboxFilters {

    private final FaultInjector faults;
    private final LatencyProfile latency;
    private final Optional<String> apiKey;
    private final Optional<String> apiSecret;

    public SandboxFilters(FaultInjector faults, LatencyProfile latency,
                          @ConfigProperty(name = "sandbox.api-key") Optional<String> apiKey,
                          @ConfigProperty(name = "sandbox.api-secret") Optional<String> apiSecret) {
        this.faults = faults;
        this.latency = latency;
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100, preMatching = true)
    public Uni<Response> injectFault(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        if (!path.startsWith("/api")) {
            return Uni.createFrom().nullItem();
        }
        return faults.take(path)
                .map(f -> {
                    Response r = NrsEnvelope.error(f.status(), "sandbox_fault", "injected fault",
                            "fault injected through POST /__sandbox/faults");
                    Uni<Response> u = Uni.createFrom().item(r);
                    return f.delayMillis() > 0 ? u.onItem().delayIt().by(Duration.ofMillis(f.delayMillis())) : u;
                })
                .orElseGet(() -> {
                    long delay = latency.nextDelayMillis();
                    // the latency profile: the call then proceeds as usual, only later
                    return delay > 0 ? Uni.createFrom().<Response>nullItem().onItem().delayIt().by(Duration.ofMillis(delay))
                            : Uni.createFrom().nullItem();
                });
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> requireCredentials(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        // Code lists and the health probe are public on NRS; everything else under /api/v1 needs both headers.
        if (!path.startsWith("/api/v1/") || path.startsWith("/api/v1/invoice/resources/")) {
            return Optional.empty();
        }
        String key = ctx.getHeaderString("x-api-key");
        String secret = ctx.getHeaderString("x-api-secret");
        if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
            return Optional.of(NrsEnvelope.error(401, "authentication", "unauthorized",
                    "x-api-key and x-api-secret headers are required"));
        }
        if (apiKey.isPresent() && !apiKey.get().equals(key) || apiSecret.isPresent() && !apiSecret.get().equals(secret)) {
            return Optional.of(NrsEnvelope.error(401, "authentication", "unauthorized", "invalid api key or secret"));
        }
        return Optional.empty();
    }
}
