package ng.risiti.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ng.risiti.auth.mfa.MfaResourceTests;
import ng.risiti.testsupport.RisitiTestResources;
import org.jboss.logmanager.handlers.FileHandler;
import org.junit.jupiter.api.Test;

/**
 * Runs every credential-bearing flow with distinctive secrets, failures included, then reads the service's log file
 * ({@code %test.quarkus.log.file.*}: DEBUG for our code, HTTP access log on) and looks for each secret.
 */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "auth"))
@QuarkusTestResource(GreenMailResource.class)
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
        MfaResourceTests.Enrolled enrolled = new MfaResourceTests.Enrolled(account, secret, backupCodes, step);
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
        assertThat(enrolled.account().email()).isEqualTo(email);

        flushLogs();
        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        assertThat(log).as("the log file is written").contains("auth-service");
        assertThat(log).as("the flows above were logged (access log)").contains("/api/v1/auth/reset-password");
        for (String value : secrets) {
            assertThat(value).isNotBlank();
            assertThat(log).as("log must not contain a secret").doesNotContain(value);
        }
        // the stored forms are not secrets, but argon2 strings and cookies do not belong in logs either
        assertThat(log).doesNotContain("$argon2id$").doesNotContain("refresh_token=");
    }

    private String resetToken(String email) {
        return TestMailbox.awaitOne(email).resetToken();
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
        assertThat(FileHandler.class).isNotNull();
    }
}
