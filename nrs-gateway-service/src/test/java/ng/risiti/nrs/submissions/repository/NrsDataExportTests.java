package ng.risiti.nrs.submissions.repository;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import ng.risiti.testsupport.DataExportProbe;
import ng.risiti.testsupport.DataExportProbe.Answer;
import ng.risiti.testsupport.TestEvents;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/** nrs-gateway-service's part of a tenant's NDPR data export, asked for over Kafka the way auth-service asks. */
@QuarkusTest
@QuarkusTestResource(value = ng.risiti.testsupport.RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "nrs"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(ng.risiti.nrs.NrsStub.class)
@QuarkusTestResource(ng.risiti.nrs.NrsSandboxStub.class)
class NrsDataExportTests {

    static final String SERVICE = "nrs-gateway-service";
    static final List<String> COLUMNS = List.of("id", "invoice_id", "invoice_number", "irn", "status", "test_mode", "step", "firs_response",
            "submitted_at", "payment_status", "payment_status_sent", "created_at", "updated_at");

    @Test
    void exportsTheTenantsSubmissionsAsTheApiShowsThemAndNobodyElses() {
        UUID tenantId = UUID.randomUUID();
        String token = TestIdentity.token(tenantId, UUID.randomUUID(), "owner", List.of("invoices:read"));
        UUID first = finalized(tenantId);
        UUID second = finalized(tenantId);
        UUID stranger = UUID.randomUUID();
        UUID strangersInvoice = finalized(stranger);
        JsonPath submission = submissionOf(token, first);
        submissionOf(token, second);
        String strangerToken = TestIdentity.token(stranger, UUID.randomUUID(), "owner", List.of("invoices:read"));
        submissionOf(strangerToken, strangersInvoice);

        Answer answer = DataExportProbe.request(tenantId, SERVICE);

        assertThat(answer.summary().hasNonNull("failure")).as("failure in %s", answer.summary()).isFalse();
        assertThat(answer.summary().at("/files/0/name").asText()).isEqualTo("submissions");
        assertThat(answer.summary().at("/files/0/records").asLong()).isEqualTo(2);
        List<JsonNode> rows = answer.file("submissions");
        assertThat(rows).extracting(row -> row.get("invoice_id").asText())
                .containsExactlyInAnyOrder(first.toString(), second.toString()).doesNotContain(strangersInvoice.toString());
        rows.forEach(row -> assertThat(DataExportProbe.fieldNames(row)).containsExactlyInAnyOrderElementsOf(COLUMNS));

        JsonNode row = rows.stream().filter(r -> r.get("invoice_id").asText().equals(first.toString())).findFirst().orElseThrow();
        assertThat(row.get("id").asText()).isEqualTo(submission.getString("data[0].id"));
        assertThat(row.get("invoice_number").asText()).isEqualTo("INV-2025-" + first.toString().substring(0, 8));
        assertThat(row.get("irn").asText()).isEqualTo(submission.getString("data[0].irn"));
        // as the API shows it
        assertThat(row.get("status").asText()).isEqualTo(submission.getString("data[0].status"));
        assertThat(row.get("test_mode").isBoolean()).isTrue();
        assertThat(row.get("test_mode").asBoolean()).isFalse();
        assertThat(DataExportProbe.instant(row, "created_at")).isEqualTo(OffsetDateTime.parse(submission.getString("data[0].created_at")).toInstant());
        assertThat(DataExportProbe.instant(row, "updated_at")).isEqualTo(OffsetDateTime.parse(submission.getString("data[0].updated_at")).toInstant());
    }

    @Test
    void exportsEveryCallMadeToNrsAndTheIntegrationsWithoutASecret() {
        ng.risiti.nrs.submissions.NrsSubmissions nrs = new ng.risiti.nrs.submissions.NrsSubmissions();
        String secret = "export-secret-0123456789";
        given().auth().oauth2(TestIdentity.token(nrs.tenantId, UUID.randomUUID(), "owner", List.of("admin"))).contentType("application/json")
                .body("{\"nrs\":{\"api_key\":\"export-key-0123456789\",\"api_secret\":\"" + secret + "\"},\"whatsapp\":{\"connected\":true}}")
                .patch("/api/v1/settings/integrations").then().statusCode(200);
        UUID invoice = UUID.randomUUID();
        nrs.submit(invoice, ng.risiti.nrs.submissions.NrsSubmissions.irn()).statusCode(202);
        nrs.awaitStatus(invoice, "submitted");

        Answer answer = DataExportProbe.request(nrs.tenantId, SERVICE);

        assertThat(answer.summary().hasNonNull("failure")).as("failure in %s", answer.summary()).isFalse();
        assertThat(answer.file("submissions")).singleElement().satisfies(row -> {
            assertThat(row.get("status").asText()).isEqualTo("submitted");
            assertThat(row.get("firs_response").asText()).contains("\"status\":\"submitted\"");
        });
        assertThat(answer.file("submission_attempts")).extracting(row -> row.get("step").asText())
                .containsExactly("validate_irn", "validate", "sign", "transmit", "confirm");
        assertThat(answer.file("nrs_credentials")).singleElement().satisfies(row -> {
            assertThat(row.get("api_key_configured").asBoolean()).isTrue();
            assertThat(row.get("api_key_last4").asText()).isEqualTo("6789");
        });
        assertThat(answer.file("integration_connections")).singleElement().satisfies(row -> assertThat(row.get("name").asText()).isEqualTo("whatsapp"));
        assertThat(answer.file("nrs_credentials").toString() + answer.file("integration_connections")).doesNotContain(secret);
    }

    /** Publishes an invoice.finalized as invoice-service does; returns the invoice id. */
    private static UUID finalized(UUID tenantId) {
        UUID invoice = UUID.randomUUID();
        String number = "INV-2025-" + invoice.toString().substring(0, 8);
        String data = """
                {"invoice_id":"%s","tenant_id":"%s","invoice_number":"%s","status":"finalized",
                 "customer_id":"%s","currency":"NGN","issue_date":"2025-03-24","total_amount":"376250.00",
                 "total_amount_kobo":37625000,"irn":"%s-ABCD1234-20250324","test_mode":false}"""
                .formatted(invoice, tenantId, number, UUID.randomUUID(), number.replace("-", ""));
        TestEvents.publish("risiti.invoices.v1", invoice.toString(), "invoice.finalized", tenantId, data);
        return invoice;
    }

    /** The submission the API lists for an invoice, once the consumer has recorded it. */
    private static JsonPath submissionOf(String token, UUID invoice) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(token).queryParam("invoice_id", invoice)
                .get("/api/v1/nrs/submissions").then().statusCode(200).body("data.size()", equalTo(1)));
        return given().auth().oauth2(token).queryParam("invoice_id", invoice).get("/api/v1/nrs/submissions").then().extract().jsonPath();
    }
}
