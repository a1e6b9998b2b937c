package ng.risiti.invoice.taxes.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import ng.risiti.testsupport.ScrapedMetrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class TaxRateResourceTests {

    private static final String SYSTEM_VAT = "00000000-0000-7000-8000-000000000075";
    private static final String SYSTEM_WHT_5 = "00000000-0000-7000-8000-000000000005";
    private static final List<String> ACCOUNTANT = List.of("invoices:read", "invoices:write", "customers:read", "customers:write",
            "payments:write", "reports:read");
    private static final List<String> MEMBER = List.of("invoices:read", "invoices:write", "customers:read", "customers:write");
    private static final List<String> READONLY = List.of("invoices:read", "customers:read", "reports:read");

    InvoiceTestFixtures tenant;
    UUID customerId;

    @BeforeEach
    void tenantWithCustomer() {
        tenant = new InvoiceTestFixtures();
        customerId = tenant.customer("Eko Hotels Ltd", "98765432-0001");
    }

    private RequestSpecification as(String role, List<String> scopes) {
        return given().auth().oauth2(TestIdentity.token(tenant.tenantId, tenant.userId, role, scopes)).contentType(ContentType.JSON);
    }

    private Response create(String body) {
        return as("accountant", ACCOUNTANT).body(body).post("/api/v1/tax-rates");
    }

    private String createdId(String body) {
        return create(body).then().statusCode(201).extract().path("data.id");
    }

    /** One line of 10 × 1,000.00 at the given rate. */
    private Response invoiceAt(String rateId) {
        return tenant.owner().body("""
                {"customer_id":"%s","issue_date":"2026-03-24","due_date":"2026-04-23",
                 "line_items":[{"description":"Hall hire","quantity":10,"unit_price":1000,"tax_rate_id":"%s"}]}""".formatted(customerId, rateId))
                .post("/api/v1/invoices");
    }

    @Test
    void everyoneSeesTheSystemRatesFirstThenTheBusinessesOwn() {
        as("readonly", READONLY).get("/api/v1/tax-rates").then().statusCode(200)
                .body("data.id", contains("00000000-0000-7000-8000-000000000000", SYSTEM_WHT_5, "00000000-0000-7000-8000-000000000010",
                        SYSTEM_VAT, "00000000-0000-7000-8000-0000000000e0"))
                .body("data.name", contains("VAT zero-rated", "WHT 5%", "WHT 10%", "VAT 7.5%", "VAT exempt"))
                .body("data.rate", contains("0.0", "5.0", "10.0", "7.5", "0.0"))
                .body("data.kind", contains("vat", "wht", "wht", "vat", "vat"))
                .body("data.vat_category", contains("Z", null, null, "S", "E"))
                .body("data.system", everyItem(equalTo(true)))
                .body("has_more", equalTo(false)).body("next_cursor", nullValue());

        String own = createdId("{\"name\":\"Hospitality VAT\",\"rate\":\"12.5\",\"kind\":\"vat\"}");
        String wht = createdId("{\"name\":\"WHT on rent\",\"rate\":10,\"kind\":\"WHT\"}");
        Response first = as("member", MEMBER).queryParam("limit", 6).get("/api/v1/tax-rates");
        first.then().statusCode(200).body("data.size()", equalTo(6)).body("data[5].id", equalTo(own))
                .body("data[5].system", equalTo(false)).body("data[5].rate", equalTo("12.5")).body("data[5].vat_category", equalTo("S"))
                .body("has_more", equalTo(true));
        as("member", MEMBER).queryParam("limit", 6).queryParam("cursor", first.<String>path("next_cursor")).get("/api/v1/tax-rates")
                .then().statusCode(200).body("data.id", contains(wht)).body("has_more", equalTo(false));

        as("member", MEMBER).queryParam("kind", "wht").get("/api/v1/tax-rates").then().statusCode(200)
                .body("data.id", contains(SYSTEM_WHT_5, "00000000-0000-7000-8000-000000000010", wht));
        as("member", MEMBER).queryParam("kind", "gst").get("/api/v1/tax-rates").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details[0].field", equalTo("kind"));
        as("member", MEMBER).queryParam("limit", 0).get("/api/v1/tax-rates").then().statusCode(400)
                .body("error.details[0].field", equalTo("limit"));
        as("member", MEMBER).get("/api/v1/tax-rates/" + own).then().statusCode(200).body("data.name", equalTo("Hospitality VAT"));
        as("member", MEMBER).get("/api/v1/tax-rates/" + SYSTEM_VAT).then().statusCode(200).body("data.system", equalTo(true));
    }

    @Test
    void anAccountantsRatePricesInvoiceLinesOfThatBusiness() {
        Response created = create("{\"name\":\"  Hospitality VAT \",\"rate\":12.5,\"kind\":\"vat\"}");
        created.then().statusCode(201)
                .body("data.name", equalTo("Hospitality VAT")).body("data.rate", equalTo("12.5")).body("data.kind", equalTo("vat"))
                .body("data.vat_category", equalTo("S")).body("data.system", equalTo(false))
                .body("data.created_at", notNullValue());
        String rateId = created.path("data.id");

        // 10 × 1,000.00 = 10,000.00 + 12.5% = 11,250.00
        invoiceAt(rateId).then().statusCode(201)
                .body("data.line_items[0].tax_rate", equalTo("12.5"))
                .body("data.line_items[0].tax_rate_id", equalTo(rateId))
                .body("data.line_items[0].vat_category", equalTo("S"))
                .body("data.total_amount", equalTo("11250.00")).body("data.total_amount_kobo", equalTo(1125000));

        String zero = createdId("{\"name\":\"Exports\",\"rate\":\"0\",\"kind\":\"vat\",\"vat_category\":\"z\"}");
        invoiceAt(zero).then().statusCode(201).body("data.line_items[0].vat_category", equalTo("Z")).body("data.total_amount", equalTo("10000.00"));

        // a WHT rate is deducted by the payer: it never prices a line
        String wht = createdId("{\"name\":\"WHT contracts\",\"rate\":\"2.5\",\"kind\":\"wht\"}");
        invoiceAt(wht).then().statusCode(400).body("error.details[0].field", equalTo("line_items.0.tax_rate_id"));

        // another business's rate is not this one's to use
        InvoiceTestFixtures stranger = new InvoiceTestFixtures();
        UUID strangersCustomer = stranger.customer("Someone Else Ltd", "11111111-0001");
        stranger.owner().body("""
                {"customer_id":"%s","issue_date":"2026-03-24","due_date":"2026-04-23",
                 "line_items":[{"description":"x","quantity":1,"unit_price":1,"tax_rate_id":"%s"}]}""".formatted(strangersCustomer, rateId))
                .post("/api/v1/invoices").then().statusCode(400).body("error.details[0].field", equalTo("line_items.0.tax_rate_id"));
    }

    @Test
    void badRatesNameTheirFieldsAndNamesAreTheBusinessesOnce() {
        create("{}").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", containsInAnyOrder("name", "rate", "kind"));
        create("{\"name\":\"x\",\"rate\":12.34567,\"kind\":\"vat\"}").then().statusCode(400).body("error.details[0].field", equalTo("rate"))
                .body("error.details[0].message", equalTo("rate must have at most 4 decimal places"));
        create("{\"name\":\"x\",\"rate\":\"100.0001\",\"kind\":\"vat\"}").then().statusCode(400).body("error.details[0].field", equalTo("rate"));
        create("{\"name\":\"x\",\"rate\":-1,\"kind\":\"vat\"}").then().statusCode(400).body("error.details[0].field", equalTo("rate"));
        create("{\"name\":\"x\",\"rate\":\"ten\",\"kind\":\"vat\"}").then().statusCode(400).body("error.details[0].field", equalTo("rate"));
        create("{\"name\":\"x\",\"rate\":5,\"kind\":\"gst\",\"vat_category\":\"Q\"}").then().statusCode(400)
                .body("error.details.field", containsInAnyOrder("kind", "vat_category"));
        create("{\"name\":\"x\",\"rate\":0,\"kind\":\"vat\"}").then().statusCode(400).body("error.details[0].field", equalTo("vat_category"))
                .body("error.details[0].message", equalTo("vat_category must be Z (zero-rated) or E (exempt) for a 0 % VAT rate"));
        create("{\"name\":\"x\",\"rate\":5,\"kind\":\"vat\",\"vat_category\":\"E\"}").then().statusCode(400)
                .body("error.details[0].field", equalTo("vat_category"));
        create("{\"name\":\"x\",\"rate\":5,\"kind\":\"wht\",\"vat_category\":\"S\"}").then().statusCode(400)
                .body("error.details[0].field", equalTo("vat_category"));
        create("{\"name\":\"%s\",\"rate\":5,\"kind\":\"wht\"}".formatted("x".repeat(101))).then().statusCode(400)
                .body("error.details[0].field", equalTo("name"));
        create("[1]").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));

        createdId("{\"name\":\"Hospitality VAT\",\"rate\":12.5,\"kind\":\"vat\"}");
        create("{\"name\":\"hospitality vat\",\"rate\":10,\"kind\":\"vat\"}").then().statusCode(409).body("error.code", equalTo("CONFLICT"))
                .body("error.message", equalTo("A tax rate named 'hospitality vat' already exists."));
        create("{\"name\":\"VAT 7.5%\",\"rate\":7.5,\"kind\":\"vat\"}").then().statusCode(409);
        // names are per business and per world
        new InvoiceTestFixtures().owner().body("{\"name\":\"Hospitality VAT\",\"rate\":12.5,\"kind\":\"vat\"}").post("/api/v1/tax-rates")
                .then().statusCode(201);
        tenant.testKey().body("{\"name\":\"Hospitality VAT\",\"rate\":12.5,\"kind\":\"vat\"}").post("/api/v1/tax-rates").then().statusCode(201);
    }

    @Test
    void onlyAccountantsAdminsAndOwnersWriteRates() {
        String body = "{\"name\":\"Rate %s\",\"rate\":5,\"kind\":\"vat\"}";
        for (String role : List.of("member", "readonly")) {
            as(role, "member".equals(role) ? MEMBER : READONLY).body(body.formatted(role)).post("/api/v1/tax-rates").then().statusCode(403)
                    .body("error.code", equalTo("FORBIDDEN"));
        }
        String id = createdId(body.formatted("accountant"));
        as("admin", List.of("admin")).body(body.formatted("admin")).post("/api/v1/tax-rates").then().statusCode(201);
        tenant.owner().body(body.formatted("owner")).post("/api/v1/tax-rates").then().statusCode(201);

        as("member", MEMBER).body("{\"rate\":6}").patch("/api/v1/tax-rates/" + id).then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        as("member", MEMBER).delete("/api/v1/tax-rates/" + id).then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        // an API key needs payments:write too: invoices:write alone is a member's reach
        given().header("x-api-key", TestIdentity.apiKey(tenant.tenantId, List.of("invoices:read", "invoices:write"))).contentType(ContentType.JSON)
                .body(body.formatted("key")).post("/api/v1/tax-rates").then().statusCode(403);
        given().header("x-api-key", TestIdentity.apiKey(tenant.tenantId, List.of("invoices:read", "payments:write"))).contentType(ContentType.JSON)
                .body(body.formatted("key")).post("/api/v1/tax-rates").then().statusCode(201);
        given().get("/api/v1/tax-rates").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().header("x-api-key", TestIdentity.apiKey(tenant.tenantId, List.of("customers:read"))).get("/api/v1/tax-rates").then().statusCode(403);
        as("accountant", ACCOUNTANT).get("/api/v1/tax-rates/" + id).then().statusCode(200);
    }

    @Test
    void systemRatesNeverChangeAndOtherBusinessesRatesAreNotFound() {
        as("accountant", ACCOUNTANT).body("{\"rate\":8}").patch("/api/v1/tax-rates/" + SYSTEM_VAT).then().statusCode(422)
                .body("error.code", equalTo("UNPROCESSABLE"))
                .body("error.message", equalTo("'VAT 7.5%' is a system tax rate; system tax rates cannot be modified."));
        as("accountant", ACCOUNTANT).delete("/api/v1/tax-rates/" + SYSTEM_WHT_5).then().statusCode(422)
                .body("error.message", equalTo("'WHT 5%' is a system tax rate; system tax rates cannot be deleted."));
        tenant.owner().get("/api/v1/tax-rates/" + SYSTEM_VAT).then().body("data.rate", equalTo("7.5"));

        String id = createdId("{\"name\":\"Hospitality VAT\",\"rate\":12.5,\"kind\":\"vat\"}");
        InvoiceTestFixtures stranger = new InvoiceTestFixtures();
        stranger.owner().get("/api/v1/tax-rates/" + id).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        stranger.owner().body("{\"rate\":1}").patch("/api/v1/tax-rates/" + id).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        stranger.owner().delete("/api/v1/tax-rates/" + id).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        stranger.owner().get("/api/v1/tax-rates").then().body("data.id", not(hasItem(id)));
        // the test world is another world
        tenant.testKey().get("/api/v1/tax-rates/" + id).then().statusCode(404);
        tenant.testKey().delete("/api/v1/tax-rates/" + id).then().statusCode(404);
        tenant.owner().get("/api/v1/tax-rates/" + UUID.randomUUID()).then().statusCode(404);
        tenant.owner().get("/api/v1/tax-rates/not-a-uuid").then().statusCode(404);
        tenant.owner().body("{\"rate\":1}").patch("/api/v1/tax-rates/not-a-uuid").then().statusCode(404);
        tenant.owner().get("/api/v1/tax-rates/" + id).then().statusCode(200).body("data.rate", equalTo("12.5"));
    }

    @Test
    void aPatchChangesWhatItSendsAndInvoicesKeepTheRateTheyWerePricedWith() {
        String id = createdId("{\"name\":\"Hospitality VAT\",\"rate\":12.5,\"kind\":\"vat\"}");
        String before = invoiceAt(id).then().statusCode(201).extract().path("data.id");

        as("accountant", ACCOUNTANT).body("{\"rate\":\"15\"}").patch("/api/v1/tax-rates/" + id).then().statusCode(200)
                .body("data.rate", equalTo("15.0")).body("data.name", equalTo("Hospitality VAT")).body("data.vat_category", equalTo("S"));
        tenant.owner().get("/api/v1/invoices/" + before).then().body("data.line_items[0].tax_rate", equalTo("12.5"))
                .body("data.total_amount", equalTo("11250.00"));
        invoiceAt(id).then().statusCode(201).body("data.line_items[0].tax_rate", equalTo("15.0")).body("data.total_amount", equalTo("11500.00"));

        as("accountant", ACCOUNTANT).body("{\"rate\":0,\"vat_category\":\"E\",\"name\":\"Hospitality (exempt)\"}").patch("/api/v1/tax-rates/" + id)
                .then().statusCode(200).body("data.rate", equalTo("0.0")).body("data.vat_category", equalTo("E"))
                .body("data.name", equalTo("Hospitality (exempt)"));
        // a new kind takes that kind's category when none is sent
        as("accountant", ACCOUNTANT).body("{\"kind\":\"wht\",\"rate\":5}").patch("/api/v1/tax-rates/" + id).then().statusCode(200)
                .body("data.kind", equalTo("wht")).body("data.vat_category", nullValue());

        as("accountant", ACCOUNTANT).body("{\"rate\":101,\"kind\":\"x\",\"name\":\"\",\"vat_category\":\"Q\"}").patch("/api/v1/tax-rates/" + id)
                .then().statusCode(400).body("error.details.field", containsInAnyOrder("rate", "kind", "name", "vat_category"));
        as("accountant", ACCOUNTANT).body("{\"vat_category\":\"S\"}").patch("/api/v1/tax-rates/" + id).then().statusCode(400)
                .body("error.details[0].field", equalTo("vat_category"));
        as("accountant", ACCOUNTANT).body("[]").patch("/api/v1/tax-rates/" + id).then().statusCode(400)
                .body("error.details[0].field", equalTo("body"));
        createdId("{\"name\":\"Other\",\"rate\":1,\"kind\":\"wht\"}");
        as("accountant", ACCOUNTANT).body("{\"name\":\"OTHER\"}").patch("/api/v1/tax-rates/" + id).then().statusCode(409)
                .body("error.code", equalTo("CONFLICT"));
        tenant.owner().get("/api/v1/tax-rates/" + id).then().body("data.name", equalTo("Hospitality (exempt)")).body("data.rate", equalTo("5.0"));
    }

    @Test
    void aRateOnAnyInvoiceLineStaysAndAnUnusedOneIsDeleted() {
        String used = createdId("{\"name\":\"Hospitality VAT\",\"rate\":12.5,\"kind\":\"vat\"}");
        invoiceAt(used).then().statusCode(201);
        as("accountant", ACCOUNTANT).delete("/api/v1/tax-rates/" + used).then().statusCode(422).body("error.code", equalTo("UNPROCESSABLE"))
                .body("error.message", equalTo("Tax rate 'Hospitality VAT' is used on invoices and cannot be deleted."));

        String unused = createdId("{\"name\":\"Events VAT\",\"rate\":10,\"kind\":\"vat\"}");
        as("accountant", ACCOUNTANT).delete("/api/v1/tax-rates/" + unused).then().statusCode(200)
                .body("data.message", equalTo("Tax rate deleted."));
        tenant.owner().get("/api/v1/tax-rates/" + unused).then().statusCode(404);
        tenant.owner().get("/api/v1/tax-rates").then().body("data.id", not(hasItem(unused))).body("data.id", hasItem(used));
        as("accountant", ACCOUNTANT).delete("/api/v1/tax-rates/" + unused).then().statusCode(404);
        invoiceAt(unused).then().statusCode(400).body("error.details[0].field", equalTo("line_items.0.tax_rate_id"));
        // its name is free again
        createdId("{\"name\":\"Events VAT\",\"rate\":10,\"kind\":\"vat\"}");
    }

    @Test
    void aRateDeletedWhileInvoicesUseItIsEitherRefusedOrOnNoLine() throws Exception {
        for (int round = 0; round < 3; round++) {
            String rateId = createdId("{\"name\":\"Race %d\",\"rate\":5,\"kind\":\"vat\"}".formatted(round));
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Callable<Response>> calls = new ArrayList<>();
            calls.add(() -> as("accountant", ACCOUNTANT).delete("/api/v1/tax-rates/" + rateId));
            for (int i = 0; i < 5; i++) {
                calls.add(() -> invoiceAt(rateId));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : pool.invokeAll(calls)) {
                responses.add(future.get());
            }
            pool.shutdown();
            int deleted = responses.get(0).statusCode();
            long invoiced = responses.subList(1, 6).stream().filter(r -> r.statusCode() == 201).count();
            assertThat(deleted).isIn(200, 422);
            assertThat(responses.subList(1, 6)).allMatch(r -> r.statusCode() == 201 || r.statusCode() == 400);
            // deleted ⇒ no invoice priced with it; refused ⇒ some invoice was
            assertThat(deleted == 200 ? invoiced == 0 : invoiced > 0).as("delete %d with %d invoices priced at the rate", deleted, invoiced).isTrue();
            assertThat(InvoiceTestFixtures.count("select count(*) from invoice_lines where tax_rate_id = ?", UUID.fromString(rateId)))
                    .isEqualTo(invoiced);
        }
    }

    @Test
    void theSameIdempotencyKeyCreatesOneRate() {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"Once\",\"rate\":3,\"kind\":\"wht\"}";
        String first = as("accountant", ACCOUNTANT).header("Idempotency-Key", key).body(body).post("/api/v1/tax-rates").then().statusCode(201)
                .extract().path("data.id");
        as("accountant", ACCOUNTANT).header("Idempotency-Key", key).body(body).post("/api/v1/tax-rates").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("data.id", equalTo(first));
        as("accountant", ACCOUNTANT).header("Idempotency-Key", key).body(body.replace("3", "4")).post("/api/v1/tax-rates").then().statusCode(422);
        tenant.owner().queryParam("kind", "wht").get("/api/v1/tax-rates").then().body("data.findAll { it.name == 'Once' }.size()", equalTo(1));
    }

    /** Prometheus sees this service's routes by template (never a rate's id), its outbox and its customers consumer. */
    @Test
    void metricsNameTheRouteTemplateTheOutboxAndTheConsumerNeverARatesId() {
        String id = createdId("{\"name\":\"Measured VAT\",\"rate\":5,\"kind\":\"vat\"}");
        as("readonly", READONLY).get("/api/v1/tax-rates/" + id).then().statusCode(200);

        ScrapedMetrics metrics = ScrapedMetrics.awaitPlatformSeries("GET", "/api/v1/tax-rates/{id}", "customers");
        assertThat(metrics.text()).doesNotContain(id);
    }
}
