package ng.risiti.billing.paystack.rest;

import static io.restassured.RestAssured.given;
import static ng.risiti.billing.testing.BillingTestKit.sign;
import static ng.risiti.billing.testing.BillingTestKit.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import ng.risiti.billing.testing.BillingTestKit;
import ng.risiti.billing.testing.BillingTestKit.Tenant;
import ng.risiti.billing.testing.PaystackSandboxResource;
import ng.risiti.platform.security.Scope;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/webhooks/paystack}: signatures, duplicates, amounts. Top-ups show the effect: the wallet's balance. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "billing"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(PaystackSandboxResource.class)
class PaystackWebhookResourceTests {

    @BeforeEach
    void webhooksComeHere() {
        BillingTestKit.pointWebhooksHere();
    }

    @Test
    void aMissingOrWrongSignatureIs401AndChangesNothing() {
        Tenant tenant = Tenant.fresh();
        String reference = topUp(tenant, "5000");
        String body = chargeSuccess(reference, 500000);

        webhook(body, null).then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        webhook(body, "").then().statusCode(401);
        webhook(body, "deadbeef").then().statusCode(401);
        // signed with another key, or for another body
        webhook(body, sign(body.replace("500000", "500001"))).then().statusCode(401);
        webhook(body.replace("500000", "5000000"), sign(body)).then().statusCode(401);

        balance(tenant, "0.00");
        // the untouched checkout still pays when Paystack's real event comes
        webhook(body, sign(body)).then().statusCode(200).body("data.outcome", equalTo("applied"));
        balance(tenant, "5000.00");
    }

    @Test
    void theSameEventDeliveredAgainHasNoSecondEffect() {
        Tenant tenant = Tenant.fresh();
        String reference = topUp(tenant, "1000");
        String body = chargeSuccess(reference, 100000);
        webhook(body, sign(body)).then().statusCode(200).body("data.duplicate", equalTo(false));
        webhook(body, sign(body)).then().statusCode(200).body("data.duplicate", equalTo(true));
        // the sandbox sending its own charge.success for the same transaction id is the same event too
        balance(tenant, "1000.00");
        tenant.as().get("/api/v1/api-credits/ledger").then().body("data.size()", equalTo(1))
                .body("data[0].source_id", equalTo("topup:" + reference));
    }

