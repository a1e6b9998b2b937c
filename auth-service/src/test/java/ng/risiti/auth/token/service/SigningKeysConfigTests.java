package ng.risiti.auth.token.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import ng.risiti.auth.token.config.TokenConfig;
import org.junit.jupiter.api.Test;

/** The startup checks of the key timings, without starting the service. */
class SigningKeysConfigTests {

    @Test
    void theDefaultsPass() {
        assertThatCode(() -> SigningKeys.validate(config(Duration.ofMinutes(5), Duration.ofMinutes(6)))).doesNotThrowAnyException();
    }

    @Test
    void aPublicationLeadNotLongerThanTheJwksMaxAgeFailsStartup() {
        assertThatThrownBy(() -> SigningKeys.validate(config(Duration.ofMinutes(5), Duration.ofMinutes(5))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("key-publication-lead");
        assertThatThrownBy(() -> SigningKeys.validate(config(Duration.ofMinutes(5), Duration.ofMinutes(1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("jwks-max-age");
    }

    private static TokenConfig config(Duration jwksMaxAge, Duration lead) {
        return new TokenConfig() {
            @Override
            public String issuer() {
                return "https://auth.risiti.ng";
            }

            @Override
            public Duration accessTokenLifetime() {
                return Duration.ofMinutes(15);
            }

            @Override
            public Duration refreshTokenLifetime() {
                return Duration.ofDays(7);
            }

            @Override
            public Duration retiredKeyPublication() {
                return Duration.ofHours(1);
            }

            @Override
            public Duration rotationInterval() {
                return Duration.ofDays(30);
            }

            @Override
            public String keyRefreshInterval() {
                return "1m";
            }

            @Override
            public Duration jwksMaxAge() {
                return jwksMaxAge;
            }

            @Override
            public Duration keyPublicationLead() {
                return lead;
            }
        };
    }
}
