package ng.risiti.invoice.invoices.repository;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestEvents;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/** Whose invoices a caller sees: one tenant, and in it one world (live, or test with an rs_test_ key). */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class TenancyTests {

    /** Fails on the old queries: they filtered on the tenant only, so test and live keys saw each other's invoices. */
    @Test
    void testModeIsASeparateWorldNumberedApart() {
        InvoiceTestFixtures tenant = new InvoiceTestFixtures();
        UUID liveCustomer = tenant.customer("Live Buyer Ltd", "11111111-0001", false);
        UUID testCustomer = tenant.customer("Sandbox Buyer Ltd", "22222222-0001", true);
        await().untilAsserted(() -> tenant.testKey().get("/api/v1/invoices").then().statusCode(200));

        String testInvoice = tenant.testKey().body(InvoiceTestFixtures.invoiceBody(testCustomer)).post("/api/v1/invoices").then()
                .statusCode(201).body("data.invoice_number", equalTo("TEST-INV-2025-001")).extract().path("data.id");
        String liveInvoice = tenant.liveKey().body(InvoiceTestFixtures.invoiceBody(liveCustomer)).post("/api/v1/invoices").then()
                .statusCode(201).body("data.invoice_number", equalTo("INV-2025-001")).extract().path("data.id");

        tenant.liveKey().get("/api/v1/invoices/" + testInvoice).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        tenant.owner().get("/api/v1/invoices/" + testInvoice).then().statusCode(404);
        tenant.testKey().post("/api/v1/invoices/" + liveInvoice + "/finalize").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        tenant.liveKey().get("/api/v1/invoices").then().statusCode(200).body("data.id", org.hamcrest.Matchers.contains(liveInvoice));
        tenant.testKey().get("/api/v1/invoices").then().statusCode(200).body("data.id", org.hamcrest.Matchers.contains(testInvoice));
        // a world's customers are invoiced only in that world: the other world's is no customer of the caller's
        tenant.testKey().body(InvoiceTestFixtures.invoiceBody(liveCustomer)).post("/api/v1/invoices").then().statusCode(400)
                .body("error.details[0].field", equalTo("customer_id"));
        tenant.liveKey().body(InvoiceTestFixtures.invoiceBody(testCustomer)).post("/api/v1/invoices").then().statusCode(400)
                .body("error.details[0].field", equalTo("customer_id"));

        tenant.testKey().post("/api/v1/invoices/" + testInvoice + "/finalize").then().statusCode(200)
                .body("data.irn", org.hamcrest.Matchers.startsWith("TESTINV2025001-"));
    }

    /** Fails on the old index: IRNs were unique across tenants, though NRS only requires them per business. */
    @Test
    void twoTenantsWithTheSameNumberServiceIdAndDateBothFinalize() {
        InvoiceTestFixtures first = new InvoiceTestFixtures();
        InvoiceTestFixtures second = new InvoiceTestFixtures();
        for (InvoiceTestFixtures tenant : List.of(first, second)) {
            String state = """
                    {"tenant_id":"%s","name":"Twin Ltd","tin":"12345678-0001","business_type":"sme","plan_slug":"starter",
                     "nrs_service_id":"TWIN1234","updated_at":"%s"}""".formatted(tenant.tenantId, java.time.Instant.now());
            TestEvents.publish("risiti.tenants.v1", tenant.tenantId.toString(), "tenant.updated", tenant.tenantId, state);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> InvoiceTestFixtures.count(
                "select count(*) from known_tenants where nrs_service_id = 'TWIN1234' and id = ?", second.tenantId) == 1
                && InvoiceTestFixtures.count("select count(*) from known_tenants where nrs_service_id = 'TWIN1234' and id = ?",
                first.tenantId) == 1);
        for (InvoiceTestFixtures tenant : List.of(first, second)) {
            UUID customer = tenant.customer("Buyer Ltd", "44444444-0001");
            String id = tenant.owner().body(InvoiceTestFixtures.invoiceBody(customer)).post("/api/v1/invoices").then().statusCode(201)
                    .extract().path("data.id");
            tenant.owner().post("/api/v1/invoices/" + id + "/finalize").then().statusCode(200)
                    .body("data.irn", equalTo("INV2025001-TWIN1234-20250324"));
        }
    }
}
