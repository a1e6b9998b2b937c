package ng.risiti.invoice.invoices.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
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

/** PATCH /api/v1/invoices/{id}: a draft's fields, field by field, and nothing else. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class InvoicePatchTests {

    static final String WHT_5 = InvoiceCreateFieldsTests.WHT_5;
    static final String WHT_10 = InvoiceCreateFieldsTests.WHT_10;
    static final String ZERO_RATED = "00000000-0000-7000-8000-000000000000";

    InvoiceTestFixtures tenant;
    UUID customerId;

    @BeforeEach
    void tenantWithCustomer() {
        tenant = new InvoiceTestFixtures();
        customerId = tenant.customer("TechVentures Nigeria Ltd", "98765432-0001");
    }

    private String draft() {
        return tenant.owner().body(InvoiceTestFixtures.invoiceBody(customerId).replace("\"currency\":\"NGN\",",
                        "\"currency\":\"NGN\",\"wht_rate_id\":\"" + WHT_5 + "\","))
                .post("/api/v1/invoices").then().statusCode(201).extract().path("data.id");
    }

    private Response patch(String id, String body) {
        return tenant.owner().body(body).patch("/api/v1/invoices/" + id);
    }

    @Test
    void newLinesReplaceTheOldOnesAndEveryTotalIsDerivedAgainAndPublished() {
        String id = draft();
        JsonPath before = tenant.owner().get("/api/v1/invoices/" + id).then().extract().jsonPath();
        KafkaTopicReader events = KafkaTopicReader.fromEnd("risiti.invoices.v1");

        // 2 × 1,000 at 7.5 % = 2,000 + 150; 1 × 500 zero-rated; WHT 10 % of 2,500 = 250
        JsonPath patched = patch(id, """
                {"line_items":[{"description":"Design","quantity":2,"unit_price":1000},
                               {"description":"Rice","quantity":1,"unit_price":"500.00","tax_rate_id":"%s"}],
                 "wht_rate_id":"%s","notes":"Net 14","due_date":"2025-05-01"}""".formatted(ZERO_RATED, WHT_10))
                .then().statusCode(200)
                .body("data.status", equalTo("draft"))
                .body("data.line_items.description", contains("Design", "Rice"))
                .body("data.line_items[1].tax_rate", equalTo("0.0"))
                .body("data.subtotal", equalTo("2500.00"))
                .body("data.tax_total", equalTo("150.00"))
                .body("data.total_amount", equalTo("2650.00"))
                .body("data.total_amount_kobo", equalTo(265000))
                .body("data.amount_due", equalTo("2650.00"))
                .body("data.wht_rate", equalTo("10.0"))
                .body("data.wht_amount", equalTo("250.00"))
                .body("data.notes", equalTo("Net 14"))
                .body("data.due_date", equalTo("2025-05-01"))
                // what the PATCH left out stays
                .body("data.issue_date", equalTo("2025-03-24"))
                .body("data.invoice_number", equalTo(before.getString("data.invoice_number")))
                .body("data.customer_snapshot.name", equalTo("TechVentures Nigeria Ltd"))
                .extract().jsonPath();
        assertThat(patched.getList("data.line_items.id")).doesNotContainAnyElementsOf(before.getList("data.line_items.id"));
        tenant.owner().get("/api/v1/invoices/" + id).then().body("data.total_amount", equalTo("2650.00"))
                .body("data.line_items.size()", equalTo(2));

        ConsumerRecord<String, String> updated = events.first("invoice.updated", record -> id.equals(record.key()), Duration.ofSeconds(15));
        events.close();
        assertThat(KafkaTopicReader.header(updated, "ce_tenantid")).isEqualTo(tenant.tenantId.toString());
        assertThat(updated.value()).contains("\"status\":\"draft\"").contains("\"total_amount_kobo\":265000")
                .contains("\"wht_amount_kobo\":25000").contains("\"due_date\":\"2025-05-01\"");
    }

    @Test
    void absentFieldsStayAndNullClearsTheNotesAndTheWht() {
        String id = draft();
        List<String> lineIds = tenant.owner().get("/api/v1/invoices/" + id).then().extract().path("data.line_items.id");

        patch(id, "{\"notes\":null}").then().statusCode(200)
                .body("data.notes", nullValue())
                .body("data.wht_rate", equalTo("5.0")).body("data.wht_amount", equalTo("17500.00"))
                .body("data.line_items.id", equalTo(lineIds));
        patch(id, "{\"wht_rate_id\":null}").then().statusCode(200)
                .body("data.wht_rate_id", nullValue()).body("data.wht_rate", nullValue()).body("data.wht_amount", equalTo("0.00"))
                .body("data.total_amount", equalTo("376250.00"));
        patch(id, "{\"wht_rate_id\":\"" + WHT_10 + "\"}").then().statusCode(200).body("data.wht_amount", equalTo("35000.00"));
        String updatedAt = tenant.owner().get("/api/v1/invoices/" + id).then().extract().path("data.updated_at");
        patch(id, "{}").then().statusCode(200).body("data.updated_at", equalTo(updatedAt)).body("data.wht_amount", equalTo("35000.00"));
        patch(id, "{\"issue_date\":\"2025-04-01\"}").then().statusCode(200)
                .body("data.issue_date", equalTo("2025-04-01")).body("data.due_date", equalTo("2025-04-23"));
    }

    @Test
    void anotherCustomerIsSnapshottedAsItIsNow() {
        String id = draft();
        UUID other = tenant.customer("Konga Technologies Ltd", "11112222-0001");
        patch(id, "{\"customer_id\":\"" + other + "\"}").then().statusCode(200)
                .body("data.customer_snapshot.name", equalTo("Konga Technologies Ltd"))
                .body("data.customer_snapshot.tin", equalTo("11112222-0001"));
        tenant.owner().get("/api/v1/invoices/" + id).then().body("data.customer_snapshot.name", equalTo("Konga Technologies Ltd"));
    }

    @Test
    void badFieldsAreNamedAndChangeNothing() {
        String id = draft();
        String before = tenant.owner().get("/api/v1/invoices/" + id).then().extract().body().asString();

        patch(id, "{\"due_date\":\"2025-03-01\"}").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details[0].field", equalTo("due_date"))
                .body("error.details[0].message", equalTo("due_date must be on or after issue_date (2025-03-24)"));
        patch(id, "{\"issue_date\":\"2025-05-01\"}").then().statusCode(400).body("error.details[0].field", equalTo("due_date"));
        patch(id, "{\"issue_date\":\"24/03/2025\"}").then().statusCode(400).body("error.details[0].field", equalTo("issue_date"));
        patch(id, "{\"customer_id\":null,\"line_items\":null}").then().statusCode(400)
                .body("error.details.field", hasItems("customer_id", "line_items"))
                .body("error.details.message", hasItems("customer_id must not be null"));
        patch(id, "{\"line_items\":[]}").then().statusCode(400).body("error.details[0].field", equalTo("line_items"));
        patch(id, "{\"line_items\":[{\"description\":\"x\",\"quantity\":\"ten\",\"unit_price\":1}]}").then().statusCode(400)
                .body("error.details[0].field", equalTo("line_items.0.quantity"));
        patch(id, "{\"line_items\":[{\"description\":\"\",\"quantity\":0,\"unit_price\":-1}]}").then().statusCode(400)
                .body("error.details.field", hasItems("line_items.0.description", "line_items.0.quantity", "line_items.0.unit_price"));
        patch(id, "{\"line_items\":[{\"description\":\"x\",\"quantity\":1,\"unit_price\":1,\"tax_rate_id\":\"" + WHT_5 + "\"}]}").then()
                .statusCode(400).body("error.details[0].field", equalTo("line_items.0.tax_rate_id"));
        patch(id, "{\"customer_id\":\"" + UUID.randomUUID() + "\"}").then().statusCode(400)
                .body("error.details[0].field", equalTo("customer_id"));
        patch(id, "{\"customer_id\":\"not-a-uuid\"}").then().statusCode(400).body("error.details[0].field", equalTo("customer_id"));
        patch(id, "{\"wht_rate_id\":\"00000000-0000-7000-8000-000000000075\"}").then().statusCode(400)
                .body("error.details[0].field", equalTo("wht_rate_id"));
        patch(id, "{\"notes\":\"" + "x".repeat(2001) + "\"}").then().statusCode(400).body("error.details[0].field", equalTo("notes"));
        patch(id, "[1,2]").then().statusCode(400).body("error.details[0].field", equalTo("body"));
        patch(id, "{\"notes\": ").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));

        UUID gone = tenant.customer("Gone Ltd", "44444444-0001");
        tenant.deleteCustomer(gone, "Gone Ltd", "44444444-0001");
        patch(id, "{\"customer_id\":\"" + gone + "\"}").then().statusCode(400).body("error.details[0].field", equalTo("customer_id"));
        InvoiceTestFixtures stranger = new InvoiceTestFixtures();
        UUID strangersCustomer = stranger.customer("Stranger Ltd", "55555555-0001");
        patch(id, "{\"customer_id\":\"" + strangersCustomer + "\"}").then().statusCode(400)
                .body("error.details[0].message", equalTo("customer_id does not name a customer of this business"));

        JsonPath after = JsonPath.from(tenant.owner().get("/api/v1/invoices/" + id).then().extract().body().asString());
        JsonPath original = JsonPath.from(before);
        assertThat(after.getMap("data")).isEqualTo(original.getMap("data"));
    }

    @Test
    void onlyADraftCanBeChangedAndTheRefusalSaysWhatItIs() {
        String id = draft();
        tenant.owner().post("/api/v1/invoices/" + id + "/finalize").then().statusCode(200);
        patch(id, "{\"notes\":\"too late\"}").then().statusCode(422).body("error.code", equalTo("UNPROCESSABLE"))
                .body("error.message", equalTo("Invoice is not in draft status; it is finalized."));
        tenant.owner().post("/api/v1/invoices/" + id + "/void").then().statusCode(200);
        patch(id, "{}").then().statusCode(422).body("error.message", equalTo("Invoice is not in draft status; it is cancelled."));
        tenant.owner().get("/api/v1/invoices/" + id).then().body("data.notes", not(equalTo("too late")));
    }

    @Test
    void unknownDeletedAndOtherTenantsInvoicesAreNotFound() {
        String id = draft();
        patch(UUID.randomUUID().toString(), "{}").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        patch("not-a-uuid", "{}").then().statusCode(404);
        InvoiceTestFixtures stranger = new InvoiceTestFixtures();
        stranger.owner().body("{\"notes\":\"mine\"}").patch("/api/v1/invoices/" + id).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        tenant.testKey().body("{\"notes\":\"test world\"}").patch("/api/v1/invoices/" + id).then().statusCode(404);
        tenant.owner().delete("/api/v1/invoices/" + id).then().statusCode(200);
        patch(id, "{\"notes\":\"after delete\"}").then().statusCode(404);
    }

    /**
     * Finalize signs the draft it read, then locks it only if it is still that version; PATCH holds the row while it
     * checks and changes the draft. Whatever the interleaving, the finalized invoice is exactly what finalize answered
     * (what it signed): a PATCH never changes it afterwards, and each request either wins or is refused.
     */
    @Test
    void aPatchRacingAFinalizeNeverChangesTheFinalizedInvoice() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(draft());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (String id : ids) {
                calls.add(() -> patch(id, """
                        {"notes":"patched","line_items":[{"description":"Patched","quantity":3,"unit_price":100}]}"""));
                calls.add(() -> tenant.owner().post("/api/v1/invoices/" + id + "/finalize"));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : pool.invokeAll(calls)) {
                responses.add(future.get());
            }
            for (int i = 0; i < ids.size(); i++) {
                Response patched = responses.get(2 * i);
                Response finalized = responses.get(2 * i + 1);
                assertThat(patched.statusCode()).as("PATCH %s", patched.asString()).isIn(200, 422);
                assertThat(finalized.statusCode()).as("finalize %s", finalized.asString()).isIn(200, 409);
                JsonPath now = tenant.owner().get("/api/v1/invoices/" + ids.get(i)).then().statusCode(200).extract().jsonPath();
                if (finalized.statusCode() == 200) {
                    assertThat(now.getString("data.status")).isEqualTo("finalized");
                    assertThat(now.getString("data.notes")).isEqualTo(finalized.path("data.notes"));
                    assertThat(now.getString("data.total_amount")).isEqualTo(finalized.path("data.total_amount"));
                    assertThat(now.getList("data.line_items.description")).isEqualTo(finalized.path("data.line_items.description"));
                    assertThat(now.getString("data.digital_signature")).isEqualTo(finalized.path("data.digital_signature"));
                    // and the signature covers that content, not the draft finalize read before a PATCH changed it
                    JsonPath signed = JsonPath.from(new String(java.util.Base64.getUrlDecoder().decode(
                            now.getString("data.digital_signature").split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8));
                    assertThat(signed.getLong("total_kobo")).isEqualTo(now.getLong("data.total_amount_kobo"));
                    assertThat(signed.getList("lines.description")).isEqualTo(now.getList("data.line_items.description"));
                } else {
                    // finalize lost to the PATCH that changed the draft under it: still a draft, with the PATCH's content
                    assertThat(now.getString("data.status")).isEqualTo("draft");
                    assertThat(patched.statusCode()).isEqualTo(200);
                    assertThat(now.getString("data.notes")).isEqualTo("patched");
                }
                if (patched.statusCode() == 422) {
                    assertThat(patched.<String>path("error.message")).isEqualTo("Invoice is not in draft status; it is finalized.");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