    @Test
    void theSameEventArrivingSeveralTimesAtOnceHasOneEffect() throws Exception {
        Tenant tenant = Tenant.fresh();
        String reference = topUp(tenant, "2000");
        String body = chargeSuccess(reference, 200000);
        int copies = 6;
        CyclicBarrier start = new CyclicBarrier(copies);
        List<CompletableFuture<Response>> sent = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(copies)) {
            for (int i = 0; i < copies; i++) {
                sent.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return webhook(body, sign(body));
                }, pool));
            }
        }
        List<Boolean> duplicates = sent.stream().map(CompletableFuture::join)
                .peek(response -> assertThat(response.statusCode()).isEqualTo(200))
                .map(response -> response.<Boolean>path("data.duplicate")).toList();
        assertThat(duplicates).containsOnlyOnce(false);
        balance(tenant, "2000.00");
    }

    @Test
    void aChargeForAnotherAmountThanTheCheckoutPaysNothing() {
        Tenant tenant = Tenant.fresh();
        String reference = topUp(tenant, "1000");
        String body = chargeSuccess(reference, 100);
        webhook(body, sign(body)).then().statusCode(200).body("data.outcome", equalTo("amount_mismatch"));
        balance(tenant, "0.00");
        // and the checkout is closed: the right amount later does not pay it either
        String right = chargeSuccess(reference, 100000).replace("\"id\":1", "\"id\":2");
        webhook(right, sign(right)).then().statusCode(200).body("data.outcome", equalTo("already_amount_mismatch"));
        balance(tenant, "0.00");
    }

    @Test
    void theTestAccountsEventsAreItsOwnTheSameIdAsALiveEventIsNoDuplicateAndTheyNeverPayALiveCheckout() {
        Tenant tenant = Tenant.fresh();
        String testKey = TestIdentity.testApiKey(tenant.id(), List.of(Scope.ADMIN));
        String live = topUp(tenant, "1000");
        String test = await().atMost(Duration.ofSeconds(10)).until(() -> given().header("x-api-key", testKey).contentType(ContentType.JSON)
                .body("{\"amount\":\"2000\"}").post("/api/v1/api-credits/top-up").then().extract().<String>path("data.reference"), r -> r != null);
        // the two accounts number their transactions apart: the same id in each
        String id = "\"id\":" + (5_000_000_000L + new java.util.Random().nextInt(1_000_000_000));
        String testCharge = chargeSuccess(test, 200000).replaceFirst("\"id\":\\d+", id);
        String liveCharge = chargeSuccess(live, 100000).replaceFirst("\"id\":\\d+", id);
        webhook(testCharge, sign(PaystackSandboxResource.TEST_WORLD_SECRET_KEY, testCharge)).then().statusCode(200)
                .body("data.outcome", equalTo("applied"));
        webhook(liveCharge, sign(liveCharge)).then().statusCode(200).body("data.duplicate", equalTo(false))
                .body("data.outcome", equalTo("applied"));
        balance(tenant, "1000.00");
        given().header("x-api-key", testKey).get("/api/v1/api-credits").then().body("data.balance", equalTo("2000.00"));

        // the test account's key never pays a live checkout
        String another = topUp(tenant, "5000");
        String wrongWorld = chargeSuccess(another, 500000);
        webhook(wrongWorld, sign(PaystackSandboxResource.TEST_WORLD_SECRET_KEY, wrongWorld)).then().statusCode(200)
                .body("data.outcome", equalTo("wrong_world"));
        balance(tenant, "1000.00");
    }

    @Test
    void eventsForReferencesThatAreNotOursAreTakenAndIgnored() {
        String body = chargeSuccess("someone-elses-reference", 100000);
        webhook(body, sign(body)).then().statusCode(200).body("data.outcome", equalTo("unknown_reference"));
        String other = "{\"event\":\"transfer.success\",\"data\":{\"id\":99,\"reference\":\"x\"}}";
        webhook(other, sign(other)).then().statusCode(200).body("data.outcome", equalTo("ignored"));
    }

    @Test
    void aSignedBodyThatIsNotAPaystackEventIs400() {
        webhook("{not json", sign("{not json")).then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        webhook("{\"data\":{}}", sign("{\"data\":{}}")).then().statusCode(400).body("error.details[0].field", equalTo("event"));
    }

    private static String topUp(Tenant tenant, String naira) {
        return tenant.as().body("{\"amount\":\"" + naira + "\"}").post("/api/v1/api-credits/top-up").then().statusCode(200)
                .extract().path("data.reference");
    }

    /** A charge.success as Paystack sends it (trimmed to the fields that matter), transaction id 1 + the reference's hash. */
    private static String chargeSuccess(String reference, long amountKobo) {
        return "{\"event\":\"charge.success\",\"data\":{\"id\":1" + Math.abs(reference.hashCode()) + ",\"domain\":\"test\",\"status\":\"success\","
                + "\"reference\":\"" + reference + "\",\"amount\":" + amountKobo + ",\"currency\":\"NGN\",\"paid_at\":\"2026-01-05T10:00:00.000Z\","
                + "\"metadata\":{\"risiti_purpose\":\"credit_top_up\"},\"customer\":{\"customer_code\":\"CUS_test\"},"
                + "\"authorization\":{\"authorization_code\":\"AUTH_test\"}}}";
    }

    private static void balance(Tenant tenant, String naira) {
        tenant.as().get("/api/v1/api-credits").then().statusCode(200).body("data.balance", equalTo(naira));
    }
}
