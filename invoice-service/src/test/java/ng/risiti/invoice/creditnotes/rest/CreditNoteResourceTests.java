package ng.risiti.invoice.creditnotes.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class CreditNoteResourceTests {

    /** 10 × 35,000 at 7.5% VAT = 376,250.00; 2 × 1,000 zero-rated = 2,000.00; 376,250.00 + 2,000.00 = 378,250.00. */
    private static final String TWO_LINES = """
            {"customer_id":"%s","issue_date":"2026-03-24","due_date":"2026-04-23",
             "line_items":[{"description":"Software Consulting - March","quantity":10,"unit_price":35000},
                           {"description":"Rice (50kg)","quantity":2,"unit_price":1000,"tax_rate_id":"00000000-0000-7000-8000-000000000000"}]}""";

    InvoiceTestFixtures tenant;
    UUID customerId;

    @BeforeEach
    void starterTenantWithCustomer() {
        tenant = new InvoiceTestFixtures().onPlan("starter");
        customerId = tenant.customer("TechVentures Nigeria Ltd", "98765432-0001");
    }

    private Response credit(String invoiceId, String body) {
        return tenant.owner().body(body).post("/api/v1/invoices/" + invoiceId + "/credit-note");
    }

    @Test
    void aFullCreditNoteIsAFinalizedSignedDocumentOfItsOwnSeriesAndCancelsTheUnpaidInvoice() {
        KafkaTopicReader events = KafkaTopicReader.fromEnd("risiti.invoices.v1");
        String invoiceId = tenant.finalizedInvoice(TWO_LINES.formatted(customerId));

        Response note = credit(invoiceId, "{\"reason\":\"Order cancelled by the customer\"}");
        note.then().statusCode(201)
                .body("data.type", equalTo("credit_note"))
                .body("data.status", equalTo("finalized"))
                .body("data.invoice_number", matchesPattern("CN-\\d{4}-001"))
                .body("data.original_invoice_id", equalTo(invoiceId))
                .body("data.credit_reason", equalTo("Order cancelled by the customer"))
                .body("data.irn", matchesPattern("CN\\d{4}001-[0-9A-F]{8}-\\d{8}"))
                .body("data.digital_signature", startsWith("eyJ"))
                .body("data.total_amount", equalTo("378250.00"))
                .body("data.tax_total", equalTo("26250.00"))
                .body("data.amount_due", equalTo("0.00"))
                .body("data.line_items.description", hasItems("Software Consulting - March", "Rice (50kg)"))
                .body("data.line_items.vat_category", hasItems("S", "Z"));
        String noteId = note.path("data.id");

        tenant.owner().get("/api/v1/invoices/" + invoiceId).then().statusCode(200)
                .body("data.status", equalTo("cancelled"))
                .body("data.amount_due", equalTo("0.00"))
                .body("data.credited_amount", equalTo("378250.00"));

        List<ConsumerRecord<String, String>> records = events.readUntil(seen -> has(seen, "credit_note.issued", noteId)
                && has(seen, "invoice.credited", invoiceId), Duration.ofSeconds(15));
        events.close();
        ConsumerRecord<String, String> issued = find(records, "credit_note.issued", noteId);
        assertThat(issued.value()).contains("\"type\":\"credit_note\"").contains("\"original_invoice_id\":\"" + invoiceId + "\"")
                .contains("\"total_amount\":\"378250.00\"").contains("\"customer_credit_kobo\":0");
        assertThat(find(records, "invoice.credited", invoiceId).value()).contains("\"status\":\"cancelled\"")
                .contains("\"credited_kobo\":37825000");
    }

    @Test
    void partialCreditsByAmountAndByLineNeverCreditMoreThanTheInvoice() {
        String invoiceId = tenant.finalizedInvoice(TWO_LINES.formatted(customerId));
        String lineId = tenant.owner().get("/api/v1/invoices/" + invoiceId).then().extract().path("data.line_items[0].id");

        // an amount is VAT inclusive and split over the invoice's rates in proportion; its lines add up to it exactly
        credit(invoiceId, "{\"reason\":\"Goodwill\",\"amount\":\"100000.01\"}").then().statusCode(201)
                .body("data.total_amount", equalTo("100000.01"))
                .body("data.invoice_number", matchesPattern("CN-\\d{4}-001"));
        tenant.owner().get("/api/v1/invoices/" + invoiceId).then()
                .body("data.status", equalTo("finalized"))
                .body("data.amount_due", equalTo("278249.99"))
                .body("data.credited_amount", equalTo("100000.01"));

        credit(invoiceId, "{\"reason\":\"Returned\",\"line_items\":[{\"line_id\":\"" + lineId + "\",\"quantity\":11}]}").then()
                .statusCode(422).body("error.code", equalTo("UNPROCESSABLE"))
                .body("error.message", equalTo("Line 1 of the credit note asks for 11 but the invoice line has 10."));
        credit(invoiceId, "{\"reason\":\"Returned\",\"line_items\":[{\"line_id\":\"" + lineId + "\",\"quantity\":2}]}").then()
                .statusCode(201).body("data.total_amount", equalTo("75250.00")).body("data.line_items[0].quantity", equalTo(2));
        credit(invoiceId, "{\"reason\":\"Too much\",\"amount\":203000.00}").then().statusCode(422)
                .body("error.message", equalTo("Invoice INV-2026-001 can be credited by at most NGN 202999.99 more; "
                        + "this credit note would credit NGN 203000.00."));

        // no amount and no lines: the rest of the invoice
        credit(invoiceId, "{\"reason\":\"Closing the account\"}").then().statusCode(201)
                .body("data.total_amount", equalTo("202999.99")).body("data.invoice_number", matchesPattern("CN-\\d{4}-003"));
        tenant.owner().get("/api/v1/invoices/" + invoiceId).then()
                .body("data.status", equalTo("cancelled")).body("data.amount_due", equalTo("0.00"))
                .body("data.credited_amount", equalTo("378250.00"));
        credit(invoiceId, "{\"reason\":\"Again\"}").then().statusCode(422)
                .body("error.message", equalTo("Invoice is cancelled; only a finalized, sent, partially paid or paid invoice can be credited."));
    }

    @Test
    void draftsCreditNotesAndCancelledInvoicesCannotBeCredited() {
        String draft = tenant.owner().body(TWO_LINES.formatted(customerId)).post("/api/v1/invoices").then().statusCode(201).extract().path("data.id");
        credit(draft, "{\"reason\":\"x\"}").then().statusCode(422).body("error.code", equalTo("UNPROCESSABLE"))
                .body("error.message", equalTo("Invoice is draft; only a finalized, sent, partially paid or paid invoice can be credited."));

        String invoiceId = tenant.finalizedInvoice(TWO_LINES.formatted(customerId));
        String noteId = credit(invoiceId, "{\"reason\":\"Cancelled\"}").then().statusCode(201).extract().path("data.id");
        credit(noteId, "{\"reason\":\"x\"}").then().statusCode(422).body("error.message", equalTo("A credit note cannot itself be credited."));
        credit(invoiceId, "{\"reason\":\"x\"}").then().statusCode(422)
                .body("error.message", equalTo("Invoice is cancelled; only a finalized, sent, partially paid or paid invoice can be credited."));
    }

    @Test
    void badBodiesNameTheirFieldsAndUnknownInvoicesAreNotFound() {
        String invoiceId = tenant.finalizedInvoice(TWO_LINES.formatted(customerId));
        credit(invoiceId, "{}").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", hasItems("reason"));
        credit(invoiceId, "{\"reason\":\"x\",\"amount\":10.001}").then().statusCode(400).body("error.details.field", hasItems("amount"));
        credit(invoiceId, "{\"reason\":\"x\",\"amount\":-1}").then().statusCode(400).body("error.details.field", hasItems("amount"));
        credit(invoiceId, "{\"reason\":\"x\",\"amount\":10,\"line_items\":[{\"line_id\":\"" + UUID.randomUUID() + "\",\"quantity\":1}]}")
                .then().statusCode(400).body("error.details.field", hasItems("amount"));
        credit(invoiceId, "{\"reason\":\"x\",\"line_items\":[{\"line_id\":\"" + UUID.randomUUID() + "\",\"quantity\":1}]}")
                .then().statusCode(400).body("error.details.field", hasItems("line_items.0.line_id"));
        credit(invoiceId, "{\"reason\":\"x\",\"line_items\":[{\"quantity\":0}]}")
                .then().statusCode(400).body("error.details.field", hasItems("line_items.0.line_id", "line_items.0.quantity"));
        credit(UUID.randomUUID().toString(), "{\"reason\":\"x\"}").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        credit("not-a-uuid", "{\"reason\":\"x\"}").then().statusCode(404);

        InvoiceTestFixtures stranger = new InvoiceTestFixtures().onPlan("starter");
        stranger.owner().body("{\"reason\":\"x\"}").post("/api/v1/invoices/" + invoiceId + "/credit-note").then().statusCode(404);
        io.restassured.RestAssured.given().header("x-api-key", TestIdentity.apiKey(tenant.tenantId, List.of("invoices:read")))
                .contentType("application/json").body("{\"reason\":\"x\"}").post("/api/v1/invoices/" + invoiceId + "/credit-note")
                .then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
    }

    @Test
    void concurrentCreditNotesNeverCreditMoreThanTheInvoiceAndAreNumberedWithoutGaps() throws Exception {
        String invoiceId = tenant.finalizedInvoice(TWO_LINES.formatted(customerId));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> credit(invoiceId, "{\"reason\":\"Partial refund\",\"amount\":100000}"));
        }
        List<Response> responses = new ArrayList<>();
        for (Future<Response> future : pool.invokeAll(calls)) {
            responses.add(future.get());
        }
        pool.shutdown();
        List<Response> issued = responses.stream().filter(r -> r.statusCode() == 201).toList();
        assertThat(issued).hasSize(3);
        assertThat(responses).allMatch(r -> r.statusCode() == 201 || r.statusCode() == 422);
        assertThat(issued.stream().map(r -> r.<String>path("data.invoice_number").replaceAll("CN-\\d{4}-", "")))
                .containsExactlyInAnyOrder("001", "002", "003");
        tenant.owner().get("/api/v1/invoices/" + invoiceId).then()
                .body("data.credited_amount", equalTo("300000.00")).body("data.amount_due", equalTo("78250.00"));
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameCreditNoteOnce() {
        String invoiceId = tenant.finalizedInvoice(TWO_LINES.formatted(customerId));
        String key = UUID.randomUUID().toString();
        String first = tenant.owner().header("Idempotency-Key", key).body("{\"reason\":\"Once\",\"amount\":1000}")
                .post("/api/v1/invoices/" + invoiceId + "/credit-note").then().statusCode(201).extract().path("data.id");
        tenant.owner().header("Idempotency-Key", key).body("{\"reason\":\"Once\",\"amount\":1000}")
                .post("/api/v1/invoices/" + invoiceId + "/credit-note").then().statusCode(201).body("data.id", equalTo(first));
        tenant.owner().get("/api/v1/invoices/" + invoiceId).then().body("data.credited_amount", equalTo("1000.00"));
    }

    @Test
    void creditNotesNeedStarterOutsideTestModeAndAKnownTenant() {
        InvoiceTestFixtures free = new InvoiceTestFixtures().onPlan("free");
        UUID liveCustomer = free.customer("Free Customer", "11111111-0001");
        String invoiceId = free.finalizedInvoice(TWO_LINES.formatted(liveCustomer));
        free.owner().body("{\"reason\":\"x\"}").post("/api/v1/invoices/" + invoiceId + "/credit-note").then().statusCode(402)
                .body("error.code", equalTo("FEATURE_NOT_AVAILABLE"))
                .body("error.message", equalTo("Credit notes need the Starter plan or higher; this business is on the Free plan."));

        UUID testCustomer = free.customer("Test Customer", "11111111-0002", true);
        String testInvoice = free.testKey().body(TWO_LINES.formatted(testCustomer)).post("/api/v1/invoices").then().statusCode(201)
                .extract().path("data.id");
        free.testKey().post("/api/v1/invoices/" + testInvoice + "/finalize").then().statusCode(200);
        free.testKey().body("{\"reason\":\"x\"}").post("/api/v1/invoices/" + testInvoice + "/credit-note").then().statusCode(201)
                .body("data.invoice_number", matchesPattern("TEST-CN-\\d{4}-001"));

        InvoiceTestFixtures unknown = new InvoiceTestFixtures();
        UUID unknownCustomer = unknown.customer("Someone", "22222222-0001");
        String unknownInvoice = unknown.finalizedInvoice(TWO_LINES.formatted(unknownCustomer));
        unknown.owner().body("{\"reason\":\"x\"}").post("/api/v1/invoices/" + unknownInvoice + "/credit-note").then().statusCode(503)
                .body("error.code", equalTo("SERVICE_UNAVAILABLE"));
    }

    private static boolean has(List<ConsumerRecord<String, String>> records, String type, String key) {
        return records.stream().anyMatch(r -> type.equals(KafkaTopicReader.header(r, "ce_type")) && key.equals(r.key()));
    }

    private static ConsumerRecord<String, String> find(List<ConsumerRecord<String, String>> records, String type, String key) {
        return records.stream().filter(r -> type.equals(KafkaTopicReader.header(r, "ce_type")) && key.equals(r.key())).findFirst().orElseThrow();
    }
}
