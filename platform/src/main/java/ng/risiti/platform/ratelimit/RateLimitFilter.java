package ng.risiti.platform.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import ng.risiti.platform.security.Caller;
import ng.risiti.platform.security.Tenancy;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The one rate-limit check of every service: after routing, it authenticates the caller (the same deferred identity
 * the endpoint's own check then reuses), asks the {@link RateLimiter}, and refuses with 429 RATE_LIMIT_EXCEEDED
 * (with {@code Retry-After}) or 402 PLAN_LIMIT_EXCEEDED. Whatever it decided is what the {@code X-RateLimit-*}
 * headers say, written as the response's headers go out, so errors, 401s and 404s carry them too.
 */
@ApplicationScoped
public class RateLimitFilter {

    public static final String LIMIT = "X-RateLimit-Limit";
    public static final String REMAINING = "X-RateLimit-Remaining";
    public static final String RESET = "X-RateLimit-Reset";
    /** Routing-context key of the request's {@link RateLimiter.Verdict}. */
    public static final String VERDICT = "risiti.rate-limit";
    /** Right after the request id (RequestIdFilter is -1000). */
    static final int ORDER = -999;

    private final RateLimiter limiter;
    private final Clock clock;
    private final MeterRegistry metrics;

    public RateLimitFilter(RateLimiter limiter, Clock clock, MeterRegistry metrics) {
        this.limiter = limiter;
        this.clock = clock;
        this.metrics = metrics;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::headers);
    }

    void headers(RoutingContext context) {
        String path = context.normalizedPath();
        if (!path.startsWith("/q/") && !path.startsWith("/internal/")) {
            context.addHeadersEndHandler(ignored -> {
                RateLimiter.Verdict verdict = context.get(VERDICT);
                if (verdict == null) {
                    verdict = limiter.anonymous(clock.millis());
                }
                var headers = context.response().headers();
                headers.set(LIMIT, Long.toString(verdict.limit()));
                headers.set(REMAINING, Long.toString(verdict.remaining()));
                headers.set(RESET, Long.toString(verdict.resetEpochSecond()));
            });
        }
        context.next();
    }

    @ServerRequestFilter
    public Uni<Void> limit(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.startsWith("/internal/") || path.startsWith("/q/")) {
            return null;
        }
        Uni<SecurityIdentity> deferred = context.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (deferred == null) {
            return null;
        }
        // a credential that fails here fails again, the same way, at the endpoint's own check (the identity is memoized)
        return deferred.onFailure().recoverWithNull().map(identity -> {
            RateLimiter.Verdict verdict = decide(identity);
            if (verdict != null) {
                context.put(VERDICT, verdict);
                if (!verdict.allowed()) {
                    count(verdict, identity);
                }
                refuseUnlessAllowed(verdict);
            }
            return null;
        });
    }

    /** risiti_rate_limit_rejections_total: which limit refused (burst, daily, credits) and whose call (api_key, user). */
    private void count(RateLimiter.Verdict verdict, SecurityIdentity identity) {
        String kind = identity.getAttribute(Caller.METHOD) == Caller.AuthMethod.API_KEY ? "api_key" : "user";
        Counter.builder("risiti.rate.limit.rejections").description("Calls refused by the rate limit (429) or for exhausted credits (402)")
                .tag("reason", verdict.reason() == null ? "unknown" : verdict.reason().tag()).tag("kind", kind).register(metrics).increment();
    }

    private RateLimiter.Verdict decide(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        UUID tenantId = identity.getAttribute(Caller.TENANT_ID);
        if (tenantId == null) {
            return null;
        }
        long now = clock.millis();
        if (identity.getAttribute(Caller.METHOD) == Caller.AuthMethod.API_KEY) {
            return limiter.apiKey(new Tenancy(tenantId, Boolean.TRUE.equals(identity.getAttribute(Caller.TEST_MODE))),
                    identity.getAttribute(Caller.API_KEY_ID), now);
        }
        UUID userId = identity.getAttribute(Caller.USER_ID);
        return userId == null ? null : limiter.user(userId, now);
    }

    static void refuseUnlessAllowed(RateLimiter.Verdict verdict) {
        switch (verdict.outcome()) {
            case ALLOWED -> {
            }
            case RATE_LIMITED -> throw new ApiException(ErrorCode.RATE_LIMIT_EXCEEDED, verdict.message(), List.of(),
                    Map.of("Retry-After", Long.toString(verdict.retryAfterSeconds())));
            case PLAN_LIMIT_EXCEEDED -> throw new ApiException(ErrorCode.PLAN_LIMIT_EXCEEDED, verdict.message());
        }
    }
}
