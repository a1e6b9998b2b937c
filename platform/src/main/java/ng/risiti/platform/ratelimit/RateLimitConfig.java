package ng.risiti.platform.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Rate limits every service applies (docs/adr/0013-rate-limits-and-metering.md). */
@ConfigMapping(prefix = "risiti.rate-limit")
public interface RateLimitConfig {

    /** Off: no counting, no refusals, and the headers still say what the limits would be. */
    @WithDefault("true")
    boolean enabled();

    /** Calls a day of a tenant billing has not described yet (no entitlements record): the Free plan's. */
    @WithDefault("500")
    int defaultCallsPerDay();

    /** Calls a minute of a tenant billing has not described yet: the Free plan's. */
    @WithDefault("30")
    int defaultBurstPerMinute();

    /** Dashboard (JWT) calls a minute per user: generous, never metered. */
    @WithDefault("600")
    int userPerMinute();

    /** Dashboard (JWT) calls a day per user (the X-RateLimit-Limit they see). */
    @WithDefault("50000")
    int userPerDay();

    /** How often each replica writes its metered calls to its outbox (the reconciliation tolerance depends on it). */
    @WithDefault("500ms")
    Duration flushInterval();

    /**
     * How long calls written out stay added to billing's numbers while billing's entitlements have not said they are
     * counted; after it they are let go (billing down or behind that long), so a missed record never refuses a tenant
     * for good.
     */
    @WithDefault("60s")
    Duration billingCountTimeout();
}
