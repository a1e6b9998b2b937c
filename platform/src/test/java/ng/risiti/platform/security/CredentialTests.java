package ng.risiti.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import ng.risiti.platform.testapp.PlatformTestTopics;
import ng.risiti.platform.testapp.Tenant;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/** Authentication as every service does it: the API-key replica and its fallback lookup, sessions in tokens. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "platform"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(PlatformTestTopics.class)
class CredentialTests {

    /** Fails on the old augmentor: a token without sid passed, and no logout could ever revoke it. */
    @Test
    void anAccessTokenThatNamesNoSessionIsRefused() {
        UUID tenant = UUID.randomUUID();
        given().auth().oauth2(TestIdentity.tokenWithoutSession(tenant, UUID.randomUUID(), "owner", List.of("admin")))
                .get("/api/v1/notes").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().auth().oauth2(TestIdentity.token(tenant, UUID.randomUUID(), "owner", List.of("admin"))).get("/api/v1/notes").then()
                .statusCode(200);
    }

    /** Fails on the old registry: a lookup that could not be made answered 401, telling a valid key it was invalid. */
    @Test
    void aKeyThatCannotBeCheckedBecauseAuthIsDownIs503NotInvalidWhileKnownKeysWork() {
        Tenant known = Tenant.create();
        org.awaitility.Awaitility.await().untilAsserted(() -> known.live().get("/api/v1/notes").then().statusCode(200));
        String unseen = "rs_live_" + "a".repeat(40);
        TestIdentity.lookupsFail(true);
        try {
            given().header("x-api-key", unseen).get("/api/v1/notes").then().statusCode(503)
                    .header("Retry-After", "1").body("error.code", equalTo("SERVICE_UNAVAILABLE"));
            known.live().get("/api/v1/notes").then().statusCode(200);
        } finally {
            TestIdentity.lookupsFail(false);
        }
        given().header("x-api-key", unseen).get("/api/v1/notes").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void aServiceIsReadyOnlyOnceItsCredentialReplicasHaveReadTheirTopics() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'credential-replicas' }.data.api_keys", equalTo("replayed"))
                .body("checks.find { it.name == 'credential-replicas' }.data.sessions", equalTo("replayed"))
                .body("checks.find { it.name == 'credential-replicas' }.data.entitlements", equalTo("replayed"));
    }

    @Test
    void aRevokedKeyIsRefusedAndAnOlderStateNeverBringsItBack() {
        UUID tenant = UUID.randomUUID();
        String key = TestIdentity.apiKey(tenant, List.of("admin"));
        org.awaitility.Awaitility.await().untilAsserted(() -> given().header("x-api-key", key).get("/api/v1/notes").then().statusCode(200));
        TestIdentity.publishKeyState(key, tenant, List.of("admin"), null, java.time.Instant.now());
        org.awaitility.Awaitility.await().untilAsserted(() -> given().header("x-api-key", key).get("/api/v1/notes").then().statusCode(401));
    }
}
