package ng.risiti.webhook.deliveries.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** How webhooks are delivered (docs/webhooks.md, Delivery). */
@ConfigMapping(prefix = "risiti.webhooks.delivery")
public interface DeliveryConfig {

    /**
     * How often a dispatcher looks for due deliveries (the scheduler reads the same key; at least 1s). New events do not
     * wait for it: the intake wakes the dispatcher once they are committed.
     */
    @WithDefault("1s")
    Duration interval();

    /** The waits between attempts: after the first failed attempt, then after each retry. */
    @WithDefault("30s,5m,30m")
    List<Duration> retryDelays();

    /** The whole of one attempt, connect to last byte read. */
    @WithDefault("30s")
    Duration timeout();

    /** Deliveries in flight to one endpoint at once (per replica): a slow endpoint holds only these. */
    @WithDefault("4")
    int perEndpointConcurrency();

    /** Deliveries in flight per replica across all endpoints. */
    @WithDefault("64")
    int maxInFlight();

    /**
     * How long a claimed delivery stays invisible to other dispatchers: if its dispatcher dies mid-send another takes it
     * once this passes. Longer than {@link #timeout()}, so a slow attempt is never sent twice at once.
     */
    @WithDefault("2m")
    Duration claimLease();

    /** An endpoint whose every attempt failed for this long is paused, and its tenant told. */
    @WithDefault("3d")
    Duration autoPauseAfter();
}
