package ng.risiti.billing.credits.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import ng.risiti.billing.testing.BillingTestKit.Tenant;
import ng.risiti.billing.testing.PaystackSandboxResource;
import ng.risiti.platform.security.Scope;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/** {@code active_api_keys} in {@code GET /api/v1/api-credits} (seed 000's summary), counted from the API-key topic's replica. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "billing"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(PaystackSandboxResource.class)
class ActiveApiKeysTests {

    @Test
    void theWalletCountsTheTenantsWorkingKeysInTheCallersWorldOnly() {
        Tenant tenant = Tenant.fresh();
        tenant.as().get("/api/v1/api-credits").then().statusCode(200).body("data.active_api_keys", equalTo(0));
        TestIdentity.apiKey(tenant.id(), List.of(Scope.INVOICES_READ));
        String admin = TestIdentity.apiKey(tenant.id(), List.of(Scope.ADMIN));
        String revoked = TestIdentity.apiKey(tenant.id(), List.of(Scope.INVOICES_READ));
        TestIdentity.publishKeyState(revoked, tenant.id(), List.of(Scope.INVOICES_READ), null, Instant.now());
        String expired = TestIdentity.apiKey(tenant.id(), List.of(Scope.INVOICES_READ));
        TestIdentity.publishKeyState(expired, tenant.id(), List.of(Scope.INVOICES_READ), Instant.now().minusSeconds(60), null);
        String test = TestIdentity.testApiKey(tenant.id(), List.of(Scope.ADMIN));
        TestIdentity.apiKey(Tenant.fresh().id(), List.of(Scope.ADMIN)); // another tenant's

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> tenant.as().get("/api/v1/api-credits").then().statusCode(200)
                .body("data.active_api_keys", equalTo(2)));
        io.restassured.RestAssured.given().header("x-api-key", admin).get("/api/v1/api-credits").then().statusCode(200)
                .body("data.active_api_keys", equalTo(2));
        io.restassured.RestAssured.given().header("x-api-key", test).get("/api/v1/api-credits").then().statusCode(200)
                .body("data.active_api_keys", equalTo(1));
    }
}
