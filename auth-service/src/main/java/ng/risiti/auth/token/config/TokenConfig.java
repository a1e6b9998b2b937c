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

    /** Seed 002: access tokens expire after 15 minutes. */
    @WithDefault("PT15M")
    Duration accessTokenLifetime();

    /** Seed 002: the refresh cookie lives on a 7-day sliding window. */
    @WithDefault("P7D")
    Duration refreshTokenLifetime();

    /** How long a retired signing key stays in the JWKS: longer than any token it signed can live. */
    @WithDefault("PT1H")
    Duration retiredKeyPublication();
}
