package ng.risiti.nrs.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SandboxFaultsTests {

    @AfterEach
    void clear() {
        given().delete("/__sandbox/faults").then().statusCode(200);
    }

    @Test
    void nextCallsFailThenRecover() {
        given().contentType(ContentType.JSON).body("{\"count\":2,\"status\":503}").post("/__sandbox/faults")
                .then().statusCode(200).body("data.count", equalTo(2));
        for (int i = 0; i < 2; i++) {
            given().get("/api/v1/invoice/resources/currencies").then().statusCode(503)
                    .body("error.handler", equalTo("sandbox_fault"));
        }
        given().get("/api/v1/invoice/resources/currencies").then().statusCode(200);
    }

    @Test
    void delayedFaultSimulatesSlowNrs() {
        given().contentType(ContentType.JSON)
                .body("{\"count\":1,\"status\":504,\"delay_ms\":300,\"path_prefix\":\"/api/v1/invoice/resources\"}")
                .post("/__sandbox/faults").then().statusCode(200);
        long start = System.nanoTime();
        given().get("/api/v1/invoice/resources/countries").then().statusCode(504);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        org.hamcrest.MatcherAssert.assertThat(tookMs, greaterThanOrEqualTo(300L));
    }
}
