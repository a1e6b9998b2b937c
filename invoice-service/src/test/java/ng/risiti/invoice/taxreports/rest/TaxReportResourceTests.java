package ng.risiti.invoice.taxreports.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.invoice.journal.JournalBooks;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * VAT returns and WHT schedules (seed 002, {@code /tax-reports}) over April 2025's books: an invoice issued 2025-04-02 of
 * 100,000.00 standard-rated (7,500.00 VAT), 20,000.00 zero-rated and 10,000.00 exempt, paid in full on 2025-04-20 with
 * 5,000.00 withheld as WHT; electricity of 20,000.00 + 1,500.00 VAT paid 2025-04-05.
 */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class TaxReportResourceTests {

    private static final String ZERO_RATED = "00000000-0000-7000-8000-000000000000";
    private static final String EXEMPT = "00000000-0000-7000-8000-0000000000e0";
    private static final String APRIL_VAT = "{\"period\":\"2025-04\",\"kind\":\"vat\"}";

    InvoiceTestFixtures tenant;
    String invoiceNumber;

    @BeforeEach
    void aprilBooks() {
        tenant = new InvoiceTestFixtures().onPlan("starter");
        JournalBooks books = new JournalBooks(tenant);
        UUID customer = tenant.customer("Shoprite Nigeria Ltd", "33333333-0003");
        String invoiceId = tenant.finalizedInvoice("""
                {"customer_id":"%s","issue_date":"2025-04-02","due_date":"2025-05-02","line_items":[
                 {"description":"Shelving","quantity":1,"unit_price":"100000"},
                 {"description":"Export freight","quantity":1,"unit_price":"20000","tax_rate_id":"%s"},
                 {"description":"Staff training","quantity":1,"unit_price":"10000","tax_rate_id":"%s"}]}""".formatted(customer, ZERO_RATED, EXEMPT));
        invoiceNumber = tenant.owner().get("/api/v1/invoices/" + invoiceId).then().statusCode(200).body("data.total_amount", equalTo("137500.00"))
                .extract().path("data.invoice_number");
        tenant.owner().body("{\"amount\":\"132500.00\",\"wht_withheld\":\"5000.00\",\"method\":\"bank_transfer\",\"paid_at\":\"2025-04-20\"}")
                .post("/api/v1/invoices/" + invoiceId + "/record-payment").then().statusCode(201).body("data.status", equalTo("paid"));
        tenant.owner().body("""
                {"date":"2025-04-05","supplier":"Ikeja Electric","category":"utilities","amount":"20000.00","vat_amount":"1500.00"}""")
                .post("/api/v1/expenses").then().statusCode(201);
        books.awaitEntry("payment", invoiceId);
    }

    private JsonPath generate(String body) {
        return tenant.owner().body(body).post("/api/v1/tax-reports/generate").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void aVatReturnForAMonthCarriesTheFirsFormFiguresFromTheBooks() {
        JsonPath report = generate(APRIL_VAT);
        assertThat(report.getMap("data")).containsEntry("kind", "vat").containsEntry("title", "VAT return 2025-04").containsEntry("period", "2025-04")
                .containsEntry("from", "2025-04-01").containsEntry("to", "2025-04-30").containsEntry("version", 1);
        assertThat(report.getMap("data.figures")).containsEntry("currency", "NGN")
                .containsEntry("sales", "130000.00").containsEntry("standard_rated_sales", "100000.00")
                .containsEntry("zero_rated_sales", "20000.00").containsEntry("exempt_sales", "10000.00")
                .containsEntry("output_vat", "7500.00").containsEntry("output_vat_due_kobo", 750_000)
                .containsEntry("input_vat", "1500.00").containsEntry("net_payable", "6000.00").containsEntry("net_payable_kobo", 600_000);
        String id = report.getString("data.id");
        assertThat(report.getString("data.pdf_url")).isEqualTo("/api/v1/tax-reports/" + id + "/pdf");

        // the figures agree with the tax summary of the same days
        tenant.owner().get("/api/v1/reports/tax-summary?from=2025-04-01&to=2025-04-30").then().statusCode(200)
                .body("data.net_payable", equalTo("6000.00")).body("data.output_vat", equalTo("7500.00"));
        tenant.owner().get("/api/v1/tax-reports/" + id).then().statusCode(200)
                .body("data.id", equalTo(id)).body("data.figures.net_payable", equalTo("6000.00")).body("data.version", equalTo(1));
    }

    @Test
    void theSamePeriodGeneratedAgainIsANewVersionAndTheFirstKeepsItsFigures() {
        JsonPath first = generate(APRIL_VAT);
        tenant.owner().body("""
                {"date":"2025-04-25","supplier":"Jumia","category":"supplies","amount":"4000.00","vat_amount":"300.00"}""")
                .post("/api/v1/expenses").then().statusCode(201);
        JsonPath second = generate("{\"from\":\"2025-04-01\",\"to\":\"2025-04-30\"}");

        assertThat(second.getInt("data.version")).isEqualTo(2);
        assertThat(second.getString("data.period")).isEqualTo("2025-04");
        assertThat(second.getString("data.figures.input_vat")).isEqualTo("1800.00");
        tenant.owner().get("/api/v1/tax-reports/" + first.getString("data.id")).then().statusCode(200)
                .body("data.version", equalTo(1)).body("data.figures.input_vat", equalTo("1500.00"));
        // another range is another period, with versions of its own
        JsonPath part = generate("{\"from\":\"2025-04-01\",\"to\":\"2025-04-10\"}");
        assertThat(part.getInt("data.version")).isEqualTo(1);
        assertThat(part.getString("data.period")).isNull();
        assertThat(part.getString("data.title")).isEqualTo("VAT return 2025-04-01 to 2025-04-10");
        assertThat(part.getString("data.figures.sales")).isEqualTo("130000.00");
        assertThat(part.getString("data.figures.output_vat_due")).isEqualTo("0.00");
    }

    @Test
    void theSameIdempotencyKeyReplaysOneReportAndGenerationsAtOnceGetDistinctVersions() throws Exception {
        String first = tenant.owner().header("Idempotency-Key", "vat-april").body(APRIL_VAT).post("/api/v1/tax-reports/generate").then()
                .statusCode(201).extract().path("data.id");
        tenant.owner().header("Idempotency-Key", "vat-april").body(APRIL_VAT).post("/api/v1/tax-reports/generate").then()
                .statusCode(201).body("data.id", equalTo(first)).body("data.version", equalTo(1));
        tenant.owner().header("Idempotency-Key", "vat-april").body("{\"period\":\"2025-03\"}").post("/api/v1/tax-reports/generate").then()
                .statusCode(422).body("error.code", equalTo("UNPROCESSABLE"));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> versions = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Integer> generate = () -> tenant.owner().body(APRIL_VAT).post("/api/v1/tax-reports/generate").then().statusCode(201)
                        .extract().path("data.version");
                versions.add(pool.submit(generate));
            }
            List<Integer> got = new ArrayList<>();
            for (Future<Integer> version : versions) {
                got.add(version.get());
            }
            assertThat(got).containsExactlyInAnyOrder(2, 3, 4, 5);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWhtScheduleListsEachPaymentThePayerWithheldFromAndAddsUpToWhtSuffered() {
        JsonPath schedule = generate("{\"period\":\"2025-04\",\"kind\":\"wht\"}");
        assertThat(schedule.getString("data.title")).isEqualTo("WHT schedule 2025-04");
        assertThat(schedule.getInt("data.figures.count")).isEqualTo(1);
        assertThat(schedule.getString("data.figures.deductions[0].invoice_number")).isEqualTo(invoiceNumber);
        assertThat(schedule.getString("data.figures.deductions[0].customer_name")).isEqualTo("Shoprite Nigeria Ltd");
        assertThat(schedule.getString("data.figures.deductions[0].customer_tin")).isEqualTo("33333333-0003");
        assertThat(schedule.getString("data.figures.deductions[0].paid_on")).isEqualTo("2025-04-20");
        assertThat(schedule.getString("data.figures.deductions[0].receipt_number")).startsWith("RCT-");
        assertThat(schedule.getString("data.figures.deductions[0].amount_settled")).isEqualTo("137500.00");
        assertThat(schedule.getString("data.figures.deductions[0].wht_withheld")).isEqualTo("5000.00");
        assertThat(schedule.getString("data.figures.total_wht_withheld")).isEqualTo("5000.00");
        String whtSuffered = tenant.owner().get("/api/v1/reports/tax-summary?from=2025-04-01&to=2025-04-30").then().statusCode(200)
                .extract().path("data.wht_suffered");
        assertThat(schedule.getString("data.figures.total_wht_withheld")).isEqualTo(whtSuffered);

        JsonPath march = generate("{\"period\":\"2025-03\",\"kind\":\"wht\"}");
        assertThat(march.getInt("data.figures.count")).isZero();
        assertThat(march.getString("data.figures.total_wht_withheld")).isEqualTo("0.00");
    }

    @Test
    void theListIsNewestFirstFilteredByKindAndOnlyTheTenancysOwn() {
        String vat = generate(APRIL_VAT).getString("data.id");
        String wht = generate("{\"period\":\"2025-04\",\"kind\":\"wht\"}").getString("data.id");
        tenant.owner().get("/api/v1/tax-reports").then().statusCode(200).body("data.id", contains(wht, vat)).body("has_more", equalTo(false));
        tenant.owner().get("/api/v1/tax-reports?kind=vat").then().statusCode(200).body("data.id", contains(vat));
        tenant.owner().get("/api/v1/tax-reports?limit=1").then().statusCode(200).body("data.id", contains(wht)).body("has_more", equalTo(true));
        tenant.owner().get("/api/v1/tax-reports?kind=cit").then().statusCode(400).body("error.details[0].field", equalTo("kind"));

        InvoiceTestFixtures stranger = new InvoiceTestFixtures();
        stranger.owner().get("/api/v1/tax-reports").then().statusCode(200).body("data", hasSize(0));
        stranger.owner().get("/api/v1/tax-reports/" + vat).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        stranger.owner().get("/api/v1/tax-reports/" + vat + "/pdf").then().statusCode(404);
        tenant.testKey().get("/api/v1/tax-reports/" + vat).then().statusCode(404);
        tenant.owner().get("/api/v1/tax-reports/not-an-id").then().statusCode(404);
    }

    @Test
    void thePdfShowsTheReturnsFiguresAndOpensInAPdfReader() throws Exception {
        String id = generate(APRIL_VAT).getString("data.id");
        byte[] pdf = tenant.owner().get("/api/v1/tax-reports/" + id + "/pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("VAT return 2025-04", "Adeyemi & Sons Trading Ltd", "Zero-rated sales", "20,000.00", "Net VAT payable", "6,000.00");
        }
        String wht = generate("{\"period\":\"2025-04\",\"kind\":\"wht\"}").getString("data.id");
        byte[] schedule = tenant.owner().get("/api/v1/tax-reports/" + wht + "/pdf").then().statusCode(200).extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(schedule)) {
            assertThat(new PDFTextStripper().getText(document)).contains("WHT schedule 2025-04", invoiceNumber, "Shoprite Nigeria Ltd", "5,000.00");
        }
    }

    @Test
    void badRequestsAreValidationErrorsNamingTheField() {
        for (String[] bad : List.of(new String[] {"{\"period\":\"April\"}", "period"}, new String[] {"{}", "period"},
                new String[] {"{\"period\":\"2025-04\",\"from\":\"2025-04-01\",\"to\":\"2025-04-30\"}", "period"},
                new String[] {"{\"period\":\"2025-04\",\"kind\":\"cit\"}", "kind"}, new String[] {"{\"from\":\"2025-04-01\"}", "to"},
                new String[] {"{\"from\":\"2025-04-30\",\"to\":\"2025-04-01\"}", "to"}, new String[] {"{\"from\":\"2024-01-01\",\"to\":\"2025-04-01\"}", "to"},
                new String[] {"{\"period\":\"2999-01\"}", "period"})) {
            tenant.owner().body(bad[0]).post("/api/v1/tax-reports/generate").then().statusCode(400)
                    .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details[0].field", equalTo(bad[1]));
        }
        tenant.owner().get("/api/v1/tax-reports").then().statusCode(200).body("data", hasSize(0)).body("next_cursor", nullValue());
    }

    @Test
    void onlyRolesWithReportsReadGenerateAndReadTaxReports() {
        for (String role : List.of("owner", "admin", "accountant", "readonly")) {
            String id = tenant.as(role).body(APRIL_VAT).post("/api/v1/tax-reports/generate").then().statusCode(201).extract().path("data.id");
            tenant.as(role).get("/api/v1/tax-reports").then().statusCode(200);
            tenant.as(role).get("/api/v1/tax-reports/" + id).then().statusCode(200);
            tenant.as(role).get("/api/v1/tax-reports/" + id + "/pdf").then().statusCode(200);
        }
        tenant.as("member").body(APRIL_VAT).post("/api/v1/tax-reports/generate").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        tenant.as("member").get("/api/v1/tax-reports").then().statusCode(403);
    }
}
