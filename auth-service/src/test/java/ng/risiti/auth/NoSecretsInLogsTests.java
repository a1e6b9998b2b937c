package ng.risiti.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ng.risiti.auth.mfa.rest.MfaResourceTests;
import ng.risiti.auth.oauth.rest.OAuthResourceTests;
import ng.risiti.auth.oauth.rest.OAuthResourceTests.Returned;
import ng.risiti.auth.oauth.rest.OAuthResourceTests.Started;
import ng.risiti.auth.oauth.rest.OidcProviderResource;
import ng.risiti.auth.oauth.rest.OidcProviderSimulator;
import ng.risiti.testsupport.GreenMailResource;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestMailbox;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Runs every credential-bearing flow with distinctive secrets, failures included, then reads the service's log file
 * ({@code %test.quarkus.log.file.*}: DEBUG for our code, HTTP access log on, JSON lines as in production) and looks for
 * each secret. OAuth sign-in
 * puts its code and state in the callback's query string: the access log must not carry query strings.
 */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "auth"))
@QuarkusTestResource(GreenMailResource.class)
@QuarkusTestResource(OidcProviderResource.class)
class NoSecretsInLogsTests {

    private static final Path LOG = Path.of("target/auth-service-test.log");


    @Test
    void noPasswordTokenKeyOrSecretIsLogged() throws Exception {
        List<String> secrets = new ArrayList<>();
        String password = "Quokka7781Zebra";
        String wrongPassword = "Wrong9Pangolin";
        String newPassword = "Narwhal5521Ibis";
        secrets.addAll(List.of(password, wrongPassword, newPassword));

        String email = TestAccounts.uniqueEmail();
        Map<String, Object> registration = new HashMap<>(TestAccounts.registration(email));
        registration.put("password", password);
        ExtractableResponse<Response> registered = given().contentType(ContentType.JSON).body(registration)
                .post("/api/v1/auth/register").then().statusCode(201).extract();
        secrets.add(registered.path("data.access_token"));
        secrets.add(registered.cookie("refresh_token"));

        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", wrongPassword))
                .post("/api/v1/auth/login").then().statusCode(401);
        ExtractableResponse<Response> login = TestAccounts.login(email, password);
        String access = login.path("data.access_token");
        String refresh = login.cookie("refresh_token");
        secrets.addAll(List.of(access, refresh));
        TestAccounts.Account account = new TestAccounts.Account(email, access, login.path("data.tenant.id"), login.path("data.user.id"));

        // refresh, then a replay (which revokes the session and logs a warning)
        ExtractableResponse<Response> refreshed = given().cookie("refresh_token", refresh).post("/api/v1/auth/refresh")
                .then().statusCode(200).extract();
        secrets.add(refreshed.path("data.access_token"));
        secrets.add(refreshed.cookie("refresh_token"));
        given().cookie("refresh_token", refresh).post("/api/v1/auth/refresh").then().statusCode(401);

        // API keys: created, used, refused with a near miss
        account = new TestAccounts.Account(email, TestAccounts.login(email, password).path("data.access_token"), account.tenantId(), account.userId());
        secrets.add(account.accessToken());
        String key = (String) TestAccounts.createKey(account, List.of("invoices:read")).get("key");
        secrets.add(key);
        given().header("x-api-key", key).get("/api/v1/auth/me").then().statusCode(200);
        String nearMiss = key.substring(0, key.length() - 1) + (key.endsWith("0") ? "1" : "0");
        secrets.add(nearMiss);
        given().header("x-api-key", nearMiss).get("/api/v1/auth/me").then().statusCode(401);

        // MFA: setup, enrollment, challenge with a wrong code, a TOTP code and a backup code
        Map<String, Object> setup = MfaResourceTests.setup(account);
        String secret = (String) setup.get("secret");
        @SuppressWarnings("unchecked")
        List<String> backupCodes = (List<String>) setup.get("backup_codes");
        secrets.add(secret);
        secrets.addAll(backupCodes);
        long step = MfaResourceTests.step();
        MfaResourceTests.verifyEnrollment(account, MfaResourceTests.totp(secret, step)).then().statusCode(200);
        // the TestAccounts password is not this account's: sign in by hand
        String mfaToken = given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("data.mfa_token");
        secrets.add(mfaToken);
        MfaResourceTests.challenge(mfaToken, "dead-beef").then().statusCode(401);
        ExtractableResponse<Response> viaTotp = MfaResourceTests.challenge(mfaToken, MfaResourceTests.totp(secret, step + 1))
                .then().statusCode(200).extract();
        secrets.add(viaTotp.path("data.access_token"));
        secrets.add(viaTotp.cookie("refresh_token"));
        String second = given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("data.mfa_token");
        secrets.add(second);
        secrets.add(MfaResourceTests.challenge(second, backupCodes.get(0)).then().statusCode(200).extract().path("data.access_token"));

        // password reset by email, a second use, and logout
        given().contentType(ContentType.JSON).body(Map.of("email", email)).post("/api/v1/auth/forgot-password").then().statusCode(200);
        String resetToken = resetToken(email);
        secrets.add(resetToken);
        given().contentType(ContentType.JSON).body(Map.of("token", resetToken, "password", newPassword))
                .post("/api/v1/auth/reset-password").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("token", resetToken, "password", newPassword))
                .post("/api/v1/auth/reset-password").then().statusCode(400);
        // the reset really took: the new password signs in (to its MFA challenge), the old one no longer does
        secrets.add(given().contentType(ContentType.JSON).body(Map.of("email", email, "password", newPassword))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("data.mfa_token"));
        given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/v1/auth/login").then().statusCode(401);

