package ng.risiti.billing.subscriptions.rest;

import static io.restassured.RestAssured.given;
import static ng.risiti.billing.testing.BillingTestKit.openCheckout;
import static ng.risiti.billing.testing.BillingTestKit.sandboxEvent;
import static ng.risiti.billing.testing.BillingTestKit.sandboxFault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import ng.risiti.billing.testing.BillingTestKit;
import ng.risiti.billing.testing.BillingTestKit.Tenant;
import ng.risiti.billing.testing.PaystackSandboxResource;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.security.Scope;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestEvents;
import ng.risiti.testsupport.TestIdentity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "billing"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(PaystackSandboxResource.class)
class BillingSubscriptionResourceTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void webhooksComeHere() {
        BillingTestKit.pointWebhooksHere();
    }

    @Test
    void aNewTenantIsOnFreeWithNoPeriod() {
        Tenant tenant = Tenant.fresh();
        tenant.as().get("/api/v1/billing/subscription").then().statusCode(200)
                .body("data.plan_slug", equalTo("free"))
                .body("data.status", equalTo("active"))
                .body("data.billing_cycle", nullValue())
                .body("data.current_period_end", nullValue());
    }

    @Test
    void upgradingStartsAPaystackCheckoutAndThePlanChangesOnlyWhenPaystacksSignedChargeArrives() throws Exception {
        Tenant tenant = Tenant.fresh();
        try (KafkaTopicReader billing = KafkaTopicReader.fromEnd(Topics.BILLING)) {
            var started = tenant.as().body("{\"plan_slug\":\"starter\",\"billing_cycle\":\"monthly\"}")
                    .post("/api/v1/billing/subscription").then().statusCode(200)
                    .body("data.authorization_url", startsWith(BillingTestKit.sandboxUrl() + "/checkout/"))
                    .body("data.reference", startsWith("rsk_"))
                    .body("data.status", equalTo("pending"))
                    .body("data.amount", equalTo("5000.00"))
                    .body("data.amount_kobo", equalTo(500000))
                    .extract().jsonPath();
            String reference = started.getString("data.reference");

            // nothing changes before Paystack confirms
            tenant.as().get("/api/v1/billing/subscription").then().body("data.plan_slug", equalTo("free"));
            // Paystack was told what the payment is for
            JsonNode verified = JSON.readTree(given().header("Authorization", "Bearer " + PaystackSandboxResource.SECRET_KEY)
                    .get(BillingTestKit.sandboxUrl() + "/transaction/verify/" + reference).asString()).path("data");
            assertThat(verified.path("amount").asLong()).isEqualTo(500000);
            assertThat(verified.path("metadata").path("risiti_purpose").asText()).isEqualTo("subscription");
            assertThat(verified.path("metadata").path("tenant_id").asText()).isEqualTo(tenant.id().toString());
            assertThat(verified.path("metadata").path("mode").asText()).isEqualTo("live");
            assertThat(verified.path("metadata").path("plan_slug").asText()).isEqualTo("starter");
            assertThat(verified.path("metadata").path("billing_cycle").asText()).isEqualTo("monthly");

            OffsetDateTime before = OffsetDateTime.now();
            openCheckout(started.getString("data.authorization_url")).then().statusCode(anyOf(200, 302));

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> tenant.as().get("/api/v1/billing/subscription").then()
                    .body("data.plan_slug", equalTo("starter"))
                    .body("data.status", equalTo("active"))
                    .body("data.billing_cycle", equalTo("monthly")));
            String end = tenant.as().get("/api/v1/billing/subscription").then().extract().path("data.current_period_end");
            assertThat(OffsetDateTime.parse(end)).isBetween(before.plusMonths(1).minusMinutes(1), OffsetDateTime.now().plusMonths(1).plusMinutes(1));

            ConsumerRecord<String, String> upgraded = billing.first(EventTypes.SUBSCRIPTION_UPGRADED,
                    r -> r.key().equals(tenant.id().toString()), Duration.ofSeconds(20));
            assertThat(KafkaTopicReader.header(upgraded, "ce_tenantid")).isEqualTo(tenant.id().toString());
            JsonNode data = JSON.readTree(upgraded.value());
            assertThat(data.path("plan_slug").asText()).isEqualTo("starter");
            assertThat(data.path("previous_plan_slug").asText()).isEqualTo("free");
            assertThat(data.path("status").asText()).isEqualTo("active");
            assertThat(data.path("amount_kobo").asLong()).isEqualTo(500000);
            assertThat(data.path("reference").asText()).isEqualTo(reference);
        }

        tenant.as().get("/api/v1/billing/invoices").then().statusCode(200)
                .body("data[0].status", equalTo("paid"))
                .body("data[0].plan_slug", equalTo("starter"))
                .body("data[0].amount", equalTo("5000.00"))
                .body("has_more", equalTo(false));
        // the plan it is on now is not bought again
        tenant.as().body("{\"plan_slug\":\"starter\",\"billing_cycle\":\"annual\"}").post("/api/v1/billing/subscription").then()
                .statusCode(422).body("error.code", equalTo("UNPROCESSABLE"));
    }

    @Test
    void theSubscriptionCarriesThisMonthsUsageBesideThePaidPlansLimits() {
        Tenant tenant = Tenant.fresh();
        String reference = tenant.as().body("{\"plan_slug\":\"starter\",\"billing_cycle\":\"monthly\"}").post("/api/v1/billing/subscription")
                .then().statusCode(200).extract().path("data.reference");
        sandboxEvent("charge.success", reference).then().body("last_status", equalTo(200));
        for (int i = 0; i < 3; i++) {
            UUID invoice = UUID.randomUUID();
            TestEvents.publish(Topics.INVOICES, invoice.toString(), EventTypes.INVOICE_CREATED, tenant.id(), "{\"id\":\"" + invoice + "\"}");
        }
        // test-mode calls are another world's, not this answer's
        TestEvents.publish(Topics.API_USAGE, tenant.id().toString(), EventTypes.API_CALLS_METERED, tenant.id(), BillingTestKit.metered(tenant.id(), false, 7));
        TestEvents.publish(Topics.API_USAGE, tenant.id().toString(), EventTypes.API_CALLS_METERED, tenant.id(), BillingTestKit.metered(tenant.id(), true, 5));
        // two real API-key calls, metered by this service's own filter; the owner's dashboard reads below are not
        String key = TestIdentity.apiKey(tenant.id(), List.of(Scope.ADMIN));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().header("x-api-key", key).get("/api/v1/billing/usage").then().statusCode(200));
        given().header("x-api-key", key).get("/api/v1/billing/usage").then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> tenant.as().get("/api/v1/billing/subscription").then().statusCode(200)
                .body("data.usage.api_calls.today", equalTo(9))
                .body("data.usage.invoices.created", equalTo(3)));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        var answer = tenant.as().get("/api/v1/billing/subscription").then().statusCode(200)
                .body("data.plan_slug", equalTo("starter"))
                .body("data.usage.plan_slug", equalTo("starter"))
                .body("data.usage.period_start", equalTo(today.withDayOfMonth(1).toString()))
                .body("data.usage.period_end", equalTo(today.withDayOfMonth(today.lengthOfMonth()).toString()))
                .body("data.usage.api_calls.this_period", equalTo(9))
                .body("data.usage.api_calls.limit_per_day", equalTo(5000))
                .body("data.usage.api_calls.burst_per_minute", equalTo(100))
                .body("data.usage.api_calls.included_per_day", equalTo(5000))
                .body("data.usage.invoices.limit", equalTo(500))
                .body("data.usage.storage.used_bytes", equalTo(3 * 4096))
                .extract().jsonPath();
        // the same figures /billing/usage answers, not a second count
        assertThat(answer.getMap("data.usage")).isEqualTo(tenant.as().get("/api/v1/billing/usage").then().extract().jsonPath().getMap("data"));
        // a cancellation's answer carries the usage too
        tenant.as().delete("/api/v1/billing/subscription").then().statusCode(200)
                .body("data.cancel_at_period_end", equalTo(true)).body("data.usage.invoices.created", equalTo(3));
    }

    @Test
    void anAnnualCycleChargesTwelveMonthsLessTwentyPercentAndRunsAYear() {
        Tenant tenant = Tenant.fresh();
        String reference = tenant.as().body("{\"plan_slug\":\"growth\",\"billing_cycle\":\"annual\"}").post("/api/v1/billing/subscription")
                .then().statusCode(200).body("data.amount", equalTo("192000.00")).body("data.billing_cycle", equalTo("annual"))
                .extract().path("data.reference");
        sandboxEvent("charge.success", reference).then().statusCode(200).body("last_status", equalTo(200));
        tenant.as().get("/api/v1/billing/subscription").then().body("data.plan_slug", equalTo("growth"))
                .body("data.price", equalTo("192000.00"));
        String start = tenant.as().get("/api/v1/billing/subscription").then().extract().path("data.current_period_start");
        String end = tenant.as().get("/api/v1/billing/subscription").then().extract().path("data.current_period_end");
        assertThat(OffsetDateTime.parse(end)).isEqualTo(OffsetDateTime.parse(start).plusYears(1));
        // a lower paid plan is a downgrade at period end, not a new payment
        tenant.as().body("{\"plan_slug\":\"starter\",\"billing_cycle\":\"monthly\"}").post("/api/v1/billing/subscription").then()
                .statusCode(422).body("error.message", org.hamcrest.Matchers.containsString("end of the current period"));
    }

    @Test
    void aDeclinedRenewalMakesTheSubscriptionPastDueAndSaysSoOnKafka() throws Exception {
        Tenant tenant = Tenant.fresh();
        String reference = tenant.as().body("{\"plan_slug\":\"starter\",\"billing_cycle\":\"monthly\"}").post("/api/v1/billing/subscription")
                .then().statusCode(200).extract().path("data.reference");
        sandboxEvent("charge.success", reference).then().body("last_status", equalTo(200));
        try (KafkaTopicReader billing = KafkaTopicReader.fromEnd(Topics.BILLING)) {
            sandboxEvent("invoice.payment_failed", reference).then().statusCode(200).body("last_status", equalTo(200));
            tenant.as().get("/api/v1/billing/subscription").then().body("data.status", equalTo("past_due"))
                    .body("data.plan_slug", equalTo("starter"));
            ConsumerRecord<String, String> failed = billing.first(EventTypes.SUBSCRIPTION_PAYMENT_FAILED,
                    r -> r.key().equals(tenant.id().toString()), Duration.ofSeconds(20));
            assertThat(JSON.readTree(failed.value()).path("status").asText()).isEqualTo("past_due");
        }
        // a past-due subscription may be paid again for the same plan
        tenant.as().body("{\"plan_slug\":\"starter\",\"billing_cycle\":\"monthly\"}").post("/api/v1/billing/subscription").then().statusCode(200);
    }

    @Test
    void subscriptionCreateLinksPaystacksSubscriptionSoItsRenewalEventsFindIt() throws Exception {
        Tenant tenant = Tenant.fresh();
        String reference = tenant.as().body("{\"plan_slug\":\"starter\",\"billing_cycle\":\"monthly\"}").post("/api/v1/billing/subscription")
                .then().statusCode(200).extract().path("data.reference");
        sandboxEvent("charge.success", reference).then().body("last_status", equalTo(200));
        String created = sandboxEvent("subscription.create", reference).then().body("last_status", equalTo(200)).extract().path("body");
        String code = JSON.readTree(created).path("data").path("subscription_code").asText();
        assertThat(code).startsWith("SUB_");

        // a renewal event that names only Paystack's subscription (no card) now finds it
        String declined = "{\"event\":\"invoice.payment_failed\",\"data\":{\"invoice_code\":\"INV_" + UUID.randomUUID()
                + "\",\"amount\":500000,\"status\":\"failed\",\"subscription\":{\"subscription_code\":\"" + code + "\"}}}";
        BillingTestKit.webhook(declined, BillingTestKit.sign(declined)).then().statusCode(200).body("data.outcome", equalTo("past_due"));
        tenant.as().get("/api/v1/billing/subscription").then().body("data.status", equalTo("past_due"));
    }

    @Test
    void anUnknownPlanOrCycleIsAValidationErrorNamingTheField() {
        Tenant tenant = Tenant.fresh();
        tenant.as().body("{\"plan_slug\":\"platinum\",\"billing_cycle\":\"monthly\"}").post("/api/v1/billing/subscription").then()
                .statusCode(400).body("error.code", equalTo("VALIDATION_ERROR")).body("error.details.field", hasItem("plan_slug"));
        tenant.as().body("{\"plan_slug\":\"starter\",\"billing_cycle\":\"weekly\"}").post("/api/v1/billing/subscription").then()
                .statusCode(400).body("error.details.field", hasItem("billing_cycle"));
        tenant.as().body("{\"billing_cycle\":\"monthly\"}").post("/api/v1/billing/subscription").then()
                .statusCode(400).body("error.details.field", hasItem("plan_slug"));
        tenant.as().body("{\"plan_slug\":\"starter\",\"billing_cycle\":\"monthly\",\"email\":\"not-an-email\"}")
                .post("/api/v1/billing/subscription").then().statusCode(400).body("error.details.field", hasItem("email"));
        tenant.as().body("{not json").post("/api/v1/billing/subscription").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
    }

    @Test
    void enterpriseIsForSalesAndFreeNeedsNoPayment() {
        Tenant tenant = Tenant.fresh();
        tenant.as().body("{\"plan_slug\":\"enterprise\",\"billing_cycle\":\"monthly\"}").post("/api/v1/billing/subscription").then()
                .statusCode(422).body("error.code", equalTo("UNPROCESSABLE"))
                .body("error.message", org.hamcrest.Matchers.containsString("contact sales"));
        tenant.as().body("{\"plan_slug\":\"free\",\"billing_cycle\":\"monthly\"}").post("/api/v1/billing/subscription").then()
                .statusCode(422).body("error.code", equalTo("UNPROCESSABLE"));
    }

    @Test
    void anEnterprisePlanAnOperatorSetShowsAsTheSubscriptionWithItsPriceByContract() {
        Tenant tenant = Tenant.fresh();
        tenant.as().get("/api/v1/billing/subscription").then().statusCode(200).body("data.plan_slug", equalTo("free"));
        // ./risiti admin set-plan: auth-service gives the tenant the plan and says so on risiti.tenants.v1
        TestEvents.publish(Topics.TENANTS, tenant.id().toString(), EventTypes.TENANT_CREATED, tenant.id(),
                "{\"tenant_id\":\"" + tenant.id() + "\",\"name\":\"Dangote Retail Ltd\",\"plan_slug\":\"enterprise\"}");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> tenant.as().get("/api/v1/billing/subscription").then()
                .statusCode(200).body("data.plan_slug", equalTo("enterprise")).body("data.plan_name", equalTo("Enterprise"))
                .body("data.status", equalTo("active")).body("data.price", nullValue()).body("data.price_kobo", nullValue())
                .body("data.billing_cycle", nullValue()).body("data.usage.invoices.limit", nullValue()));
    }

    @Test
    void whenPaystackIsDownTheAnswerIs503AndNothingIsStored() {
        Tenant tenant = Tenant.fresh();
        sandboxFault(1, 503, "/transaction/initialize");
        tenant.as().body("{\"plan_slug\":\"starter\",\"billing_cycle\":\"monthly\"}").post("/api/v1/billing/subscription").then()
                .statusCode(503).body("error.code", equalTo("SERVICE_UNAVAILABLE"));
        tenant.as().get("/api/v1/billing/invoices").then().statusCode(200).body("data.size()", equalTo(0));
    }

    @Test
    void billingNeedsAnOwnerOrAdminAndAnApiKeyWithTheAdminScopeWillDo() {
        Tenant tenant = Tenant.fresh();
        given().get("/api/v1/billing/subscription").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().contentType(ContentType.JSON).body("{\"plan_slug\":\"starter\",\"billing_cycle\":\"monthly\"}")
                .post("/api/v1/billing/subscription").then().statusCode(401);
        String accountant = TestIdentity.token(tenant.id(), UUID.randomUUID(), "accountant",
                List.of(Scope.INVOICES_READ, Scope.INVOICES_WRITE, Scope.PAYMENTS_WRITE, Scope.REPORTS_READ));
        for (String path : List.of("/api/v1/billing/subscription", "/api/v1/billing/invoices")) {
            given().header("Authorization", "Bearer " + accountant).get(path).then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        }
        given().header("Authorization", "Bearer " + accountant).contentType(ContentType.JSON)
                .body("{\"plan_slug\":\"starter\",\"billing_cycle\":\"monthly\"}").post("/api/v1/billing/subscription").then().statusCode(403);
        String key = TestIdentity.apiKey(tenant.id(), List.of(Scope.ADMIN));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().header("x-api-key", key).get("/api/v1/billing/subscription").then().statusCode(200)
                        .body("data.plan_slug", equalTo("free")));
    }

    @Test
    void theBillingHistoryPagesWithACursorAndShowsOnlyTheTenantsOwnPayments() {
        Tenant tenant = Tenant.fresh();
        for (String plan : List.of("starter", "growth", "starter")) {
            tenant.as().body("{\"plan_slug\":\"" + plan + "\",\"billing_cycle\":\"monthly\"}").post("/api/v1/billing/subscription")
                    .then().statusCode(200);
        }
        var first = tenant.as().queryParam("limit", 2).get("/api/v1/billing/invoices").then().statusCode(200)
                .body("data.size()", equalTo(2)).body("has_more", equalTo(true)).body("data[0].plan_slug", equalTo("starter"))
                .body("data[1].plan_slug", equalTo("growth")).extract().jsonPath();
        tenant.as().queryParam("limit", 2).queryParam("cursor", first.getString("next_cursor")).get("/api/v1/billing/invoices").then()
                .statusCode(200).body("data.size()", equalTo(1)).body("has_more", equalTo(false)).body("data[0].status", equalTo("pending"));
        Tenant.fresh().as().get("/api/v1/billing/invoices").then().statusCode(200).body("data.size()", equalTo(0));
        tenant.as().queryParam("cursor", "forged").get("/api/v1/billing/invoices").then().statusCode(400)
                .body("error.details.field", hasItem("cursor"));
        tenant.as().queryParam("limit", 1000).get("/api/v1/billing/invoices").then().statusCode(400)
                .body("error.details.field", hasItem("limit"));
    }

    private static org.hamcrest.Matcher<Integer> anyOf(int a, int b) {
        return org.hamcrest.Matchers.anyOf(equalTo(a), equalTo(b));
    }
}
