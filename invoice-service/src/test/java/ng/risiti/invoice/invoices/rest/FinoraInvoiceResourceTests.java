package ng.risiti.invoice.invoices.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Finora dialect's invoices (seed 001) over the same invoices as /api/v1: shape, defaults, statuses, errors. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class FinoraInvoiceResourceTests {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Africa/Lagos"));

    InvoiceTestFixtures tenant;
    UUID customerId;

    @BeforeEach
    void tenantWithCustomer() {
        tenant = new InvoiceTestFixtures().onPlan("starter");
        customerId = tenant.customer("Konga Technologies Ltd", "98765432-0001");
    }

    /** The dialect's way: the API key as a Bearer token. */
    private RequestSpecification finora() {
        return given().header("Authorization", "Bearer " + tenant.liveKey).contentType(ContentType.JSON)
                .queryParam("businessId", tenant.tenantId.toString());
    }

    private Response create(String body) {
        return finora().body(body).post("/v1/invoices");
    }

    @Test
    void aDraftIsCreatedWithTheSeedsDefaultsAndShownInKoboAndNaira() {
        Response created = create("""
                {"customerId":"%s","dueDate":"2030-05-01","lineItems":[{"description":"Monthly retainer - April","quantity":1,"unitPrice":500000}]}"""
                .formatted(customerId));
        created.then().statusCode(201)
                .body("success", equalTo(true))
                .body("data.businessId", equalTo(tenant.tenantId.toString()))
                .body("data.customerId", equalTo(customerId.toString()))
                .body("data.invoiceNumber", equalTo("INV-" + TODAY.getYear() + "-001"))
                .body("data.invoiceDate", equalTo(TODAY + "T00:00:00.000Z"))
                .body("data.dueDate", equalTo("2030-05-01T00:00:00.000Z"))
                .body("data.lineItems[0].unitPrice", equalTo(500000))
                .body("data.lineItems[0].amountKobo", equalTo(50000000))
                .body("data.lineItems[0].amount", equalTo(500000))
                .body("data.subtotalKobo", equalTo(50000000))
                .body("data.vatRate", equalTo(7.5f))
                .body("data.vatAmountKobo", equalTo(3750000))
                .body("data.totalKobo", equalTo(53750000))
                .body("data.total", equalTo(537500))
                .body("data.amountDueKobo", equalTo(53750000))
                .body("data.amountDue", equalTo(537500))
                .body("data.status", equalTo("draft"))
                .body("data", not(hasKey("total_kobo")))
                .body("meta.requestId", equalTo(created.header("X-Request-Id")))
                // the same numbers as the X-RateLimit-* headers, from the same limiter
                .body("meta.rateLimit.limit", equalTo(Integer.parseInt(created.header("X-RateLimit-Limit"))))
                .body("meta.rateLimit.remaining", equalTo(Integer.parseInt(created.header("X-RateLimit-Remaining"))));
        assertThat(created.<String>path("data.createdAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        String id = created.path("data.id");

        // one invoice, two dialects
        tenant.owner().get("/api/v1/invoices/" + id).then().statusCode(200)
                .body("data.total_amount", equalTo("537500.00")).body("data.status", equalTo("draft"));
        // the due date defaults to 14 days after today, and vatRate 0 is zero-rated
        create("""
                {"customerId":"%s","vatRate":0,"lineItems":[{"description":"Rice, 50kg","quantity":2.5,"unitPrice":85000.55}]}"""
                .formatted(customerId)).then().statusCode(201)
                .body("data.dueDate", equalTo(TODAY.plusDays(14) + "T00:00:00.000Z"))
                .body("data.vatRate", equalTo(0))
                .body("data.vatAmountKobo", equalTo(0))
                .body("data.lineItems[0].quantity", equalTo(2.5f))
                .body("data.lineItems[0].unitPrice", equalTo(85000.55f))
                .body("data.totalKobo", equalTo(21250138));
    }

    /** A retried POST (a plugin's hook fired twice) is answered in the dialect it was first answered in. */
    @Test
    void aReplayedCreateIsAnsweredInTheDialectsCamelCase() {
        String body = """
                {"customerId":"%s","lineItems":[{"description":"Monthly retainer - April","quantity":1,"unitPrice":500000}]}""".formatted(customerId);
        String key = "wc-order-" + UUID.randomUUID();
        Response first = finora().header("Idempotency-Key", key).body(body).post("/v1/invoices");
        first.then().statusCode(201);
        Response replayed = finora().header("Idempotency-Key", key).body(body).post("/v1/invoices");
        replayed.then().statusCode(201)
                .body("data.id", equalTo(first.<String>path("data.id")))
                .body("data.invoiceNumber", equalTo(first.<String>path("data.invoiceNumber")))
                .body("data.totalKobo", equalTo(53750000))
                .body("data", not(hasKey("invoice_number")));
    }

    @Test
    void invalidBodiesNameTheirFieldTheDialectsWay() {
        create("""
                {"customerId":"%s","lineItems":[{"description":"x","quantity":1,"unitPrice":100000001}]}""".formatted(customerId))
                .then().statusCode(400)
                .body("success", equalTo(false))
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.field", equalTo("lineItems[0].unitPrice"))
                .body("error.message", equalTo("unitPrice must be between 0 and 100,000,000"))
                .body("error.requestId", not(nullValue()));
        create("""
                {"customerId":"%s","lineItems":[{"description":"x","quantity":0,"unitPrice":1}]}""".formatted(customerId))
                .then().statusCode(400).body("error.field", equalTo("lineItems[0].quantity"));
        create("""
                {"customerId":"%s","lineItems":[]}""".formatted(customerId))
                .then().statusCode(400).body("error.field", equalTo("lineItems"));
        create("""
                {"customerId":"%s","vatRate":5,"lineItems":[{"description":"x","quantity":1,"unitPrice":1}]}""".formatted(customerId))
                .then().statusCode(400).body("error.field", equalTo("vatRate"))
                .body("error.message", equalTo("vatRate must be 7.5 (standard) or 0 (zero-rated)"));
        // a customer of no business of ours
        create("""
                {"customerId":"%s","lineItems":[{"description":"x","quantity":1,"unitPrice":1}]}""".formatted(UUID.randomUUID()))
                .then().statusCode(400).body("error.field", equalTo("customerId"));
        // businessId: missing, or another business
        given().header("Authorization", "Bearer " + tenant.liveKey).get("/v1/invoices").then().statusCode(400)
                .body("error.field", equalTo("businessId"));
        given().header("Authorization", "Bearer " + tenant.liveKey).queryParam("businessId", UUID.randomUUID().toString())
                .get("/v1/invoices").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        finora().queryParam("status", "late").get("/v1/invoices").then().statusCode(400).body("error.field", equalTo("status"));
        finora().queryParam("limit", "101").get("/v1/invoices").then().statusCode(400).body("error.field", equalTo("limit"));
        given().contentType(ContentType.JSON).queryParam("businessId", tenant.tenantId.toString()).get("/v1/invoices")
                .then().statusCode(401).body("success", equalTo(false));
    }

    @Test
    void theListIsNewestFirstFiltersByTheDialectsStatusesAndShowsOverdueOnesAsOverdue() {
        String draft = create(body("2030-01-31")).then().statusCode(201).extract().path("data.id");
        String unsent = finalized(body("2030-01-31"));
        String overdue = finalized(body(TODAY.minusDays(3).toString(), TODAY.minusDays(30).toString()));
        String sent = finalized(body("2030-01-31"));
        tenant.owner().body("{\"channels\":[\"email\"]}").post("/api/v1/invoices/" + sent + "/send").then().statusCode(200);
        String partly = finalized(body("2030-01-31"));
        tenant.owner().body("{\"amount\":1000,\"method\":\"bank_transfer\"}")
                .post("/api/v1/invoices/" + partly + "/record-payment").then().statusCode(201);

        finora().get("/v1/invoices").then().statusCode(200)
                .body("data.count", equalTo(5))
                .body("data.invoices.id", contains(partly, sent, overdue, unsent, draft))
                .body("data.invoices.status", contains("partially_paid", "sent", "overdue", "unsent", "draft"));
        finora().queryParam("status", "overdue").get("/v1/invoices").then().body("data.invoices.id", contains(overdue));
        finora().queryParam("status", "unsent").get("/v1/invoices").then().body("data.invoices.id", contains(unsent));
        finora().queryParam("status", "sent").get("/v1/invoices").then().body("data.invoices.id", contains(sent));
        finora().queryParam("status", "partially_paid").get("/v1/invoices").then().body("data.invoices.id", contains(partly));
        finora().queryParam("status", "draft").get("/v1/invoices").then().body("data.invoices.id", contains(draft));
        finora().queryParam("limit", "2").get("/v1/invoices").then().body("data.count", equalTo(2))
                .body("data.invoices.id", contains(partly, sent));
        finora().get("/v1/invoices/" + overdue).then().statusCode(200).body("data.status", equalTo("overdue"))
                .body("data.invoiceNumber", equalTo(tenant.owner().get("/api/v1/invoices/" + overdue).path("data.invoice_number")));
    }

    @Test
    void putChangesOnlyADraftsFourFieldsAndRecomputesTheTotals() {
        String id = create("""
                {"customerId":"%s","vatRate":0,"lineItems":[{"description":"Rice","quantity":1,"unitPrice":1000}]}"""
                .formatted(customerId)).then().statusCode(201).extract().path("data.id");
        finora().body("{\"dueDate\":\"2030-05-15\",\"notes\":\"Net 15 from approval date\"}").put("/v1/invoices/" + id)
                .then().statusCode(200)
                .body("data.dueDate", equalTo("2030-05-15T00:00:00.000Z"))
                .body("data.notes", equalTo("Net 15 from approval date"))
                .body("data.totalKobo", equalTo(100000))
                .body("data.updatedAt", not(nullValue()));
        // new lines keep the invoice's zero rate
        finora().body("{\"lineItems\":[{\"description\":\"Beans\",\"quantity\":3,\"unitPrice\":2000}]}").put("/v1/invoices/" + id)
                .then().statusCode(200)
                .body("data.lineItems.description", contains("Beans"))
                .body("data.subtotalKobo", equalTo(600000)).body("data.vatAmountKobo", equalTo(0)).body("data.totalKobo", equalTo(600000))
                .body("data.notes", equalTo("Net 15 from approval date"));

        tenant.owner().post("/api/v1/invoices/" + id + "/finalize").then().statusCode(200);
        finora().body("{\"notes\":\"too late\"}").put("/v1/invoices/" + id).then().statusCode(422)
                .body("error.code", equalTo("UNPROCESSABLE"));
        finora().body("{\"notes\":\"x\"}").put("/v1/invoices/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anotherBusinessesInvoiceAndACreditNoteAreNotFound() {
        String id = finalized(body("2030-01-31"));
        InvoiceTestFixtures other = new InvoiceTestFixtures();
        given().header("Authorization", "Bearer " + other.liveKey).queryParam("businessId", other.tenantId.toString())
                .get("/v1/invoices/" + id).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        String creditNote = tenant.owner().body("{\"reason\":\"Returned goods\",\"amount\":\"100.00\"}")
                .post("/api/v1/invoices/" + id + "/credit-note").then().statusCode(201).extract().path("data.id");
        finora().get("/v1/invoices/" + creditNote).then().statusCode(404);
        finora().get("/v1/invoices").then().body("data.invoices.id", contains(id));
        // reading needs invoices:read
        String customersOnly = TestIdentity.apiKey(tenant.tenantId, List.of("customers:read"));
        given().header("Authorization", "Bearer " + customersOnly).queryParam("businessId", tenant.tenantId.toString())
                .get("/v1/invoices").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
    }

    private String finalized(String body) {
        String id = create(body).then().statusCode(201).extract().path("data.id");
        tenant.owner().post("/api/v1/invoices/" + id + "/finalize").then().statusCode(200);
        return id;
    }

    private String body(String dueDate) {
        return body(dueDate, null);
    }

    private String body(String dueDate, String invoiceDate) {
        return """
                {"customerId":"%s","dueDate":"%s",%s"lineItems":[{"description":"Website development","quantity":1,"unitPrice":500000}]}"""
                .formatted(customerId, dueDate, invoiceDate == null ? "" : "\"invoiceDate\":\"" + invoiceDate + "\",");
    }
}
