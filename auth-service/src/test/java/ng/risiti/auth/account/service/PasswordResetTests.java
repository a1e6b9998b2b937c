package ng.risiti.auth.account.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import ng.risiti.testsupport.GreenMailResource;
import ng.risiti.auth.TestAccounts;
import ng.risiti.testsupport.TestMailbox;
import ng.risiti.auth.account.repository.PasswordResetTokenRepository;
import ng.risiti.platform.security.Credentials;
import ng.risiti.testsupport.RisitiTestResources;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "auth"))
@QuarkusTestResource(GreenMailResource.class)
class PasswordResetTests {

    private static final String NEW_PASSWORD = "NewSecure456!";

    @Inject
    PasswordResetTokenRepository resetTokens;

    @Test
    void resetByEmailEndsEverySessionAndSwapsThePassword() {
        TestAccounts.Account account = TestAccounts.register();
        String cookie = TestAccounts.login(account.email(), TestAccounts.PASSWORD).cookie("refresh_token");

        forgot(account.email().toUpperCase()).then().statusCode(200)
                .body("data.message", equalTo("If this email exists, a reset link has been sent."));
        String token = tokenFromMail(account.email());

        given().contentType(ContentType.JSON).body(Map.of("token", token, "password", NEW_PASSWORD))
                .when().post("/api/v1/auth/reset-password")
                .then().statusCode(200).body("data.message", equalTo("Password updated successfully."));

        // every earlier session is gone: its access tokens and its refresh token
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                given().auth().oauth2(account.accessToken()).get("/api/v1/auth/me").then().statusCode(401));
        given().cookie("refresh_token", cookie).post("/api/v1/auth/refresh").then().statusCode(401);
        login(account.email(), TestAccounts.PASSWORD).then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        TestAccounts.login(account.email(), NEW_PASSWORD);

        // single use
        given().contentType(ContentType.JSON).body(Map.of("token", token, "password", "Another789!"))
                .when().post("/api/v1/auth/reset-password")
                .then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details[0].field", equalTo("token"))
                .body("error.request_id", startsWith("req_"));
        TestAccounts.login(account.email(), NEW_PASSWORD);
    }

    @Test
    void unknownEmailGetsTheSameAnswerAndNoMail() {
        String known = TestAccounts.register().email();
        String forKnown = forgot(known).then().statusCode(200).extract().asString();
        String unknown = TestAccounts.uniqueEmail();
        String forUnknown = forgot(unknown).then().statusCode(200).extract().asString();
        assertThat(forUnknown).isEqualTo(forKnown);
        tokenFromMail(known);
        assertThat(TestMailbox.read(unknown)).isEmpty();
        // not even a syntactically valid email is told apart
        forgot("not-an-email").then().statusCode(200).body("data.message", equalTo("If this email exists, a reset link has been sent."));
    }

    @Test
    void expiredTokensAreRefused() throws Throwable {
        TestAccounts.Account account = TestAccounts.register();
        forgot(account.email()).then().statusCode(200);
        String token = tokenFromMail(account.email());
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                resetTokens.update("expiresAt = ?1 where tokenHash = ?2", OffsetDateTime.now().minusSeconds(1), Credentials.hash(token))));
        given().contentType(ContentType.JSON).body(Map.of("token", token, "password", NEW_PASSWORD))
                .when().post("/api/v1/auth/reset-password")
                .then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR")).body("error.details[0].field", equalTo("token"));
        TestAccounts.login(account.email(), TestAccounts.PASSWORD);
    }

    @Test
    void documentedValidationErrors() {
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/auth/forgot-password")
                .then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR")).body("error.details.field", containsInAnyOrder("email"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/auth/reset-password")
                .then().statusCode(400).body("error.details.field", containsInAnyOrder("password", "token"));
        given().contentType(ContentType.JSON).body(Map.of("token", "whatever", "password", "weak")).post("/api/v1/auth/reset-password")
                .then().statusCode(400).body("error.details.field", containsInAnyOrder("password"));
        given().contentType(ContentType.JSON).body(Map.of("token", "not-a-real-token", "password", NEW_PASSWORD))
                .post("/api/v1/auth/reset-password")
                .then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR")).body("error.details[0].field", equalTo("token"));
    }

    private String tokenFromMail(String email) {
        TestMailbox.Mail mail = TestMailbox.awaitOne(email);
        assertThat(mail.subject()).isEqualTo("Reset your Risiti password");
        assertThat(mail.from()).isEqualTo("no-reply@risiti.ng");
        return mail.linkToken("/reset-password");
    }

    private static io.restassured.response.Response forgot(String email) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email)).when().post("/api/v1/auth/forgot-password");
    }

    private static io.restassured.response.Response login(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password)).when().post("/api/v1/auth/login");
    }
}
