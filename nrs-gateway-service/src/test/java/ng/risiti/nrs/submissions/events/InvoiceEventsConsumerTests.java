package ng.risiti.nrs.submissions.events;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestEvents;
import ng.risiti.testsupport.TestIdentity;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "nrs"))
@QuarkusTestResource(TestIdentity.Resource.class)
class InvoiceEventsConsumerTests {

    final UUID tenantId = UUID.randomUUID();
    final String token = TestIdentity.token(tenantId, UUID.randomUUID(), "owner", List.of("invoices:read", "invoices:write"));

    static String finalized(UUID invoiceId, UUID tenantId) {
        return """
                {"invoice_id":"%s","tenant_id":"%s","invoice_number":"INV-2025-001","status":"finalized",
                 "customer_id":"%s","currency":"NGN","issue_date":"2025-03-24","total_amount":"376250.00",
                 "total_amount_kobo":37625000,"irn":"INV2025001-ABCD1234-20250324","test_mode":false}"""
                .formatted(invoiceId, tenantId, UUID.randomUUID());
    }

    @Test
    void recordsOneSubmissionPerFinalizedInvoiceEvenWhenTheEventIsRedelivered() {
        UUID invoice = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        TestEvents.publish("risiti.invoices.v1", invoice.toString(), eventId, "invoice.finalized", tenantId, finalized(invoice, tenantId));
        TestEvents.publish("risiti.invoices.v1", invoice.toString(), eventId, "invoice.finalized", tenantId, finalized(invoice, tenantId));
        // a later, unrelated invoice proves the consumer got past both copies
        UUID later = UUID.randomUUID();
        TestEvents.publish("risiti.invoices.v1", later.toString(), "invoice.finalized", tenantId, finalized(later, tenantId));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(token).queryParam("invoice_id", later)
                .get("/api/v1/nrs/submissions").then().statusCode(200).body("data.size()", equalTo(1)));
        given().auth().oauth2(token).queryParam("invoice_id", invoice).get("/api/v1/nrs/submissions").then().statusCode(200)
                .body("data.size()", equalTo(1))
                .body("data[0].irn", equalTo("INV2025001-ABCD1234-20250324"))
                .body("data[0].status", equalTo("pending"));
    }

    /** After an outage the consumer finds hundreds of events waiting and applies them a poll at a time. */
    @Test
    void aBacklogOfFinalizedInvoicesAllGetTheirSubmission() {
        int invoices = 300;
        send(events(invoices));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(token).queryParam("limit", 100)
                .get("/api/v1/nrs/submissions").then().statusCode(200).body("has_more", equalTo(true)));
        await().atMost(Duration.ofSeconds(60)).until(() -> count() == invoices);
    }

    /** After a restart a consumer gets again what it applied but had not committed, then what is new. */
    @Test
    void aPollOfRedeliveredEventsFollowedByNewOnesIsAppliedInFull() {
        List<String[]> first = events(150);
        send(first);
        await().atMost(Duration.ofSeconds(60)).until(() -> count() == 150);
        List<String[]> again = new ArrayList<>(first);
        again.addAll(events(150));
        send(again);
        await().atMost(Duration.ofSeconds(60)).until(() -> count() == 300);
    }

    private List<String[]> events(int invoices) {
        List<String[]> events = new ArrayList<>();
        for (int i = 0; i < invoices; i++) {
            UUID invoice = UUID.randomUUID();
            events.add(new String[] {invoice.toString(), UUID.randomUUID().toString(), "invoice.created"});
            events.add(new String[] {invoice.toString(), UUID.randomUUID().toString(), "invoice.finalized"});
        }
        return events;
    }

    private void send(List<String[]> events) {
        Properties config = new Properties();
        config.put("bootstrap.servers", RisitiTestResources.kafkaBootstrapServers());
        try (var producer = new KafkaProducer<String, String>(config, new StringSerializer(), new StringSerializer())) {
            for (String[] event : events) {
                var record = new ProducerRecord<String, String>("risiti.invoices.v1", event[0], finalized(UUID.fromString(event[0]), tenantId));
                record.headers().add("ce_specversion", "1.0".getBytes()).add("ce_id", event[1].getBytes())
                        .add("ce_type", event[2].getBytes()).add("ce_source", "/test".getBytes())
                        .add("ce_tenantid", tenantId.toString().getBytes());
                producer.send(record);
            }
            producer.flush();
        }
    }

    private long count() throws Exception {
        try (var db = RisitiTestResources.postgres().connect(RisitiTestResources.databaseName("nrs"));
                var query = db.prepareStatement("select count(*) from submissions where tenant_id = ?")) {
            query.setObject(1, tenantId);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @Test
    void ignoresOtherInvoiceEventsAndOtherTenants() {
        UUID invoice = UUID.randomUUID();
        TestEvents.publish("risiti.invoices.v1", invoice.toString(), "invoice.created", tenantId, finalized(invoice, tenantId));
        UUID marker = UUID.randomUUID();
        TestEvents.publish("risiti.invoices.v1", marker.toString(), "invoice.finalized", tenantId, finalized(marker, tenantId));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(token).queryParam("invoice_id", marker)
                .get("/api/v1/nrs/submissions").then().statusCode(200).body("data.size()", equalTo(1)));
        given().auth().oauth2(token).queryParam("invoice_id", invoice).get("/api/v1/nrs/submissions").then().body("data.size()", equalTo(0));
        String stranger = TestIdentity.token(UUID.randomUUID(), UUID.randomUUID(), "owner", List.of("invoices:read"));
        given().auth().oauth2(stranger).queryParam("invoice_id", marker).get("/api/v1/nrs/submissions").then().body("data.size()", equalTo(0));
        given().auth().oauth2(token).queryParam("invoice_id", "nope").get("/api/v1/nrs/submissions").then().statusCode(400)
                .body("error.details[0].field", equalTo("invoice_id"));
        given().get("/api/v1/nrs/submissions").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
    }
}
