package ng.risiti.customer.customers.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/customers/find-or-create} in the Finora dialect: its envelope, camelCase, errors and the race. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "customer"))
@QuarkusTestResource(TestIdentity.Resource.class)
class FinoraCustomerResourceTests {

    final UUID tenantId = UUID.randomUUID();
    final String key = TestIdentity.apiKey(tenantId, CustomerResourceTests.WRITER);

    /** The dialect's way: the API key as a Bearer token. */
    RequestSpecification finora() {
        return given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
    }

    Response findOrCreate(String body) {
        return finora().queryParam("businessId", tenantId.toString()).body(body).post("/v1/customers/find-or-create");
    }

    @Test
    void createsOnceThenFindsByEmailWhateverItsCase() {
        Response created = findOrCreate("{\"name\":\"Ada Shopper\",\"email\":\"Ada@Example.ng\",\"phone\":\"+2348012345678\"}");
        created.then().statusCode(201)
                .body("success", equalTo(true))
                .body("data.email", equalTo("ada@example.ng"))
                .body("data.businessId", equalTo(tenantId.toString()))
                .body("data.createdAt", notNullValue())
                .body("data", not(hasKey("created_at")))
                .body("meta.requestId", equalTo(created.header("X-Request-Id")))
                // the same numbers as the X-RateLimit-* headers, from the same limiter
                .body("meta.rateLimit.limit", equalTo(Integer.parseInt(created.header("X-RateLimit-Limit"))))
                .body("meta.rateLimit.remaining", equalTo(Integer.parseInt(created.header("X-RateLimit-Remaining"))));
        String id = created.path("data.id");

        findOrCreate("{\"name\":\"Ada S.\",\"email\":\"ADA@example.NG\"}").then().statusCode(200)
                .body("data.id", equalTo(id)).body("data.name", equalTo("Ada Shopper"));
        // businessId in the body instead of the query
        finora().body("{\"businessId\":\"" + tenantId + "\",\"name\":\"Ada\",\"email\":\"ada@example.ng\"}")
                .post("/v1/customers/find-or-create").then().statusCode(200).body("data.id", equalTo(id));
        // the same customer through the main API
        given().header("x-api-key", key).get("/api/v1/customers/" + id).then().statusCode(200).body("data.name", equalTo("Ada Shopper"));
    }

    @Test
    void aDeletedCustomerIsNotFoundSoANewOneIsMade() {
        String id = findOrCreate("{\"name\":\"Old\",\"email\":\"old@example.ng\"}").then().statusCode(201).extract().path("data.id");
        given().header("x-api-key", key).delete("/api/v1/customers/" + id).then().statusCode(200);
        String again = findOrCreate("{\"name\":\"New\",\"email\":\"old@example.ng\"}").then().statusCode(201).extract().path("data.id");
        assertThat(again).isNotEqualTo(id);
    }

    @Test
    void callsForOneEmailAtOnceCreateExactlyOneCustomer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Callable<Response> call = () -> findOrCreate("{\"name\":\"Racer\",\"email\":\"racer@example.ng\"}");
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : pool.invokeAll(Collections.nCopies(8, call))) {
                answers.add(answer.get());
            }
            assertThat(answers).extracting(Response::statusCode).containsOnly(200, 201);
            assertThat(answers).filteredOn(answer -> answer.statusCode() == 201).hasSize(1);
            assertThat(answers).extracting(answer -> (String) answer.path("data.id")).containsOnly((String) answers.getFirst().path("data.id"));
        } finally {
            pool.shutdownNow();
        }
        given().header("x-api-key", key).queryParam("search", "racer@example.ng").get("/api/v1/customers").then().statusCode(200)
                .body("meta.total", equalTo(1));
    }

    @Test
    void errorsComeInTheDialectsEnvelopeNamingTheFieldItsWay() {
        findOrCreate("{\"name\":\"X\",\"email\":\"not-an-email\"}").then().statusCode(400)
                .body("success", equalTo(false))
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.field", equalTo("email"))
                .body("error.requestId", notNullValue())
                .body("$", not(hasKey("data")));
        finora().body("{\"name\":\"X\",\"email\":\"x@example.ng\"}").post("/v1/customers/find-or-create").then().statusCode(400)
                .body("error.field", equalTo("businessId"))
                .body("error.message", equalTo("businessId is required (query or body)"));
        finora().queryParam("businessId", UUID.randomUUID().toString()).body("{\"name\":\"X\",\"email\":\"x@example.ng\"}")
                .post("/v1/customers/find-or-create").then().statusCode(404)
                .body("success", equalTo(false)).body("error.code", equalTo("NOT_FOUND"));
        findOrCreate("{\"name\":\"X\",\"email\":\"x@example.ng\",\"tin\":\"123\"}").then().statusCode(400)
                .body("error.field", equalTo("tin"));
        findOrCreate("{").then().statusCode(400).body("success", equalTo(false)).body("error.code", equalTo("VALIDATION_ERROR"));
        given().contentType(ContentType.JSON).queryParam("businessId", tenantId.toString()).body("{}")
                .post("/v1/customers/find-or-create").then().statusCode(401)
                .body("success", equalTo(false)).body("error.code", equalTo("UNAUTHORIZED"));
        String readOnly = TestIdentity.apiKey(tenantId, List.of("customers:read"));
        given().header("Authorization", "Bearer " + readOnly).contentType(ContentType.JSON).queryParam("businessId", tenantId.toString())
                .body("{\"name\":\"X\",\"email\":\"x@example.ng\"}").post("/v1/customers/find-or-create").then().statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"));
        finora().get("/v1/customers/nothing-here").then().statusCode(404).body("success", equalTo(false));
        // the main API keeps its own envelope
        given().header("x-api-key", key).get("/api/v1/customers/" + UUID.randomUUID()).then().statusCode(404)
                .body("$", not(hasKey("success"))).body("error.request_id", notNullValue());
    }

    @Test
    void aTestKeyFindsOnlyTestCustomers() {
        String live = findOrCreate("{\"name\":\"Live\",\"email\":\"both@example.ng\"}").then().statusCode(201).extract().path("data.id");
        String testKey = TestIdentity.testApiKey(tenantId, CustomerResourceTests.WRITER);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().header("Authorization", "Bearer " + testKey).contentType(ContentType.JSON).queryParam("businessId", tenantId.toString())
                        .body("{\"name\":\"Test\",\"email\":\"both@example.ng\"}").post("/v1/customers/find-or-create").then().statusCode(201)
                        .body("data.id", not(equalTo(live))));
    }
}
