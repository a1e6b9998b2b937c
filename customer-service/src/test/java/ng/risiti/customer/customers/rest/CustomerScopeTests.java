package ng.risiti.customer.customers.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/**
 * Every customer endpoint needs exactly the scope docs/permissions.md gives it: without it 403, with it alone not;
 * without credentials 401.
 */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "customer"))
@QuarkusTestResource(TestIdentity.Resource.class)
class CustomerScopeTests {

    static final List<String> ALL = List.of("invoices:read", "invoices:write", "customers:read", "customers:write",
            "payments:write", "reports:read", "webhooks:manage");

    record Endpoint(String name, String scope, BiFunction<RequestSpecification, String, Integer> call) {
    }

    @Test
    void eachEndpointNeedsItsScopeAndNoOther() {
        UUID tenantId = UUID.randomUUID();
        String writer = TestIdentity.token(tenantId, UUID.randomUUID(), "owner", ALL);
        String customer = given().auth().oauth2(writer).contentType(ContentType.JSON).body(CustomerResourceTests.KONGA)
                .post("/api/v1/customers").then().statusCode(201).extract().path("data.id");
        String contactBody = "{\"name\":\"Emeka Obi\",\"email\":\"emeka@konga.com\"}";
        String path = "/api/v1/customers/" + customer;
        List<Endpoint> endpoints = List.of(
                new Endpoint("GET /customers", "customers:read", (call, id) -> call.get("/api/v1/customers").statusCode()),
                new Endpoint("GET /customers/{id}", "customers:read", (call, id) -> call.get(path).statusCode()),
                new Endpoint("GET /customers/{id}/invoices", "invoices:read", (call, id) -> call.get(path + "/invoices").statusCode()),
                new Endpoint("POST /customers", "customers:write", (call, id) -> call.body(CustomerResourceTests.KONGA).post("/api/v1/customers").statusCode()),
                new Endpoint("PATCH /customers/{id}", "customers:write", (call, id) -> call.body("{\"notes\":\"x\"}").patch(path).statusCode()),
                new Endpoint("POST /customers/{id}/contacts", "customers:write", (call, id) -> call.body(contactBody).post(path + "/contacts").statusCode()),
                // a contact id nobody has: with the scope the answer is 404, without it 403
                new Endpoint("DELETE /customers/{id}/contacts/{contactId}", "customers:write",
                        (call, id) -> call.delete(path + "/contacts/" + UUID.randomUUID()).statusCode()),
                new Endpoint("POST /v1/customers/find-or-create", "customers:write", (call, id) -> call.queryParam("businessId", tenantId.toString())
                        .body("{\"name\":\"Ada\",\"email\":\"ada@example.ng\"}").post("/v1/customers/find-or-create").statusCode()),
                new Endpoint("GET /verifications", "customers:read", (call, id) -> call.get("/api/v1/verifications").statusCode()),
                new Endpoint("POST /verifications", "customers:write",
                        (call, id) -> call.body("{\"type\":\"nin\",\"number\":\"12345678901\"}").post("/api/v1/verifications").statusCode()),
                new Endpoint("DELETE /customers/{id}", "customers:write", (call, id) -> call.delete("/api/v1/customers/" + UUID.randomUUID()).statusCode()));

        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            List<String> others = ALL.stream().filter(scope -> !scope.equals(endpoint.scope())).toList();
            int without = endpoint.call().apply(as(tenantId, others), customer);
            int with = endpoint.call().apply(as(tenantId, List.of(endpoint.scope())), customer);
            int anonymous = endpoint.call().apply(given().contentType(ContentType.JSON), customer);
            if (without != 403 || with == 403 || with == 401 || anonymous != 401) {
                wrong.add(endpoint.name() + ": without " + endpoint.scope() + " " + without + ", with it alone " + with
                        + ", without credentials " + anonymous);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static RequestSpecification as(UUID tenantId, List<String> scopes) {
        return given().auth().oauth2(TestIdentity.token(tenantId, UUID.randomUUID(), "member", scopes)).contentType(ContentType.JSON);
    }
}
