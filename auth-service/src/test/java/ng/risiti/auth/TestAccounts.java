package ng.risiti.auth;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    /** Creates a key and returns the create response's {@code data}. */
    public static Map<String, Object> createKey(Account account, List<String> scopes) {
        return given().auth().oauth2(account.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "ERP Integration", "scopes", scopes))
                .when().post("/api/v1/api-keys")
                .then().statusCode(201)
                .extract().path("data");
    }
}
