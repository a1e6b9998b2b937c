package ng.risiti.auth.oauth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sign-in with Google and Microsoft. Rooted at {@code risiti.oauth}, not {@code risiti.auth}: a mapping there would
 * also have to claim the platform's {@code risiti.auth.url}. Endpoints default to the real providers (see
 * application.properties); a provider without a client id is off.
 */
@ConfigMapping(prefix = "risiti.oauth")
public interface OAuthConfig {

    Provider google();

    Provider microsoft();

    /** How long the browser may spend at the provider between the redirect and the callback. */
    @WithDefault("PT10M")
    Duration stateLifetime();

    /**
     * Where {@code ?redirect_to=} may send the browser after sign-in: absolute URLs that must equal an entry or start
     * with an entry ending in {@code /}. Anything else is refused (no open redirect).
     */
    List<String> redirectAllowList();

    /** Where the browser lands after sign-in without {@code redirect_to}: {@code {web-url}/oauth/complete}. */
    String webUrl();

    interface Provider {

        /** Off switch for a provider that has credentials; without a client id it is off anyway. */
        @WithDefault("true")
        boolean enabled();

        String authorizationEndpoint();

        String tokenEndpoint();

        String jwksUri();

        /**
         * The ID token's expected {@code iss}. Microsoft's multi-tenant endpoint issues per directory:
         * {@code {tenantid}} is replaced by the token's {@code tid} claim before comparing. Comma-separated when the
         * provider uses more than one spelling (Google: with and without https://).
         */
        List<String> issuer();

        Optional<String> clientId();

        /** From the environment (RISITI_OAUTH_GOOGLE_CLIENT_SECRET, ...); never logged. */
        Optional<String> clientSecret();

        /** Registered with the provider; {@code {provider}} is replaced by the provider's name. */
        @WithDefault("http://localhost:8080/api/v1/auth/oauth/{provider}/callback")
        String redirectUri();

        @WithDefault("openid email profile")
        String scope();

        default boolean configured() {
            return enabled() && clientId().filter(id -> !id.isBlank()).isPresent();
        }
    }
}
