package ng.risiti.customer.customers.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import ng.risiti.platform.security.InternalEndpoints;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestEvents;
import ng.risiti.testsupport.TestIdentity;
import ng.risiti.testsupport.ScrapedMetrics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "customer"))
@QuarkusTestResource(TestIdentity.Resource.class)
public class CustomerResourceTests {

    /** The scopes a member who manages customers holds; the data export tests create customers with them too. */
    public static final List<String> WRITER = List.of("customers:read", "customers:write", "invoices:read");

    final UUID tenantId = UUID.randomUUID();
    final String token = TestIdentity.token(tenantId, UUID.randomUUID(), "member", WRITER);

    RequestSpecification member() {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static final String KONGA = """
            {"name":"Konga Technologies Ltd","email":"Finance@Konga.com","phone":"+2348012345678","tin":"98765432-0001",
             "billing_address":{"street_name":"Plot 33, Kudirat Abiola Way","city_name":"Lagos","postal_zone":"100281","country":"NG"}}""";

    @Test
    void createsCustomerAndPublishesItsState() {
        KafkaTopicReader topic = KafkaTopicReader.fromEnd("risiti.customers.v1");
        String id = member().body(KONGA).post("/api/v1/customers").then().statusCode(201)
                .body("data.name", equalTo("Konga Technologies Ltd"))
                .body("data.email", equalTo("finance@konga.com"))
                .body("data.tin", equalTo("98765432-0001"))
                .body("data.billing_address.city_name", equalTo("Lagos"))
                .body("data.invoice_count", equalTo(0))
                .body("data.outstanding_balance", equalTo("0.00"))
                .body("data.created_at", notNullValue())
                .extract().path("data.id");

        List<ConsumerRecord<String, String>> records = topic.readUntil(seen -> seen.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(15));
        ConsumerRecord<String, String> state = records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
        assertThat(KafkaTopicReader.header(state, "ce_type")).isEqualTo("customer.created");
        assertThat(KafkaTopicReader.header(state, "ce_tenantid")).isEqualTo(tenantId.toString());
        assertThat(state.value()).contains("\"tenant_id\":\"" + tenantId + "\"").contains("\"name\":\"Konga Technologies Ltd\"");
        topic.close();

        member().get("/api/v1/customers/" + id).then().statusCode(200).body("data.id", equalTo(id));
    }

    @Test
    void keepsInvoiceCountAndOutstandingBalanceFromInvoiceEvents() {
        String id = member().body(KONGA).post("/api/v1/customers").then().statusCode(201).extract().path("data.id");
        UUID invoice = UUID.randomUUID();
        publishInvoice(invoice, UUID.fromString(id), "draft", 37625000);
        publishInvoice(invoice, UUID.fromString(id), "finalized", 37625000);
        publishInvoice(invoice, UUID.fromString(id), "finalized", 37625000);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> member().get("/api/v1/customers/" + id).then().statusCode(200)
                .body("data.invoice_count", equalTo(1))
                .body("data.outstanding_balance", equalTo("376250.00"))
                .body("data.outstanding_balance_kobo", equalTo(37625000)));
    }

