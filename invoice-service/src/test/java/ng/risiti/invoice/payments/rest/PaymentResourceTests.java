package ng.risiti.invoice.payments.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.testsupport.DataExportProbe;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/payments}, {@code GET /api/v1/payments/{id}} and {@code POST /api/v1/payments/reconcile}. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class PaymentResourceTests {

    InvoiceTestFixtures tenant;
    UUID customerId;

    @BeforeEach
    void tenantWithCustomer() {
        tenant = new InvoiceTestFixtures();
        customerId = tenant.customer("TechVentures Nigeria Ltd", "98765432-0001");
    }

    /** An invoice of {@code naira} (one zero-rated line), finalized: INV-2025-001, -002, ... in creation order. */
    private String invoiceOf(String naira) {
        return tenant.finalizedInvoice("""
                {"customer_id":"%s","issue_date":"2025-03-24","due_date":"2025-04-23",
                 "line_items":[{"description":"Rice (50kg)","quantity":1,"unit_price":%s,"tax_rate_id":"00000000-0000-7000-8000-000000000000"}]}"""
                .formatted(customerId, naira));
    }

    private String pay(String invoiceId, String body) {
        return tenant.owner().body(body).post("/api/v1/invoices/" + invoiceId + "/record-payment").then().statusCode(201).extract()
                .path("data.payment.id");
    }

    private Response reconcile(String body) {
        return tenant.owner().body(body).post("/api/v1/payments/reconcile");
    }

    @Test
    void theTenantsPaymentsAreListedNewestFirstPageByPageAndFilteredByDateMethodAndInvoice() {
        String one = invoiceOf("100000");
        String two = invoiceOf("50000");
        String cash = pay(one, "{\"amount\":1000,\"method\":\"cash\",\"paid_at\":\"2026-01-10\"}");
        String transfer = pay(one, "{\"amount\":2000,\"payment_method\":\"30\",\"payment_date\":\"2026-02-10\",\"reference\":\"T-1\"}");
        String card = pay(two, "{\"amount\":3000,\"method\":\"card\",\"paid_at\":\"2026-03-10T12:00:00+01:00\"}");
        InvoiceTestFixtures stranger = new InvoiceTestFixtures();
        UUID theirCustomer = stranger.customer("Stranger Ltd", "33333333-0001");
        String theirs = stranger.finalizedInvoice(InvoiceTestFixtures.invoiceBody(theirCustomer));
        stranger.owner().body("{\"amount\":1000,\"method\":\"cash\"}").post("/api/v1/invoices/" + theirs + "/record-payment").then().statusCode(201);

        Response firstPage = tenant.owner().get("/api/v1/payments?limit=2");
        firstPage.then().statusCode(200)
                .body("data.id", contains(card, transfer))
                .body("has_more", equalTo(true))
                .body("data[0].invoice_id", equalTo(two))
                .body("data[0].amount", equalTo("3000.00"))
                .body("data[0].amount_kobo", equalTo(300000))
                .body("data[0].payment_method", equalTo("48"))
                .body("data[0].method", equalTo("card"))
                .body("data[0].payment_date", equalTo("2026-03-10"))
                .body("data[0]", not(hasKey("invoice")))
                .body("data[1].reference", equalTo("T-1"));
        tenant.owner().get("/api/v1/payments?limit=2&cursor=" + firstPage.path("next_cursor")).then().statusCode(200)
                .body("data.id", contains(cash)).body("has_more", equalTo(false)).body("next_cursor", nullValue());

        tenant.owner().get("/api/v1/payments?method=cash").then().body("data.id", contains(cash));
        tenant.owner().get("/api/v1/payments?method=30").then().body("data.id", contains(transfer));
        tenant.owner().get("/api/v1/payments?invoice_id=" + one).then().body("data.id", contains(transfer, cash));
        tenant.owner().get("/api/v1/payments?from=2026-02-10").then().body("data.id", contains(card, transfer));
        tenant.owner().get("/api/v1/payments?to=2026-02-10").then().body("data.id", contains(transfer, cash));
        tenant.owner().get("/api/v1/payments?from=2026-02-01&to=2026-02-28").then().body("data.id", contains(transfer));
        tenant.owner().get("/api/v1/payments?from=2026-01-01&invoice_id=" + one + "&method=bank_transfer&limit=1").then()
                .body("data.id", contains(transfer)).body("has_more", equalTo(false));
        tenant.owner().get("/api/v1/payments?invoice_id=" + theirs).then().statusCode(200).body("data", hasSize(0));
        tenant.testKey().get("/api/v1/payments").then().statusCode(200).body("data", hasSize(0));
    }

    @Test
    void badFiltersAreValidationErrorsNamingTheParameter() {
        assertBadParameter("from=yesterday", "from");
        assertBadParameter("to=2026-13-01", "to");
        assertBadParameter("from=2026-03-01&to=2026-02-01", "to");
        assertBadParameter("method=bitcoin", "method");
        assertBadParameter("invoice_id=INV-2025-001", "invoice_id");
        assertBadParameter("limit=0", "limit");
        assertBadParameter("limit=101", "limit");
        assertBadParameter("cursor=forged.cursor", "cursor");
        tenant.owner().get("/api/v1/payments?from=x&method=y&invoice_id=z").then().statusCode(400)
                .body("error.details.field", containsInAnyOrder("from", "method", "invoice_id"));
    }

    private void assertBadParameter(String query, String parameter) {
        tenant.owner().get("/api/v1/payments?" + query).then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", hasItems(parameter));
    }

    @Test
    void aPaymentShowsTheInvoiceItPaidAsItStandsNow() {
        String invoiceId = invoiceOf("50000");
        String first = pay(invoiceId, "{\"amount\":\"20000.00\",\"method\":\"bank_transfer\",\"reference\":\"FBN-778\",\"notes\":\"part\"}");
        pay(invoiceId, "{\"amount\":\"30000.00\",\"method\":\"cash\"}");

        tenant.owner().get("/api/v1/payments/" + first).then().statusCode(200)
                .body("data.id", equalTo(first))
                .body("data.amount", equalTo("20000.00"))
                .body("data.payment_method", equalTo("30"))
                .body("data.method", equalTo("bank_transfer"))
                .body("data.reference", equalTo("FBN-778"))
                .body("data.notes", equalTo("part"))
                .body("data.invoice.id", equalTo(invoiceId))
                .body("data.invoice.invoice_number", equalTo("INV-2025-001"))
                .body("data.invoice.status", equalTo("paid"))
                .body("data.invoice.total_amount", equalTo("50000.00"))
                .body("data.invoice.total_amount_kobo", equalTo(5000000))
                .body("data.invoice.amount_due", equalTo("0.00"))
                .body("data.invoice.amount_due_kobo", equalTo(0));
    }

    @Test
    void unknownPaymentsAndOtherTenantsOrWorldsPaymentsAreNotFound() {
        String paymentId = pay(invoiceOf("50000"), "{\"amount\":1000,\"method\":\"cash\"}");
        tenant.owner().get("/api/v1/payments/" + UUID.randomUUID()).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        tenant.owner().get("/api/v1/payments/not-a-uuid").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        new InvoiceTestFixtures().owner().get("/api/v1/payments/" + paymentId).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        tenant.testKey().get("/api/v1/payments/" + paymentId).then().statusCode(404);
        tenant.liveKey().get("/api/v1/payments/" + paymentId).then().statusCode(200);
    }

    @Test
    void readingPaymentsNeedsPaymentsWriteOrInvoicesReadAndReconcilingNeedsAScopeThatRecordsThem() {
        String paymentId = pay(invoiceOf("50000"), "{\"amount\":1000,\"method\":\"cash\"}");
        String reconcile = "{\"amount\":\"49000.00\",\"reference\":\"NIP/INV-2025-001\"}";
        given().header("x-api-key", TestIdentity.apiKey(tenant.tenantId, List.of("customers:read"))).get("/api/v1/payments").then()
                .statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        given().header("x-api-key", TestIdentity.apiKey(tenant.tenantId, List.of("customers:read"))).get("/api/v1/payments/" + paymentId).then()
                .statusCode(403);
        given().header("x-api-key", TestIdentity.apiKey(tenant.tenantId, List.of("invoices:read"))).get("/api/v1/payments").then()
                .statusCode(200).body("data.id", contains(paymentId));
        given().header("x-api-key", TestIdentity.apiKey(tenant.tenantId, List.of("payments:write"))).get("/api/v1/payments/" + paymentId).then()
                .statusCode(200);
        given().get("/api/v1/payments").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().get("/api/v1/payments/" + paymentId).then().statusCode(401);
        given().contentType("application/json").body(reconcile).post("/api/v1/payments/reconcile").then().statusCode(401);

        given().header("x-api-key", TestIdentity.apiKey(tenant.tenantId, List.of("invoices:read"))).contentType("application/json")
                .body(reconcile).post("/api/v1/payments/reconcile").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        given().header("x-api-key", TestIdentity.apiKey(tenant.tenantId, List.of("payments:write"))).contentType("application/json")
                .body(reconcile).post("/api/v1/payments/reconcile").then().statusCode(201).body("data.status", equalTo("paid"));
    }

    @Test
    void aTransferWhoseReferenceNamesAnInvoiceIsRecordedAgainstItAsABankTransfer() {
        KafkaTopicReader events = KafkaTopicReader.fromEnd("risiti.invoices.v1");
        invoiceOf("50000");
        String second = invoiceOf("80000");
        // another open invoice owes exactly the transfer's amount: the number in the reference wins
        invoiceOf("30000");

        reconcile("{\"amount\":\"30000.00\",\"reference\":\"NIP trf/inv2025002 from TechVentures\",\"date\":\"2026-04-09\"}").then()
                .statusCode(201)
                .body("data.id", equalTo(second))
                .body("data.invoice_number", equalTo("INV-2025-002"))
                .body("data.matched_by", equalTo("reference"))
                .body("data.status", equalTo("partial"))
                .body("data.amount_due", equalTo("50000.00"))
                .body("data.payment_method", equalTo("bank_transfer"))
                .body("data.payment.payment_method", equalTo("30"))
                .body("data.payment.reference", equalTo("NIP trf/inv2025002 from TechVentures"))
                .body("data.payment.payment_date", equalTo("2026-04-09"));
        tenant.owner().get("/api/v1/invoices/" + second).then().body("data.payments", hasSize(1)).body("data.amount_due", equalTo("50000.00"));
        assertThat(events.first("payment.received", r -> r.key().equals(second), Duration.ofSeconds(20)).value())
                .contains("\"method\":\"bank_transfer\"").contains("\"amount_kobo\":3000000");
        events.close();
    }

    @Test
    void aTransferWithoutAKnownNumberIsMatchedByTheExactAmountDueNotTheTotal() {
        invoiceOf("60000");
        String owing = invoiceOf("80000");
        pay(owing, "{\"amount\":\"30000.00\",\"method\":\"cash\"}");

        // INV-2025-0012 is neither INV-2025-001 nor INV-2025-002: a number does not match inside a longer one
        reconcile("{\"amount\":\"50000.00\",\"reference\":\"GTB-998877 INV-2025-0012\"}").then().statusCode(201)
                .body("data.id", equalTo(owing))
                .body("data.matched_by", equalTo("amount"))
                .body("data.status", equalTo("paid"))
                .body("data.amount_paid", equalTo("80000.00"))
                .body("data.payments", hasSize(2));
    }

    @Test
    void aTransferThatMatchesSeveralInvoicesIsAConflictListingThemAndOneThatMatchesNoneIsNotFound() {
        String one = invoiceOf("50000");
        String two = invoiceOf("50000");
        reconcile("{\"amount\":\"50000.00\",\"reference\":\"ZENITH-0001\"}").then().statusCode(409)
                .body("error.code", equalTo("CONFLICT"))
                .body("error.message", equalTo("2 open invoices have 50000.00 due; record the payment against one with "
                        + "POST /api/v1/invoices/{id}/record-payment."))
                .body("error.details.field", contains("amount", "amount"))
                .body("error.details.message", contains("invoice INV-2025-001 (" + one + ") has 50000.00 due",
                        "invoice INV-2025-002 (" + two + ") has 50000.00 due"));
        reconcile("{\"amount\":\"1000.00\",\"reference\":\"for INV-2025-001 and INV-2025-002\"}").then().statusCode(409)
                .body("error.details.field", contains("reference", "reference"))
                .body("error.details.message", hasItems("invoice INV-2025-001 (" + one + ") has 50000.00 due"));
        reconcile("{\"amount\":\"1234.56\",\"reference\":\"UBA-5555\"}").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"))
                .body("error.message", equalTo("No open invoice matches this transfer: none has its number in reference 'UBA-5555' or 1234.56 due."));
        // another tenant's or world's invoices are never candidates
        new InvoiceTestFixtures().owner().body("{\"amount\":\"50000.00\",\"reference\":\"INV-2025-001\"}").post("/api/v1/payments/reconcile")
                .then().statusCode(404);
        tenant.testKey().body("{\"amount\":\"50000.00\",\"reference\":\"INV-2025-001\"}").post("/api/v1/payments/reconcile")
                .then().statusCode(404);
        tenant.owner().get("/api/v1/payments").then().body("data", hasSize(0));
    }

    @Test
    void aTransferAlreadyRecordedIsAConflictAndAMatchThatWouldOverpayIsRefused() {
        String invoiceId = invoiceOf("50000");
        reconcile("{\"amount\":\"50000.00\",\"reference\":\"ACCESS-42\"}").then().statusCode(201).body("data.id", equalTo(invoiceId))
                .body("data.status", equalTo("paid"));
        reconcile("{\"amount\":\"50000.00\",\"reference\":\"ACCESS-42\"}").then().statusCode(409)
                .body("error.message", equalTo("A payment with reference 'ACCESS-42' has already been recorded."));

        String other = invoiceOf("20000");
        reconcile("{\"amount\":\"20000.01\",\"reference\":\"payment for INV-2025-002\"}").then().statusCode(422)
                .body("error.code", equalTo("UNPROCESSABLE"))
                .body("error.message", equalTo("Invoice INV-2025-002 has NGN 20000.00 due; a payment of NGN 20000.01 would overpay it."));
        tenant.owner().get("/api/v1/invoices/" + other).then().body("data.payments", hasSize(0));
    }

    @Test
    void aReconcileBodyIsValidatedNamingTheFieldAndReplaysWithTheSameIdempotencyKey() {
        reconcile("{\"reference\":\"X-1\"}").then().statusCode(400).body("error.details.field", hasItems("amount"));
        reconcile("{\"amount\":\"1.001\",\"reference\":\"X-1\"}").then().statusCode(400).body("error.details.field", hasItems("amount"));
        reconcile("{\"amount\":100}").then().statusCode(400).body("error.details.field", hasItems("reference"));
        reconcile("{\"amount\":100,\"reference\":\"  \"}").then().statusCode(400).body("error.details.field", hasItems("reference"));
        reconcile("{\"amount\":100,\"reference\":\"X-1\",\"date\":\"April 9\"}").then().statusCode(400).body("error.details.field", hasItems("date"));

        String invoiceId = invoiceOf("50000");
        String key = UUID.randomUUID().toString();
        String body = "{\"amount\":\"10000.00\",\"reference\":\"INV-2025-001 part 1\"}";
        String first = tenant.owner().header("Idempotency-Key", key).body(body).post("/api/v1/payments/reconcile").then().statusCode(201)
                .extract().path("data.payment.id");
        tenant.owner().header("Idempotency-Key", key).body(body).post("/api/v1/payments/reconcile").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("data.payment.id", equalTo(first));
        tenant.owner().get("/api/v1/invoices/" + invoiceId).then().body("data.amount_due", equalTo("40000.00")).body("data.payments", hasSize(1));
    }

    @Test
    void theTenantsDataExportIncludesItsPaymentsAndNoOneElses() {
        String invoiceId = invoiceOf("50000");
        String paymentId = pay(invoiceId, "{\"amount\":\"1234.56\",\"method\":\"card\",\"paid_at\":\"2026-04-09\",\"reference\":\"POS-1\",\"notes\":\"till 3\"}");
        InvoiceTestFixtures stranger = new InvoiceTestFixtures();
        UUID theirCustomer = stranger.customer("Stranger Ltd", "33333333-0001");
        String theirs = stranger.finalizedInvoice(InvoiceTestFixtures.invoiceBody(theirCustomer));
        stranger.owner().body("{\"amount\":1000,\"method\":\"cash\"}").post("/api/v1/invoices/" + theirs + "/record-payment").then().statusCode(201);

        DataExportProbe.Answer answer = DataExportProbe.request(tenant.tenantId, "invoice-service");
        assertThat(answer.summary().hasNonNull("failure")).as("failure in %s", answer.summary()).isFalse();
        List<JsonNode> payments = answer.file("payments");
        assertThat(payments).hasSize(1);
        JsonNode payment = payments.getFirst();
        assertThat(DataExportProbe.fieldNames(payment)).containsExactlyInAnyOrder("id", "invoice_id", "amount_kobo", "payment_means_code",
                "reference", "notes", "paid_on", "test_mode", "created_at");
        assertThat(payment.get("id").asText()).isEqualTo(paymentId);
        assertThat(payment.get("invoice_id").asText()).isEqualTo(invoiceId);
        assertThat(payment.get("amount_kobo").isIntegralNumber()).isTrue();
        assertThat(payment.get("amount_kobo").asLong()).isEqualTo(123456);
        assertThat(payment.get("payment_means_code").asText()).isEqualTo("48");
        assertThat(payment.get("reference").asText()).isEqualTo("POS-1");
        assertThat(payment.get("notes").asText()).isEqualTo("till 3");
        assertThat(payment.get("paid_on").asText()).isEqualTo("2026-04-09");
    }
}
