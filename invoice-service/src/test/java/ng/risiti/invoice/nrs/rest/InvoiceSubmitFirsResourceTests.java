package ng.risiti.invoice.nrs.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.invoice.NrsGatewayStub;
import ng.risiti.invoice.WhatsAppStub;
import ng.risiti.nrs.sandbox.service.CodeLists;
import ng.risiti.nrs.sandbox.service.InvoiceValidator;
import ng.risiti.testsupport.GreenMailResource;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestEvents;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
@QuarkusTestResource(GreenMailResource.class)
@QuarkusTestResource(WhatsAppStub.class)
@QuarkusTestResource(NrsGatewayStub.class)
class InvoiceSubmitFirsResourceTests {

    static final ObjectMapper JSON = new ObjectMapper();
    final InvoiceTestFixtures fixtures = new InvoiceTestFixtures();

    String finalized() {
        UUID customer = fixtures.customer("TechVentures Nigeria Ltd", "98765432-0001");
        return fixtures.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customer));
    }

    @Test
    void aFinalizedInvoiceIsQueuedWith202AndItsJobAndTheGatewayGetsAPayloadNrsAccepts() throws Exception {
        fixtures.onPlan("starter");
        String id = finalized();
        String irn = fixtures.owner().get("/api/v1/invoices/" + id).then().extract().path("data.irn");

        fixtures.owner().post("/api/v1/invoices/" + id + "/submit-firs").then().statusCode(202)
                .body("data.message", equalTo("Invoice queued for NRS submission."))
                .body("data.job_id", equalTo("firs-submission:" + id));

        ObjectNode handed = (ObjectNode) JSON.readTree(NrsGatewayStub.lastRequest(id));
        assertThat(handed.get("tenant_id").asText()).isEqualTo(fixtures.tenantId.toString());
        assertThat(handed.get("test_mode").asBoolean()).isFalse();
        assertThat(handed.get("irn").asText()).isEqualTo(irn);
        ObjectNode payload = (ObjectNode) handed.get("payload");
        assertThat(payload.get("irn").asText()).isEqualTo(irn);
        // the gateway sets the business id from the tenant's NRS credentials; with one, NRS's own validator accepts it
        payload.put("business_id", "6f19a0f0-c8f3-4d2b-8a8b-1b2c45e89d0f");
        assertThatCode(() -> new InvoiceValidator(new CodeLists()).validate(payload, "invoice_validate")).doesNotThrowAnyException();
    }

    @Test
    void theSameIdempotencyKeyReplaysTheAnswerWithoutAskingTheGatewayAgain() {
        fixtures.onPlan("growth");
        String id = finalized();
        String key = UUID.randomUUID().toString();
        fixtures.owner().header("Idempotency-Key", key).post("/api/v1/invoices/" + id + "/submit-firs").then().statusCode(202);
        fixtures.owner().header("Idempotency-Key", key).post("/api/v1/invoices/" + id + "/submit-firs").then().statusCode(202)
                .header("Idempotent-Replayed", "true")
                .body("data.job_id", equalTo("firs-submission:" + id));
        assertThat(NrsGatewayStub.requests(id)).isEqualTo(1);
        // without a key, a second ask goes to the gateway, which answers with the same job
        fixtures.owner().post("/api/v1/invoices/" + id + "/submit-firs").then().statusCode(202).body("data.job_id", equalTo("firs-submission:" + id));
    }

    @Test
    void theFreePlanCannotSubmitLiveInvoicesButTestModeCan() {
        fixtures.onPlan("free");
        String id = finalized();
        fixtures.owner().post("/api/v1/invoices/" + id + "/submit-firs").then().statusCode(402)
                .body("error.code", equalTo("FEATURE_NOT_AVAILABLE"))
                .body("error.message", containsString("Starter"));
        assertThat(NrsGatewayStub.requests(id)).isZero();

        UUID customer = fixtures.customer("TechVentures Nigeria Ltd", "98765432-0001", true);
        String testInvoice = fixtures.testKey().body(InvoiceTestFixtures.invoiceBody(customer)).post("/api/v1/invoices").then().statusCode(201)
                .extract().path("data.id");
        fixtures.testKey().post("/api/v1/invoices/" + testInvoice + "/finalize").then().statusCode(200);
        fixtures.testKey().post("/api/v1/invoices/" + testInvoice + "/submit-firs").then().statusCode(202);
        assertThat(NrsGatewayStub.lastRequest(testInvoice)).contains("\"test_mode\":true");
    }

    @Test
    void unknownOtherTenantsDraftAndCancelledInvoicesAreRefusedAsTheirStateSays() {
        fixtures.onPlan("starter");
        fixtures.owner().post("/api/v1/invoices/" + UUID.randomUUID() + "/submit-firs").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        fixtures.owner().post("/api/v1/invoices/nope/submit-firs").then().statusCode(404);
        String theirs = finalized();
        InvoiceTestFixtures stranger = new InvoiceTestFixtures().onPlan("starter");
        stranger.owner().post("/api/v1/invoices/" + theirs + "/submit-firs").then().statusCode(404);
        // the test world does not see live invoices
        fixtures.testKey().post("/api/v1/invoices/" + theirs + "/submit-firs").then().statusCode(404);

        UUID customer = fixtures.customer("TechVentures Nigeria Ltd", "98765432-0001");
        String draft = fixtures.owner().body(InvoiceTestFixtures.invoiceBody(customer)).post("/api/v1/invoices").then().statusCode(201)
                .extract().path("data.id");
        fixtures.owner().post("/api/v1/invoices/" + draft + "/submit-firs").then().statusCode(422)
                .body("error.code", equalTo("UNPROCESSABLE")).body("error.message", containsString("draft"));

        String cancelled = finalized();
        fixtures.owner().post("/api/v1/invoices/" + cancelled + "/void").then().statusCode(200);
        fixtures.owner().post("/api/v1/invoices/" + cancelled + "/submit-firs").then().statusCode(422)
                .body("error.message", containsString("cancelled"));
        assertThat(NrsGatewayStub.requests(draft) + NrsGatewayStub.requests(cancelled) + NrsGatewayStub.requests(theirs)).isZero();

        fixtures.as("readonly").post("/api/v1/invoices/" + theirs + "/submit-firs").then().statusCode(403);
    }

    @Test
    void aBusinessWithoutTheTinAndEmailNrsNeedsIsToldSoAndNothingIsQueued() {
        // the business as auth-service publishes it before its owner filled in the TIN and contact email
        TestEvents.publish("risiti.tenants.v1", fixtures.tenantId.toString(), "tenant.updated", fixtures.tenantId, """
                {"tenant_id":"%s","name":"Adeyemi & Sons Trading Ltd","tin":null,"business_type":"sme","plan_slug":"starter",
                 "address":"12 Adeola Odeku Street, Victoria Island, Lagos","contact_email":null,"updated_at":"%s"}"""
                .formatted(fixtures.tenantId, java.time.Instant.now()));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> InvoiceTestFixtures.count(
                "select count(*) from known_tenants where id = ? and plan_slug = 'starter' and tin is null and contact_email is null",
                fixtures.tenantId) == 1);
        String invoice = finalized();
        fixtures.owner().post("/api/v1/invoices/" + invoice + "/submit-firs").then().statusCode(422)
                .body("error.code", equalTo("UNPROCESSABLE"))
                .body("error.message", equalTo("NRS needs the business's tin and contact_email on the invoice; set them with "
                        + "PATCH /api/v1/settings before submitting."));
        assertThat(NrsGatewayStub.requests(invoice)).isZero();
    }

    @Test
    void missingLiveNrsCredentialsAre422SayingWhatIsMissingAndAGatewayAwayIs503() {
        fixtures.onPlan("starter");
        String id = finalized();
        NrsGatewayStub.withoutCredentials(fixtures.tenantId.toString());
        fixtures.owner().post("/api/v1/invoices/" + id + "/submit-firs").then().statusCode(422)
                .body("error.code", equalTo("UNPROCESSABLE"))
                .body("error.message", containsString("api_key, api_secret, business_id"));

        InvoiceTestFixtures other = new InvoiceTestFixtures().onPlan("starter");
        UUID customer = other.customer("TechVentures Nigeria Ltd", "98765432-0001");
        String otherInvoice = other.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customer));
        NrsGatewayStub.down(true);
        try {
            other.owner().post("/api/v1/invoices/" + otherInvoice + "/submit-firs").then().statusCode(503)
                    .body("error.code", equalTo("SERVICE_UNAVAILABLE"));
        } finally {
            NrsGatewayStub.down(false);
        }
        other.owner().post("/api/v1/invoices/" + otherInvoice + "/submit-firs").then().statusCode(202);
    }
}
