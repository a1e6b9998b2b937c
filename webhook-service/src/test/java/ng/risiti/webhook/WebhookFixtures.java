package ng.risiti.webhook;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.awaitility.Awaitility;

/** A tenant of its own per test, its users and keys as auth-service would issue them, and endpoints on the test receiver. */
public final class WebhookFixtures {

    public static final List<String> ALL_SCOPES = List.of("invoices:read", "invoices:write", "customers:read", "customers:write",
            "payments:write", "reports:read", "webhooks:manage", "admin");

    public final UUID tenantId = UUID.randomUUID();
    public final WebhookReceiver receiver = WebhookReceiver.get();
    private final String ownerToken = TestIdentity.token(tenantId, UUID.randomUUID(), "owner", scopesOf("owner"));
    private String testKey;

    public static List<String> scopesOf(String role) {
        return switch (role) {
            case "owner", "admin" -> ALL_SCOPES;
            case "accountant" -> List.of("invoices:read", "invoices:write", "customers:read", "customers:write", "payments:write", "reports:read");
            case "member" -> List.of("invoices:read", "invoices:write", "customers:read", "customers:write");
            case "readonly" -> List.of("invoices:read", "customers:read", "reports:read");
            default -> throw new IllegalArgumentException(role);
        };
    }

    public RequestSpecification owner() {
        return given().auth().oauth2(ownerToken).contentType(ContentType.JSON);
    }

    public RequestSpecification as(String role) {
        return given().auth().oauth2(TestIdentity.token(tenantId, UUID.randomUUID(), role, scopesOf(role))).contentType(ContentType.JSON);
    }

    /** The tenant's test-mode ({@code rs_test_}) key, once this service knows it (it learns keys from Kafka). */
    public RequestSpecification testKey() {
        if (testKey == null) {
            testKey = TestIdentity.testApiKey(tenantId, ALL_SCOPES);
            String key = testKey;
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> given().header("x-api-key", key).get("/api/v1/webhooks").statusCode() == 200);
        }
        return given().header("x-api-key", testKey).contentType(ContentType.JSON);
    }

    /** Registers an endpoint on a fresh receiver path for these events; returns what the 201 said. */
    public Endpoint endpoint(String... events) {
        return endpoint(owner(), events);
    }

    public Endpoint endpoint(RequestSpecification as, String... events) {
        String path = receiver.path();
        String list = String.join(",", java.util.Arrays.stream(events).map(event -> "\"" + event + "\"").toList());
        JsonPath created = as.body("{\"url\":\"" + receiver.url(path) + "\",\"events\":[" + list + "]}").post("/api/v1/webhooks")
                .then().statusCode(201).extract().jsonPath();
        return new Endpoint(created.getString("data.id"), created.getString("data.secret"), path);
    }

    /** An endpoint as registered: its id, its secret and its path on the receiver. */
    public record Endpoint(String id, String secret, String path) {
    }

    public static long count(String sql, Object... parameters) {
        try (Connection connection = RisitiTestResources.postgres().connect(RisitiTestResources.databaseName("webhook"));
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(String sql, Object... parameters) {
        try (Connection connection = RisitiTestResources.postgres().connect(RisitiTestResources.databaseName("webhook"));
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
