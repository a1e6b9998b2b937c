package ng.risiti.auth.oauth.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import ng.risiti.auth.oauth.config.OAuthConfig;
import ng.risiti.platform.concurrent.Offload;
import ng.risiti.platform.error.ApiException;
import ng.risiti.platform.error.ErrorCode;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * The two calls to an OpenID provider: the code-for-tokens exchange (non-blocking Vert.x HTTP client) and the ID
 * token check against the provider's JWKS (jose4j). Keys are cached per JWKS URL and fetched again when a token names
 * an unknown {@code kid} (providers rotate), at most every {@link #REFETCH_FLOOR} so bogus kids cannot make us
 * hammer the provider.
 */
@ApplicationScoped
public class OidcClient {

    /** What the ID token says about the person, after every check passed. */
    public record Identity(String subject, String email, Boolean emailVerified, String givenName, String familyName, String name) {
    }

    private record CachedKeys(List<JsonWebKey> keys, Instant fetchedAt) {
    }

    private record HttpAnswer(int status, String body) {
    }

    private static final Logger LOG = Logger.getLogger(OidcClient.class);
    private static final Duration KEYS_TTL = Duration.ofHours(1);
    private static final Duration REFETCH_FLOOR = Duration.ofSeconds(30);
    private static final int TIMEOUT_MILLIS = 10_000;
    private static final int CLOCK_SKEW_SECONDS = 60;

    private final HttpClient http;
    private final Map<String, CachedKeys> keys = new ConcurrentHashMap<>();
    private final Clock clock;

    public OidcClient(Vertx vertx, Clock clock) {
        this.clock = clock;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(TIMEOUT_MILLIS)
                .setMaxPoolSize(8));
    }

    @PreDestroy
    void close() {
        http.closeAndForget();
    }

    /** Trades the authorization code for the provider's tokens and returns the ID token (compact JWS). */
    public Uni<String> exchange(String provider, OAuthConfig.Provider config, String redirectUri, String code, String codeVerifier) {
        String form = formEncode(Map.of(
                "grant_type", "authorization_code",
                "code", code,
                "redirect_uri", redirectUri,
                "client_id", config.clientId().orElseThrow(),
                "client_secret", config.clientSecret().orElse(""),
                "code_verifier", codeVerifier));
        return call(HttpMethod.POST, config.tokenEndpoint(), form).map(answer -> {
            if (answer.status() != 200) {
                // the provider's error code (invalid_grant, invalid_client ...) is safe to log; its description may echo input
                LOG.warnf("%s token endpoint answered %d (%s)", provider, answer.status(), errorCode(answer.body()));
                throw ApiException.unauthorized("The sign-in could not be completed: " + displayName(provider)
                        + " did not accept the authorization code. Start again.");
            }
            String idToken = json(answer.body()).getString("id_token");
            if (idToken == null || idToken.isBlank()) {
                LOG.warnf("%s token endpoint answered without an id_token", provider);
                throw ApiException.unauthorized(displayName(provider) + " did not return an ID token. Start again.");
            }
            return idToken;
        });
    }

    /**
     * Checks signature (RS256, the provider's JWKS), {@code iss}, {@code aud} = our client id, {@code exp} (one minute
     * of clock skew), the {@code nonce} we sent, and {@code email_verified} when the provider states it.
     */
    public Uni<Identity> verify(String provider, OAuthConfig.Provider config, String idToken, String expectedNonce) {
        String kid;
        try {
            kid = JsonWebStructure.fromCompactSerialization(idToken).getKeyIdHeaderValue();
        } catch (JoseException e) {
            return Uni.createFrom().failure(invalidToken(provider, "it is not a JWS"));
        }
        return keysFor(config.jwksUri(), kid)
                .flatMap(current -> Offload.run(() -> check(provider, config, idToken, expectedNonce, current)));
    }

    private Identity check(String provider, OAuthConfig.Provider config, String idToken, String expectedNonce, List<JsonWebKey> current) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setExpectedAudience(config.clientId().orElseThrow())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(current))
                .build();
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(idToken);
        } catch (InvalidJwtException e) {
            String reason = e.hasExpired() ? "it has expired"
                    : e.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.AUDIENCE_INVALID) ? "it was issued to another client"
                    : e.hasErrorCode(org.jose4j.jwt.consumer.ErrorCodes.SIGNATURE_INVALID) ? "its signature is invalid"
                    : "it failed verification";
            throw invalidToken(provider, reason);
        }
        try {
            String tid = String.valueOf(claims.getClaimValue("tid"));
            String issuer = claims.getIssuer();
            if (issuer == null || config.issuer().stream().noneMatch(expected -> expected.replace("{tenantid}", tid).equals(issuer))) {
                throw invalidToken(provider, "its issuer is not " + displayName(provider));
            }
            String nonce = claims.getStringClaimValue("nonce");
            if (nonce == null || !MessageDigest.isEqual(nonce.getBytes(StandardCharsets.UTF_8), expectedNonce.getBytes(StandardCharsets.UTF_8))) {
                throw invalidToken(provider, "it does not answer this sign-in (nonce)");
            }
            Boolean emailVerified = bool(claims.getClaimValue("email_verified"));
            if (Boolean.FALSE.equals(emailVerified)) {
                throw ApiException.unauthorized("Your " + displayName(provider) + " email address is not verified. Verify it and try again.");
            }
            return new Identity(claims.getSubject(), claims.getStringClaimValue("email"), emailVerified,
                    claims.getStringClaimValue("given_name"), claims.getStringClaimValue("family_name"), claims.getStringClaimValue("name"));
        } catch (MalformedClaimException e) {
            throw invalidToken(provider, "a claim has the wrong type");
        }
    }

    private Uni<List<JsonWebKey>> keysFor(String jwksUri, String kid) {
        CachedKeys cached = keys.get(jwksUri);
        Instant now = clock.instant();
        boolean fresh = cached != null && cached.fetchedAt().plus(KEYS_TTL).isAfter(now);
        boolean knowsKid = cached != null && cached.keys().stream().anyMatch(k -> kid == null || kid.equals(k.getKeyId()));
        boolean mayRefetch = cached == null || cached.fetchedAt().plus(REFETCH_FLOOR).isBefore(now);
        if (fresh && (knowsKid || !mayRefetch)) {
            return Uni.createFrom().item(cached.keys());
        }
        return call(HttpMethod.GET, jwksUri, null).map(answer -> {
            if (answer.status() != 200) {
                LOG.warnf("JWKS %s answered %d", jwksUri, answer.status());
                throw unavailable();
            }
            try {
                List<JsonWebKey> fetched = new JsonWebKeySet(answer.body()).getJsonWebKeys();
                keys.put(jwksUri, new CachedKeys(fetched, clock.instant()));
                return fetched;
            } catch (JoseException e) {
                LOG.warnf("JWKS %s is not a key set", jwksUri);
                throw unavailable();
            }
        });
    }

    private Uni<HttpAnswer> call(HttpMethod method, String url, String form) {
        RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(url).setTimeout(TIMEOUT_MILLIS)
                .putHeader("Accept", "application/json");
        if (form != null) {
            options.putHeader("Content-Type", "application/x-www-form-urlencoded");
        }
        return http.request(options)
                .flatMap(request -> form == null ? request.send() : request.send(Buffer.buffer(form)))
                .flatMap(response -> response.body().map(body -> new HttpAnswer(response.statusCode(), body.toString())))
                .onFailure(failure -> !(failure instanceof ApiException)).transform(failure -> {
                    LOG.warnf("OpenID provider call to %s failed: %s", url, failure.toString());
                    return unavailable();
                });
    }

    private static JsonObject json(String body) {
        try {
            return new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            return new JsonObject();
        }
    }

    private static String errorCode(String body) {
        Object error = json(body).getValue("error");
        String safe = String.valueOf(error).replaceAll("[^A-Za-z0-9_.-]", "");
        return safe.length() > 64 ? safe.substring(0, 64) : safe;
    }

    private static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        // some providers send "true"/"false" strings
        return value instanceof String s ? Boolean.valueOf(s) : null;
    }

    static String formEncode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String displayName(String provider) {
        return switch (provider) {
            case "google" -> "Google";
            case "microsoft" -> "Microsoft";
            default -> provider;
        };
    }

    private static ApiException invalidToken(String provider, String reason) {
        return ApiException.unauthorized("The ID token from " + displayName(provider) + " was refused: " + reason + ". Start again.");
    }

    private static ApiException unavailable() {
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The identity provider could not be reached. Try again shortly.");
    }
}
