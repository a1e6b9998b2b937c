package ng.risiti.billing.subscriptions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** The renewal job (docs/specification.md, Billing): how often it looks, and how long a declined card gets. */
@ConfigMapping(prefix = "risiti.billing.renewals")
public interface RenewalConfig {

    /** A Quarkus scheduler duration; its {@code @Scheduled} expression reads the same key ({@code off} disables the job). */
    @WithDefault("1m")
    String interval();

    /** After the first declined charge of a period, the waits before each further try; when they run out, the subscription ends (Free). */
    @WithDefault("P1D,P3D,P5D")
    List<Duration> retryDelays();

    /** How long one replica holds a due subscription while it asks Paystack; a replica that died gives it up when this passes. */
    @WithDefault("2m")
    Duration lease();

    @WithDefault("50")
    int batchSize();
}
