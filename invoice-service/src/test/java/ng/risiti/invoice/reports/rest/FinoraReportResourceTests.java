package ng.risiti.invoice.reports.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.invoice.journal.JournalBooks;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Finora dialect's reports (seed 001): {@code /v1/reports/profit-loss} and {@code /v1/reports/ar-aging} over an
 * invoice created and paid through the dialect itself, in its envelope, kobo integers beside naira numbers.
 */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class FinoraReportResourceTests {

    InvoiceTestFixtures tenant;
    UUID customer;

    @BeforeEach
    void business() {
        tenant = new InvoiceTestFixtures().onPlan("starter");
        customer = tenant.customer("Paystack Checkout Shopper", "55555555-0005");
    }

    private RequestSpecification finora() {
        return given().auth().oauth2(tenant.liveKey).contentType(ContentType.JSON).queryParam("businessId", tenant.tenantId.toString());
    }

    @Test
    void profitAndLossAndAgeingReadTheInvoicesMadeInTheDialectInKoboAndNaira() {
        // 2 × 250,000.00 at 7.5 %: 500,000.00 net, 537,500.00 due on 2025-05-01
        String id = finora().body("""
                {"customerId":"%s","invoiceDate":"2025-04-17","dueDate":"2025-05-01","lineItems":[{"description":"Retainer","quantity":2,"unitPrice":250000}]}"""
                .formatted(customer)).post("/v1/invoices").then().statusCode(201).extract().path("data.id");
        tenant.owner().post("/api/v1/invoices/" + id + "/finalize").then().statusCode(200);
        finora().body("{\"invoiceId\":\"%s\",\"amountKobo\":13750000,\"paymentMethod\":\"bank_transfer\",\"paymentDate\":\"2025-04-20\"}".formatted(id))
                .post("/v1/receipts").then().statusCode(201);
        tenant.owner().body("{\"date\":\"2025-04-18\",\"supplier\":\"MTN\",\"category\":\"utilities\",\"amount\":\"12500.50\"}")
                .post("/api/v1/expenses").then().statusCode(201);
        new JournalBooks(tenant).awaitEntry("payment", id);

        finora().queryParam("startDate", "2025-04-01").queryParam("endDate", "2025-04-30T00:00:00.000Z").get("/v1/reports/profit-loss").then()
                .statusCode(200)
                .body("success", equalTo(true)).body("meta.requestId", startsWith("req_"))
                .body("data.businessId", equalTo(tenant.tenantId.toString()))
                .body("data.startDate", equalTo("2025-04-01T00:00:00.000Z")).body("data.endDate", equalTo("2025-04-30T00:00:00.000Z"))
                .body("data.revenueKobo", equalTo(50_000_000)).body("data.revenue", equalTo(500000))
                .body("data.expenses.category", contains("utilities")).body("data.expenses[0].amountKobo", equalTo(1_250_050))
                .body("data.expenses[0].amount", equalTo(12500.5f))
                .body("data.totalExpensesKobo", equalTo(1_250_050))
                .body("data.netProfitKobo", equalTo(48_749_950)).body("data.netProfit", equalTo(487499.5f));
        finora().queryParam("startDate", "2025-05-01").get("/v1/reports/profit-loss").then().statusCode(200)
                .body("data.revenueKobo", equalTo(0)).body("data.expenses", hasSize(0)).body("data.endDate", equalTo(null));

        // 400,000.00 still due, long past 2025-05-01: over 90 days overdue today
        finora().get("/v1/reports/ar-aging").then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.customers", hasSize(1))
                .body("data.customers[0].customerId", equalTo(customer.toString()))
                .body("data.customers[0].customerName", equalTo("Paystack Checkout Shopper"))
                .body("data.customers[0].invoiceCount", equalTo(1))
                .body("data.customers[0].buckets.days90PlusKobo", equalTo(40_000_000))
                .body("data.totals.days90Plus", equalTo(400000))
                .body("data.totals.currentKobo", equalTo(0))
                .body("data.totals.totalKobo", equalTo(40_000_000)).body("data.totals.total", equalTo(400000));
    }

    @Test
    void errorsComeInTheDialectsEnvelopeNamingItsFields() {
        given().auth().oauth2(tenant.liveKey).get("/v1/reports/profit-loss").then().statusCode(400)
                .body("success", equalTo(false)).body("error.code", equalTo("VALIDATION_ERROR")).body("error.field", equalTo("businessId"));
        finora().queryParam("startDate", "April").get("/v1/reports/profit-loss").then().statusCode(400)
                .body("error.field", equalTo("startDate")).body("error.message", equalTo("startDate must be a date such as 2026-04-01"));
        finora().queryParam("startDate", "2025-05-01").queryParam("endDate", "2025-04-01").get("/v1/reports/profit-loss").then().statusCode(400)
                .body("error.field", equalTo("endDate"));
        for (String path : new String[] {"/v1/reports/profit-loss", "/v1/reports/ar-aging"}) {
            given().auth().oauth2(tenant.liveKey).queryParam("businessId", UUID.randomUUID().toString()).get(path).then().statusCode(404)
                    .body("success", equalTo(false)).body("error.code", equalTo("NOT_FOUND"));
            given().auth().oauth2(TestIdentity.apiKey(tenant.tenantId, java.util.List.of("invoices:read", "invoices:write")))
                    .queryParam("businessId", tenant.tenantId.toString()).get(path).then().statusCode(403)
                    .body("success", equalTo(false)).body("error.code", equalTo("FORBIDDEN"));
            given().queryParam("businessId", tenant.tenantId.toString()).get(path).then().statusCode(401).body("success", equalTo(false));
        }
    }
}
