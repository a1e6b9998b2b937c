package ng.risiti.billing.credits.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static ng.risiti.billing.testing.BillingTestKit.openCheckout;
import static ng.risiti.billing.testing.BillingTestKit.sandboxEvent;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import ng.risiti.billing.testing.BillingTestKit;
import ng.risiti.billing.testing.BillingTestKit.Tenant;
import ng.risiti.billing.testing.PaystackSandboxResource;
import ng.risiti.platform.security.Scope;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.ScrapedMetrics;
import ng.risiti.testsupport.TestEvents;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "billing"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(PaystackSandboxResource.class)
class ApiCreditResourceTests {

    @BeforeEach
    void webhooksComeHere() {
        BillingTestKit.pointWebhooksHere();
    }

    @Test
    void aNewTenantHasTenFreeCallsNoMoneyAndALowBalanceWarning() {
        Tenant.fresh().as().get("/api/v1/api-credits").then().statusCode(200)
                .body("data.balance", equalTo("0.00"))
                .body("data.balance_kobo", equalTo(0))
                .body("data.calls_available", equalTo(0))
                .body("data.cost_per_call", equalTo("100.00"))
                .body("data.cost_per_call_kobo", equalTo(10000))
                .body("data.verification_cost_kobo", equalTo(20000))
                .body("data.free_calls_remaining", equalTo(10))
                .body("data.low_balance", equalTo(true))
                .body("data.recent_entries", empty());
    }

