package ng.risiti.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * Credentials for testing a service other than auth-service, made the way auth-service makes them: RS256 access
 * tokens whose key is published as a JWKS (served here on a loopback port), and API-key states published on the
 * real {@code risiti.api-keys.v1} topic, and its lookup answers with the last state published, so a key used before a
 * service's replica read it is found as auth-service would find it. auth-service's own tests use the real thing instead.
 *
 * <p>Use with {@code @QuarkusTestResource(TestIdentity.Resource.class)} next to {@link RisitiTestResources}.
 */
public final class TestIdentity {

    public static final String ISSUER = "https://auth.risiti.ng";
    private static final String PROP_PRIVATE = "risiti.test.identity.private-key";
    private static final String PROP_PUBLIC = "risiti.test.identity.public-key";
    private static final String PROP_URL = "risiti.test.identity.url";
    private static final String KID = "test-key-1";
    private static final String LOCK_KEY = "risiti.test.identity.lock";
    private static final String PROP_LOOKUP_FAILS = "risiti.test.identity.lookups-fail";
    /** The last state published for a key hash, which the lookup answers (system properties reach every class loader). */
    private static final String PROP_KEY_STATE = "risiti.test.identity.key-state.";
    private static final String PROP_TENANT_STATE = "risiti.test.identity.tenant-state.";

    private TestIdentity() {
    }

    /** Base URL of the loopback server publishing {@code /.well-known/jwks.json}. */
    public static String baseUrl() {
        synchronized (LOCK_KEY) {
            String url = System.getProperty(PROP_URL);
            if (url == null) {
                url = start();
                System.setProperty(PROP_URL, url);
            }
            return url;
        }
    }

    /** An access token as auth-service issues it: {@code sub} user, {@code tid} tenant, {@code role}, scopes in {@code groups}. */
    public static String token(UUID tenantId, UUID userId, String role, List<String> scopes) {
        return sign(tenantId, userId, role, scopes, Instant.now().plus(Duration.ofMinutes(15)));
    }

