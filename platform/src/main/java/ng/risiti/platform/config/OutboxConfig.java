package ng.risiti.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code risiti.outbox.*} */
@ConfigMapping(prefix = "risiti.outbox")
public interface OutboxConfig {

    /** Off only to hold events back on purpose (a test opening the crash window before publish). */
    @WithDefault("true")
    boolean relayEnabled();

    /** How often the relay looks for events a lost NOTIFY left behind. */
    @WithDefault("1s")
    java.time.Duration pollInterval();
}