    @Test
    void aTopUpPaidAtPaystacksCheckoutRaisesTheBalanceOnceWithOneTraceableEntry() {
        Tenant tenant = Tenant.fresh();
        var started = tenant.as().body("{\"amount\":1500.50}").post("/api/v1/api-credits/top-up").then().statusCode(200)
                .body("data.authorization_url", startsWith(BillingTestKit.sandboxUrl() + "/checkout/"))
                .body("data.purpose", equalTo("credit_top_up"))
                .body("data.amount", equalTo("1500.50"))
                .body("data.amount_kobo", equalTo(150050))
                .extract().jsonPath();
        tenant.as().get("/api/v1/api-credits").then().body("data.balance", equalTo("0.00"));

        openCheckout(started.getString("data.authorization_url"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> tenant.as().get("/api/v1/api-credits").then()
                .body("data.balance", equalTo("1500.50"))
                .body("data.calls_available", equalTo(15))
                .body("data.low_balance", equalTo(false))
                .body("data.recent_entries[0].kind", equalTo("top_up")));
        // Paystack sending the same charge again (its retry) changes nothing
        sandboxEvent("charge.success", started.getString("data.reference")).then().body("last_status", equalTo(200));
        tenant.as().get("/api/v1/api-credits/ledger").then().statusCode(200)
                .body("data.size()", equalTo(1))
                .body("data[0].amount", equalTo("1500.50"))
                .body("data[0].amount_kobo", equalTo(150050))
                .body("data[0].source_id", equalTo("topup:" + started.getString("data.reference")));
    }

    @Test
    void eachLiveVerificationCustomerServiceCompletedIsDebitedOnceAndTestModeOnesCostNothing() {
        Tenant tenant = Tenant.fresh();
        ScrapedMetrics before = ScrapedMetrics.scrape();
        String verification = UUID.randomUUID().toString();
        String event = UUID.randomUUID().toString();
        String body = """
                {"verification_id":"%s","tenant_id":"%s","type":"tin","valid":true,"charge_kobo":20000,"customer_id":null,
                 "checked_at":"2026-11-26T10:00:00Z","test_mode":false}""".formatted(verification, tenant.id());
        TestEvents.publish("risiti.verifications.v1", verification, event, "verification.completed", tenant.id(), body);
        // the same verification again, under another event id (a producer's retry): still one debit
        TestEvents.publish("risiti.verifications.v1", verification, UUID.randomUUID().toString(), "verification.completed", tenant.id(), body);
        String testOne = UUID.randomUUID().toString();
        TestEvents.publish("risiti.verifications.v1", testOne, "verification.completed", tenant.id(), """
                {"verification_id":"%s","tenant_id":"%s","type":"nin","valid":true,"charge_kobo":0,"customer_id":null,
                 "checked_at":"2026-11-26T10:00:00Z","test_mode":true}""".formatted(testOne, tenant.id()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> tenant.as().get("/api/v1/api-credits/ledger").then().statusCode(200)
                .body("data.size()", equalTo(1))
                .body("data[0].kind", equalTo("verification"))
                .body("data[0].amount_kobo", equalTo(-20000))
                .body("data[0].source_id", equalTo("verification:" + verification)));
        // the lookup was made, so its cost is recorded even where it takes the balance below zero
        tenant.as().get("/api/v1/api-credits").then().body("data.balance_kobo", equalTo(-20000));
        given().header("X-Risiti-Service-Token", "local-service-token-override-in-production")
                .get("/internal/api-credits/" + tenant.id()).then().statusCode(200)
                .body("balance_kobo", equalTo(-20000)).body("free_calls_remaining", equalTo(10));
        given().get("/internal/api-credits/" + tenant.id()).then().statusCode(401);
        // the credits panel: one live verification's NGN 200, once
        ScrapedMetrics after = ScrapedMetrics.scrape();
        String[] liveVerifications = {"kind", "verification", "mode", "live"};
        assertThat(after.value("risiti_credits_charged_kobo_total", liveVerifications)
                - before.value("risiti_credits_charged_kobo_total", liveVerifications)).isEqualTo(20000);
        assertThat(after.value("risiti_credits_charges_total", liveVerifications)
                - before.value("risiti_credits_charges_total", liveVerifications)).isEqualTo(1);
        ScrapedMetrics.awaitPlatformSeries("GET", "/api/v1/api-credits/ledger", "verifications");
    }

    @Test
    void aTopUpUnderOneThousandNairaOrNotAnAmountIsAValidationErrorNamingAmount() {
        Tenant tenant = Tenant.fresh();
        for (String body : List.of("{\"amount\":999.99}", "{\"amount\":\"abc\"}", "{}", "{\"amount\":1000.001}", "{\"amount\":-5000}",
                "{\"amount\":100000000}")) {
            tenant.as().body(body).post("/api/v1/api-credits/top-up").then().statusCode(400)
                    .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details.field", hasItem("amount"));
        }
        tenant.as().body("{\"amount\":\"1000\"}").post("/api/v1/api-credits/top-up").then().statusCode(200).body("data.amount", equalTo("1000.00"));
    }

    @Test
    void theSameTopUpRequestWithOneIdempotencyKeyStartsOneCheckout() {
        Tenant tenant = Tenant.fresh();
        String first = tenant.as().header("Idempotency-Key", "topup-" + UUID.randomUUID()).body("{\"amount\":2000}")
                .post("/api/v1/api-credits/top-up").then().statusCode(200).extract().path("data.reference");
        String key = "topup-" + UUID.randomUUID();
        String a = tenant.as().header("Idempotency-Key", key).body("{\"amount\":2000}").post("/api/v1/api-credits/top-up").then()
                .statusCode(200).extract().path("data.reference");
        String b = tenant.as().header("Idempotency-Key", key).body("{\"amount\":2000}").post("/api/v1/api-credits/top-up").then()
                .statusCode(200).extract().path("data.reference");
        org.assertj.core.api.Assertions.assertThat(b).isEqualTo(a).isNotEqualTo(first);
    }

    @Test
    void theSameTopUpSentTwiceAtOnceStartsOneCheckout() {
        Tenant tenant = Tenant.fresh();
        String key = "topup-" + UUID.randomUUID();
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        List<java.util.concurrent.CompletableFuture<io.restassured.response.Response>> sent = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                sent.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return tenant.as().header("Idempotency-Key", key).body("{\"amount\":3000}").post("/api/v1/api-credits/top-up");
                }, pool));
            }
        }
        List<io.restassured.response.Response> answers = sent.stream().map(java.util.concurrent.CompletableFuture::join).toList();
        // the second either waits and replays the first, or is told the first is still in flight (409); never a second checkout
        org.assertj.core.api.Assertions.assertThat(answers).allSatisfy(r -> org.assertj.core.api.Assertions.assertThat(r.statusCode()).isIn(200, 409));
        org.assertj.core.api.Assertions.assertThat(answers.stream().filter(r -> r.statusCode() == 200).map(r -> r.<String>path("data.reference")).distinct())
                .hasSize(1);
        String reference = answers.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow().path("data.reference");
        sandboxEvent("charge.success", reference).then().body("last_status", equalTo(200));
        tenant.as().get("/api/v1/api-credits").then().body("data.balance", equalTo("3000.00"));
    }

    @Test
    void theLedgerPagesNewestFirstWithACursor() {
        Tenant tenant = Tenant.fresh();
        for (String naira : List.of("1000", "2000", "3000")) {
            String reference = tenant.as().body("{\"amount\":" + naira + "}").post("/api/v1/api-credits/top-up").then().statusCode(200)
                    .extract().path("data.reference");
            sandboxEvent("charge.success", reference).then().body("last_status", equalTo(200));
        }
        var first = tenant.as().queryParam("limit", 2).get("/api/v1/api-credits/ledger").then().statusCode(200)
                .body("data.amount", equalTo(List.of("3000.00", "2000.00"))).body("has_more", equalTo(true)).extract().jsonPath();
        tenant.as().queryParam("limit", 2).queryParam("cursor", first.getString("next_cursor")).get("/api/v1/api-credits/ledger").then()
                .body("data.amount", equalTo(List.of("1000.00"))).body("has_more", equalTo(false));
        tenant.as().get("/api/v1/api-credits").then().body("data.balance", equalTo("6000.00"));
    }

    @Test
    void testModeKeysHaveAWalletOfTheirOwn() {
        Tenant tenant = Tenant.fresh();
        String testKey = TestIdentity.testApiKey(tenant.id(), List.of(Scope.ADMIN));
        String reference = await().atMost(Duration.ofSeconds(10)).until(() -> given().header("x-api-key", testKey)
                .contentType("application/json").body("{\"amount\":1000}").post("/api/v1/api-credits/top-up")
                .then().extract().path("data.reference"), r -> r != null);
        sandboxEvent(BillingTestKit.testWorldSandboxUrl(), "charge.success", reference).then().body("last_status", equalTo(200));
        given().header("x-api-key", testKey).get("/api/v1/api-credits").then().body("data.balance", equalTo("1000.00"));
        tenant.as().get("/api/v1/api-credits").then().body("data.balance", equalTo("0.00"));
    }

    @Test
    void theWalletNeedsAnOwnerOrAdmin() {
        Tenant tenant = Tenant.fresh();
        given().get("/api/v1/api-credits").then().statusCode(401);
        String member = TestIdentity.token(tenant.id(), UUID.randomUUID(), "member", List.of(Scope.INVOICES_READ, Scope.INVOICES_WRITE));
        for (String path : List.of("/api/v1/api-credits", "/api/v1/api-credits/ledger")) {
            given().header("Authorization", "Bearer " + member).get(path).then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        }
        given().header("Authorization", "Bearer " + member).contentType("application/json").body("{\"amount\":1000}")
                .post("/api/v1/api-credits/top-up").then().statusCode(403);
    }
}
