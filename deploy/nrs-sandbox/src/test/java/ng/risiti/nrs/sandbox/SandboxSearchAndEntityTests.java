package ng.risiti.nrs.sandbox;

import static ng.risiti.nrs.sandbox.NrsSandboxApiTests.api;
import static ng.risiti.nrs.sandbox.NrsSandboxApiTests.invoice;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MBS collection's invoice search by business id, entity lookup and taxpayer login, as the sandbox answers them. */
@QuarkusTest
class SandboxSearchAndEntityTests {

    static final String BUSINESS = "6f19a0f0-c8f3-4d2b-8a8b-1b2c45e89d0f";

    @BeforeEach
    void reset() {
        given().post("/__sandbox/reset").then().statusCode(200);
    }

    @Test
    void aBusinessesSignedInvoicesAreFoundWithTheirFiltersAndPaging() {
        api().body(invoice("INV0001-94ND90NR-20250611")).post("/api/v1/invoice/sign").then().statusCode(201);
        api().body(invoice("INV0002-94ND90NR-20250611")).post("/api/v1/invoice/sign").then().statusCode(201);
        api().body("{\"payment_status\":\"PAID\"}").patch("/api/v1/invoice/update/INV0002-94ND90NR-20250611").then().statusCode(200);

        api().get("/api/v1/invoice/" + BUSINESS + "?size=20&page=1&sort_by=created_at&sort_direction_desc=true").then().statusCode(200)
                .body("data.total", equalTo(2))
                .body("data.items[0].irn", equalTo("INV0002-94ND90NR-20250611"));
        api().get("/api/v1/invoice/" + BUSINESS + "?payment_status=PAID").then().statusCode(200)
                .body("data.total", equalTo(1)).body("data.items[0].payment_status", equalTo("PAID"));
        api().get("/api/v1/invoice/" + BUSINESS + "?irn=INV0001-94ND90NR-20250611&invoice_type_code=381&document_currency_code=NGN")
                .then().body("data.total", equalTo(1));
        api().get("/api/v1/invoice/" + BUSINESS + "?size=1&page=2").then().body("data.items.size()", equalTo(1)).body("data.page", equalTo(2));
        api().get("/api/v1/invoice/11111111-2222-3333-4444-555555555555").then().statusCode(200).body("data.total", equalTo(0));
        api().get("/api/v1/invoice/" + BUSINESS + "?size=0").then().statusCode(400);
        given().get("/api/v1/invoice/" + BUSINESS).then().statusCode(401);
    }

    @Test
    void anEntityIsLookedUpByItsIdAndATaxpayerLogsInWithEmailAndPassword() {
        api().get("/api/v1/entity/" + BUSINESS).then().statusCode(200).body("data.id", equalTo(BUSINESS)).body("data.status", equalTo("ACTIVE"));
        api().get("/api/v1/entity?size=20&page=1").then().statusCode(200).body("data.page", equalTo(1));
        api().body("{\"email\":\"ada@example.ng\",\"password\":\"secret\"}").post("/api/v1/utilities/authenticate").then().statusCode(200)
                .body("data.access_token", notNullValue()).body("data.token_type", equalTo("Bearer"));
        api().body("{\"email\":\"ada@example.ng\"}").post("/api/v1/utilities/authenticate").then().statusCode(400)
                .body("error.details", containsString("password: is required"));
    }
}
