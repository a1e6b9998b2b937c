package ng.risiti.nrs.submissions;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import ng.risiti.platform.security.InternalEndpoints;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;

/** One tenant's invoices handed to the gateway as invoice-service hands them over, and what the API then shows. */
public final class NrsSubmissions {

    public final UUID tenantId = UUID.randomUUID();
    public final String token = TestIdentity.token(tenantId, UUID.randomUUID(), "owner", List.of("invoices:read", "invoices:write"));
    /** Test-mode submissions are seen with an rs_test_ key. */
    public final String testKey = TestIdentity.testApiKey(tenantId, List.of("invoices:read", "invoices:write"));

    public io.restassured.specification.RequestSpecification asTestKey() {
        return given().header("x-api-key", testKey);
    }

    /** A fresh IRN in NRS's shape: {InvoiceNumber}-{ServiceID}-{YYYYMMDD}. */
    public static String irn() {
        return "INV" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT) + "-94ND90NR-20250611";
    }

    /** An invoice NRS's validator accepts, as invoice-service's NrsInvoicePayload builds it. */
    public static String payload(String irn) {
        return """
            {"business_id":"00000000-0000-0000-0000-000000000000","irn":"%s","issue_date":"2025-06-11","issue_time":"10:30:00",
             "invoice_type_code":"381","document_currency_code":"NGN","tax_currency_code":"NGN",
             "accounting_supplier_party":{"party_name":"Ada Ventures","tin":"12345678-0001","email":"ada@example.ng",
               "postal_address":{"street_name":"1 Broad St","city_name":"Lagos","postal_zone":"100001","country":"NG"}},
             "accounting_customer_party":{"party_name":"Bola Stores","tin":"87654321-0001","email":"bola@example.ng",
               "telephone":"+2348031234567"},
             "tax_total":[{"tax_amount":75.00,"tax_subtotal":[{"taxable_amount":1000.00,"tax_amount":75.00,"tax_category":{"id":"STANDARD_VAT","percent":7.5}}]}],
             "legal_monetary_total":{"line_extension_amount":1000.00,"tax_exclusive_amount":1000.00,"tax_inclusive_amount":1075.00,"payable_amount":1075.00},
             "invoice_line":[{"hsn_code":"9983.11","product_category":"Professional services","discount_rate":0,"discount_amount":0,
               "invoiced_quantity":1,"line_extension_amount":1000.00,"item":{"name":"Consulting","description":"Consulting"},
               "price":{"price_amount":1000.00,"base_quantity":1,"price_unit":"NGN per 1"}}]}""".formatted(irn);
    }

    /** POST /internal/nrs/submissions as invoice-service calls it for submit-firs. */
    public ValidatableResponse submit(UUID invoiceId, String irn, String payload, boolean testMode) {
        return submit(given(), invoiceId, irn, payload, testMode);
    }

    /** As invoice-service's REST client sends it while tracing: with the W3C {@code traceparent} of its span. */
    public ValidatableResponse submitInTrace(String traceParent, UUID invoiceId, String irn) {
        return submit(given().header("traceparent", traceParent), invoiceId, irn, payload(irn), true);
    }

    private ValidatableResponse submit(RequestSpecification request, UUID invoiceId, String irn, String payload, boolean testMode) {
        String body = """
                {"tenant_id":"%s","test_mode":%s,"invoice_id":"%s","invoice_number":"%s","irn":"%s","payload":%s}"""
                .formatted(tenantId, testMode, invoiceId, irn.substring(0, irn.indexOf('-')), irn, payload);
        return request.header(InternalEndpoints.SERVICE_TOKEN_HEADER, RisitiTestResources.serviceToken()).contentType(ContentType.JSON)
                .body(body).post("/internal/nrs/submissions").then();
    }

    public ValidatableResponse submit(UUID invoiceId, String irn) {
        return submit(invoiceId, irn, payload(irn), true);
    }

    /** The submission of the invoice once it reached {@code status} (test mode), with its attempts. */
    public JsonPath awaitStatus(UUID invoiceId, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> asTestKey().queryParam("invoice_id", invoiceId).get("/api/v1/nrs/submissions").then().statusCode(200)
                .body("data[0].status", equalTo(status)));
        return detail(invoiceId);
    }

    public JsonPath detail(UUID invoiceId) {
        String id = asTestKey().queryParam("invoice_id", invoiceId).get("/api/v1/nrs/submissions")
                .then().statusCode(200).extract().path("data[0].id");
        return asTestKey().get("/api/v1/nrs/submissions/" + id).then().statusCode(200)
                .extract().jsonPath();
    }
}
