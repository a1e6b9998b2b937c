package ng.risiti.auth.session.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import ng.risiti.testsupport.GreenMailResource;
import ng.risiti.auth.TestAccounts;
import ng.risiti.platform.events.Topics;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "auth"))
@QuarkusTestResource(GreenMailResource.class)
class SessionResourceTests {

    @Test
    void refreshRotatesTheCookieAndIssuesAWorkingToken() {
        ExtractableResponse<Response> login = login();
        String first = login.cookie("refresh_token");

        ExtractableResponse<Response> refreshed = refresh(first)
                .then().statusCode(200)
                .body("data.access_token", notNullValue())
                .extract();
        String setCookie = refreshed.header("Set-Cookie");
        assertThat(setCookie).startsWith("refresh_token=").contains("HttpOnly").contains("Secure")
                .containsIgnoringCase("SameSite=Strict").contains("Path=/api/v1/auth");
        String second = refreshed.cookie("refresh_token");
        assertThat(second).isNotBlank().isNotEqualTo(first);
        assertThat(refreshed.asString()).doesNotContain(second);
        assertThat(maxAge(setCookie)).isBetween(604_790L, 604_800L);

        String access = refreshed.path("data.access_token");
        given().auth().oauth2(access).get("/api/v1/auth/me").then().statusCode(200);
        // the rotated token keeps rotating
        refresh(second).then().statusCode(200);
    }

    @Test
    void replayingARotatedTokenRevokesTheWholeFamily() {
        ExtractableResponse<Response> login = login();
        String first = login.cookie("refresh_token");
        String sessionAccess = login.path("data.access_token");
        ExtractableResponse<Response> refreshed = refresh(first).then().statusCode(200).extract();
        String second = refreshed.cookie("refresh_token");
        String refreshedAccess = refreshed.path("data.access_token");

        try (KafkaTopicReader reader = KafkaTopicReader.fromEnd(Topics.SESSIONS)) {
            refresh(first).then().statusCode(401)
                    .body("error.code", equalTo("UNAUTHORIZED"))
                    .body("error.request_id", startsWith("req_"));

            List<ConsumerRecord<String, String>> records = reader.readUntil(
                    all -> all.stream().anyMatch(r -> r.value().contains("refresh_token_reuse")), Duration.ofSeconds(10));
            ConsumerRecord<String, String> revoked = records.stream().filter(r -> r.value().contains("refresh_token_reuse")).findFirst().orElseThrow();
            assertThat(KafkaTopicReader.header(revoked, "ce_type")).isEqualTo("session.revoked");
            assertThat(revoked.value()).contains("\"session_id\":\"" + revoked.key() + "\"");
        }
        // the successor is dead too, and so are the family's access tokens
        refresh(second).then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().auth().oauth2(sessionAccess).get("/api/v1/auth/me").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().auth().oauth2(refreshedAccess).get("/api/v1/auth/me").then().statusCode(401);
    }

    @Test
    void refreshWithoutAValidCookieIsUnauthorized() {
        given().when().post("/api/v1/auth/refresh")
                .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED")).body("error.request_id", startsWith("req_"));
        refresh("not-a-token").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        refresh("x".repeat(400)).then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void logoutRevokesTheSessionAndItsAccessTokens() {
        ExtractableResponse<Response> login = login();
        String access = login.path("data.access_token");
        String cookie = login.cookie("refresh_token");
        given().auth().oauth2(access).get("/api/v1/auth/me").then().statusCode(200);

        try (KafkaTopicReader reader = KafkaTopicReader.fromEnd(Topics.SESSIONS)) {
            ExtractableResponse<Response> logout = given().auth().oauth2(access)
                    .when().post("/api/v1/auth/logout")
                    .then().statusCode(200)
                    .body("data.message", equalTo("Logged out successfully"))
                    .extract();
            assertThat(logout.header("Set-Cookie")).startsWith("refresh_token=").contains("Max-Age=0").contains("Path=/api/v1/auth");

            Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                    given().auth().oauth2(access).get("/api/v1/auth/me").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED")));
            List<ConsumerRecord<String, String>> records = reader.readUntil(
                    all -> all.stream().anyMatch(r -> r.value().contains("\"reason\":\"logout\"")), Duration.ofSeconds(10));
            assertThat(records).anySatisfy(r -> assertThat(KafkaTopicReader.header(r, "ce_type")).isEqualTo("session.revoked"));
        }
        refresh(cookie).then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        // other sessions of the same user live on
        given().auth().oauth2(TestAccounts.login(login.path("data.user.email"), TestAccounts.PASSWORD).path("data.access_token").toString())
                .get("/api/v1/auth/me").then().statusCode(200);
    }

    @Test
    void logoutNeedsAUserSession() {
        given().when().post("/api/v1/auth/logout")
                .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        TestAccounts.Account owner = TestAccounts.register();
        String key = (String) TestAccounts.createKey(owner, List.of("invoices:read")).get("key");
        given().header("x-api-key", key).when().post("/api/v1/auth/logout")
                .then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
    }

    private static ExtractableResponse<Response> login() {
        TestAccounts.Account account = TestAccounts.register();
        return TestAccounts.login(account.email(), TestAccounts.PASSWORD);
    }

    static io.restassured.response.Response refresh(String cookie) {
        return given().cookie("refresh_token", cookie).when().post("/api/v1/auth/refresh");
    }

    private static long maxAge(String setCookie) {
        for (String part : setCookie.split(";")) {
            if (part.trim().startsWith("Max-Age=")) {
                return Long.parseLong(part.trim().substring("Max-Age=".length()));
            }
        }
        throw new AssertionError("no Max-Age in " + setCookie);
    }

    static Map<String, Object> credentials(String email, String password) {
        return Map.of("email", email, "password", password);
    }
}
