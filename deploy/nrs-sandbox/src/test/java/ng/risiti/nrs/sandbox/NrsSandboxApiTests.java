package ng.risiti.nrs.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NrsSandboxApiTests {

    static final String IRN = "INV0042-94ND90NR-20250611";

    @BeforeEach
    void reset() {
        given().post("/__sandbox/reset").then().statusCode(200);
    }

    static RequestSpecification api() {
        return given().header("x-api-key", "test-key").header("x-api-secret", "test-secret").contentType(ContentType.JSON);
    }

    static String invoice(String irn) {
        return """
            {"business_id":"6f19a0f0-c8f3-4d2b-8a8b-1b2c45e89d0f","irn":"%s","issue_date":"2025-06-11",
             "invoice_type_code":"381","document_currency_code":"NGN","tax_currency_code":"NGN",
             "accounting_supplier_party":{"party_name":"Ada Ventures","tin":"12345678-0001","email":"ada@example.ng",
               "postal_address":{"street_name":"1 Broad St","city_name":"Lagos","postal_zone":"100001","country":"NG"}},
             "tax_total":[{"tax_amount":75,"tax_subtotal":[{"taxable_amount":1000,"tax_amount":75,"tax_category":{"id":"STANDARD_VAT","percent":7.5}}]}],
             "legal_monetary_total":{"line_extension_amount":1000,"tax_exclusive_amount":1000,"tax_inclusive_amount":1075,"payable_amount":1075},
             "invoice_line":[{"hsn_code":"9983.11","product_category":"Professional services","invoiced_quantity":1,
               "line_extension_amount":1000,"item":{"name":"Consulting"},"price":{"price_amount":1000,"base_quantity":1,"price_unit":"NGN per 1"}}]}
            """.formatted(irn);
    }

    @Test
    void missingCredentialsAnswer401InNrsEnvelope() {
        given().contentType(ContentType.JSON).body(invoice(IRN)).post("/api/v1/invoice/validate")
                .then().statusCode(401)
                .body("code", equalTo(401))
                .body("data", nullValue())
                .body("error.handler", equalTo("authentication"))
                .body("error.public_message", equalTo("unauthorized"));
    }

    @Test
    void irnFormatIsValidated() {
        api().body("""
                {"invoice_reference":"INV0042","business_id":"b1","irn":"%s"}""".formatted(IRN))
                .post("/api/v1/invoice/irn/validate").then().statusCode(200).body("data.ok", equalTo(true));
        for (String bad : new String[] {"INV-0042-94ND90NR-20250611", "INV0042-94ND90N-20250611", "INV0042-94ND90NR-20250231"}) {
            api().body("""
                    {"invoice_reference":"INV0042","business_id":"b1","irn":"%s"}""".formatted(bad))
                    .post("/api/v1/invoice/irn/validate").then().statusCode(400).body("error.handler", equalTo("irn_validate"));
        }
    }

    @Test
    void signOnceThenConfirmUpdateTransmitAndDownload() {
        api().body(invoice(IRN)).post("/api/v1/invoice/sign")
                .then().statusCode(201).body("code", equalTo(201)).body("data.irn", equalTo(IRN));
        api().body(invoice(IRN)).post("/api/v1/invoice/sign")
                .then().statusCode(409).body("error.public_message", containsString("already been signed"));

        api().get("/api/v1/invoice/confirm/" + IRN).then().statusCode(200)
                .body("data.payment_status", equalTo("PENDING")).body("data.transmitted", equalTo(false));
        api().body("{\"payment_status\":\"PAID\",\"reference\":\"PSK_123\"}").patch("/api/v1/invoice/update/" + IRN)
                .then().statusCode(200).body("data.payment_status", equalTo("PAID"));
        api().post("/api/v1/invoice/transmit/" + IRN).then().statusCode(200);
        api().get("/api/v1/invoice/download/" + IRN).then().statusCode(200)
                .body("data.transmitted", equalTo(true))
                .body("data.invoice.invoice_type_code", equalTo("381"));
        api().get("/api/v1/invoice/confirm/UNKNOWN1-94ND90NR-20250611").then().statusCode(404)
                .body("error.handler", equalTo("invoice_confirm"));
    }

    @Test
    void validateListsEveryProblem() {
        api().body("{\"irn\":\"bad\",\"invoice_type_code\":\"999\"}").post("/api/v1/invoice/validate")
                .then().statusCode(400)
                .body("error.details", containsString("business_id"))
                .body("error.details", containsString("invoice_type_code: unknown code 999"))
                .body("error.details", containsString("invoice_line"));
    }

    @Test
    void codeListsArePublicAndVerifyTinWorks() {
        given().get("/api/v1/invoice/resources/currencies").then().statusCode(200).body("data.code", hasItem("NGN"));
        given().get("/api/v1/invoice/resources/invoice-types").then().statusCode(200).body("data.code", hasItem("381"));
        api().body("{\"tin\":\"12345678-0001\"}").post("/api/v1/utilities/verify-tin")
                .then().statusCode(200).body("data.taxpayer_name", notNullValue());
        api().body("{\"tin\":\"00000000-0001\"}").post("/api/v1/utilities/verify-tin").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(200);
    }
}
