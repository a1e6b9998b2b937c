package ng.risiti.invoice.invoices.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.UUID;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DELETE /api/v1/invoices/{id}: a draft is soft-deleted; anything issued is voided instead. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class InvoiceDeleteTests {

    InvoiceTestFixtures tenant;
    UUID customerId;

    @BeforeEach
    void tenantWithCustomer() {
        tenant = new InvoiceTestFixtures();
        customerId = tenant.customer("TechVentures Nigeria Ltd", "98765432-0001");
    }

    private String draft() {
        return tenant.owner().body(InvoiceTestFixtures.invoiceBody(customerId)).post("/api/v1/invoices").then().statusCode(201)
                .extract().path("data.id");
    }

    @Test
    void aDeletedDraftVanishesItsNumberStaysTakenAndReplicasAreTold() throws Exception {
        String kept = draft();
        String id = draft();
        KafkaTopicReader events = KafkaTopicReader.fromEnd("risiti.invoices.v1");

        tenant.owner().delete("/api/v1/invoices/" + id).then().statusCode(200)
                .body("data.message", equalTo("Invoice deleted."));

        tenant.owner().get("/api/v1/invoices/" + id).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        tenant.owner().get("/api/v1/invoices").then().statusCode(200)
                .body("data.id", not(hasItem(id))).body("data.id", hasItem(kept));
        tenant.owner().post("/api/v1/invoices/" + id + "/finalize").then().statusCode(404);
        tenant.owner().delete("/api/v1/invoices/" + id).then().statusCode(404);
        // INV-2025-002 was the deleted draft's: the next invoice does not reuse it
        tenant.owner().body(InvoiceTestFixtures.invoiceBody(customerId)).post("/api/v1/invoices").then().statusCode(201)
                .body("data.invoice_number", equalTo("INV-2025-003"));
        assertThat(InvoiceTestFixtures.count("select count(*) from invoices where id = ? and deleted_at is not null", UUID.fromString(id)))
                .isEqualTo(1);

        ConsumerRecord<String, String> deleted = events.first("invoice.deleted", record -> id.equals(record.key()), Duration.ofSeconds(15));
        events.close();
        assertThat(KafkaTopicReader.header(deleted, "ce_tenantid")).isEqualTo(tenant.tenantId.toString());
        assertThat(deleted.value()).contains("\"invoice_id\":\"" + id + "\"").contains("\"invoice_number\":\"INV-2025-002\"");
    }

    @Test
    void anIssuedInvoiceCannotBeDeletedAndTheRefusalSaysWhatItIs() {
        String id = draft();
        tenant.owner().post("/api/v1/invoices/" + id + "/finalize").then().statusCode(200);
        tenant.owner().delete("/api/v1/invoices/" + id).then().statusCode(422).body("error.code", equalTo("UNPROCESSABLE"))
                .body("error.message", equalTo("Invoice is not in draft status; it is finalized."));
        tenant.owner().get("/api/v1/invoices/" + id).then().statusCode(200).body("data.status", equalTo("finalized"));
        tenant.owner().post("/api/v1/invoices/" + id + "/void").then().statusCode(200);
        tenant.owner().delete("/api/v1/invoices/" + id).then().statusCode(422)
                .body("error.message", equalTo("Invoice is not in draft status; it is cancelled."));
    }

    @Test
    void unknownAndOtherTenantsInvoicesAreNotFoundAndReadersCannotDelete() {
        String id = draft();
        tenant.owner().delete("/api/v1/invoices/" + UUID.randomUUID()).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        tenant.owner().delete("/api/v1/invoices/not-a-uuid").then().statusCode(404);
        new InvoiceTestFixtures().owner().delete("/api/v1/invoices/" + id).then().statusCode(404);
        tenant.testKey().delete("/api/v1/invoices/" + id).then().statusCode(404);
        tenant.as("readonly").delete("/api/v1/invoices/" + id).then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        tenant.owner().get("/api/v1/invoices/" + id).then().statusCode(200).body("data.status", equalTo("draft"));
    }
}
