package ng.risiti.invoice.nrs.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.invoice.NrsGatewayStub;
import ng.risiti.invoice.WhatsAppStub;
import ng.risiti.testsupport.GreenMailResource;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestEvents;
import ng.risiti.testsupport.TestIdentity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** What the invoice shows once nrs-gateway-service publishes NRS's outcome on risiti.nrs.v1. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
@QuarkusTestResource(GreenMailResource.class)
@QuarkusTestResource(WhatsAppStub.class)
@QuarkusTestResource(NrsGatewayStub.class)
class FirsOutcomeConsumerTests {

    final InvoiceTestFixtures fixtures = new InvoiceTestFixtures();

    /** The event as nrs-gateway-service's SubmissionWorker writes it. */
    String outcome(String invoiceId, String status, String submittedAt, String errorCode) {
        String error = errorCode == null ? "null" : """
                {"code":"%s","message":"invoice validation failed","step":"validate","http_status":400}""".formatted(errorCode);
        return """
                {"invoice_id":"%s","tenant_id":"%s","submission_id":"%s","job_id":"firs-submission:%s","invoice_number":"INV-1",
                 "irn":"INV1-94ND90NR-20250611","status":"%s","test_mode":false,"firs_submitted_at":%s,
                 "firs_response":{"status":"%s","error":%s,"details":%s,"steps":{"irn_validated_at":"2025-06-11T10:30:00Z"}}}"""
                .formatted(invoiceId, fixtures.tenantId, UUID.randomUUID(), invoiceId, status,
                        submittedAt == null ? "null" : "\"" + submittedAt + "\"", status, error,
                        errorCode == null ? "[]" : "[\"invoice_line[0].hsn_code: is required\"]");
    }

    @Test
    void aFailedSubmissionShowsOnTheInvoiceAndASuccessfulRetryPutsItBackWithItsSubmissionTime() {
        fixtures.onPlan("starter");
        UUID customer = fixtures.customer("TechVentures Nigeria Ltd", "98765432-0001");
        String id = fixtures.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customer));

        long failedVersion = TestEvents.nextVersion();
        String failedId = UUID.randomUUID().toString();
        try (KafkaTopicReader invoices = KafkaTopicReader.fromEnd("risiti.invoices.v1")) {
            TestEvents.publish("risiti.nrs.v1", id, failedId, "invoice.firs_submission_failed", fixtures.tenantId, failedVersion,
                    outcome(id, "failed", null, "NRS_VALIDATION_FAILED"));
            // the invoice's own stream tells its readers (customer-service's lists) of the new status
            ConsumerRecord<String, String> updated = invoices.first("invoice.updated", r -> id.equals(r.key()), Duration.ofSeconds(20));
            assertThat(JsonPath.from(updated.value()).getString("status")).isEqualTo("firs_submission_failed");
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> fixtures.owner().get("/api/v1/invoices/" + id).then().statusCode(200)
                .body("data.status", equalTo("firs_submission_failed"))
                .body("data.firs_response.error.code", equalTo("NRS_VALIDATION_FAILED"))
                .body("data.firs_response.details[0]", equalTo("invoice_line[0].hsn_code: is required"))
                .body("data.firs_submitted_at", nullValue()));

        TestEvents.publish("risiti.nrs.v1", id, UUID.randomUUID().toString(), "invoice.firs_submitted", fixtures.tenantId,
                TestEvents.nextVersion(), outcome(id, "submitted", "2025-06-11T10:31:00Z", null));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> fixtures.owner().get("/api/v1/invoices/" + id).then().statusCode(200)
                .body("data.status", equalTo("finalized"))
                .body("data.firs_submitted_at", notNullValue())
                .body("data.firs_response.status", equalTo("submitted"))
                .body("data.firs_response.error", nullValue()));

        // the old failure delivered again (same id: the inbox) and replayed as a new event (older version): neither wins
        TestEvents.publish("risiti.nrs.v1", id, failedId, "invoice.firs_submission_failed", fixtures.tenantId, failedVersion,
                outcome(id, "failed", null, "NRS_VALIDATION_FAILED"));
        TestEvents.publish("risiti.nrs.v1", id, UUID.randomUUID().toString(), "invoice.firs_submission_failed", fixtures.tenantId, failedVersion,
                outcome(id, "failed", null, "NRS_VALIDATION_FAILED"));
        String marker = fixtures.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customer));
        // keyed like the replays, so it is applied after them
        TestEvents.publish("risiti.nrs.v1", id, UUID.randomUUID().toString(), "invoice.firs_submitted", fixtures.tenantId,
                TestEvents.nextVersion(), outcome(marker, "submitted", "2025-06-11T10:32:00Z", null));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> fixtures.owner().get("/api/v1/invoices/" + marker).then()
                .body("data.firs_submitted_at", notNullValue()));
        fixtures.owner().get("/api/v1/invoices/" + id).then().body("data.status", equalTo("finalized"))
                .body("data.firs_response.status", equalTo("submitted"));
    }

    @Test
    void aFailureOnAPaidInvoiceIsRecordedWithoutTouchingItsStatus() {
        fixtures.onPlan("starter");
        UUID customer = fixtures.customer("TechVentures Nigeria Ltd", "98765432-0001");
        String id = fixtures.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customer));
        String due = fixtures.owner().get("/api/v1/invoices/" + id).then().extract().path("data.amount_due");
        fixtures.owner().body("{\"amount\":\"" + due + "\",\"payment_method\":\"30\",\"payment_date\":\"2025-03-25\"}")
                .post("/api/v1/invoices/" + id + "/record-payment").then().statusCode(201);
        TestEvents.publish("risiti.nrs.v1", id, "invoice.firs_submission_failed", fixtures.tenantId, outcome(id, "failed", null, "NRS_UNAVAILABLE"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> fixtures.owner().get("/api/v1/invoices/" + id).then()
                .body("data.firs_response.error.code", equalTo("NRS_UNAVAILABLE"))
                .body("data.status", equalTo("paid")));
    }
}
