package ng.risiti.auth.apikey.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ng.risiti.testsupport.GreenMailResource;
import ng.risiti.auth.TestAccounts;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.security.Credentials;
import ng.risiti.platform.security.InternalEndpoints;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "auth"))
@QuarkusTestResource(GreenMailResource.class)
class ApiKeyResourceTests {

    @Test
    void createListUseRevokeRefuse() {
        TestAccounts.Account owner = TestAccounts.register();
        Instant expiresAt = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        Map<String, Object> created = given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "ERP Integration", "scopes", List.of("invoices:read", "invoices:write", "customers:read"),
                        "expires_at", expiresAt.toString()))
                .when().post("/api/v1/api-keys")
                .then().statusCode(201)
                .body("data.key", matchesPattern("rs_live_[0-9a-f]{40}"))
                .body("data.prefix", matchesPattern("rs_live_[0-9a-f]{6}"))
                .body("data.name", equalTo("ERP Integration"))
                .body("data.scopes", org.hamcrest.Matchers.contains("invoices:read", "invoices:write", "customers:read"))
                .body("data", hasKey("created_at"))
                .extract().path("data");
        String key = (String) created.get("key");
        String id = (String) created.get("id");
        assertThat(key).startsWith((String) created.get("prefix"));
        assertThat(Instant.parse((String) created.get("expires_at"))).isEqualTo(expiresAt);

        String listed = given().auth().oauth2(owner.accessToken())
                .when().get("/api/v1/api-keys")
                .then().statusCode(200)
                .body("data.id", org.hamcrest.Matchers.contains(id))
                .body("data[0].prefix", equalTo(created.get("prefix")))
                .body("data[0].last_used_at", nullValue())
                .body("data[0]", not(hasKey("key")))
                .body("data[0]", not(hasKey("key_hash")))
                .body("has_more", equalTo(false))
                .body("next_cursor", nullValue())
                .extract().asString();
        assertThat(listed).doesNotContain(key.substring(8)).doesNotContain(Credentials.hash(key));

        // the key authenticates as its tenant and shows the user who created it
        given().header("x-api-key", key).when().get("/api/v1/auth/me")
                .then().statusCode(200)
                .body("data.id", equalTo(owner.userId()))
                .body("data.tenant.id", equalTo(owner.tenantId()));
        // Finora dialect: the key as a Bearer token
        given().auth().oauth2(key).when().get("/api/v1/auth/me").then().statusCode(200);

        try (KafkaTopicReader reader = KafkaTopicReader.fromEnd(Topics.API_KEYS)) {
            given().auth().oauth2(owner.accessToken())
                    .when().delete("/api/v1/api-keys/" + id)
                    .then().statusCode(200)
                    .body("data.message", equalTo("API key revoked."));
            long revokedAt = System.nanoTime();

            Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                    given().header("x-api-key", key).when().get("/api/v1/auth/me")
                            .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED")));

            // every other service learns it from the compacted topic, keyed by the key's hash
            List<ConsumerRecord<String, String>> records = reader.readUntil(
                    all -> all.stream().anyMatch(r -> Credentials.hash(key).equals(r.key()) && r.value().contains("\"revoked_at\":\"")),
                    Duration.ofSeconds(5));
            assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).isLessThan(Duration.ofSeconds(1));
            ConsumerRecord<String, String> revoked = records.stream().filter(r -> Credentials.hash(key).equals(r.key())).findFirst().orElseThrow();
            assertThat(KafkaTopicReader.header(revoked, "ce_type")).isEqualTo("api_key.state");
            assertThat(KafkaTopicReader.header(revoked, "ce_tenantid")).isEqualTo(owner.tenantId());
            assertThat(revoked.value()).doesNotContain(key);
        }

        given().auth().oauth2(owner.accessToken()).when().get("/api/v1/api-keys")
                .then().statusCode(200).body("data", org.hamcrest.Matchers.empty());
        given().auth().oauth2(owner.accessToken()).when().delete("/api/v1/api-keys/" + id)
                .then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
    }

    @Test
    void createdKeyIsAnnouncedAndLookedUpByHash() {
        TestAccounts.Account owner = TestAccounts.register();
        try (KafkaTopicReader reader = KafkaTopicReader.fromEnd(Topics.API_KEYS)) {
            Map<String, Object> created = TestAccounts.createKey(owner, List.of("admin"));
            String hash = Credentials.hash((String) created.get("key"));
            reader.readUntil(all -> all.stream().anyMatch(r -> hash.equals(r.key())), Duration.ofSeconds(10));

            given().header(InternalEndpoints.SERVICE_TOKEN_HEADER, RisitiTestResources.serviceToken()).when().get("/internal/api-keys/" + hash)
                    .then().statusCode(200)
                    .body("key_hash", equalTo(hash))
                    .body("key_id", equalTo(created.get("id")))
                    .body("tenant_id", equalTo(owner.tenantId()))
                    .body("created_by", equalTo(owner.userId()))
                    .body("prefix", equalTo(created.get("prefix")))
                    .body("scopes", org.hamcrest.Matchers.contains("admin"))
                    .body("test", equalTo(false))
                    .body("revoked_at", nullValue());
        }
        given().header(InternalEndpoints.SERVICE_TOKEN_HEADER, RisitiTestResources.serviceToken()).when().get("/internal/api-keys/" + "0".repeat(64)).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        given().header(InternalEndpoints.SERVICE_TOKEN_HEADER, RisitiTestResources.serviceToken()).when().get("/internal/api-keys/not-a-hash").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
    }

    /** Only a service holding the shared token may look keys up or rotate signing keys, whatever can reach the pod. */
    @Test
    void internalEndpointsRefuseCallersWithoutTheServiceToken() {
        String hash = "0".repeat(64);
        given().when().get("/internal/api-keys/" + hash).then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().header(InternalEndpoints.SERVICE_TOKEN_HEADER, RisitiTestResources.serviceToken() + "x").when().get("/internal/api-keys/" + hash)
                .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        // a user's session is not a service token either
        given().auth().oauth2(TestAccounts.register().accessToken()).when().post("/internal/signing-keys/rotate")
                .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void listPagesWithSignedCursorsAndStaysInTenant() {
        TestAccounts.Account owner = TestAccounts.register();
        TestAccounts.Account other = TestAccounts.register();
        TestAccounts.createKey(other, List.of("invoices:read"));
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add((String) TestAccounts.createKey(owner, List.of("invoices:read")).get("id"));
        }
        String cursor = given().auth().oauth2(owner.accessToken()).queryParam("limit", 2)
                .when().get("/api/v1/api-keys")
                .then().statusCode(200)
                .body("data.id", org.hamcrest.Matchers.contains(ids.get(2), ids.get(1)))
                .body("has_more", equalTo(true))
                .extract().path("next_cursor");
        given().auth().oauth2(owner.accessToken()).queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get("/api/v1/api-keys")
                .then().statusCode(200)
                .body("data.id", org.hamcrest.Matchers.contains(ids.get(0)))
                .body("has_more", equalTo(false))
                .body("next_cursor", nullValue());

        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"id\":\"" + UUID.randomUUID() + "\"}").getBytes()) + ".AAAAAAAAAAAAAAAAAAAAAA";
        given().auth().oauth2(owner.accessToken()).queryParam("cursor", forged)
                .when().get("/api/v1/api-keys")
                .then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR")).body("error.details[0].field", equalTo("cursor"));
        given().auth().oauth2(owner.accessToken()).queryParam("limit", 0)
                .when().get("/api/v1/api-keys")
                .then().statusCode(400).body("error.details[0].field", equalTo("limit"));
    }

    @Test
    void createValidatesEveryField() {
        TestAccounts.Account owner = TestAccounts.register();
        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/api-keys")
                .then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", containsInAnyOrder("name", "scopes"));

        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "x".repeat(101), "scopes", List.of("invoices:read"), "expires_at", "2020-01-01T00:00:00Z"))
                .when().post("/api/v1/api-keys")
                .then().statusCode(400)
                .body("error.details.field", containsInAnyOrder("expires_at", "name"));

        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "ERP", "scopes", List.of("invoices:read", "invoices:delete", "root")))
                .when().post("/api/v1/api-keys")
                .then().statusCode(400)
                .body("error.details.field", containsInAnyOrder("scopes.1", "scopes.2"));

        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "ERP", "scopes", "invoices:read"))
                .when().post("/api/v1/api-keys")
                .then().statusCode(400).body("error.details[0].field", equalTo("scopes"));

        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "ERP", "scopes", List.of("invoices:read"), "expires_at", "next tuesday"))
                .when().post("/api/v1/api-keys")
                .then().statusCode(400).body("error.details[0].field", equalTo("expires_at"));

        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON).body("{\"name\": \"ERP\", ")
                .when().post("/api/v1/api-keys")
                .then().statusCode(400).body("error.details[0].field", equalTo("body"));
    }

    @Test
    void keysCannotManageKeys() {
        TestAccounts.Account owner = TestAccounts.register();
        Map<String, Object> admin = TestAccounts.createKey(owner, List.of("admin"));
        String key = (String) admin.get("key");
        Map<String, Object> body = new HashMap<>(Map.of("name", "Another", "scopes", List.of("invoices:read")));

        given().header("x-api-key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/api-keys")
                .then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        given().header("x-api-key", key).when().get("/api/v1/api-keys")
                .then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        given().header("x-api-key", key).when().delete("/api/v1/api-keys/" + admin.get("id"))
                .then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));

        Map<String, Object> reader = TestAccounts.createKey(owner, List.of("invoices:read"));
        given().header("x-api-key", reader.get("key")).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/api-keys")
                .then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
    }

    @Test
    void missingOrInvalidCredentialsAre401() {
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "scopes", List.of("admin")))
                .when().post("/api/v1/api-keys")
                .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().when().get("/api/v1/api-keys").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().auth().oauth2("garbage").when().delete("/api/v1/api-keys/" + UUID.randomUUID())
                .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void unknownForeignAndMalformedIdsAreNotFound() {
        TestAccounts.Account owner = TestAccounts.register();
        TestAccounts.Account other = TestAccounts.register();
        String foreign = (String) TestAccounts.createKey(other, List.of("invoices:read")).get("id");

        for (String id : List.of(UUID.randomUUID().toString(), foreign, "not-a-uuid")) {
            given().auth().oauth2(owner.accessToken())
                    .when().delete("/api/v1/api-keys/" + id)
                    .then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        }
        // the foreign key still works for its own tenant
        given().auth().oauth2(other.accessToken()).when().get("/api/v1/api-keys")
                .then().statusCode(200).body("data.id", org.hamcrest.Matchers.contains(foreign));
    }

    @Test
    void aRepeatedCreateWithTheSameIdempotencyKeyMakesOneKeyAndNeverStoresIt() {
        TestAccounts.Account owner = TestAccounts.register();
        Map<String, Object> body = Map.of("name", "Shop", "scopes", List.of("invoices:read"));
        String idempotencyKey = UUID.randomUUID().toString();
        String key = given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body(body).when().post("/api/v1/api-keys").then().statusCode(201).extract().path("data.key");
        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body(body).when().post("/api/v1/api-keys").then().statusCode(409).body("error.code", equalTo("CONFLICT"));
        given().auth().oauth2(owner.accessToken()).when().get("/api/v1/api-keys").then().statusCode(200).body("data.size()", equalTo(1));
        try (var connection = RisitiTestResources.postgres().connect(RisitiTestResources.databaseName("auth"));
                var statement = connection.prepareStatement(
                        "select count(*) from idempotency_keys where position(convert_to(?, 'UTF8') in body) > 0 or body is not null")) {
            statement.setString(1, key.substring(8));
            try (var rows = statement.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isZero();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sandboxKeysAreRsTestAndMarkedTest() {
        TestAccounts.Account owner = TestAccounts.register();
        Map<String, Object> created = given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Sandbox", "scopes", List.of("invoices:read"), "mode", "test"))
                .when().post("/api/v1/api-keys")
                .then().statusCode(201)
                .body("data.key", matchesPattern("rs_test_[0-9a-f]{40}"))
                .body("data.prefix", matchesPattern("rs_test_[0-9a-f]{6}"))
                .body("data.mode", equalTo("test"))
                .extract().path("data");
        String key = (String) created.get("key");
        String live = (String) TestAccounts.createKey(owner, List.of("invoices:read")).get("id");

        given().header("x-api-key", key).when().get("/api/v1/auth/me")
                .then().statusCode(200)
                .body("data.id", equalTo(owner.userId()))
                .body("data.tenant.id", equalTo(owner.tenantId()));
        // every service's registry (and the fallback lookup) says it is a test key: callers become Caller.test()
        given().header(InternalEndpoints.SERVICE_TOKEN_HEADER, RisitiTestResources.serviceToken()).when().get("/internal/api-keys/" + Credentials.hash(key))
                .then().statusCode(200).body("test", equalTo(true)).body("prefix", equalTo(created.get("prefix")));

        given().auth().oauth2(owner.accessToken()).when().get("/api/v1/api-keys")
                .then().statusCode(200)
                .body("data.id", org.hamcrest.Matchers.contains(live, created.get("id")))
                .body("data.mode", org.hamcrest.Matchers.contains("live", "test"))
                .body("data[1].prefix", equalTo(created.get("prefix")));

        given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Live", "scopes", List.of("invoices:read"), "mode", "live"))
                .when().post("/api/v1/api-keys")
                .then().statusCode(201)
                .body("data.key", matchesPattern("rs_live_[0-9a-f]{40}"))
                .body("data.mode", equalTo("live"));

        for (String mode : List.of("sandbox", "TEST", "")) {
            given().auth().oauth2(owner.accessToken()).contentType(ContentType.JSON)
                    .body(Map.of("name", "Bad", "scopes", List.of("invoices:read"), "mode", mode))
                    .when().post("/api/v1/api-keys")
                    .then().statusCode(400)
                    .body("error.code", equalTo("VALIDATION_ERROR"))
                    .body("error.details.field", org.hamcrest.Matchers.contains("mode"));
        }
    }
}
