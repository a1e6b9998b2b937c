package ng.risiti.invoice.paypage.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import ng.risiti.invoice.BillingStub;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.platform.events.CloudEventHeaders;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.rest.Naira;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestEvents;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /p/{token}/pay}, the public pay page, over real HTTP, PostgreSQL and Kafka: billing-service's checkout is a
 * stub, and Paystack's confirmation arrives as billing publishes it ({@code paystack.invoice_payment_captured}).
 */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
@QuarkusTestResource(BillingStub.class)
class PayPageResourceTests {

    InvoiceTestFixtures tenant;
    UUID customerId;

    @BeforeEach
    void tenantWithCustomer() {
        tenant = new InvoiceTestFixtures();
        customerId = tenant.customer("TechVentures <Nigeria> Ltd", "98765432-0001");
        BillingStub.down(false);
    }

    @Test
    void aFinalizedInvoicesPageShowsTheBusinessTheLinesTheTotalsAndAPayButtonWithoutAnyScript() {
        String id = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));
        String token = token(id);
        String html = given().get("/p/" + token + "/pay").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Cache-Control", "no-store")
                .extract().asString();
        assertThat(html).contains("INV-2025-001")
                .contains("NGN 376,250.00") // total and amount due
                .contains("NGN 350,000.00") // subtotal
                .contains("TechVentures &lt;Nigeria&gt; Ltd") // escaped, never markup
                .contains("<form method=\"post\" action=\"/p/" + token + "/pay\">")
                .contains("name=\"viewport\"")
                .doesNotContain("<script");
    }

    @Test
    void pressingPayStartsAPaystackCheckoutForTheAmountDueAndSendsThePayerThere() {
        String id = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));
        tenant.owner().body("{\"amount\":\"76250.00\",\"method\":\"bank_transfer\",\"reference\":\"TRF-" + UUID.randomUUID() + "\"}")
                .post("/api/v1/invoices/" + id + "/record-payment").then().statusCode(201);
        String token = token(id);
        String location = given().redirects().follow(false).post("/p/" + token + "/pay").then().statusCode(303)
                .extract().header("Location");
        assertThat(location).contains("/checkout/rsk_");
        String asked = BillingStub.lastRequest(id);
        assertThat(asked).startsWith("token=" + RisitiTestResources.serviceToken() + " ")
                .contains("\"amount_kobo\":30000000") // what is still due, not the total
                .contains("\"tenant_id\":\"" + tenant.tenantId + "\"")
                .contains("\"test_mode\":false")
                .contains("/p/" + token + "/pay/done");
    }

    @Test
    void anUnknownMalformedDraftOrVoidedTokenIsAFriendly404PageNotAnErrorEnvelope() {
        String draft = tenant.owner().body(InvoiceTestFixtures.invoiceBody(customerId)).post("/api/v1/invoices").then().statusCode(201)
                .extract().path("data.id");
        String voided = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));
        tenant.owner().post("/api/v1/invoices/" + voided + "/void").then().statusCode(200);
        // the last: characters a URI may not hold unencoded, once decoded from the path (a Location built from it was a 500)
        for (String token : new String[] {UUID.randomUUID().toString(), "not-a-token", token(draft), token(voided), "%27%3B%20--"}) {
            given().urlEncodingEnabled(false).get("/p/" + token + "/pay").then().statusCode(404).contentType(startsWith("text/html"))
                    .body(containsString("This payment page does not exist")).body(not(containsString("\"error\"")));
            given().urlEncodingEnabled(false).get("/p/" + token + "/pay/done").then().statusCode(404);
            given().urlEncodingEnabled(false).redirects().follow(false).post("/p/" + token + "/pay").then().statusCode(404)
                    .contentType(startsWith("text/html")).body(containsString("This payment page does not exist"));
        }
        assertThat(BillingStub.lastRequest(voided)).isNull();
    }

    @Test
    void whenBillingOrPaystackIsAwayThePayerIsToldNothingWasCharged() {
        String id = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));
        BillingStub.down(true);
        given().redirects().follow(false).post("/p/" + token(id) + "/pay").then().statusCode(503).contentType(startsWith("text/html"))
                .body(containsString("Nothing was charged"));
    }

    @Test
    void paystacksConfirmationPaysTheInvoiceOnceEvenWhenItArrivesTwiceAndThePageThenThanksThePayer() {
        String id = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));
        String token = token(id);
        given().get("/p/" + token + "/pay/done").then().statusCode(200).body(containsString("confirming your payment"))
                .body(containsString("http-equiv=\"refresh\""));

        String reference = "rsk_" + UUID.randomUUID().toString().replace("-", "");
        String captured = "{\"tenant_id\":\"" + tenant.tenantId + "\",\"test_mode\":false,\"invoice_id\":\"" + id + "\",\"reference\":\""
                + reference + "\",\"amount_kobo\":37625000,\"amount\":\"376250.00\",\"channel\":\"card\","
                + "\"paid_at\":\"2026-03-24T10:00:00Z\",\"occurred_at\":\"2026-03-24T10:00:01Z\"}";
        try (KafkaTopicReader invoices = KafkaTopicReader.fromEnd(Topics.INVOICES)) {
            String eventId = TestEvents.publish(Topics.BILLING, tenant.tenantId.toString(), EventTypes.INVOICE_PAYMENT_CAPTURED, tenant.tenantId,
                    captured);
            TestEvents.publish(Topics.BILLING, tenant.tenantId.toString(), eventId, EventTypes.INVOICE_PAYMENT_CAPTURED, tenant.tenantId, captured);
            TestEvents.publish(Topics.BILLING, tenant.tenantId.toString(), EventTypes.INVOICE_PAYMENT_CAPTURED, tenant.tenantId, captured);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> tenant.owner().get("/api/v1/invoices/" + id).then()
                    .body("data.status", equalTo("paid")));
            assertThat(invoices.first(EventTypes.PAYMENT_RECEIVED, r -> r.key().equals(id), Duration.ofSeconds(20))).isNotNull();
            assertThat(invoices.first(EventTypes.INVOICE_PAID, r -> r.key().equals(id), Duration.ofSeconds(20))).isNotNull();
            // a later event of the same tenant (same partition): once it is processed, so are the two copies before it
            String marker = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));
            TestEvents.publish(Topics.BILLING, tenant.tenantId.toString(), EventTypes.INVOICE_PAYMENT_CAPTURED, tenant.tenantId,
                    captured.replace(id, marker).replace(reference, reference + "m").replace("37625000", "100000").replace("376250.00", "1000.00"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> tenant.owner().get("/api/v1/invoices/" + marker).then()
                    .body("data.status", equalTo("partial")));
        }
        tenant.owner().queryParam("invoice_id", id).get("/api/v1/payments").then().statusCode(200)
                .body("data.size()", equalTo(1))
                .body("data[0].reference", equalTo(reference))
                .body("data[0].amount", equalTo("376250.00"));

        given().get("/p/" + token + "/pay").then().statusCode(200).body(containsString("Paid in full")).body(not(containsString("<form")));
        given().get("/p/" + token + "/pay/done").then().statusCode(200).body(containsString("is paid"))
                .body(not(containsString("http-equiv=\"refresh\"")));
        // nothing is left to pay: Pay goes back to the page
        given().redirects().follow(false).post("/p/" + token + "/pay").then().statusCode(303)
                .header("Location", containsString("/p/" + token + "/pay"));
    }

    @Test
    void aTestModeInvoicesPayPageChargesInTheTestWorldAndItsPaymentIsRecordedOnTheTestInvoiceOnly() {
        String live = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));
        UUID testCustomer = tenant.customer("Sandbox Buyer", "98765432-0002", true);
        InvoiceTestFixtures.awaitReplicated(testCustomer);
        String test = testFinalizedInvoice(testCustomer);
        String marker = testFinalizedInvoice(testCustomer);
        String testToken = tenant.testKey().get("/api/v1/invoices/" + test).then().statusCode(200).extract().path("data.public_token");

        // the page of a test invoice opens a checkout in billing's test world (Paystack's test account)
        given().redirects().follow(false).post("/p/" + testToken + "/pay").then().statusCode(303);
        assertThat(BillingStub.lastRequest(test)).contains("\"test_mode\":true").contains("\"amount_kobo\":37625000");

        // a test-world capture that names the live invoice pays nothing there (dead-lettered); the one for the test invoice pays it
        publishCaptured(live, true, 37625000);
        publishCaptured(test, true, 37625000);
        publishCaptured(marker, true, 100000); // same tenant, same partition: once it is applied, so are the two before it
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> tenant.testKey().get("/api/v1/invoices/" + marker).then()
                .body("data.status", equalTo("partial")));
        tenant.testKey().get("/api/v1/invoices/" + test).then().statusCode(200).body("data.status", equalTo("paid"))
                .body("data.amount_due", equalTo("0.00"));
        tenant.testKey().queryParam("invoice_id", test).get("/api/v1/payments").then().statusCode(200).body("data.size()", equalTo(1))
                .body("data[0].amount", equalTo("376250.00"));
        tenant.owner().get("/api/v1/invoices/" + live).then().statusCode(200).body("data.status", equalTo("finalized"))
                .body("data.amount_due", equalTo("376250.00"));
        tenant.owner().queryParam("invoice_id", live).get("/api/v1/payments").then().statusCode(200).body("data.size()", equalTo(0));
        // and the live world does not see the test invoice or its payment
        tenant.owner().get("/api/v1/invoices/" + test).then().statusCode(404);
        given().get("/p/" + testToken + "/pay").then().statusCode(200).body(containsString("Paid in full"));
    }

    private String testFinalizedInvoice(UUID testCustomer) {
        String id = tenant.testKey().body(InvoiceTestFixtures.invoiceBody(testCustomer)).post("/api/v1/invoices").then().statusCode(201)
                .extract().path("data.id");
        tenant.testKey().post("/api/v1/invoices/" + id + "/finalize").then().statusCode(200);
        return id;
    }

    /** {@code paystack.invoice_payment_captured} as billing's relay publishes it, the world in {@code ce_mode}. */
    private void publishCaptured(String invoiceId, boolean testMode, long amountKobo) {
        String reference = "rsk_" + UUID.randomUUID().toString().replace("-", "");
        String captured = "{\"tenant_id\":\"" + tenant.tenantId + "\",\"test_mode\":" + testMode + ",\"invoice_id\":\"" + invoiceId
                + "\",\"reference\":\"" + reference + "\",\"amount_kobo\":" + amountKobo + ",\"amount\":\"" + Naira.fromKobo(amountKobo)
                + "\",\"channel\":\"card\",\"paid_at\":\"2026-03-24T10:00:00Z\",\"occurred_at\":\"2026-03-24T10:00:01Z\"}";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, "1.0");
        headers.put(CloudEventHeaders.ID, UUID.randomUUID().toString());
        headers.put(CloudEventHeaders.TYPE, EventTypes.INVOICE_PAYMENT_CAPTURED);
        headers.put(CloudEventHeaders.SOURCE, "/risiti/billing-service");
        headers.put(CloudEventHeaders.TIME, java.time.Instant.now().toString());
        headers.put(CloudEventHeaders.SUBJECT, tenant.tenantId.toString());
        headers.put(CloudEventHeaders.TENANT_ID, tenant.tenantId.toString());
        headers.put(CloudEventHeaders.MODE, testMode ? CloudEventHeaders.TEST : CloudEventHeaders.LIVE);
        headers.put(CloudEventHeaders.AGGREGATE_VERSION, Long.toString(TestEvents.nextVersion()));
        TestEvents.publishRaw(Topics.BILLING, tenant.tenantId.toString(), captured, headers);
    }

    private String token(String invoiceId) {
        return tenant.owner().get("/api/v1/invoices/" + invoiceId).then().statusCode(200).extract().path("data.public_token");
    }
}
