package ng.risiti.billing.plans.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import ng.risiti.testsupport.RisitiTestResources;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "billing"))
class BillingPlanResourceTests {

    @Test
    void plansArePublicWithTheirPricesAndLimits() {
        given().get("/api/v1/billing/plans").then().statusCode(200)
                .header("X-Request-Id", org.hamcrest.Matchers.startsWith("req_"))
                .body("data.slug", contains("free", "starter", "growth", "enterprise"))
                .body("data[1].monthly_price", equalTo("5000.00"))
                .body("data[1].monthly_price_kobo", equalTo(500000))
                .body("data[1].annual_price", equalTo("48000.00"))
                .body("data[2].monthly_price", equalTo("20000.00"))
                .body("data[0].limits.api_calls_per_day", equalTo(500))
                .body("data[0].limits.burst_per_minute", equalTo(30))
                .body("data[0].features.nrs_submission", equalTo(false))
                .body("data[1].features.nrs_submission", equalTo(true))
                .body("data[3].monthly_price", nullValue())
                .body("data[3].features.custom_pricing", equalTo(true));
    }

    @Test
    void unknownRoutesAndMethodsAnswerWithTheEnvelope() {
        given().get("/api/v1/billing/nothing-here").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        given().delete("/api/v1/billing/plans").then().statusCode(405).body("error.code", equalTo("METHOD_NOT_ALLOWED"));
    }
}
