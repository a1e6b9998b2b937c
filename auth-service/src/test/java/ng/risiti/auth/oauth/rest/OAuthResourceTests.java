package ng.risiti.auth.oauth.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ng.risiti.testsupport.GreenMailResource;
import ng.risiti.auth.TestAccounts;
import ng.risiti.auth.mfa.rest.MfaResourceTests;
import ng.risiti.platform.events.Topics;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "auth"))
@QuarkusTestResource(GreenMailResource.class)
@QuarkusTestResource(OidcProviderResource.class)
public class OAuthResourceTests {

    /** The browser after GET /auth/oauth/{provider}: where it is sent, with which parameters, and its binding cookie. */
    public record Started(String location, Map<String, String> params, String binding, String setCookie) {
    }

    /** The provider sent the browser back with these. */
    public record Returned(String code, String state) {
    }

    @Test
    void redirectCarriesCodeFlowPkceStateAndNonce() {
        Started started = start("google", null);
        assertThat(started.location()).startsWith("http://127.0.0.1:" + System.getProperty(OidcProviderResource.PORT) + "/google/authorize?");
        Map<String, String> p = started.params();
        assertThat(p).containsEntry("response_type", "code")
                .containsEntry("client_id", "google-client")
                .containsEntry("redirect_uri", "http://localhost:8080/api/v1/auth/oauth/google/callback")
                .containsEntry("scope", "openid email profile")
                .containsEntry("code_challenge_method", "S256");
        assertThat(p.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
        assertThat(p.get("state")).matches("[A-Za-z0-9_-]{43}");
        assertThat(p.get("nonce")).hasSizeGreaterThanOrEqualTo(32);
        assertThat(started.setCookie()).startsWith("oauth_binding=").contains("HttpOnly").contains("Secure")
                .containsIgnoringCase("SameSite=Lax").contains("Path=/api/v1/auth/oauth").contains("Max-Age=600");
        assertThat(started.location()).doesNotContain(started.binding());

        Started again = start("google", null);
        assertThat(again.params().get("state")).isNotEqualTo(p.get("state"));
        assertThat(again.params().get("code_challenge")).isNotEqualTo(p.get("code_challenge"));
        assertThat(again.params().get("nonce")).isNotEqualTo(p.get("nonce"));
    }

    @Test
    void unknownProviderIsNotFoundAndForeignRedirectIsRefused() {
        given().redirects().follow(false).when().get("/api/v1/auth/oauth/github")
                .then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        given().redirects().follow(false).queryParam("redirect_to", "https://evil.example/steal")
                .when().get("/api/v1/auth/oauth/google")
                .then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details[0].field", equalTo("redirect_to"));
        given().redirects().follow(false).queryParam("redirect_to", "http://localhost:8080@evil.example/")
                .when().get("/api/v1/auth/oauth/google")
                .then().statusCode(400).body("error.details[0].field", equalTo("redirect_to"));
    }

    @Test
    void firstSignInProvisionsATenantAndTheNextSignsInTheSameUser() throws Exception {
        String sub = UUID.randomUUID().toString();
        String email = TestAccounts.uniqueEmail();
        try (KafkaTopicReader reader = KafkaTopicReader.fromEnd(Topics.TENANTS)) {
            ExtractableResponse<Response> first = signInJson("google", Map.of("sub", sub, "email", email.toUpperCase()))
                    .then().statusCode(200)
                    .body("data.user.email", equalTo(email))
                    .body("data.user.first_name", equalTo("Adaeze"))
                    .body("data.user.last_name", equalTo("Okonkwo"))
                    .body("data.user.role", equalTo("owner"))
                    .body("data.tenant.name", equalTo("Adaeze Okonkwo"))
                    .extract();
            String token = first.path("data.access_token");
            JwtClaims claims = verifyWithOurJwks(token);
            String userId = first.path("data.user.id");
            String tenantId = first.path("data.tenant.id");
            assertThat(claims.getSubject()).isEqualTo(userId);
            assertThat(claims.getStringClaimValue("tid")).isEqualTo(tenantId);
            assertThat(first.header("Set-Cookie")).isNotNull();
            assertThat(first.cookie("refresh_token")).hasSizeGreaterThan(40);
            assertThat(first.headers().getValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("oauth_binding=;"));

            given().auth().oauth2(token).when().get("/api/v1/auth/me")
                    .then().statusCode(200)
                    .body("data.id", equalTo(userId))
                    .body("data.tenant.plan", equalTo("free"))
                    .body("data.tenant.tin", nullValue());

            // the refresh cookie works like a password login's
            given().cookie("refresh_token", first.cookie("refresh_token")).when().post("/api/v1/auth/refresh")
                    .then().statusCode(200);

            List<ConsumerRecord<String, String>> ours = reader.readUntil(
                    all -> all.stream().filter(r -> tenantId.equals(r.key())).count() >= 2, Duration.ofSeconds(10))
                    .stream().filter(r -> tenantId.equals(r.key())).toList();
            assertThat(ours).extracting(r -> KafkaTopicReader.header(r, "ce_type")).containsExactly("tenant.created", "user.created");
            assertThat(ours.get(0).value()).contains("\"business_type\":\"individual\"").contains("\"plan_slug\":\"free\"");
            assertThat(ours.get(1).value()).contains("\"email\":\"" + email + "\"").contains("\"role\":\"owner\"");

            // the same provider account again: the same user and tenant, no new tenant
            signInJson("google", Map.of("sub", sub, "email", email))
                    .then().statusCode(200)
                    .body("data.user.id", equalTo(userId))
                    .body("data.tenant.id", equalTo(tenantId));
        }
    }

    @Test
    void browsersAreRedirectedToTheWebAppWithTheRefreshCookie() {
        Started started = start("google", null);
        Returned returned = authorize(started, Map.of("email", TestAccounts.uniqueEmail()));
        ExtractableResponse<Response> callback = callback("google", returned, started.binding(), false);
        assertThat(callback.statusCode()).isEqualTo(302);
        assertThat(callback.header("Location")).isEqualTo("http://localhost:8080/oauth/complete");
        assertThat(callback.headers().getValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("refresh_token=")
                .contains("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/api/v1/auth"));

        Started elsewhere = start("google", OidcProviderResource.ALLOWED_REDIRECT + "invoices?tab=open");
        Returned back = authorize(elsewhere, Map.of("email", TestAccounts.uniqueEmail()));
        assertThat(callback("google", back, elsewhere.binding(), false).header("Location"))
                .isEqualTo(OidcProviderResource.ALLOWED_REDIRECT + "invoices?tab=open");
    }

    @Test
    void microsoftSignInChecksTheDirectoryIssuer() {
        signInJson("microsoft", Map.of("email", TestAccounts.uniqueEmail()))
                .then().statusCode(200).body("data.user.role", equalTo("owner"));
    }

    @Test
    void badMissingReplayedAndForeignStatesAreValidationErrors() {
        Started started = start("google", null);
        Returned returned = authorize(started, Map.of("email", TestAccounts.uniqueEmail()));

        given().accept(ContentType.JSON).cookie(OAuthResourceBinding.NAME, started.binding()).queryParam("code", returned.code())
                .when().get("/api/v1/auth/oauth/google/callback")
                .then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR")).body("error.details[0].field", equalTo("state"));
        stateError(callback("google", new Returned(returned.code(), "made-up-state"), started.binding(), true));
        // started in another browser: no binding cookie, or someone else's
        stateError(callback("google", returned, null, true));
        stateError(callback("google", returned, start("google", null).binding(), true));
        // the state belongs to google, not microsoft
        stateError(callback("microsoft", returned, started.binding(), true));

        assertThat(callback("google", returned, started.binding(), true).statusCode()).isEqualTo(200);
        ExtractableResponse<Response> replay = callback("google", returned, started.binding(), true);
        stateError(replay);
        assertThat(replay.<String>path("error.details[0].message")).contains("already");
    }

    @Test
    void idTokensThatFailVerificationAreUnauthorized() {
        for (Map<String, String> bad : List.of(
                Map.of("nonce", "not-the-nonce-we-sent"),
                Map.of("aud", "someone-elses-client"),
                Map.of("exp_seconds", "-600"),
                Map.of("foreign_key", "yes"),
                Map.of("email_verified", "false"),
                Map.of("token_error", "invalid_grant"))) {
            Map<String, String> sim = new HashMap<>(bad);
            sim.put("email", TestAccounts.uniqueEmail());
            signInJson("google", sim).then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        }
        // the provider says the user said no
        Started started = start("google", null);
        given().accept(ContentType.JSON).cookie(OAuthResourceBinding.NAME, started.binding())
                .queryParam("state", started.params().get("state")).queryParam("error", "access_denied")
                .when().get("/api/v1/auth/oauth/google/callback")
                .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void aPasswordAccountIsNeverTakenOverAndAnOAuthAccountHasNoPassword() {
        TestAccounts.Account password = TestAccounts.register();
        signInJson("google", Map.of("email", password.email()))
                .then().statusCode(409).body("error.code", equalTo("CONFLICT"));
        TestAccounts.login(password.email(), TestAccounts.PASSWORD); // still theirs

        String email = TestAccounts.uniqueEmail();
        signInJson("google", Map.of("email", email)).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", TestAccounts.PASSWORD))
                .when().post("/api/v1/auth/login")
                .then().statusCode(400).body("error.code", equalTo("OAUTH_ACCOUNT"));
        // another provider account with that email is not linked to it either
        signInJson("microsoft", Map.of("email", email)).then().statusCode(409);
        // a second Google account with that email is linked: same provider, OAuth-only, and Google says email_verified
        signInJson("google", Map.of("email", email, "sub", "second-" + UUID.randomUUID())).then().statusCode(200)
                .body("data.user.email", equalTo(email));
    }

    @Test
    void mfaAccountsGetTheLoginChallenge() {
        String sub = UUID.randomUUID().toString();
        String email = TestAccounts.uniqueEmail();
        ExtractableResponse<Response> first = signInJson("google", Map.of("sub", sub, "email", email)).then().statusCode(200).extract();
        TestAccounts.Account account = new TestAccounts.Account(email, first.path("data.access_token"), first.path("data.tenant.id"),
                first.path("data.user.id"));
        String secret = (String) MfaResourceTests.setup(account).get("secret");
        long step = MfaResourceTests.step();
        MfaResourceTests.verifyEnrollment(account, MfaResourceTests.totp(secret, step)).then().statusCode(200);

        ExtractableResponse<Response> challenged = signInJson("google", Map.of("sub", sub, "email", email))
                .then().statusCode(200).body("data.mfa_required", equalTo(true)).body("data.access_token", nullValue()).extract();
        assertThat(challenged.headers().getValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).startsWith("refresh_token="));
        MfaResourceTests.challenge(challenged.path("data.mfa_token"), MfaResourceTests.totp(secret, step + 1))
                .then().statusCode(200).body("data.verified", equalTo(true));

        // browsers get the challenge in the fragment, never in the query
        Started started = start("google", null);
        String location = callback("google", authorize(started, Map.of("sub", sub, "email", email)), started.binding(), false)
                .header("Location");
        assertThat(location).startsWith("http://localhost:8080/oauth/complete#mfa_token=");
    }

    // --- the browser's part -------------------------------------------------------------------------------------------

    private static void stateError(ExtractableResponse<Response> response) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.<String>path("error.code")).isEqualTo("VALIDATION_ERROR");
        assertThat(response.<String>path("error.details[0].field")).isEqualTo("state");
    }

    static Response signInJson(String provider, Map<String, String> sim) {
        Started started = start(provider, null);
        Returned returned = authorize(started, sim);
        return given().accept(ContentType.JSON).cookie(OAuthResourceBinding.NAME, started.binding()).redirects().follow(false)
                .queryParam("code", returned.code()).queryParam("state", returned.state())
                .when().get("/api/v1/auth/oauth/" + provider + "/callback");
    }

    public static Started start(String provider, String redirectTo) {
        var request = given().redirects().follow(false);
        if (redirectTo != null) {
            request.queryParam("redirect_to", redirectTo);
        }
        ExtractableResponse<Response> response = request.when().get("/api/v1/auth/oauth/" + provider).then().statusCode(302).extract();
        String location = response.header("Location");
        return new Started(location, query(URI.create(location).getRawQuery()), response.cookie(OAuthResourceBinding.NAME),
                response.header("Set-Cookie"));
    }

    /** What the user's browser does at the provider: follow the authorization URL and come back with a code. */
    public static Returned authorize(Started started, Map<String, String> sim) {
        StringBuilder url = new StringBuilder(started.location());
        sim.forEach((name, value) -> url.append("&sim_").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        String back = given().urlEncodingEnabled(false).redirects().follow(false).when().get(url.toString())
                .then().statusCode(302).extract().header("Location");
        Map<String, String> params = query(URI.create(back).getRawQuery());
        assertThat(back).startsWith(started.params().get("redirect_uri") + "?");
        return new Returned(params.get("code"), params.get("state"));
    }

    public static ExtractableResponse<Response> callback(String provider, Returned returned, String binding, boolean json) {
        var request = given().redirects().follow(false).queryParam("code", returned.code()).queryParam("state", returned.state());
        if (binding != null) {
            request.cookie(OAuthResourceBinding.NAME, binding);
        }
        if (json) {
            request.accept(ContentType.JSON);
        } else {
            request.accept("text/html,application/xhtml+xml,*/*;q=0.8");
        }
        return request.when().get("/api/v1/auth/oauth/" + provider + "/callback").then().extract();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static JwtClaims verifyWithOurJwks(String token) throws Exception {
        HttpsJwks jwks = new HttpsJwks(RestAssured.baseURI + ":" + RestAssured.port + "/.well-known/jwks.json");
        return new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setExpectedIssuer("https://auth.risiti.ng")
                .setSkipDefaultAudienceValidation()
                .setJwsAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT, "RS256")
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                .build()
                .processToClaims(token);
    }

    /** The binding cookie's name, as the browser sees it. */
    public static final class OAuthResourceBinding {
        public static final String NAME = "oauth_binding";
    }
}
