package ng.risiti.oidc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OidcSandboxTests {

    private static final String REDIRECT = "http://localhost:8080/api/v1/auth/oauth/google/callback";
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private static OidcSandbox sandbox;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        sandbox = OidcSandbox.start(OidcSandbox.Settings.forTests(new OidcSandbox.User("ada@example.com", "Ada", "Okafor")));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.issuer() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.issuer() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static String challenge(String verifier) {
        return OidcSandbox.base64Url(OidcSandbox.sha256(verifier));
    }

    /** The browser's part: /authorize answers 302 to the client's redirect URI with a code and the state. */
    static String authorize(String clientId, String nonce) throws Exception {
        HttpResponse<String> consent = get("/authorize?response_type=code&client_id=" + clientId + "&scope=openid%20email%20profile"
                + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8) + "&state=st4te&nonce=" + nonce
                + "&code_challenge=" + challenge(VERIFIER) + "&code_challenge_method=S256");
        assertThat(consent.statusCode()).isEqualTo(302);
        String location = consent.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(REDIRECT + "?code=").endsWith("&state=st4te");
        return OidcSandbox.query(URI.create(location).getRawQuery()).get("code");
    }

    @Test
    void discoveryNamesTheEndpointsOfTheIssuer() throws Exception {
        HttpResponse<String> discovery = get("/.well-known/openid-configuration");
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(field(discovery.body(), "issuer")).isEqualTo(sandbox.issuer());
        assertThat(field(discovery.body(), "authorization_endpoint")).isEqualTo(sandbox.issuer() + "/authorize");
        assertThat(field(discovery.body(), "token_endpoint")).isEqualTo(sandbox.issuer() + "/token");
        assertThat(field(discovery.body(), "jwks_uri")).isEqualTo(sandbox.issuer() + "/jwks");
    }

    @Test
    void theRedirectDanceEndsInAnRs256IdTokenForTheTestUserThatTheJwksVerifies() throws Exception {
        String code = authorize("risiti-local", "n0nce");
        HttpResponse<String> tokens = post("/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "client_id", "risiti-local", "client_secret", "any", "code_verifier", VERIFIER));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        String idToken = field(tokens.body(), "id_token");
        String[] parts = idToken.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(field(header, "alg")).isEqualTo("RS256");
        assertThat(field(claims, "iss")).isEqualTo(sandbox.issuer());
        assertThat(field(claims, "aud")).isEqualTo("risiti-local");
        assertThat(field(claims, "nonce")).isEqualTo("n0nce");
        assertThat(field(claims, "email")).isEqualTo("ada@example.com");
        assertThat(claims).contains("\"email_verified\":true");

        String jwks = get("/jwks").body();
        assertThat(field(jwks, "kid")).isEqualTo(field(header, "kid"));
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(field(jwks, "n"))),
                new BigInteger(1, Base64.getUrlDecoder().decode(field(jwks, "e")))));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).as("signature verifies with the JWKS key").isTrue();
    }

    @Test
    void aCodeIsSpentByItsFirstExchangeAndNeedsTheMatchingVerifierAndRedirect() throws Exception {
        String code = authorize("risiti-local", "n1");
        HttpResponse<String> wrongVerifier = post("/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "client_id", "risiti-local", "code_verifier", "not-the-verifier"));
        assertThat(wrongVerifier.statusCode()).isEqualTo(400);
        assertThat(field(wrongVerifier.body(), "error")).isEqualTo("invalid_grant");
        HttpResponse<String> again = post("/token", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "client_id", "risiti-local", "code_verifier", VERIFIER));
        assertThat(again.statusCode()).as("the code was spent by the first try").isEqualTo(400);

        String other = authorize("risiti-local", "n2");
        HttpResponse<String> otherRedirect = post("/token", Map.of("grant_type", "authorization_code", "code", other,
                "redirect_uri", "http://elsewhere.test/cb", "client_id", "risiti-local", "code_verifier", VERIFIER));
        assertThat(otherRedirect.statusCode()).isEqualTo(400);
        // both URIs, so the side that changed it shows at once (the sandbox logs the same line)
        assertThat(field(otherRedirect.body(), "error_description")).contains("redirect_uri")
                .contains("http://elsewhere.test/cb").contains(REDIRECT);
    }

    @Test
    void aClientMayAuthenticateWithHttpBasicInsteadOfTheForm() throws Exception {
        String code = authorize("risiti-local", "n4");
        String basic = Base64.getEncoder().encodeToString("risiti-local:s3cret".getBytes(StandardCharsets.UTF_8));
        String form = "grant_type=authorization_code&code=" + code + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8)
                + "&code_verifier=" + VERIFIER;
        HttpResponse<String> tokens = http.send(HttpRequest.newBuilder(URI.create(sandbox.issuer() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);

        String other = authorize("risiti-local", "n5");
        String otherClient = Base64.getEncoder().encodeToString("someone-else:s3cret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(sandbox.issuer() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + otherClient)
                .POST(HttpRequest.BodyPublishers.ofString(form.replace(code, other))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(field(refused.body(), "error_description")).contains("risiti-local").contains("someone-else");
    }

    @Test
    void theTestUserCanBeChangedAtRunTime() throws Exception {
        HttpResponse<String> set = post("/__sandbox/user", Map.of("email", "chidi@example.com", "given_name", "Chidi",
                "family_name", "Eze"));
        assertThat(set.statusCode()).isEqualTo(200);
        try {
            String code = authorize("risiti-local", "n3");
            String tokens = post("/token", Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT,
                    "client_id", "risiti-local", "code_verifier", VERIFIER)).body();
            String claims = new String(Base64.getUrlDecoder().decode(field(tokens, "id_token").split("\\.")[1]), StandardCharsets.UTF_8);
            assertThat(field(claims, "email")).isEqualTo("chidi@example.com");
            assertThat(field(claims, "given_name")).isEqualTo("Chidi");
        } finally {
            sandbox.signInAs(new OidcSandbox.User("ada@example.com", "Ada", "Okafor"));
        }
        assertThat(post("/__sandbox/user", Map.of("given_name", "NoEmail")).statusCode()).isEqualTo(400);
    }
}
