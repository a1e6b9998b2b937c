package ng.risiti.auth.mfa.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** TOTP enrollment and the login challenge. */
@ConfigMapping(prefix = "risiti.auth.mfa")
public interface MfaConfig {

    /** The issuer authenticator apps show next to the account. */
    @WithDefault("Risiti")
    String issuer();

    /** How long an {@code mfa_token} from login may be exchanged for a session. */
    @WithDefault("PT5M")
    Duration challengeLifetime();

    /** Wrong codes a single challenge tolerates before it is burned (the user signs in again). */
    @WithDefault("5")
    int challengeAttempts();

    @WithDefault("8")
    int backupCodes();
}
