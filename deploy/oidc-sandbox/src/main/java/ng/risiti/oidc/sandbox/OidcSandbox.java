package ng.risiti.oidc.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An OpenID Connect provider simulator standing in for Google and Microsoft (README.md): discovery, an authorize
 * endpoint that consents at once for the configured test user, a token endpoint checking the code, redirect URI and
 * PKCE verifier and issuing an RS256 ID token, and the JWKS to verify it. Started alone with
 * {@code java -jar deploy/oidc-sandbox/target/oidc-sandbox.jar}, by {@code ./risiti up}, or in-process by tests
 * ({@link #start(Settings)}). In memory; a new key pair on every start.
 */
public final class OidcSandbox implements AutoCloseable {

    /** The person the sandbox signs in; {@code POST /__sandbox/user} changes it at run time. */
    public record User(String email, String givenName, String familyName) {

        String subject() {
            return "sandbox-" + HexFormat.of().formatHex(sha256(email.toLowerCase())).substring(0, 24);
        }
    }

    /**
     * @param port 0 for any free port
     * @param issuer the {@code iss} of its tokens and the base of the URLs discovery names (null: its own address)
     */
    public record Settings(String host, int port, String issuer, User user, Duration codeLifetime) {

        /** From the environment: OIDC_SANDBOX_PORT (8093), OIDC_SANDBOX_ISSUER, OIDC_SANDBOX_EMAIL, ..._GIVEN_NAME, ..._FAMILY_NAME. */
        public static Settings fromEnvironment(Map<String, String> env) {
            return new Settings(env.getOrDefault("OIDC_SANDBOX_HOST", "127.0.0.1"),
                    Integer.parseInt(env.getOrDefault("OIDC_SANDBOX_PORT", "8093")), env.get("OIDC_SANDBOX_ISSUER"),
                    new User(env.getOrDefault("OIDC_SANDBOX_EMAIL", "ada@example.com"),
                            env.getOrDefault("OIDC_SANDBOX_GIVEN_NAME", "Ada"),
                            env.getOrDefault("OIDC_SANDBOX_FAMILY_NAME", "Okafor")),
                    Duration.ofMinutes(5));
        }

        /** For tests: a free loopback port. */
        public static Settings forTests(User user) {
            return new Settings("127.0.0.1", 0, null, user, Duration.ofMinutes(5));
        }
    }

    /** What an authorization code was issued for; spent by the first exchange. */
    private record Grant(String clientId, String redirectUri, String nonce, String codeChallenge, User user, long expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final String issuer;
    private final KeyPair keys;
    private final String kid;
    private final Clock clock;
    private final Duration codeLifetime;
    private final AtomicReference<User> user;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    private OidcSandbox(Settings settings, Clock clock) {
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + settings.host() + ":" + settings.port(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.kid = "sandbox-" + HexFormat.of().formatHex(sha256(keys.getPublic().toString())).substring(0, 12);
        this.issuer = settings.issuer() != null ? settings.issuer()
                : "http://" + settings.host() + ":" + server.getAddress().getPort();
        this.clock = clock;
        this.codeLifetime = settings.codeLifetime();
        this.user = new AtomicReference<>(settings.user());
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    }

    public static OidcSandbox start(Settings settings) {
        OidcSandbox sandbox = new OidcSandbox(settings, Clock.systemUTC());
        sandbox.server.start();
        return sandbox;
    }

    public static void main(String[] args) {
        OidcSandbox sandbox = start(Settings.fromEnvironment(System.getenv()));
        System.out.println("OIDC sandbox on port " + sandbox.port() + ", issuer " + sandbox.issuer() + ", signing in as "
                + sandbox.user.get().email());
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String issuer() {
        return issuer;
    }

    /** The person the next sign-ins are for. */
    public void signInAs(User next) {
        user.set(next);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            switch (method + " " + path) {
                case "GET /.well-known/openid-configuration" -> json(ex, 200, discovery());
                case "GET /", "GET /q/health/ready" -> json(ex, 200, Map.of("status", "UP", "issuer", issuer));
                case "GET /authorize" -> authorize(ex, query(ex.getRequestURI().getRawQuery()));
                case "POST /token" -> token(ex, query(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                case "GET /jwks" -> json(ex, 200, Map.of("keys", List.of(jwk())));
                case "POST /__sandbox/user" -> {
                    Map<String, String> form = query(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    if (form.getOrDefault("email", "").isBlank()) {
                        json(ex, 400, Map.of("error", "invalid_request", "error_description", "email is required"));
                        return;
                    }
                    User next = new User(form.get("email"), form.getOrDefault("given_name", "Test"),
                            form.getOrDefault("family_name", "User"));
                    user.set(next);
                    json(ex, 200, Map.of("email", next.email(), "sub", next.subject()));
                }
                default -> json(ex, 404, Map.of("error", "not_found", "error_description", method + " " + path));
            }
        } catch (RuntimeException e) {
            json(ex, 500, Map.of("error", "server_error", "error_description", String.valueOf(e.getMessage())));
        }
    }

    private Map<String, Object> discovery() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", issuer);
        d.put("authorization_endpoint", issuer + "/authorize");
        d.put("token_endpoint", issuer + "/token");
        d.put("jwks_uri", issuer + "/jwks");
        d.put("response_types_supported", List.of("code"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of("RS256"));
        d.put("scopes_supported", List.of("openid", "email", "profile"));
        d.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        d.put("code_challenge_methods_supported", List.of("S256"));
        d.put("claims_supported", List.of("iss", "aud", "sub", "exp", "iat", "nonce", "email", "email_verified", "name",
                "given_name", "family_name"));
        return d;
    }

    /** The consent screen, consented: straight back to the client with a code (or the OAuth error a real one sends). */
    private void authorize(HttpExchange ex, Map<String, String> q) throws IOException {
        String redirectUri = q.get("redirect_uri");
        if (redirectUri == null || !redirectUri.startsWith("http")) {
            json(ex, 400, Map.of("error", "invalid_request", "error_description", "redirect_uri is required"));
            return;
        }
        String error = !"code".equals(q.get("response_type")) ? "unsupported_response_type"
                : q.getOrDefault("client_id", "").isBlank() ? "invalid_request"
                : !q.getOrDefault("scope", "").contains("openid") ? "invalid_scope"
                : q.containsKey("code_challenge") && !"S256".equals(q.get("code_challenge_method")) ? "invalid_request"
                : null;
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        if (error != null) {
            location.append("error=").append(error);
        } else {
            String code = random();
            grants.put(code, new Grant(q.get("client_id"), redirectUri, q.get("nonce"), q.get("code_challenge"), user.get(),
                    clock.millis() + codeLifetime.toMillis()));
            location.append("code=").append(code);
        }
        if (q.get("state") != null) {
            location.append("&state=").append(URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
        }
        ex.getResponseHeaders().set("Location", location.toString());
        ex.sendResponseHeaders(302, -1);
    }

    private void token(HttpExchange ex, Map<String, String> form) throws IOException {
        if (!"authorization_code".equals(form.get("grant_type"))) {
            json(ex, 400, Map.of("error", "unsupported_grant_type"));
            return;
        }
        String clientId = clientId(ex, form);
        String code = form.get("code");
        Grant grant = code == null ? null : grants.remove(code);
        String verifier = form.getOrDefault("code_verifier", "");
        String problem = grant == null ? (code == null ? "code is missing" : "the code is unknown or spent")
                : grant.expiresAt() < clock.millis() ? "the code expired (codes live " + codeLifetime.toSeconds() + " s)"
                : !grant.clientId().equals(clientId) ? "the code was issued to client_id " + grant.clientId() + ", not " + clientId
                : !grant.redirectUri().equals(form.get("redirect_uri")) ? "redirect_uri " + form.get("redirect_uri")
                        + " differs from the authorization request's " + grant.redirectUri()
                : grant.codeChallenge() != null && !grant.codeChallenge().equals(base64Url(sha256(verifier)))
                        ? "code_verifier does not match the code_challenge (S256)"
                : null;
        if (problem != null) {
            // the reason a client only sees in the answer's error_description: said here too, for whoever reads the log
            log("POST /token: invalid_grant: " + problem);
            json(ex, 400, Map.of("error", "invalid_grant", "error_description", problem));
            return;
        }
        long now = clock.millis() / 1000;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("aud", grant.clientId());
        claims.put("sub", grant.user().subject());
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        if (grant.nonce() != null) {
            claims.put("nonce", grant.nonce());
        }
        claims.put("email", grant.user().email());
        claims.put("email_verified", true);
        claims.put("name", grant.user().givenName() + " " + grant.user().familyName());
        claims.put("given_name", grant.user().givenName());
        claims.put("family_name", grant.user().familyName());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", random());
        answer.put("token_type", "Bearer");
        answer.put("expires_in", 3600);
        answer.put("scope", "openid email profile");
        answer.put("id_token", sign(claims));
        json(ex, 200, answer);
    }

    /**
     * The client as it authenticates (RFC 6749 2.3.1): {@code client_secret_basic} (HTTP Basic, form-encoded id and
     * secret) or {@code client_secret_post} (in the form). Any secret is accepted: the sandbox checks who, not how.
     */
    private static String clientId(HttpExchange ex, Map<String, String> form) {
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return URLDecoder.decode(colon < 0 ? pair : pair.substring(0, colon), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return form.get("client_id");
    }

    /** One line on standard output (the stack keeps it in .risiti/logs/oidc-sandbox.log). */
    private void log(String line) {
        System.out.println(clock.instant() + " " + line);
    }

    private String sign(Map<String, Object> claims) {
        String header = base64Url(Json.write(Map.of("alg", "RS256", "typ", "JWT", "kid", kid)).getBytes(StandardCharsets.UTF_8));
        String payload = base64Url(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + base64Url(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> jwk() {
        RSAPublicKey key = (RSAPublicKey) keys.getPublic();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", kid);
        jwk.put("n", base64Url(unsigned(key.getModulus())));
        jwk.put("e", base64Url(unsigned(key.getPublicExponent())));
        return jwk;
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static void json(HttpExchange ex, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return base64Url(bytes);
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
