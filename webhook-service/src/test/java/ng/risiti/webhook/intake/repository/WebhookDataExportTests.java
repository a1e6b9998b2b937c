package ng.risiti.webhook.intake.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import ng.risiti.testsupport.DataExportProbe.Answer;
import ng.risiti.testsupport.DataExportProbe;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestEvents;
import org.junit.jupiter.api.Test;

/** webhook-service's part of a tenant's NDPR data export, asked for over Kafka the way auth-service asks. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "webhook"))
@QuarkusTestResource(ng.risiti.testsupport.TestIdentity.Resource.class)
@QuarkusTestResource(ng.risiti.testsupport.GreenMailResource.class)
class WebhookDataExportTests {

    static final String SERVICE = "webhook-service";
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void exportsTheTenantsEventsInTheOrderReceivedWithTheirDataAsJson() throws Exception {
        UUID tenantId = UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        String created = """
                {"invoice_id":"%s","tenant_id":"%s","invoice_number":"INV-2025-001","status":"draft",
                 "total_amount":"376250.00","total_amount_kobo":37625000,"customer":{"name":"Konga Technologies Ltd"},"test_mode":false}"""
                .formatted(invoice, tenantId);
        String finalized = created.replace("\"draft\"", "\"finalized\"");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String createdId = TestEvents.publish("risiti.invoices.v1", invoice.toString(), "invoice.created", tenantId, created);
        String finalizedId = TestEvents.publish("risiti.invoices.v1", invoice.toString(), "invoice.finalized", tenantId, finalized);
        Instant after = Instant.now();
        UUID stranger = UUID.randomUUID();
        String strangersId = TestEvents.publish("risiti.invoices.v1", invoice.toString(), "invoice.created", stranger,
                created.replace(tenantId.toString(), stranger.toString()));

        // the service takes events in asynchronously: ask until the export holds both (and the stranger's was taken in too)
        AtomicReference<Answer> answer = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            answer.set(DataExportProbe.request(tenantId, SERVICE));
            return answer.get().file("events").size() >= 2 && DataExportProbe.request(stranger, SERVICE).file("events").size() == 1;
        });

        assertThat(answer.get().summary().hasNonNull("failure")).as("failure in %s", answer.get().summary()).isFalse();
        List<JsonNode> rows = answer.get().file("events");
        assertThat(rows).extracting(row -> row.get("id").asText()).containsExactly(createdId, finalizedId).doesNotContain(strangersId);
        rows.forEach(row -> assertThat(DataExportProbe.fieldNames(row)).containsExactlyInAnyOrder("id", "type", "subject", "occurred_at", "received_at", "data"));

        JsonNode first = rows.getFirst();
        assertThat(first.get("type").asText()).isEqualTo("invoice.created");
        assertThat(rows.get(1).get("type").asText()).isEqualTo("invoice.finalized");
        assertThat(first.get("subject").asText()).isEqualTo(invoice.toString());
        assertThat(instant(first, "occurred_at")).isBetween(before, after);
        assertThat(instant(first, "received_at")).isAfterOrEqualTo(instant(first, "occurred_at"));
        // the event's data as a JSON object, not a string of JSON
        assertThat(first.get("data")).isEqualTo(JSON.readTree(created));
        assertThat(rows.get(1).get("data")).isEqualTo(JSON.readTree(finalized));
    }

    @Test
    void exportsTheTenantsEndpointsWithoutSecretsAndTheirDeliveriesWithEveryAttempt() throws Exception {
        ng.risiti.webhook.WebhookFixtures tenant = new ng.risiti.webhook.WebhookFixtures();
        ng.risiti.webhook.WebhookFixtures.Endpoint endpoint = tenant.endpoint("*");
        tenant.owner().post("/api/v1/webhooks/" + endpoint.id() + "/test").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> ng.risiti.webhook.WebhookFixtures.count(
                "select count(*) from webhook_deliveries where endpoint_id = ?::uuid and status = 'succeeded'", endpoint.id()) == 1);

        Answer answer = DataExportProbe.request(tenant.tenantId, SERVICE);
        assertThat(answer.summary().hasNonNull("failure")).as("failure in %s", answer.summary()).isFalse();
        List<JsonNode> endpoints = answer.file("webhook_endpoints");
        assertThat(endpoints).hasSize(1);
        assertThat(endpoints.getFirst().get("id").asText()).isEqualTo(endpoint.id());
        assertThat(endpoints.getFirst().get("events")).isEqualTo(JSON.readTree("[\"*\"]"));
        assertThat(DataExportProbe.fieldNames(endpoints.getFirst())).doesNotContain("secret");
        assertThat(endpoints.getFirst().toString()).doesNotContain(endpoint.secret());
        List<JsonNode> deliveries = answer.file("webhook_deliveries");
        assertThat(deliveries).hasSize(1);
        assertThat(deliveries.getFirst().get("event_type").asText()).isEqualTo("webhook.test");
        assertThat(deliveries.getFirst().get("payload").get("event").asText()).isEqualTo("webhook.test");
        assertThat(deliveries.getFirst().get("attempts")).hasSize(1);
        assertThat(deliveries.getFirst().get("attempts").get(0).get("status_code").asInt()).isEqualTo(200);
    }

    private static Instant instant(JsonNode row, String column) {
        return OffsetDateTime.parse(row.get(column).asText()).toInstant();
    }
}
