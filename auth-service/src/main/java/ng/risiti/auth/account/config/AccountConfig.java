package ng.risiti.auth.account.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** Sign-in protection and password recovery. */
@ConfigMapping(prefix = "risiti.auth.account")
public interface AccountConfig {

    /** Where the web app lives: reset links point at {@code {web-url}/reset-password?token=...}. */
    @WithName("web-url")
    @WithDefault("http://localhost:8080")
    String webUrl();

    /** Reset tokens expire after one hour (docs/api-rules.md, Authentication). */
    @WithDefault("PT1H")
    Duration passwordResetLifetime();

    /** Failed logins per email and client IP allowed inside {@link #loginFailureWindow()} before 429. */
    @WithDefault("5")
    int loginFailureLimit();

    @WithDefault("PT15M")
    Duration loginFailureWindow();

    /**
     * Argon2id memory (KiB) and passes for new password hashes: OWASP's minimum, 19 MiB and 2. Only the test profile
     * may go below it (a test suite makes hundreds of accounts); a service started otherwise refuses to.
     */
    @WithDefault("19456")
    int passwordHashMemoryKib();

    @WithDefault("2")
    int passwordHashIterations();
}
