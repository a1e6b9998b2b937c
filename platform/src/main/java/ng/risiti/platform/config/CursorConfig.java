package ng.risiti.platform.config;

import io.smallrye.config.ConfigMapping;

/** {@code risiti.cursor.*} */
@ConfigMapping(prefix = "risiti.cursor")
public interface CursorConfig {

    /** HMAC key that makes pagination cursors tamper-evident; the same on every replica of a service. */
    String secret();
}
