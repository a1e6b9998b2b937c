package ng.risiti.auth;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ng.risiti.testsupport.TestMailbox;

/** Accounts and keys for tests, made through the public API as a client would. */
public final class TestAccounts {

    public static final String PASSWORD = "Secure123!";

    public record Account(String email, String accessToken, String tenantId, String userId) {
    }

    private TestAccounts() {
    }

    public static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.ng";
    }

    public static Map<String, Object> registration(String email) {
        return Map.of(
                "first_name", "Adaeze",
                "last_name", "Okonkwo",
                "email", email,
                "password", PASSWORD,
                "business_name", "Fime Digital Ltd",
                "business_type", "sme",
                "tin", "12345678-0001");
    }

    public static Account register() {
        String email = uniqueEmail();
        given().contentType(ContentType.JSON).body(registration(email))
                .when().post("/api/v1/auth/register")
                .then().statusCode(201);
        ExtractableResponse<Response> login = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD))
                .when().post("/api/v1/auth/login")
                .then().statusCode(200).extract();
        return new Account(email, login.path("data.access_token"), login.path("data.tenant.id"), login.path("data.user.id"));
    }

    /** Signs in (expecting a session, not an MFA challenge) and returns the whole response. */
    public static ExtractableResponse<Response> login(String email, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .when().post("/api/v1/auth/login")
                .then().statusCode(200).extract();
    }

    /** Invites {@code email} with {@code role} as {@code inviter}; returns the invitation as listed ({@code data}). */
    public static Map<String, Object> invite(Account inviter, String email, String role) {
        return given().auth().oauth2(inviter.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "role", role))
                .when().post("/api/v1/team")
                .then().statusCode(201)
                .extract().path("data");
    }

    /** Accepts the invitation in the newest mail to {@code email} and returns the new member, signed in. */
    public static Account acceptInvitation(String email) {
        String token = TestMailbox.awaitOne(email).linkToken("/accept-invitation");
        ExtractableResponse<Response> accepted = given().contentType(ContentType.JSON)
                .body(Map.of("token", token, "first_name", "Emeka", "last_name", "Obi", "password", PASSWORD))
                .when().post("/api/v1/team/invitations/accept")
                .then().statusCode(201).extract();
        return new Account(email, accepted.path("data.access_token"), accepted.path("data.tenant.id"), accepted.path("data.user.id"));
    }

    /** A new member of {@code owner}'s tenant with {@code role}, made by invitation as a person would join. */
    public static Account member(Account owner, String role) {
        String email = uniqueEmail();
        invite(owner, email, role);
        return acceptInvitation(email);
    }

    /** Signs in again: a fresh session and a token with the user's current role. */
    public static String login(String email) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", PASSWORD))
                .when().post("/api/v1/auth/login")
                .then().statusCode(200).extract().path("data.access_token");
    }

    /** Creates a key and returns the create response's {@code data}. */
    public static Map<String, Object> createKey(Account account, List<String> scopes) {
        return given().auth().oauth2(account.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "ERP Integration", "scopes", scopes))
                .when().post("/api/v1/api-keys")
                .then().statusCode(201)
                .extract().path("data");
    }
}
