package ng.risiti.nrs.sandbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SandboxLatencyTests {

    @AfterEach
    void none() {
        given().contentType(ContentType.JSON).body("{\"profile\":\"none\"}").post("/__sandbox/latency").then().statusCode(200);
    }

    long millisOf(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void aLatencyProfileSlowsEveryNrsCallAndNoneTakesItAway() {
        given().get("/__sandbox/latency").then().statusCode(200).body("data.profile", equalTo("none"));
        given().contentType(ContentType.JSON).body("{\"min_ms\":250,\"max_ms\":300}").post("/__sandbox/latency").then().statusCode(200)
                .body("data.profile", equalTo("custom")).body("data.min_ms", equalTo(250));
        assertThat(millisOf(() -> given().get("/api/v1/invoice/resources/currencies").then().statusCode(200))).isGreaterThanOrEqualTo(250);
        given().contentType(ContentType.JSON).body("{\"profile\":\"realistic\"}").post("/__sandbox/latency").then().statusCode(200)
                .body("data.min_ms", equalTo(100)).body("data.max_ms", equalTo(400));
        assertThat(millisOf(() -> given().get("/api/v1/invoice/resources/currencies").then().statusCode(200))).isGreaterThanOrEqualTo(100);
        none();
        // no upper bound on the time itself: a busy machine can be slow without any profile
        given().get("/__sandbox/latency").then().body("data.profile", equalTo("none")).body("data.max_ms", equalTo(0));
    }

    @Test
    void anUnknownProfileOrABackwardsRangeIs400() {
        given().contentType(ContentType.JSON).body("{\"profile\":\"glacial\"}").post("/__sandbox/latency").then().statusCode(400)
                .body("error.handler", equalTo("sandbox_latency"));
        given().contentType(ContentType.JSON).body("{\"min_ms\":300,\"max_ms\":100}").post("/__sandbox/latency").then().statusCode(400);
    }
}