        String log = assertNotLogged(secrets, "/api/v1/auth/reset-password");
        // the stored forms are not secrets, but argon2 strings and cookies do not belong in logs either
        assertThat(log).doesNotContain("$argon2id$").doesNotContain("refresh_token=");
    }

    @Test
    void noOAuthCodeStateVerifierOrTokenIsLogged() throws Exception {
        List<String> secrets = new ArrayList<>();
        secrets.add(OidcProviderSimulator.clientSecret("google"));
        secrets.add(OidcProviderSimulator.clientSecret("microsoft"));

        // an API client's sign-in, then the same callback replayed (refused)
        Started started = OAuthResourceTests.start("google", null);
        Returned returned = OAuthResourceTests.authorize(started, Map.of("email", TestAccounts.uniqueEmail()));
        ExtractableResponse<Response> signedIn = OAuthResourceTests.callback("google", returned, started.binding(), true);
        assertThat(signedIn.statusCode()).isEqualTo(200);
        secrets.addAll(flowSecrets(started, returned));
        secrets.add(signedIn.path("data.access_token"));
        secrets.add(signedIn.cookie("refresh_token"));
        assertThat(OAuthResourceTests.callback("google", returned, started.binding(), true).statusCode()).isEqualTo(400);

        // a browser's sign-in: 302 to the web app with the refresh cookie
        Started browser = OAuthResourceTests.start("microsoft", null);
        Returned back = OAuthResourceTests.authorize(browser, Map.of("email", TestAccounts.uniqueEmail()));
        ExtractableResponse<Response> redirected = OAuthResourceTests.callback("microsoft", back, browser.binding(), false);
        assertThat(redirected.statusCode()).isEqualTo(302);
        secrets.addAll(flowSecrets(browser, back));
        secrets.add(redirected.cookie("refresh_token"));

        // failures: the provider refuses the code; its ID token is signed with a foreign key
        for (String failure : List.of("token_error", "foreign_key")) {
            Started failing = OAuthResourceTests.start("google", null);
            Returned code = OAuthResourceTests.authorize(failing,
                    Map.of("email", TestAccounts.uniqueEmail(), failure, "token_error".equals(failure) ? "invalid_grant" : "yes"));
            assertThat(OAuthResourceTests.callback("google", code, failing.binding(), true).statusCode()).isEqualTo(401);
            secrets.addAll(flowSecrets(failing, code));
        }

        String log = assertNotLogged(secrets, "/api/v1/auth/oauth/google/callback");
        assertThat(log).contains("/api/v1/auth/oauth/microsoft/callback").doesNotContain("/callback?");
    }

    /** A data export's download link token: it opens the tenant's whole archive without a session. */
    @Test
    void noDataExportLinkTokenIsLogged() throws Exception {
        TestAccounts.Account owner = TestAccounts.register();
        String id = given().auth().oauth2(owner.accessToken()).post("/api/v1/settings/data-export").then().statusCode(202)
                .extract().path("data.id");
        String url = null;
        for (long deadline = System.nanoTime() + 30_000_000_000L; url == null && System.nanoTime() < deadline; Thread.sleep(200)) {
            url = given().auth().oauth2(owner.accessToken()).get("/api/v1/settings/data-export/" + id).then().statusCode(200)
                    .extract().path("data.download_url");
        }
        assertThat(url).as("export " + id + " ready within 30 s").isNotNull();
        String token = url.substring(url.indexOf("token=") + "token=".length());
        String path = url.replaceFirst("^https?://[^/]+", "");
        given().get(path).then().statusCode(200);
        given().get(path.replace(token, token.substring(1) + "x")).then().statusCode(404);
        TestMailbox.awaitOne(owner.email());

        assertNotLogged(List.of(token, owner.accessToken()), "/api/v1/settings/data-export/" + id + "/archive");
    }

    /**
     * The check itself catches a leak: a secret that does reach the log (on purpose here, at DEBUG like our code's
     * messages) fails it. If the log file stopped capturing our DEBUG lines, or the search stopped finding what is
     * there, every test above would pass however much leaked; this one would not.
     */
    @Test
    void aSecretThatReachesTheLogIsCaught() throws Exception {
        String leaked = "rs_live_" + UUID.randomUUID().toString().replace("-", "");
        given().header("x-api-key", leaked).get("/api/v1/auth/me").then().statusCode(401);
        assertNotLogged(List.of(leaked), "/api/v1/auth/me");

        Logger.getLogger("ng.risiti.auth.account.service.AuthService").debugf("a careless line with the key %s", leaked);

        assertThatThrownBy(() -> assertNotLogged(List.of(leaked), "/api/v1/auth/me"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("log must not contain a secret")
                .hasMessageContaining(leaked);
    }

    /**
     * The flow's secrets: what travelled through the browser (code, state, nonce, binding cookie), and what the
     * provider's token endpoint got and gave for the code (PKCE verifier, ID token, provider access token).
     */
    private static List<String> flowSecrets(Started started, Returned returned) {
        List<String> values = new ArrayList<>(List.of(returned.code(), returned.state(), started.params().get("nonce"), started.binding()));
        String issued = started.location().substring(0, started.location().indexOf("/authorize?")) + "/issued";
        JsonPath exchanged = given().queryParam("code", returned.code()).when().get(issued).then().statusCode(200).extract().jsonPath();
        values.add(exchanged.getString("code_verifier"));
        for (String token : List.of("id_token", "access_token")) {
            if (exchanged.getString(token) != null) {
                values.add(exchanged.getString(token));
            }
        }
        return values;
    }

    /** Reads the log file, checks that {@code loggedPath} was logged (access log), that no secret was, and returns it. */
    private static String assertNotLogged(List<String> secrets, String loggedPath) throws Exception {
        flushLogs();
        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        assertThat(log).as("the log file is written").contains("auth-service");
        // in production's format: one JSON object a line, each naming its request once there is one
        List<JsonNode> lines = log.lines().map(NoSecretsInLogsTests::json).toList();
        assertThat(lines).allSatisfy(line -> assertThat(line.path("message").isTextual()).isTrue());
        assertThat(lines).anySatisfy(line -> assertThat(line.path("request_id").asText()).isNotBlank());
        assertThat(log).as("the flows above were logged (access log)").contains(loggedPath);
        for (String value : secrets) {
            assertThat(value).isNotBlank();
            assertThat(log).as("log must not contain a secret").doesNotContain(value);
        }
        return log;
    }

    private static JsonNode json(String line) {
        try {
            return new ObjectMapper().readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }

    private String resetToken(String email) {
        return TestMailbox.awaitOne(email).linkToken("/reset-password");
    }

    private static void flushLogs() {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        for (java.util.logging.Handler handler : root.getHandlers()) {
            handler.flush();
            if (handler instanceof org.jboss.logmanager.ExtHandler ext) {
                for (java.util.logging.Handler child : ext.getHandlers()) {
                    child.flush();
                }
            }
        }
        assertThat(Files.exists(LOG)).isTrue();
    }
}
