package ng.risiti.platform.testapp;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import ng.risiti.testsupport.TestIdentity;

/** A fresh tenant of the test application, with the credentials its tests call it with. */
public record Tenant(UUID id, String liveKey, String testKey) {

    private static final List<String> SCOPES = List.of("admin");

    public static Tenant create() {
        UUID id = UUID.randomUUID();
        return new Tenant(id, TestIdentity.apiKey(id, SCOPES), TestIdentity.testApiKey(id, SCOPES));
    }

    public RequestSpecification live() {
        return given().contentType(ContentType.JSON).header("x-api-key", liveKey);
    }

    public RequestSpecification test() {
        return given().contentType(ContentType.JSON).header("x-api-key", testKey);
    }

    /** A signed-in user of this tenant (a JWT of its own session). */
    public RequestSpecification user(UUID userId) {
        return given().contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + TestIdentity.token(id, userId, "owner", SCOPES));
    }
}
