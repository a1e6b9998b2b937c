package ng.risiti.billing.paystack.rest;

import static io.restassured.RestAssured.given;
import static ng.risiti.billing.testing.BillingTestKit.openCheckout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import ng.risiti.billing.testing.BillingTestKit;
import ng.risiti.billing.testing.PaystackSandboxResource;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.Topics;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** invoice-service's pay page asks billing for a Paystack checkout; Paystack's signed charge reaches invoice-service as an event, once. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "billing"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(PaystackSandboxResource.class)
class InternalInvoiceCheckoutResourceTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void webhooksComeHere() {
        BillingTestKit.pointWebhooksHere();
    }

    @Test
    void aPaidPayPageCheckoutIsPassedToInvoiceServiceOnceEvenWhenPaystackSendsItTwice() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        var started = internal().body(request(tenant, invoice, 376250)).post("/internal/invoice-checkouts").then().statusCode(200)
                .body("authorization_url", startsWith(BillingTestKit.sandboxUrl() + "/checkout/"))
                .body("amount_kobo", equalTo(376250))
                .extract().jsonPath();
        String reference = started.getString("reference");
        JsonNode verified = JSON.readTree(given().header("Authorization", "Bearer " + PaystackSandboxResource.SECRET_KEY)
                .get(BillingTestKit.sandboxUrl() + "/transaction/verify/" + reference).asString()).path("data");
        assertThat(verified.path("metadata").path("risiti_purpose").asText()).isEqualTo("invoice_payment");
        assertThat(verified.path("metadata").path("invoice_id").asText()).isEqualTo(invoice.toString());
        assertThat(verified.path("metadata").path("tenant_id").asText()).isEqualTo(tenant.toString());

        try (KafkaTopicReader billing = KafkaTopicReader.fromEnd(Topics.BILLING)) {
            var redirect = openCheckout(started.getString("authorization_url"));
            assertThat(redirect.statusCode()).isEqualTo(302);
            assertThat(redirect.header("Location")).startsWith("http://pay.example/p/tok/pay/done?trxref=" + reference);
            ConsumerRecord<String, String> captured = billing.first(EventTypes.INVOICE_PAYMENT_CAPTURED,
                    r -> r.key().equals(tenant.toString()), Duration.ofSeconds(20));
            JsonNode data = JSON.readTree(captured.value());
            assertThat(data.path("invoice_id").asText()).isEqualTo(invoice.toString());
            assertThat(data.path("reference").asText()).isEqualTo(reference);
            assertThat(data.path("amount_kobo").asLong()).isEqualTo(376250);
            assertThat(data.path("amount").asText()).isEqualTo("3762.50");
            assertThat(data.path("test_mode").asBoolean()).isFalse();

            // Paystack sends the same event again: it is a duplicate, and nothing more is published (all read so far: the one)
            String body = BillingTestKit.sandboxEvent("charge.success", reference).then().statusCode(200).extract().path("body");
            BillingTestKit.webhook(body, BillingTestKit.sign(body)).then().statusCode(200).body("data.duplicate", equalTo(true));
            assertThat(billing.readFor(Duration.ofSeconds(3)).stream()
                    .filter(r -> EventTypes.INVOICE_PAYMENT_CAPTURED.equals(KafkaTopicReader.header(r, "ce_type")))
                    .filter(r -> r.key().equals(tenant.toString()))).hasSize(1);
        }
    }

    @Test
    void aTestModeInvoicesCheckoutIsPaidInPaystacksTestAccountAndItsCaptureSaysTestMode() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        var started = internal().body(request(tenant, invoice, 100000).replace("\"test_mode\":false", "\"test_mode\":true"))
                .post("/internal/invoice-checkouts").then().statusCode(200)
                .body("authorization_url", startsWith(BillingTestKit.testWorldSandboxUrl() + "/checkout/"))
                .extract().jsonPath();
        String reference = started.getString("reference");
        // the live account never heard of it
        given().header("Authorization", "Bearer " + PaystackSandboxResource.SECRET_KEY)
                .get(BillingTestKit.sandboxUrl() + "/transaction/verify/" + reference).then().statusCode(400)
                .body("message", equalTo("Transaction reference not found"));
        try (KafkaTopicReader billing = KafkaTopicReader.fromEnd(Topics.BILLING)) {
            assertThat(openCheckout(started.getString("authorization_url")).statusCode()).isEqualTo(302);
            ConsumerRecord<String, String> captured = billing.first(EventTypes.INVOICE_PAYMENT_CAPTURED,
                    r -> r.key().equals(tenant.toString()), Duration.ofSeconds(20));
            assertThat(KafkaTopicReader.header(captured, "ce_mode")).isEqualTo("test");
            JsonNode data = JSON.readTree(captured.value());
            assertThat(data.path("test_mode").asBoolean()).isTrue();
            assertThat(data.path("invoice_id").asText()).isEqualTo(invoice.toString());
            assertThat(data.path("amount_kobo").asLong()).isEqualTo(100000);
        }
    }

    @Test
    void onlyServicesMayStartOneAndTheAmountMustBeChargeable() {
        given().contentType(ContentType.JSON).body(request(UUID.randomUUID(), UUID.randomUUID(), 5000)).post("/internal/invoice-checkouts")
                .then().statusCode(401);
        internal().body(request(UUID.randomUUID(), UUID.randomUUID(), 50)).post("/internal/invoice-checkouts").then().statusCode(400)
                .body("error.details.field", hasItem("amount_kobo"));
        internal().body("{\"tenant_id\":\"" + UUID.randomUUID() + "\",\"amount_kobo\":5000}").post("/internal/invoice-checkouts").then()
                .statusCode(400).body("error.details.field", hasItem("invoice_id"));
    }

    private static RequestSpecification internal() {
        return given().header("X-Risiti-Service-Token", RisitiTestResources.serviceToken()).contentType(ContentType.JSON);
    }

    private static String request(UUID tenant, UUID invoice, long amountKobo) {
        return "{\"tenant_id\":\"" + tenant + "\",\"test_mode\":false,\"invoice_id\":\"" + invoice + "\",\"amount_kobo\":" + amountKobo
                + ",\"email\":\"payer@example.com\",\"callback_url\":\"http://pay.example/p/tok/pay/done\"}";
    }
}
