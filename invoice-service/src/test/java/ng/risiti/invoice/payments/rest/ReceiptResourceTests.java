package ng.risiti.invoice.payments.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Receipts: every payment numbered RCT-YYYY-NNN, listed, read, as a PDF, and recorded through the Finora dialect. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class ReceiptResourceTests {

    private static final int YEAR = LocalDate.now(ZoneId.of("Africa/Lagos")).getYear();

    InvoiceTestFixtures tenant;
    UUID customerId;

    @BeforeEach
    void starterTenantWithCustomer() {
        tenant = new InvoiceTestFixtures().onPlan("starter");
        customerId = tenant.customer("TechVentures Nigeria Ltd", "98765432-0001");
    }

    private Response pay(String invoiceId, String body) {
        return tenant.owner().body(body).post("/api/v1/invoices/" + invoiceId + "/record-payment");
    }

    @Test
    void everyPaymentIsAReceiptNumberedInTurnListedReadAndPrinted() throws Exception {
        String invoiceId = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));
        String first = pay(invoiceId, "{\"amount\":1000,\"method\":\"bank_transfer\",\"reference\":\"TRF-0001\"}").then().statusCode(201)
                .body("data.payment.receipt_number", equalTo("RCT-" + YEAR + "-001")).extract().path("data.payment.id");
        String second = pay(invoiceId, "{\"amount\":250.5,\"method\":\"cash\"}").then().statusCode(201)
                .body("data.payment.receipt_number", equalTo("RCT-" + YEAR + "-002")).extract().path("data.payment.id");

        tenant.owner().get("/api/v1/receipts").then().statusCode(200)
                .body("data.receipt_number", contains("RCT-" + YEAR + "-002", "RCT-" + YEAR + "-001"))
                .body("data[0].amount", equalTo("250.50"));
        tenant.owner().get("/api/v1/receipts/" + first).then().statusCode(200)
                .body("data.receipt_number", equalTo("RCT-" + YEAR + "-001"))
                .body("data.invoice_id", equalTo(invoiceId))
                .body("data.invoice_number", equalTo("INV-" + LocalDate.parse("2025-03-24").getYear() + "-001"))
                .body("data.customer_name", equalTo("TechVentures Nigeria Ltd"))
                .body("data.amount", equalTo("1000.00"))
                .body("data.amount_kobo", equalTo(100000))
                .body("data.method", equalTo("bank_transfer"))
                .body("data.reference", equalTo("TRF-0001"));
        tenant.owner().get("/api/v1/payments/" + second).then().body("data.receipt_number", equalTo("RCT-" + YEAR + "-002"));

        Response pdf = tenant.owner().get("/api/v1/receipts/" + first + "/pdf");
        pdf.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", equalTo("inline; filename=\"RCT-" + YEAR + "-001.pdf\""));
        try (PDDocument document = Loader.loadPDF(pdf.asByteArray())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("RECEIPT", "RCT-" + YEAR + "-001", "TechVentures Nigeria Ltd", "INV-2025-001", "NGN 1,000.00",
                    "bank transfer", "TRF-0001", "Adeyemi & Sons Trading Ltd");
        }
    }

    @Test
    void paymentsAtOnceTakeDistinctGaplessNumbers() throws Exception {
        List<String> invoices = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            invoices.add(tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Response>> calls = new ArrayList<>();
            for (String invoice : invoices) {
                calls.add(pool.submit((Callable<Response>) () -> pay(invoice, "{\"amount\":100,\"method\":\"card\"}")));
            }
            Set<String> numbers = new TreeSet<>();
            for (Future<Response> call : calls) {
                numbers.add(call.get().then().statusCode(201).extract().path("data.payment.receipt_number"));
            }
            assertThat(numbers).containsExactly("RCT-" + YEAR + "-001", "RCT-" + YEAR + "-002", "RCT-" + YEAR + "-003",
                    "RCT-" + YEAR + "-004", "RCT-" + YEAR + "-005", "RCT-" + YEAR + "-006");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void receiptsAreTheTenantsOwnAndThePdfNeedsStarter() {
        String invoiceId = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));
        String receipt = pay(invoiceId, "{\"amount\":1000,\"method\":\"card\"}").then().statusCode(201).extract().path("data.payment.id");
        InvoiceTestFixtures other = new InvoiceTestFixtures().onPlan("starter");
        other.owner().get("/api/v1/receipts/" + receipt).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        other.owner().get("/api/v1/receipts/" + receipt + "/pdf").then().statusCode(404);
        other.owner().get("/api/v1/receipts").then().statusCode(200).body("data", hasSize(0));
        tenant.owner().get("/api/v1/receipts/not-a-uuid").then().statusCode(404);
        tenant.owner().queryParam("from", "yesterday").get("/api/v1/receipts").then().statusCode(400)
                .body("error.details[0].field", equalTo("from"));
        given().get("/api/v1/receipts").then().statusCode(401);
        String customersOnly = TestIdentity.token(tenant.tenantId, UUID.randomUUID(), "member", List.of("customers:read"));
        given().auth().oauth2(customersOnly).get("/api/v1/receipts").then().statusCode(403);

        tenant.onPlan("free");
        tenant.owner().get("/api/v1/receipts/" + receipt + "/pdf").then().statusCode(402).body("error.code", equalTo("FEATURE_NOT_AVAILABLE"));
        tenant.owner().get("/api/v1/receipts/" + receipt).then().statusCode(200);
    }

    @Test
    void theFinoraDialectRecordsAReceiptInKoboOrNaira() {
        String invoiceId = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));
        Response recorded = finora().body("""
                {"invoiceId":"%s","amountKobo":100000,"paymentMethod":"bank_transfer","reference":"PSK-123","paymentDate":"2026-04-02"}"""
                .formatted(invoiceId)).post("/v1/receipts");
        recorded.then().statusCode(201)
                .body("success", equalTo(true))
                .body("data.receiptNumber", equalTo("RCT-" + YEAR + "-001"))
                .body("data.invoiceId", equalTo(invoiceId))
                .body("data.amountKobo", equalTo(100000))
                .body("data.amount", equalTo(1000))
                .body("data.paymentMethod", equalTo("bank_transfer"))
                .body("data.paymentDate", equalTo("2026-04-02T00:00:00.000Z"))
                // invoiceBody's invoice fell due in 2025: still owed, so the dialect shows it overdue
                .body("data.invoiceStatus", equalTo("overdue"))
                .body("data.amountDueKobo", equalTo(37625000 - 100000))
                .body("meta.requestId", equalTo(recorded.header("X-Request-Id")));
        finora().body("{\"invoiceId\":\"%s\",\"amount\":375250,\"paymentMethod\":\"cash\"}".formatted(invoiceId)).post("/v1/receipts")
                .then().statusCode(201).body("data.invoiceStatus", equalTo("paid")).body("data.amountDue", equalTo(0));
        tenant.owner().get("/api/v1/invoices/" + invoiceId).then().body("data.status", equalTo("paid"));

        // errors the dialect's way
        finora().body("{\"invoiceId\":\"%s\",\"paymentMethod\":\"cash\"}".formatted(invoiceId)).post("/v1/receipts").then().statusCode(400)
                .body("error.field", equalTo("amount"));
        finora().body("{\"invoiceId\":\"%s\",\"amount\":1,\"amountKobo\":101,\"paymentMethod\":\"cash\"}".formatted(invoiceId))
                .post("/v1/receipts").then().statusCode(400).body("error.field", equalTo("amountKobo"));
        finora().body("{\"invoiceId\":\"%s\",\"amount\":1,\"paymentMethod\":\"barter\"}".formatted(invoiceId)).post("/v1/receipts")
                .then().statusCode(400).body("error.field", equalTo("paymentMethod"));
        finora().body("{\"invoiceId\":\"%s\",\"amount\":1,\"paymentMethod\":\"cash\"}".formatted(invoiceId)).post("/v1/receipts")
                .then().statusCode(422).body("error.code", equalTo("UNPROCESSABLE"));
        finora().body("{\"invoiceId\":\"%s\",\"amount\":1,\"paymentMethod\":\"cash\"}".formatted(UUID.randomUUID())).post("/v1/receipts")
                .then().statusCode(404).body("success", equalTo(false));
        given().header("Authorization", "Bearer " + tenant.liveKey).contentType(ContentType.JSON)
                .queryParam("businessId", UUID.randomUUID().toString())
                .body("{\"invoiceId\":\"%s\",\"amount\":1,\"paymentMethod\":\"cash\"}".formatted(invoiceId)).post("/v1/receipts")
                .then().statusCode(404);
    }

    private RequestSpecification finora() {
        return given().header("Authorization", "Bearer " + tenant.liveKey).contentType(ContentType.JSON)
                .queryParam("businessId", tenant.tenantId.toString());
    }
}
