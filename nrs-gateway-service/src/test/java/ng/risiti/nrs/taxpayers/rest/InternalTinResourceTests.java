package ng.risiti.nrs.taxpayers.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import ng.risiti.nrs.NrsStub;
import ng.risiti.platform.security.InternalEndpoints;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "nrs"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(NrsStub.class)
class InternalTinResourceTests {

    RequestSpecification internal() {
        return given().header(InternalEndpoints.SERVICE_TOKEN_HEADER, RisitiTestResources.serviceToken()).contentType(ContentType.JSON);
    }

    @Test
    void aRegisteredTinComesBackWithItsTaxpayerAndAnUnknownOneAsNotRegistered() {
        internal().body("{\"tin\":\"12345678-0001\"}").post("/internal/nrs/verify-tin").then().statusCode(200)
                .body("registered", equalTo(true))
                .body("taxpayer_name", equalTo("Sandbox Taxpayer 12345678-0001"));
        assertThat(NrsStub.lastApiKey()).isEqualTo("local-sandbox-key");
        internal().body("{\"tin\":\"00000000-0001\"}").post("/internal/nrs/verify-tin").then().statusCode(200)
                .body("registered", equalTo(false))
                .body("taxpayer_name", nullValue());
    }

    @Test
    void nrsRefusingTheFormIs400AndNrsDownIs503() {
        internal().body("{\"tin\":\"bad\"}").post("/internal/nrs/verify-tin").then().statusCode(400)
                .body("error.details[0].field", equalTo("tin"));
        NrsStub.down(true);
        try {
            internal().body("{\"tin\":\"12345678-0001\"}").post("/internal/nrs/verify-tin").then().statusCode(503)
                    .body("error.code", equalTo("SERVICE_UNAVAILABLE"));
        } finally {
            NrsStub.down(false);
        }
        internal().body("{}").post("/internal/nrs/verify-tin").then().statusCode(400).body("error.details[0].field", equalTo("tin"));
        given().contentType(ContentType.JSON).body("{\"tin\":\"12345678-0001\"}").post("/internal/nrs/verify-tin").then().statusCode(401);
    }
}
