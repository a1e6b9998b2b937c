package ng.risiti.auth.oauth.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

/**
 * A local OpenID provider for tests, one per realm path ({@code /google}, {@code /microsoft}): {@code /authorize}
 * checks the request and answers 302 to the redirect URI with a code, {@code /token} checks the code, the client
 * secret and the PKCE verifier (S256) and returns an RS256 ID token, {@code /jwks} publishes the key.
 *
 * <p>The test drives the "browser" itself, so it steers the ID token per sign-in with extra {@code sim_*} query
 * parameters on {@code /authorize} ({@code sim_sub}, {@code sim_email}, {@code sim_email_verified}, {@code sim_name},
 * {@code sim_nonce}, {@code sim_aud}, {@code sim_exp_seconds}, {@code sim_token_error}, {@code sim_foreign_key}):
 * no shared state between the test and this server except HTTP. {@code /issued?code=} tells a test what the token
 * endpoint received and answered for a code (the PKCE verifier, the ID and access tokens), which the test never sees
 * otherwise: the no-secrets-in-logs test looks for them.
 */
public final class OidcProviderSimulator {

    public static final String MICROSOFT_TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";

    private record Grant(String realm, String clientId, String redirectUri, String challenge, String nonce, Map<String, String> sim) {
    }

    private final HttpServer server;
    private final RsaJsonWebKey key;
    private final RsaJsonWebKey foreignKey;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Map<String, String> issued = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public OidcProviderSimulator() throws Exception {
        key = rsaKey("sim-1");
        foreignKey = rsaKey("sim-1"); // same kid, other key: a forged token
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "oidc-simulator");
            thread.setDaemon(true);
            return thread;
        }));
        for (String realm : List.of("google", "microsoft")) {
            server.createContext("/" + realm + "/authorize", exchange -> safely(exchange, () -> authorize(realm, exchange)));
            server.createContext("/" + realm + "/token", exchange -> safely(exchange, () -> token(realm, exchange)));
            server.createContext("/" + realm + "/jwks", exchange -> safely(exchange,
                    () -> send(exchange, 200, new JsonWebKeySet(key).toJson())));
            server.createContext("/" + realm + "/issued", exchange -> safely(exchange, () -> {
                String answer = issued.get(String.valueOf(parse(exchange.getRequestURI().getRawQuery()).get("code")));
                send(exchange, answer == null ? 404 : 200, answer == null ? "{\"error\":\"unknown code\"}" : answer);
            }));
        }
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public static String clientId(String realm) {
        return realm + "-client";
    }

    public static String clientSecret(String realm) {
        return realm + "-client-secret-b7e1";
    }

    public String issuer(String realm) {
        return "microsoft".equals(realm) ? baseUrl() + "/microsoft/" + MICROSOFT_TENANT + "/v2.0" : baseUrl() + "/google";
    }

    public void stop() {
        server.stop(0);
    }

    private void authorize(String realm, HttpExchange exchange) throws IOException {
        Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
        if (!"code".equals(query.get("response_type")) || !clientId(realm).equals(query.get("client_id"))
                || !"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null
                || query.get("state") == null || query.get("nonce") == null || query.get("redirect_uri") == null
                || !String.valueOf(query.get("scope")).contains("openid")) {
            send(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        Map<String, String> sim = new HashMap<>();
        query.forEach((name, value) -> {
            if (name.startsWith("sim_")) {
                sim.put(name.substring(4), value);
            }
        });
        String code = token();
        grants.put(code, new Grant(realm, query.get("client_id"), query.get("redirect_uri"), query.get("code_challenge"), query.get("nonce"), sim));
        String location = query.get("redirect_uri") + "?code=" + enc(code) + "&state=" + enc(query.get("state"));
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(String realm, HttpExchange exchange) throws Exception {
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String code = String.valueOf(form.get("code"));
        Grant grant = grants.remove(code);
        if (!"authorization_code".equals(form.get("grant_type"))) {
            send(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        if (!clientId(realm).equals(form.get("client_id")) || !clientSecret(realm).equals(form.get("client_secret"))) {
            send(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        if (grant == null || !grant.realm().equals(realm) || !grant.redirectUri().equals(form.get("redirect_uri"))
                || form.get("code_verifier") == null || !s256(form.get("code_verifier")).equals(grant.challenge())) {
            send(exchange, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        issued.put(code, "{\"code_verifier\":\"" + form.get("code_verifier") + "\"}");
        if (grant.sim().containsKey("token_error")) {
            send(exchange, 400, "{\"error\":\"" + grant.sim().get("token_error") + "\",\"error_description\":\"simulated\"}");
            return;
        }
        Map<String, String> sim = grant.sim();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer(realm));
        claims.setAudience(sim.getOrDefault("aud", grant.clientId()));
        claims.setSubject(sim.getOrDefault("sub", token()));
        claims.setIssuedAtToNow();
        NumericDate exp = NumericDate.now();
        exp.addSeconds(Long.parseLong(sim.getOrDefault("exp_seconds", "3600")));
        claims.setExpirationTime(exp);
        claims.setStringClaim("nonce", sim.getOrDefault("nonce", grant.nonce()));
        if (sim.containsKey("email")) {
            claims.setStringClaim("email", sim.get("email"));
        }
        if ("microsoft".equals(realm)) {
            claims.setStringClaim("tid", MICROSOFT_TENANT); // Microsoft states no email_verified
        } else {
            claims.setClaim("email_verified", Boolean.parseBoolean(sim.getOrDefault("email_verified", "true")));
        }
        claims.setStringClaim("name", sim.getOrDefault("name", "Adaeze Okonkwo"));
        claims.setStringClaim("given_name", sim.getOrDefault("given_name", "Adaeze"));
        claims.setStringClaim("family_name", sim.getOrDefault("family_name", "Okonkwo"));
        RsaJsonWebKey signer = sim.containsKey("foreign_key") ? foreignKey : key;
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signer.getPrivateKey());
        jws.setKeyIdHeaderValue(signer.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        String accessToken = token();
        String idToken = jws.getCompactSerialization();
        issued.put(code, "{\"code_verifier\":\"" + form.get("code_verifier") + "\",\"access_token\":\"" + accessToken
                + "\",\"id_token\":\"" + idToken + "\"}");
        send(exchange, 200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":3599,\"id_token\":\""
                + idToken + "\"}");
    }

    private interface Handler {
        void handle() throws Exception;
    }

    private static void safely(HttpExchange exchange, Handler handler) {
        try {
            handler.handle();
        } catch (Exception e) {
            try {
                send(exchange, 500, "{\"error\":\"server_error\"}");
            } catch (IOException ignored) {
                exchange.close();
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> parse(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(name, value);
        }
        return values;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String s256(String verifier) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static RsaJsonWebKey rsaKey(String kid) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RsaJsonWebKey jwk = new RsaJsonWebKey((java.security.interfaces.RSAPublicKey) pair.getPublic());
        jwk.setPrivateKey(pair.getPrivate());
        jwk.setKeyId(kid);
        jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        jwk.setUse("sig");
        return jwk;
    }
}
