package ng.risiti.invoice.invoices.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /api/v1/invoices/{id}/void: an issued invoice cancelled by an accountant or higher. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class InvoiceVoidResourceTests {

    InvoiceTestFixtures tenant;
    UUID customerId;

    @BeforeEach
    void starterTenantWithCustomer() {
        tenant = new InvoiceTestFixtures().onPlan("starter");
        customerId = tenant.customer("TechVentures Nigeria Ltd", "98765432-0001");
    }

    private String finalized() {
        return tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));
    }

    @Test
    void voidingAFinalizedInvoiceCancelsItLeavesNothingDueAndPublishesInvoiceVoided() {
        String id = finalized();
        KafkaTopicReader events = KafkaTopicReader.fromEnd("risiti.invoices.v1");
        tenant.as("accountant").post("/api/v1/invoices/" + id + "/void").then().statusCode(200)
                .body("data.id", equalTo(id))
                .body("data.status", equalTo("cancelled"))
                .body("data.amount_due", equalTo("0.00"))
                .body("data.amount_due_kobo", equalTo(0))
                .body("data.total_amount", equalTo("376250.00"))
                .body("data.voided_at", notNullValue())
                .body("data.overdue", equalTo(false));
        tenant.owner().get("/api/v1/invoices/" + id).then().body("data.status", equalTo("cancelled")).body("data.amount_due", equalTo("0.00"));

        ConsumerRecord<String, String> voided = events.first("invoice.voided", record -> id.equals(record.key()), Duration.ofSeconds(15));
        events.close();
        assertThat(KafkaTopicReader.header(voided, "ce_tenantid")).isEqualTo(tenant.tenantId.toString());
        assertThat(voided.value()).contains("\"status\":\"cancelled\"").contains("\"amount_due_kobo\":0")
                .contains("\"total_amount_kobo\":37625000");
    }

    @Test
    void aPartlyCreditedInvoiceCanBeVoidedAndOnlyIssuedInvoicesCanAndTheRefusalSaysWhatItIs() {
        String credited = finalized();
        tenant.owner().body("{\"reason\":\"Goodwill\",\"amount\":1000}").post("/api/v1/invoices/" + credited + "/credit-note").then().statusCode(201);
        tenant.owner().post("/api/v1/invoices/" + credited + "/void").then().statusCode(200).body("data.status", equalTo("cancelled"));
        tenant.owner().post("/api/v1/invoices/" + credited + "/void").then().statusCode(422)
                .body("error.code", equalTo("UNPROCESSABLE")).body("error.message", equalTo("Invoice is already cancelled."));

        String draft = tenant.owner().body(InvoiceTestFixtures.invoiceBody(customerId)).post("/api/v1/invoices").then().statusCode(201)
                .extract().path("data.id");
        tenant.owner().post("/api/v1/invoices/" + draft + "/void").then().statusCode(422)
                .body("error.message", equalTo("Invoice is draft; it cannot become cancelled."));
        tenant.owner().get("/api/v1/invoices/" + draft).then().body("data.status", equalTo("draft"));

        // fully credited before anything was paid: the credit note cancelled it already
        String fullyCredited = finalized();
        String note = tenant.owner().body("{\"reason\":\"Order cancelled\"}").post("/api/v1/invoices/" + fullyCredited + "/credit-note").then()
                .statusCode(201).extract().path("data.id");
        tenant.owner().post("/api/v1/invoices/" + note + "/void").then().statusCode(422)
                .body("error.message", equalTo("A credit note cannot be voided; issue an invoice for what it credited instead."));
    }

    @Test
    void voidingNeedsTheAccountantRoleOrHigher() {
        for (String role : List.of("owner", "admin", "accountant")) {
            tenant.as(role).post("/api/v1/invoices/" + finalized() + "/void").then().statusCode(200);
        }
        String id = finalized();
        tenant.as("member").post("/api/v1/invoices/" + id + "/void").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"))
                .body("error.message", equalTo("Voiding an invoice needs the accountant role or higher (scopes invoices:write and payments:write)."));
        tenant.as("readonly").post("/api/v1/invoices/" + id + "/void").then().statusCode(403);
        // API keys: both scopes, or admin
        String writeOnly = TestIdentity.apiKey(tenant.tenantId, List.of("invoices:read", "invoices:write"));
        given().header("x-api-key", writeOnly).contentType(ContentType.JSON).post("/api/v1/invoices/" + id + "/void").then().statusCode(403);
        String paymentsOnly = TestIdentity.apiKey(tenant.tenantId, List.of("payments:write"));
        given().header("x-api-key", paymentsOnly).post("/api/v1/invoices/" + id + "/void").then().statusCode(403);
        tenant.owner().get("/api/v1/invoices/" + id).then().body("data.status", equalTo("finalized"));
        String both = TestIdentity.apiKey(tenant.tenantId, List.of("invoices:write", "payments:write"));
        given().header("x-api-key", both).post("/api/v1/invoices/" + id + "/void").then().statusCode(200).body("data.status", equalTo("cancelled"));
    }

    @Test
    void unknownAndOtherTenantsInvoicesAreNotFoundAndARetryWithTheSameKeyReplays() {
        String id = finalized();
        tenant.owner().post("/api/v1/invoices/" + UUID.randomUUID() + "/void").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        tenant.owner().post("/api/v1/invoices/not-a-uuid/void").then().statusCode(404);
        new InvoiceTestFixtures().owner().post("/api/v1/invoices/" + id + "/void").then().statusCode(404);
        tenant.testKey().post("/api/v1/invoices/" + id + "/void").then().statusCode(404);

        String key = UUID.randomUUID().toString();
        String voidedAt = tenant.owner().header("Idempotency-Key", key).post("/api/v1/invoices/" + id + "/void").then().statusCode(200)
                .extract().path("data.voided_at");
        tenant.owner().header("Idempotency-Key", key).post("/api/v1/invoices/" + id + "/void").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("data.voided_at", equalTo(voidedAt));
    }
}
