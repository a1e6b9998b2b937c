package ng.risiti.nrs.integrations.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
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
class IntegrationsResourceTests {

    static final String KEY = "nrs-live-key-0123456789abcdef";
    static final String SECRET = "nrs-live-secret-fedcba9876543210";
    static final String CREDENTIALS = """
            {"nrs":{"api_key":"%s","api_secret":"%s","public_key":"-----BEGIN PUBLIC KEY-----\\nMIIB\\n-----END PUBLIC KEY-----",
                    "service_id":"94ND90NR","business_id":"6f19a0f0-c8f3-4d2b-8a8b-1b2c45e89d0f"}}""".formatted(KEY, SECRET);

    final NrsSubmissions nrs = new NrsSubmissions();

    RequestSpecification as(String role, String... scopes) {
        return given().auth().oauth2(TestIdentity.token(nrs.tenantId, UUID.randomUUID(), role, List.of(scopes))).contentType(ContentType.JSON);
    }

    RequestSpecification admin() {
        return as("admin", "admin", "invoices:read", "invoices:write");
    }

    @Test
    void nothingIsConfiguredAtFirst() {
        admin().get("/api/v1/settings/integrations").then().statusCode(200)
                .body("data.nrs.configured", equalTo(false))
                .body("data.nrs.api_key.configured", equalTo(false))
                .body("data.xero.connected", equalTo(false))
                .body("data.quickbooks.connected", equalTo(false))
                .body("data.whatsapp.connected", equalTo(false));
    }

    @Test
    void credentialsAreStoredSealedAndOnlyTheirLastFourAreEverShown() throws Exception {
        String patched = admin().body(CREDENTIALS).patch("/api/v1/settings/integrations").then().statusCode(200)
                .body("data.nrs.configured", equalTo(true))
                .body("data.nrs.api_key.last4", equalTo("cdef"))
                .body("data.nrs.api_secret.last4", equalTo("3210"))
                .body("data.nrs.public_key.configured", equalTo(true))
                .body("data.nrs.certificate.configured", equalTo(false))
                .body("data.nrs.service_id", equalTo("94ND90NR"))
                .body("data.nrs.business_id", equalTo("6f19a0f0-c8f3-4d2b-8a8b-1b2c45e89d0f"))
                .body("data.nrs.verified_at", nullValue())
                .extract().asString();
        String read = as("readonly", "invoices:read").get("/api/v1/settings/integrations").then().statusCode(200).extract().asString();
        for (String body : List.of(patched, read)) {
            assertThat(body).doesNotContain(KEY).doesNotContain(SECRET).doesNotContain("BEGIN PUBLIC KEY");
        }
        try (Connection db = RisitiTestResources.postgres().connect(RisitiTestResources.databaseName("nrs"));
                PreparedStatement query = db.prepareStatement("select api_key, api_secret, public_key from nrs_credentials where tenant_id = ?")) {
            query.setObject(1, nrs.tenantId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                for (int column = 1; column <= 3; column++) {
                    String stored = new String(row.getBytes(column), StandardCharsets.ISO_8859_1);
                    assertThat(stored).doesNotContain(KEY).doesNotContain(SECRET).doesNotContain("PUBLIC KEY");
                }
            }
        }
    }

    @Test
    void aPartialUpdateChangesOnlyWhatItNamesAndNullClears() {
        admin().body(CREDENTIALS).patch("/api/v1/settings/integrations").then().statusCode(200);
        admin().body("{\"nrs\":{\"service_id\":\"ABCD1234\"},\"xero\":{\"connected\":true,\"settings\":{\"tenant_name\":\"Ada Ventures\"}}}")
                .patch("/api/v1/settings/integrations").then().statusCode(200)
                .body("data.nrs.service_id", equalTo("ABCD1234"))
                .body("data.nrs.api_key.last4", equalTo("cdef"))
                .body("data.nrs.configured", equalTo(true))
                .body("data.xero.connected", equalTo(true))
                .body("data.xero.settings.tenant_name", equalTo("Ada Ventures"))
                .body("data.quickbooks.connected", equalTo(false));
        admin().body("{\"nrs\":{\"api_secret\":null}}").patch("/api/v1/settings/integrations").then().statusCode(200)
                .body("data.nrs.api_secret.configured", equalTo(false))
                .body("data.nrs.api_secret.last4", nullValue())
                .body("data.nrs.configured", equalTo(false))
                .body("data.xero.connected", equalTo(true));
    }

    @Test
    void badFieldsAre400NamingThemAndOnlyAdminsSignedInMayChangeAnything() {
        admin().body("{\"nrs\":{\"service_id\":\"short\",\"business_id\":\"nope\"}}").patch("/api/v1/settings/integrations").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", hasItem("nrs.service_id"))
                .body("error.details.field", hasItem("nrs.business_id"));
        admin().body("{\"xero\":{\"connected\":\"yes\"}}").patch("/api/v1/settings/integrations").then().statusCode(400)
                .body("error.details[0].field", equalTo("xero.connected"));
        as("member", "invoices:read", "invoices:write").body(CREDENTIALS).patch("/api/v1/settings/integrations").then().statusCode(403);
        given().header("x-api-key", TestIdentity.apiKey(nrs.tenantId, List.of("admin"))).get("/api/v1/settings/integrations").then()
                .statusCode(403);
        given().get("/api/v1/settings/integrations").then().statusCode(401);
        admin().get("/api/v1/settings/integrations").then().body("data.nrs.configured", equalTo(false));
    }

    @Test
    void testConnectionNeedsCredentialsAndReportsAnNrsItCannotReach() {
        admin().post("/api/v1/settings/integrations/nrs/test-connection").then().statusCode(422)
                .body("error.message", containsString("not configured"));
        admin().body(CREDENTIALS).patch("/api/v1/settings/integrations").then().statusCode(200);
        // live credentials go to the live NRS only, which tests point nowhere
        admin().post("/api/v1/settings/integrations/nrs/test-connection").then().statusCode(200)
                .body("data.reachable", equalTo(false))
                .body("data.authenticated", equalTo(false))
                .body("data.verified_at", nullValue());
        admin().get("/api/v1/settings/integrations").then().body("data.nrs.verified_at", nullValue());
    }

    @Test
    void aLiveSubmissionUsesTheTenantsCredentialsAgainstTheLiveNrsNeverTheSandbox() {
        admin().body(CREDENTIALS).patch("/api/v1/settings/integrations").then().statusCode(200);
        UUID invoice = UUID.randomUUID();
        String irn = NrsSubmissions.irn();
        nrs.submit(invoice, irn, NrsSubmissions.payload(irn), false).statusCode(202).body("status", equalTo("queued"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(nrs.token).queryParam("invoice_id", invoice)
                .get("/api/v1/nrs/submissions").then().statusCode(200)
                .body("data[0].last_error", containsString("NRS could not be reached"))
                .body("data[0].test_mode", equalTo(false)));
        assertThat(NrsSandboxStub.calls(irn)).isZero();
    }
}
