package ng.risiti.invoice.invoices.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class InvoiceResourceTests {

    InvoiceTestFixtures tenant;
    UUID customerId;

    @BeforeEach
    void tenantWithCustomer() {
        tenant = new InvoiceTestFixtures();
        customerId = tenant.customer("TechVentures Nigeria Ltd", "98765432-0001");
    }

    private Response createInvoice(String body) {
        return tenant.owner().body(body).post("/api/v1/invoices");
    }

    @Test
    void createsDraftWithSpecifiedTotalsAndFinalizesWithIrnSignatureAndEvent() {
        KafkaTopicReader events = KafkaTopicReader.fromEnd("risiti.invoices.v1");
        Response created = createInvoice(InvoiceTestFixtures.invoiceBody(customerId));
        created.then().statusCode(201)
                .header("X-Request-Id", matchesPattern("req_[0-9a-f-]{36}"))
                .body("data.status", equalTo("draft"))
                .body("data.invoice_number", equalTo("INV-2025-001"))
                .body("data.subtotal", equalTo("350000.00"))
                .body("data.tax_total", equalTo("26250.00"))
                .body("data.total_amount", equalTo("376250.00"))
                .body("data.total_amount_kobo", equalTo(37625000))
                .body("data.amount_due", equalTo("376250.00"))
                .body("data.customer_snapshot.name", equalTo("TechVentures Nigeria Ltd"))
                .body("data.customer_snapshot.tin", equalTo("98765432-0001"))
                .body("data.line_items[0].unit_price", equalTo("35000.00"))
                .body("data.line_items[0].tax_rate", equalTo("7.5"))
                .body("data.line_items[0].total", equalTo("376250.00"));
        String id = created.path("data.id");

        tenant.owner().post("/api/v1/invoices/" + id + "/finalize").then().statusCode(200)
                .body("data.status", equalTo("finalized"))
                .body("data.irn", matchesPattern("INV2025001-[0-9A-F]{8}-20250324"))
                .body("data.digital_signature", startsWith("eyJ"));

        List<ConsumerRecord<String, String>> records = events.readUntil(
                seen -> seen.stream().anyMatch(r -> "invoice.finalized".equals(KafkaTopicReader.header(r, "ce_type")) && id.equals(r.key())),
                Duration.ofSeconds(15));
        ConsumerRecord<String, String> finalized = records.stream()
                .filter(r -> "invoice.finalized".equals(KafkaTopicReader.header(r, "ce_type")) && id.equals(r.key())).findFirst().orElseThrow();
        assertThat(KafkaTopicReader.header(finalized, "ce_tenantid")).isEqualTo(tenant.tenantId.toString());
        assertThat(KafkaTopicReader.header(finalized, "ce_source")).isEqualTo("/risiti/invoice-service");
        assertThat(KafkaTopicReader.header(finalized, "ce_specversion")).isEqualTo("1.0");
        assertThat(finalized.value()).contains("\"total_amount\":\"376250.00\"").contains("\"irn\":\"INV2025001-");
        assertThat(records).anyMatch(r -> "invoice.created".equals(KafkaTopicReader.header(r, "ce_type")) && id.equals(r.key()));
        events.close();

        tenant.owner().post("/api/v1/invoices/" + id + "/finalize").then().statusCode(422)
                .body("error.code", equalTo("UNPROCESSABLE"))
                .body("error.message", equalTo("Invoice is not in draft status; it is finalized."));
    }

    @Test
    void irnCarriesTheNrsServiceIdFromTheTenantsSettings() {
        String state = """
                {"tenant_id":"%s","name":"Fime Digital Ltd","tin":"12345678-0001","business_type":"sme","plan_slug":"starter",
                 "nrs_service_id":"NRSAB123","updated_at":"%s"}""".formatted(tenant.tenantId, java.time.Instant.now());
        ng.risiti.testsupport.TestEvents.publish("risiti.tenants.v1", tenant.tenantId.toString(), "tenant.updated", tenant.tenantId, state);
        await().atMost(Duration.ofSeconds(20)).until(() -> InvoiceTestFixtures.count(
                "select count(*) from known_tenants where id = ? and nrs_service_id = 'NRSAB123'", tenant.tenantId) == 1);
        String id = createInvoice(InvoiceTestFixtures.invoiceBody(customerId)).then().statusCode(201).extract().path("data.id");
        tenant.owner().post("/api/v1/invoices/" + id + "/finalize").then().statusCode(200)
                .body("data.irn", equalTo("INV2025001-NRSAB123-20250324"));
    }

    @Test
    void anotherTenantsInvoiceIsNotFound() {
        String id = createInvoice(InvoiceTestFixtures.invoiceBody(customerId)).then().statusCode(201).extract().path("data.id");
        InvoiceTestFixtures stranger = new InvoiceTestFixtures();
        stranger.owner().get("/api/v1/invoices/" + id).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        stranger.owner().post("/api/v1/invoices/" + id + "/finalize").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        // and another tenant's customer cannot be invoiced: the body names a customer the caller does not have
        stranger.owner().body(InvoiceTestFixtures.invoiceBody(customerId)).post("/api/v1/invoices").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details[0].field", equalTo("customer_id"));
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        tenant.owner().get("/api/v1/invoices/" + UUID.randomUUID()).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"))
                .body("error.request_id", startsWith("req_"));
        tenant.owner().get("/api/v1/invoices/not-a-uuid").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        tenant.owner().get("/api/v1/no-such-route").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
    }

    @Test
    void badBodiesNameEveryBadField() {
        tenant.owner().body("{\"customer_id\": ").post("/api/v1/invoices").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details[0].field", equalTo("body"));
        tenant.owner().body("{}").post("/api/v1/invoices").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", containsInAnyOrder("customer_id", "issue_date", "due_date", "line_items"));
        tenant.owner().body("""
                {"customer_id":"%s","issue_date":"2025-03-24","due_date":"2025-04-23",
                 "line_items":[{"description":"x","quantity":"ten","unit_price":35000}]}""".formatted(customerId))
                .post("/api/v1/invoices").then().statusCode(400)
                .body("error.details[0].field", equalTo("line_items.0.quantity"))
                .body("error.details[0].message", equalTo("quantity must be a number"));
        tenant.owner().body("""
                {"customer_id":"%s","issue_date":"24/03/2025","due_date":"2025-04-23","line_items":[]}""".formatted(customerId))
                .post("/api/v1/invoices").then().statusCode(400)
                .body("error.details[0].field", equalTo("issue_date"));
        tenant.owner().body("""
                {"customer_id":"%s","issue_date":"2025-03-24","due_date":"2025-04-23",
                 "line_items":[{"description":"","quantity":0,"unit_price":-1,"discount_percent":101,"hsn_code":"84.71",
                                "product_category":"%s"}]}""".formatted(customerId, "x".repeat(101)))
                .post("/api/v1/invoices").then().statusCode(400)
                .body("error.details.field", containsInAnyOrder("line_items.0.description", "line_items.0.quantity",
                        "line_items.0.unit_price", "line_items.0.discount_percent", "line_items.0.hsn_code", "line_items.0.product_category"));
        tenant.owner().body("""
                {"customer_id":"%s","issue_date":"2025-03-24","due_date":"2025-03-01",
                 "line_items":[{"description":"x","quantity":1,"unit_price":1}]}""".formatted(customerId))
                .post("/api/v1/invoices").then().statusCode(400).body("error.details[0].field", equalTo("due_date"));
        tenant.owner().body("[1,2]").post("/api/v1/invoices").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
    }

    @Test
    void credentialsAndScopesAreEnforced() {
        given().get("/api/v1/invoices").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().auth().oauth2("not-a-jwt").get("/api/v1/invoices").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().auth().oauth2(TestIdentity.forgedToken(tenant.tenantId, tenant.userId, "owner", InvoiceTestFixtures.ALL_SCOPES))
                .get("/api/v1/invoices").then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        given().auth().oauth2(TestIdentity.expiredToken(tenant.tenantId, tenant.userId, "owner", InvoiceTestFixtures.ALL_SCOPES))
                .get("/api/v1/invoices").then().statusCode(401).body("error.code", equalTo("TOKEN_EXPIRED"));
        given().header("x-api-key", "rs_live_" + "0".repeat(40)).get("/api/v1/invoices").then().statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"));
        given().header("x-api-key", "fp_live_short").get("/api/v1/invoices").then().statusCode(401);
        String readonly = TestIdentity.token(tenant.tenantId, tenant.userId, "readonly", List.of("invoices:read", "customers:read", "reports:read"));
        given().auth().oauth2(readonly).contentType(ContentType.JSON).body(InvoiceTestFixtures.invoiceBody(customerId))
                .post("/api/v1/invoices").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        given().auth().oauth2(readonly).get("/api/v1/invoices").then().statusCode(200);
    }

    @Test
    void apiKeysWorkAndARevokedKeyIsRefusedWithinASecond() {
        String key = TestIdentity.apiKey(tenant.tenantId, List.of("invoices:read"));
        await().atMost(Duration.ofSeconds(10)).until(() -> given().header("x-api-key", key).get("/api/v1/invoices").statusCode() == 200);
        // Finora dialect: the key as a Bearer token
        given().header("Authorization", "Bearer " + key).get("/api/v1/invoices").then().statusCode(200);
        given().header("x-api-key", key).contentType(ContentType.JSON).body(InvoiceTestFixtures.invoiceBody(customerId))
                .post("/api/v1/invoices").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));

        TestIdentity.publishKeyState(key, tenant.tenantId, List.of("invoices:read"), null, java.time.Instant.now());
        long revokedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> given().header("x-api-key", key).get("/api/v1/invoices").statusCode() == 401);
        assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void listsPageByCursorAndRefuseForgedCursors() {
        createInvoice(InvoiceTestFixtures.invoiceBody(customerId)).then().statusCode(201);
        for (int i = 0; i < 2; i++) {
            tenant.owner().body(InvoiceTestFixtures.invoiceBody(customerId)).post("/api/v1/invoices").then().statusCode(201);
        }
        Response first = tenant.owner().queryParam("limit", 2).get("/api/v1/invoices");
        first.then().statusCode(200).body("data.size()", equalTo(2)).body("has_more", equalTo(true)).body("next_cursor", notNullValue());
        String cursor = first.path("next_cursor");
        tenant.owner().queryParam("limit", 2).queryParam("cursor", cursor).get("/api/v1/invoices").then().statusCode(200)
                .body("data.size()", equalTo(1)).body("has_more", equalTo(false)).body("next_cursor", equalTo(null))
                .body("data.invoice_number", hasItem("INV-2025-001"));

        String forged = cursor.substring(0, cursor.indexOf('.')) + "." + "AAAAAAAAAAAAAAAAAAAAAA";
        tenant.owner().queryParam("cursor", forged).get("/api/v1/invoices").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details[0].field", equalTo("cursor"));
        tenant.owner().queryParam("cursor", "garbage").get("/api/v1/invoices").then().statusCode(400);
        tenant.owner().queryParam("limit", 101).get("/api/v1/invoices").then().statusCode(400).body("error.details[0].field", equalTo("limit"));
        tenant.owner().queryParam("limit", "x").get("/api/v1/invoices").then().statusCode(400);
    }

    @Test
    void idempotencyKeyReplaysRefusesOtherBodiesAndMakesOneResourceUnderConcurrency() throws Exception {
        createInvoice(InvoiceTestFixtures.invoiceBody(customerId)).then().statusCode(201);
        String body = InvoiceTestFixtures.invoiceBody(customerId);
        String key = UUID.randomUUID().toString();
        Response first = tenant.owner().header("Idempotency-Key", key).body(body).post("/api/v1/invoices");
        first.then().statusCode(201);
        tenant.owner().header("Idempotency-Key", key).body(body).post("/api/v1/invoices").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("data.id", equalTo(first.path("data.id")));
        tenant.owner().header("Idempotency-Key", key).body(body.replace("Software", "Hardware")).post("/api/v1/invoices")
                .then().statusCode(422).body("error.code", equalTo("UNPROCESSABLE"));

        String concurrentKey = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            Callable<String> call = () -> tenant.owner().header("Idempotency-Key", concurrentKey).body(body).post("/api/v1/invoices")
                    .then().statusCode(201).extract().path("data.id");
            List<Future<String>> results = pool.invokeAll(java.util.Collections.nCopies(6, call));
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (Future<String> result : results) {
                ids.add(result.get());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oversizeBodiesAreRefusedWith413() {
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        tenant.owner().body(big).post("/api/v1/invoices").then().statusCode(413).body("error.code", equalTo("PAYLOAD_TOO_LARGE"));
    }
}
