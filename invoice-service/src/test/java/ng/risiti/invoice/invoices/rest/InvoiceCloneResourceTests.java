package ng.risiti.invoice.invoices.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /api/v1/invoices/{id}/clone: a new draft from any invoice, issued today, with a new number and no payments. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class InvoiceCloneResourceTests {

    /** Two lines (one zero-rated with its own HS code), WHT 5 %, notes; due 14 days after issue. */
    static final String ORIGINAL = """
            {"customer_id":"%s","issue_date":"2025-03-24","due_date":"2025-04-07","wht_rate_id":"00000000-0000-7000-8000-000000000005",
             "line_items":[{"description":"Software Consulting","quantity":10,"unit_price":35000,"discount_percent":10},
                           {"description":"Rice (50kg)","quantity":2,"unit_price":1000,"tax_rate_id":"00000000-0000-7000-8000-000000000000",
                            "hsn_code":"1006.30","product_category":"Food"}],
             "notes":"Thank you."}""";

    InvoiceTestFixtures tenant;
    UUID customerId;

    @BeforeEach
    void tenantWithCustomer() {
        tenant = new InvoiceTestFixtures();
        customerId = tenant.customer("TechVentures Nigeria Ltd", "98765432-0001");
    }

    private static LocalDate todayInLagos() {
        return LocalDate.now(ZoneId.of("Africa/Lagos"));
    }

    @Test
    void aCloneIsANewDraftWithTheSameContentIssuedTodayUnderTheNextNumber() {
        String original = tenant.finalizedInvoice(ORIGINAL.formatted(customerId));
        JsonPath source = tenant.owner().get("/api/v1/invoices/" + original).then().extract().jsonPath();
        tenant.renameCustomer(customerId, "TechVentures Nigeria Plc", "98765432-0001");
        KafkaTopicReader events = KafkaTopicReader.fromEnd("risiti.invoices.v1");

        JsonPath clone = tenant.owner().post("/api/v1/invoices/" + original + "/clone").then().statusCode(201)
                .body("data.id", not(equalTo(original)))
                .body("data.status", equalTo("draft"))
                // numbered in the series of its own issue year
                .body("data.invoice_number", equalTo(todayInLagos().getYear() == 2025 ? "INV-2025-002" : "INV-" + todayInLagos().getYear() + "-001"))
                .body("data.issue_date", equalTo(todayInLagos().toString()))
                // the tenant's invoice defaults have not reached the service: the original's 14 days
                .body("data.due_date", equalTo(todayInLagos().plusDays(14).toString()))
                .body("data.customer_snapshot.name", equalTo("TechVentures Nigeria Plc"))
                .body("data.notes", equalTo("Thank you."))
                .body("data.currency", equalTo("NGN"))
                .body("data.wht_rate", equalTo("5.0"))
                .body("data.wht_amount", equalTo(source.getString("data.wht_amount")))
                .body("data.total_amount", equalTo(source.getString("data.total_amount")))
                .body("data.amount_due", equalTo(source.getString("data.total_amount")))
                .body("data.irn", equalTo(null))
                .body("data.digital_signature", equalTo(null))
                .body("data.payments", empty())
                .extract().jsonPath();
        assertThat(clone.getList("data.line_items.description")).isEqualTo(source.getList("data.line_items.description"));
        assertThat(clone.getList("data.line_items.unit_price")).isEqualTo(source.getList("data.line_items.unit_price"));
        assertThat(clone.getList("data.line_items.discount_percent")).isEqualTo(source.getList("data.line_items.discount_percent"));
        assertThat(clone.getList("data.line_items.tax_rate_id")).isEqualTo(source.getList("data.line_items.tax_rate_id"));
        assertThat(clone.getList("data.line_items.hsn_code")).isEqualTo(source.getList("data.line_items.hsn_code"));
        assertThat(clone.getList("data.line_items.id")).doesNotContainAnyElementsOf(source.getList("data.line_items.id"));
        assertThat(clone.getString("data.public_token")).isNotEqualTo(source.getString("data.public_token"));
        // the original is untouched
        tenant.owner().get("/api/v1/invoices/" + original).then().body("data.status", equalTo("finalized"))
                .body("data.customer_snapshot.name", equalTo("TechVentures Nigeria Ltd"));

        String cloneId = clone.getString("data.id");
        ConsumerRecord<String, String> created = events.first("invoice.created", record -> cloneId.equals(record.key()), Duration.ofSeconds(15));
        events.close();
        assertThat(JsonPath.from(created.value()).getString("invoice_number")).isEqualTo(clone.getString("data.invoice_number"));
        assertThat(JsonPath.from(created.value()).getString("status")).isEqualTo("draft");
    }

    @Test
    void theDueDateFollowsTheTenantsPaymentTermsOnceTheyAreKnownAndAnyStatusCanBeCloned() {
        tenant.withInvoiceDefaults("ACME", 45);
        String original = tenant.finalizedInvoice(ORIGINAL.formatted(customerId));
        tenant.owner().post("/api/v1/invoices/" + original + "/void").then().statusCode(200);
        tenant.owner().post("/api/v1/invoices/" + original + "/clone").then().statusCode(201)
                .body("data.due_date", equalTo(todayInLagos().plusDays(45).toString()))
                .body("data.invoice_number", org.hamcrest.Matchers.startsWith("ACME-" + todayInLagos().getYear() + "-"));
        String draft = tenant.owner().body(ORIGINAL.formatted(customerId)).post("/api/v1/invoices").then().statusCode(201).extract().path("data.id");
        tenant.owner().post("/api/v1/invoices/" + draft + "/clone").then().statusCode(201).body("data.status", equalTo("draft"));
    }

    @Test
    void creditNotesDeletedCustomersAndDeletedDraftsCannotBeCloned() {
        InvoiceTestFixtures starter = new InvoiceTestFixtures().onPlan("starter");
        UUID buyer = starter.customer("Buyer Ltd", "12121212-0001");
        String invoice = starter.finalizedInvoice(ORIGINAL.formatted(buyer));
        String note = starter.owner().body("{\"reason\":\"Refund\",\"amount\":100}").post("/api/v1/invoices/" + invoice + "/credit-note").then()
                .statusCode(201).extract().path("data.id");
        starter.owner().post("/api/v1/invoices/" + note + "/clone").then().statusCode(422).body("error.code", equalTo("UNPROCESSABLE"))
                .body("error.message", equalTo("A credit note cannot be cloned; clone the invoice it credits."));

        String number = tenant.owner().body(ORIGINAL.formatted(customerId)).post("/api/v1/invoices").then().statusCode(201)
                .extract().path("data.invoice_number");
        String id = tenant.owner().get("/api/v1/invoices").then().extract().path("data[0].id");
        tenant.deleteCustomer(customerId, "TechVentures Nigeria Ltd", "98765432-0001");
        tenant.owner().post("/api/v1/invoices/" + id + "/clone").then().statusCode(422)
                .body("error.message", equalTo("The customer of invoice " + number + " was deleted; it cannot be invoiced again."));

        tenant.owner().delete("/api/v1/invoices/" + id).then().statusCode(200);
        tenant.owner().post("/api/v1/invoices/" + id + "/clone").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
    }

    @Test
    void unknownAndOtherTenantsInvoicesAreNotFoundReadersCannotCloneAndTheSameKeyClonesOnce() {
        String original = tenant.owner().body(ORIGINAL.formatted(customerId)).post("/api/v1/invoices").then().statusCode(201)
                .extract().path("data.id");
        tenant.owner().post("/api/v1/invoices/" + UUID.randomUUID() + "/clone").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        tenant.owner().post("/api/v1/invoices/not-a-uuid/clone").then().statusCode(404);
        new InvoiceTestFixtures().owner().post("/api/v1/invoices/" + original + "/clone").then().statusCode(404);
        tenant.testKey().post("/api/v1/invoices/" + original + "/clone").then().statusCode(404);
        tenant.as("readonly").post("/api/v1/invoices/" + original + "/clone").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        tenant.as("member").post("/api/v1/invoices/" + original + "/clone").then().statusCode(201);

        String key = UUID.randomUUID().toString();
        String first = tenant.owner().header("Idempotency-Key", key).post("/api/v1/invoices/" + original + "/clone").then().statusCode(201)
                .extract().path("data.id");
        tenant.owner().header("Idempotency-Key", key).post("/api/v1/invoices/" + original + "/clone").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("data.id", equalTo(first));
        // the original, the member's clone and the keyed clone: three invoices, not four
        tenant.owner().get("/api/v1/invoices").then().body("data.size()", equalTo(3));
    }
}
