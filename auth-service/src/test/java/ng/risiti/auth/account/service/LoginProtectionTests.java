package ng.risiti.auth.account.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import ng.risiti.testsupport.GreenMailResource;
import ng.risiti.auth.TestAccounts;
import ng.risiti.auth.account.repository.UserRepository;
import ng.risiti.testsupport.RisitiTestResources;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "auth"))
@QuarkusTestResource(GreenMailResource.class)
class LoginProtectionTests {

    @Inject
    UserRepository users;

    @Test
    void fiveFailuresThrottleEvenTheRightPassword() {
        TestAccounts.Account account = TestAccounts.register();
        for (int i = 0; i < 5; i++) {
            login(account.email(), "Wrong123!").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        }
        String retryAfter = login(account.email(), TestAccounts.PASSWORD)
                .then().statusCode(429)
                .body("error.code", equalTo("RATE_LIMIT_EXCEEDED"))
                .body("error.request_id", startsWith("req_"))
                .header("Set-Cookie", equalTo(null))
                .extract().header("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 15 * 60L + 1);
        // another account from the same client is unaffected
        TestAccounts.Account other = TestAccounts.register();
        TestAccounts.login(other.email(), TestAccounts.PASSWORD);
    }

    @Test
    void unknownEmailsAreThrottledToo() {
        String email = TestAccounts.uniqueEmail();
        for (int i = 0; i < 5; i++) {
            login(email, "Whatever1").then().statusCode(401);
        }
        login(email, "Whatever1").then().statusCode(429).body("error.code", equalTo("RATE_LIMIT_EXCEEDED"));
    }

    @Test
    void successResetsTheCount() {
        TestAccounts.Account account = TestAccounts.register();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                login(account.email(), "Wrong123!").then().statusCode(401);
            }
            TestAccounts.login(account.email(), TestAccounts.PASSWORD);
        }
    }

    @Test
    void oauthAccountsCannotUsePasswordLogin() throws Throwable {
        TestAccounts.Account account = TestAccounts.register();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                users.update("passwordHash = null, oauthProvider = 'google' where id = ?1", UUID.fromString(account.userId()))));
        login(account.email(), TestAccounts.PASSWORD)
                .then().statusCode(400)
                .body("error.code", equalTo("OAUTH_ACCOUNT"))
                .body("error.details.size()", equalTo(0))
                .body("error.request_id", startsWith("req_"));
    }

    private static io.restassured.response.Response login(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .when().post("/api/v1/auth/login");
    }
}
