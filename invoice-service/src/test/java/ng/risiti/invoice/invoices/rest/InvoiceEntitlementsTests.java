package ng.risiti.invoice.invoices.rest;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.events.contract.EntitlementState;
import ng.risiti.platform.ratelimit.Entitlements;
import ng.risiti.platform.security.Tenancy;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestEvents;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/** What billing's entitlements (risiti.entitlements.v1) allow at invoice-service: the monthly invoice limit and the paid features. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class InvoiceEntitlementsTests {

    @Inject
    Entitlements entitlements;

    /** Publishes the tenant's entitlements as billing does and waits until this service follows them. */
    private void entitled(InvoiceTestFixtures tenant, String plan, String features, Integer invoicesPerMonth) {
        String state = """
                {"tenant_id":"%s","test_mode":false,"plan_slug":"%s","features":[%s],"calls_per_day":500,"burst_per_minute":30,
                 "invoices_per_month":%s,"included_calls_per_day":0,"calls_day":"%s","calls_today":0,"balance_kobo":0,
                 "free_calls_remaining":10,"calls_available":10,"exhausted":false,"as_of":"%s"}"""
                .formatted(tenant.tenantId, plan, features, invoicesPerMonth, LocalDate.now(ZoneOffset.UTC), Instant.now());
        String key = EntitlementState.key(tenant.tenantId, false);
        TestEvents.publish(Topics.ENTITLEMENTS, key, EventTypes.ENTITLEMENTS_UPDATED, tenant.tenantId, state);
        await().atMost(Duration.ofSeconds(20)).until(() -> entitlements.find(new Tenancy(tenant.tenantId, false)) != null
                && plan.equals(entitlements.find(new Tenancy(tenant.tenantId, false)).planSlug()));
    }

    @Test
    void theInvoiceAfterThePlansMonthlyLimitIs402AndTestModeIsNotLimited() {
        InvoiceTestFixtures tenant = new InvoiceTestFixtures().onPlan("enterprise");
        UUID customer = tenant.customer("Chukwu Stores", "11111111-0001");
        entitled(tenant, "enterprise", "\"pdf\"", 3);
        for (int i = 0; i < 3; i++) {
            tenant.liveKey().body(InvoiceTestFixtures.invoiceBody(customer)).post("/api/v1/invoices").then().statusCode(201);
        }
        String nextMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1).toString();
        tenant.liveKey().body(InvoiceTestFixtures.invoiceBody(customer)).post("/api/v1/invoices").then().statusCode(402)
                .body("error.code", equalTo("PLAN_LIMIT_EXCEEDED"))
                .body("error.message", equalTo("This business has created the 3 invoices a month of its enterprise plan; upgrade at"
                        + " /api/v1/billing/subscription, or create more from " + nextMonth + "."));
        tenant.owner().body(InvoiceTestFixtures.invoiceBody(customer)).post("/api/v1/invoices").then().statusCode(402);
        tenant.owner().get("/api/v1/invoices").then().statusCode(200).body("data.size()", equalTo(3));

        UUID testCustomer = tenant.customer("Chukwu Stores", "11111111-0001", true);
        tenant.testKey().body(InvoiceTestFixtures.invoiceBody(testCustomer)).post("/api/v1/invoices").then().statusCode(201);

        entitled(tenant, "growth", "\"pdf\"", 5000);
        tenant.liveKey().body(InvoiceTestFixtures.invoiceBody(customer)).post("/api/v1/invoices").then().statusCode(201);
    }

    @Test
    void aFreePlansFeatureGateNamesThePlanBillingSaysAndAPaidPlanOpensIt() {
        InvoiceTestFixtures tenant = new InvoiceTestFixtures().onPlan("free");
        UUID customer = tenant.customer("Bello Ventures", "11111111-0002");
        String id = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customer));
        tenant.owner().get("/api/v1/invoices/" + id + "/xml").then().statusCode(402).body("error.code", equalTo("FEATURE_NOT_AVAILABLE"));

        // paid a moment ago: billing's entitlements arrive before auth-service's tenant update
        entitled(tenant, "starter", "\"nrs_submission\",\"pdf\",\"xml\",\"credit_notes\"", 500);
        tenant.owner().get("/api/v1/invoices/" + id + "/xml").then().statusCode(200);
    }
}
