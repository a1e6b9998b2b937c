package ng.risiti.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code risiti.consumers.*}: how consumers retry what fails for a moment. */
@ConfigMapping(prefix = "risiti.consumers")
public interface ConsumerConfig {

    /** The first wait before retrying an event whose effect failed; it doubles per attempt. */
    @WithDefault("200ms")
    Duration firstBackoff();

    /** The longest wait between two attempts: a consumer retries forever, at least this often. */
    @WithDefault("30s")
    Duration maxBackoff();

    /** A consumer that has retried one event this long is stuck: health turns degraded and it is logged at ERROR. */
    @WithDefault("1m")
    Duration stuckAfter();
}
