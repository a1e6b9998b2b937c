package ng.risiti.auth.token.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** What auth-service puts in the credentials it issues. */
@ConfigMapping(prefix = "risiti.auth.token")
public interface TokenConfig {

    /** The {@code iss} of access tokens; every service verifies it ({@code mp.jwt.verify.issuer}). */
    @WithDefault("https://auth.risiti.ng")
    String issuer();

    /** Access tokens expire after 15 minutes (docs/api-rules.md, Authentication). */
    @WithDefault("PT15M")
    Duration accessTokenLifetime();

    /** The refresh cookie lives on a 7-day sliding window (docs/api-rules.md, Authentication). */
    @WithDefault("P7D")
    Duration refreshTokenLifetime();

    /** How long a retired signing key stays in the JWKS: longer than any token it signed can live. */
    @WithDefault("PT1H")
    Duration retiredKeyPublication();

    /**
     * How long the active key signs before a replica publishes the next one (checked every {@code key-refresh-interval});
     * {@code 0} turns scheduled rotation off (operators still rotate through {@code POST /internal/signing-keys/rotate}).
     */
    @WithDefault("P30D")
    Duration rotationInterval();

    /**
     * How often each replica reloads the active key (another replica or an operator may have rotated it) and checks
     * whether it is due for rotation. Tokens a replica signs with a just-retired key are still verifiable, because
     * {@link #retiredKeyPublication()} must exceed this plus {@link #accessTokenLifetime()}.
     */
    @WithDefault("1m")
    String keyRefreshInterval();

    /** {@code Cache-Control: max-age} of the JWKS; verifiers (jose4j) keep a fetched key set this long. */
    @WithDefault("PT5M")
    Duration jwksMaxAge();

    /**
     * How long a rotation publishes the next key before it signs (it starts at the first key refresh after that).
     * Must exceed {@link #jwksMaxAge()} (checked at startup), so every verifier's cached JWKS holds the key by then.
     */
    @WithDefault("PT6M")
    Duration keyPublicationLead();
}
