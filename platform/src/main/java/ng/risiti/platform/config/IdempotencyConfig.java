package ng.risiti.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code risiti.idempotency.*} */
@ConfigMapping(prefix = "risiti.idempotency")
public interface IdempotencyConfig {

    /** How long a stored response is replayed for one Idempotency-Key. */
    @WithDefault("24h")
    Duration ttl();

    /** How long a duplicate waits for the first request to finish before answering 409. */
    @WithDefault("10s")
    Duration waitForInFlight();
}