    @Test
    void creditNotesAreNotCountedAsInvoicesAndWhatTheyCreditBeyondTheAmountDueIsTheCustomersCredit() {
        String id = member().body(KONGA).post("/api/v1/customers").then().statusCode(201).extract().path("data.id");
        UUID invoice = UUID.randomUUID();
        publishInvoice(invoice, UUID.fromString(id), "paid", 0);
        String creditNote = """
                {"invoice_id":"%s","tenant_id":"%s","invoice_number":"CN-2026-001","status":"finalized","customer_id":"%s",
                 "currency":"NGN","amount_due_kobo":0,"total_amount_kobo":5000000,"test_mode":false,"type":"credit_note",
                 "original_invoice_id":"%s","customer_credit_kobo":5000000}""".formatted(UUID.randomUUID(), tenantId, id, invoice);
        TestEvents.publish("risiti.invoices.v1", UUID.randomUUID().toString(), "credit_note.issued", tenantId, creditNote);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> member().get("/api/v1/customers/" + id).then().statusCode(200)
                .body("data.invoice_count", equalTo(1))
                .body("data.outstanding_balance", equalTo("0.00"))
                .body("data.credit_balance", equalTo("50000.00"))
                .body("data.credit_balance_kobo", equalTo(5000000)));
        member().get("/api/v1/customers/" + id + "/invoices").then().statusCode(200)
                .body("data.type", org.hamcrest.Matchers.containsInAnyOrder("invoice", "credit_note"));
    }

    @Test
    void listsSearchesAndPages() {
        member().body(KONGA).post("/api/v1/customers").then().statusCode(201);
        member().body(KONGA.replace("Konga Technologies Ltd", "Jumia Nigeria").replace("Finance@Konga.com", "ap@jumia.ng"))
                .post("/api/v1/customers").then().statusCode(201);
        member().queryParam("search", "konga").get("/api/v1/customers").then().statusCode(200)
                .body("data.size()", equalTo(1)).body("data[0].name", equalTo("Konga Technologies Ltd"));
        member().queryParam("q", "JUMIA").get("/api/v1/customers").then().statusCode(200).body("data.size()", equalTo(1));
        member().queryParam("search", "Finance@Kon").get("/api/v1/customers").then().statusCode(200)
                .body("data.name", contains("Konga Technologies Ltd"));
        member().queryParam("search", "@jumia.ng").get("/api/v1/customers").then().statusCode(200)
                .body("data.name", contains("Jumia Nigeria"));
        member().queryParam("search", "nance@konga").get("/api/v1/customers").then().statusCode(200).body("data.size()", equalTo(0));
        String cursor = member().queryParam("limit", 1).get("/api/v1/customers").then().statusCode(200)
                .body("has_more", equalTo(true)).extract().path("next_cursor");
        member().queryParam("limit", 1).queryParam("cursor", cursor).get("/api/v1/customers").then().statusCode(200)
                .body("data.size()", equalTo(1)).body("has_more", equalTo(false));
        member().queryParam("cursor", cursor + "x").get("/api/v1/customers").then().statusCode(400)
                .body("error.details[0].field", equalTo("cursor"));
    }

    @Test
    void refusesBadInputWithTheErrorEnvelope() {
        member().body("{").post("/api/v1/customers").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        member().body("{}").post("/api/v1/customers").then().statusCode(400)
                .body("error.details.field", containsInAnyOrder("name", "email"));
        member().body("""
                {"name":"X","email":"not-an-email","phone":"12","tin":"123","currency":"naira","billing_address":{"country":"Nigeria"}}""")
                .post("/api/v1/customers").then().statusCode(400)
                .body("error.details.field", containsInAnyOrder("email", "phone", "tin", "currency", "billing_address.country"));
        member().body("{\"name\":42,\"email\":[]}").post("/api/v1/customers").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"));
        member().get("/api/v1/customers/" + UUID.randomUUID()).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        member().get("/api/v1/customers/123").then().statusCode(404);
        given().get("/api/v1/customers").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        String readonly = TestIdentity.token(tenantId, UUID.randomUUID(), "readonly", List.of("customers:read"));
        given().auth().oauth2(readonly).contentType(ContentType.JSON).body(KONGA).post("/api/v1/customers").then().statusCode(403)
                .body("error.code", equalTo("FORBIDDEN"));
    }

    @Test
    void anotherTenantsCustomerIsNotFoundAnywhere() {
        String id = member().body(KONGA).post("/api/v1/customers").then().statusCode(201).extract().path("data.id");
        String stranger = TestIdentity.token(UUID.randomUUID(), UUID.randomUUID(), "owner", WRITER);
        given().auth().oauth2(stranger).get("/api/v1/customers/" + id).then().statusCode(404);
        given().auth().oauth2(stranger).get("/api/v1/customers").then().statusCode(200).body("data.size()", equalTo(0));
        given().header("X-Risiti-Tenant", tenantId.toString()).get("/internal/customers/" + id).then().statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"));
        given().header(InternalEndpoints.SERVICE_TOKEN_HEADER, RisitiTestResources.serviceToken()).header("X-Risiti-Tenant", UUID.randomUUID().toString()).get("/internal/customers/" + id).then().statusCode(404);
        given().header(InternalEndpoints.SERVICE_TOKEN_HEADER, RisitiTestResources.serviceToken()).header("X-Risiti-Tenant", tenantId.toString()).get("/internal/customers/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("tenant_id", equalTo(tenantId.toString()));
    }

    private void publishInvoice(UUID invoiceId, UUID customerId, String status, long amountDueKobo) {
        String snapshot = """
                {"invoice_id":"%s","tenant_id":"%s","invoice_number":"INV-2025-001","status":"%s","customer_id":"%s",
                 "currency":"NGN","amount_due":"376250.00","amount_due_kobo":%d,"total_amount_kobo":%d,"test_mode":false}"""
                .formatted(invoiceId, tenantId, status, customerId, amountDueKobo, amountDueKobo);
        TestEvents.publish("risiti.invoices.v1", invoiceId.toString(), "invoice." + (status.equals("draft") ? "created" : status), tenantId, snapshot);
    }

    /** Prometheus sees this service's routes by template (never a customer's id), its outbox and its invoices consumer. */
    @Test
    void metricsNameTheRouteTemplateTheOutboxAndTheConsumerNeverACustomersId() {
        String id = member().body(KONGA).post("/api/v1/customers").then().statusCode(201).extract().path("data.id");
        member().get("/api/v1/customers/" + id).then().statusCode(200);

        ScrapedMetrics metrics = ScrapedMetrics.awaitPlatformSeries("GET", "/api/v1/customers/{id}", "invoices");
        assertThat(metrics.text()).doesNotContain(id);
    }
}