    /** A validly signed token that names no session ({@code sid}): services refuse it, as it could never be revoked. */
    public static String tokenWithoutSession(UUID tenantId, UUID userId, String role, List<String> scopes) {
        baseUrl();
        try {
            byte[] der = Base64.getDecoder().decode(System.getProperty(PROP_PRIVATE));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return signWith(key, tenantId, userId, role, scopes, Instant.now().plus(Duration.ofMinutes(15)), false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token that expired a minute ago. */
    public static String expiredToken(UUID tenantId, UUID userId, String role, List<String> scopes) {
        return sign(tenantId, userId, role, scopes, Instant.now().minus(Duration.ofMinutes(1)));
    }

    /** A token with a valid shape signed by a key nobody published. */
    public static String forgedToken(UUID tenantId, UUID userId, String role, List<String> scopes) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return signWith(generator.generateKeyPair().getPrivate(), tenantId, userId, role, scopes, Instant.now().plusSeconds(900), true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new live API key with these scopes, published on the API-key topic; returns the key itself. */
    public static String apiKey(UUID tenantId, List<String> scopes) {
        return newKey("rs_live_", tenantId, scopes);
    }

    /** A new test-mode ({@code rs_test_}) API key: it sees and makes only test-mode data. */
    public static String testApiKey(UUID tenantId, List<String> scopes) {
        return newKey("rs_test_", tenantId, scopes);
    }

    private static String newKey(String prefix, UUID tenantId, List<String> scopes) {
        byte[] random = new byte[20];
        new SecureRandom().nextBytes(random);
        String key = prefix + HexFormat.of().formatHex(random);
        publishKeyState(key, tenantId, scopes, null, null);
        return key;
    }

    /**
     * Makes this server's API-key and tenant lookups ({@code /internal/api-keys/{hash}}, {@code /internal/tenants/{id}}) answer 503, as an auth-service that is down
     * would, until called with false. Services must then answer 503 for keys they do not know, never 401.
     */
    public static void lookupsFail(boolean fail) {
        System.setProperty(PROP_LOOKUP_FAILS, Boolean.toString(fail));
    }

    /**
     * A tenant auth-service knows but a service's replica has not heard of yet (registered a moment ago): this server's
     * internal tenant lookup ({@code /internal/tenants/{id}}) answers {@code stateJson}, nothing is published.
     */
    public static void registerTenant(UUID tenantId, String stateJson) {
        System.setProperty(PROP_TENANT_STATE + tenantId, stateJson);
    }

    /** Publishes a new state for an existing key, e.g. revoked now. */
    public static void publishKeyState(String key, UUID tenantId, List<String> scopes, Instant expiresAt, Instant revokedAt) {
        String hash = sha256(key);
        String state = "{\"key_hash\":\"" + hash + "\",\"key_id\":\"" + UUID.nameUUIDFromBytes(hash.getBytes(StandardCharsets.UTF_8))
                + "\",\"tenant_id\":\"" + tenantId + "\",\"created_by\":null,\"prefix\":\"" + key.substring(0, 14)
                + "\",\"scopes\":[" + String.join(",", scopes.stream().map(s -> "\"" + s + "\"").toList()) + "],\"test\":" + key.startsWith("rs_test_")
                + ",\"expires_at\":" + (expiresAt == null ? "null" : "\"" + expiresAt + "\"")
                + ",\"revoked_at\":" + (revokedAt == null ? "null" : "\"" + revokedAt + "\"") + "}";
        // the lookup answers with it too, as auth-service does for a key a service's replica has not read yet
        System.setProperty(PROP_KEY_STATE + hash, state);
        TestEvents.publish("risiti.api-keys.v1", hash, "api_key.state", tenantId, state);
    }

    private static String sign(UUID tenantId, UUID userId, String role, List<String> scopes, Instant expiresAt) {
        baseUrl();
        try {
            byte[] der = Base64.getDecoder().decode(System.getProperty(PROP_PRIVATE));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return signWith(key, tenantId, userId, role, scopes, expiresAt, true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signWith(PrivateKey key, UUID tenantId, UUID userId, String role, List<String> scopes, Instant expiresAt,
            boolean withSession) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(userId.toString());
        claims.setIssuedAt(NumericDate.fromSeconds(expiresAt.getEpochSecond() - 900));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        claims.setGeneratedJwtId();
        claims.setClaim("tid", tenantId.toString());
        claims.setClaim("role", role);
        if (withSession) {
            claims.setClaim("sid", UUID.randomUUID().toString());
        }
        claims.setStringListClaim("groups", scopes);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(KID);
        jws.setKey(key);
        return jws.getCompactSerialization();
    }

    private static String start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            System.setProperty(PROP_PRIVATE, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            System.setProperty(PROP_PUBLIC, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pair.getPublic().getEncoded()));
            RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) publicKey);
            jwk.setKeyId(KID);
            jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            jwk.setUse("sig");
            byte[] jwks = new JsonWebKeySet(jwk).toJson().getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                boolean isJwks = path.equals("/.well-known/jwks.json");
                boolean failing = !isJwks && Boolean.getBoolean(PROP_LOOKUP_FAILS);
                String known = isJwks || failing ? null
                        : path.startsWith("/internal/api-keys/") ? System.getProperty(PROP_KEY_STATE + path.substring("/internal/api-keys/".length()))
                        : path.startsWith("/internal/tenants/") ? System.getProperty(PROP_TENANT_STATE + path.substring("/internal/tenants/".length()))
                        : null;
                byte[] body = isJwks ? jwks : failing ? "{\"error\":{\"code\":\"SERVICE_UNAVAILABLE\"}}".getBytes(StandardCharsets.UTF_8)
                        : known != null ? known.getBytes(StandardCharsets.UTF_8)
                        : "{\"error\":{\"code\":\"NOT_FOUND\"}}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(isJwks || known != null ? 200 : failing ? 503 : 404, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }


    /** Points the service's JWT verification and API-key fallback lookups at the test identity server. */
    public static class Resource implements io.quarkus.test.common.QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            String url = baseUrl();
            return Map.of("mp.jwt.verify.publickey.location", url + "/.well-known/jwks.json", "risiti.auth.url", url);
        }

        @Override
        public void stop() {
            // the server lives as long as the JVM
        }
    }
}
