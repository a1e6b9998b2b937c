package ng.risiti.nrs.codelists.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import ng.risiti.nrs.NrsSandboxStub;
import ng.risiti.nrs.NrsStub;
import ng.risiti.nrs.submissions.NrsSubmissions;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "nrs"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(NrsStub.class)
@QuarkusTestResource(NrsSandboxStub.class)
class NrsCodeListResourceTests {

    final NrsSubmissions nrs = new NrsSubmissions();

    @Test
    void aCodeListIsNrssOwnFetchedOnceThenServedFromTheCacheEvenWhileNrsIsDown() {
        nrs.asTestKey().get("/api/v1/nrs/code-lists/invoice-types").then().statusCode(200)
                .body("data.name", equalTo("invoice-types"))
                .body("data.items.code", hasItem("381"));
        int fetches = NrsSandboxStub.codeListFetches("invoice-types");
        NrsSandboxStub.codeListsDown(true);
        try {
            nrs.asTestKey().get("/api/v1/nrs/code-lists/invoice-types").then().statusCode(200).body("data.items.code", hasItem("381"));
            assertThat(NrsSandboxStub.codeListFetches("invoice-types")).isEqualTo(fetches);
            // never fetched: nothing to fall back on
            nrs.asTestKey().get("/api/v1/nrs/code-lists/countries").then().statusCode(503).body("error.code", equalTo("SERVICE_UNAVAILABLE"));
        } finally {
            NrsSandboxStub.codeListsDown(false);
        }
        nrs.asTestKey().get("/api/v1/nrs/code-lists/countries").then().statusCode(200);
    }

    @Test
    void anUnknownListIs404AndTheListsNeedInvoicesRead() {
        nrs.asTestKey().get("/api/v1/nrs/code-lists/colours").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        given().auth().oauth2(TestIdentity.token(nrs.tenantId, java.util.UUID.randomUUID(), "member", java.util.List.of("customers:read")))
                .get("/api/v1/nrs/code-lists/currencies").then().statusCode(403);
        given().get("/api/v1/nrs/code-lists/currencies").then().statusCode(401);
    }
}
