package ng.risiti.customer.customers.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestEvents;
import ng.risiti.testsupport.TestIdentity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Update, delete, contacts, a customer's invoices, and the list's page size, total and date filters. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "customer"))
@QuarkusTestResource(TestIdentity.Resource.class)
class CustomerLifecycleTests {

    final UUID tenantId = UUID.randomUUID();
    final String token = TestIdentity.token(tenantId, UUID.randomUUID(), "member", CustomerResourceTests.WRITER);

    RequestSpecification member() {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    String create(String name, String email) {
        return member().body("""
                {"name":"%s","email":"%s","tin":"98765432-0001","notes":"pays late",
                 "billing_address":{"street_name":"Plot 33","city_name":"Lagos","country":"NG"}}""".formatted(name, email))
                .post("/api/v1/customers").then().statusCode(201).extract().path("data.id");
    }

    @Test
    void patchChangesOnlyTheFieldsSentAndPublishesTheNewState() {
        String id = create("Konga Technologies Ltd", "finance@konga.com");
        KafkaTopicReader topic = KafkaTopicReader.fromEnd("risiti.customers.v1");

        member().body("{\"phone\":\"+2348099999999\",\"tin\":null}").patch("/api/v1/customers/" + id).then().statusCode(200)
                .body("data.phone", equalTo("+2348099999999"))
                .body("data.tin", nullValue())
                .body("data.name", equalTo("Konga Technologies Ltd"))
                .body("data.notes", equalTo("pays late"))
                .body("data.billing_address.city_name", equalTo("Lagos"));
        ConsumerRecord<String, String> updated = topic.first("customer.updated", r -> id.equals(r.key()), Duration.ofSeconds(15));
        assertThat(updated.value()).contains("+2348099999999");
        topic.close();

        member().body("{\"billing_address\":{\"city_name\":\"Abuja\"},\"email\":\"AP@Konga.com\"}").patch("/api/v1/customers/" + id)
                .then().statusCode(200)
                .body("data.billing_address.city_name", equalTo("Abuja"))
                .body("data.billing_address.street_name", nullValue())
                .body("data.email", equalTo("ap@konga.com"));
        member().get("/api/v1/customers/" + id).then().statusCode(200).body("data.phone", equalTo("+2348099999999"));
    }

    @Test
    void patchRefusesBadFieldsAllAtOnceAndChangesNothing() {
        String id = create("Konga Technologies Ltd", "finance@konga.com");
        member().body("""
                {"name":null,"email":"nope","phone":"12","tin":"123","currency":"naira","billing_address":{"country":"Nigeria"}}""")
                .patch("/api/v1/customers/" + id).then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", containsInAnyOrder("name", "email", "phone", "tin", "currency", "billing_address.country"));
        member().body("[1]").patch("/api/v1/customers/" + id).then().statusCode(400).body("error.details[0].field", equalTo("body"));
        member().get("/api/v1/customers/" + id).then().statusCode(200).body("data.tin", equalTo("98765432-0001"));
        member().body("{\"phone\":\"+2348099999999\"}").patch("/api/v1/customers/" + UUID.randomUUID()).then().statusCode(404);
        String readonly = TestIdentity.token(tenantId, UUID.randomUUID(), "readonly", List.of("customers:read"));
        given().auth().oauth2(readonly).contentType(ContentType.JSON).body("{\"notes\":\"x\"}").patch("/api/v1/customers/" + id)
                .then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
    }

    @Test
    void deletedCustomerLeavesListsAndLookupsAndItsDeletionIsPublished() {
        String id = create("Gone Ltd", "ap@gone.ng");
        KafkaTopicReader topic = KafkaTopicReader.fromEnd("risiti.customers.v1");
        member().delete("/api/v1/customers/" + id).then().statusCode(200).body("data.message", equalTo("Customer deleted."));
        ConsumerRecord<String, String> deleted = topic.first("customer.deleted", r -> id.equals(r.key()), Duration.ofSeconds(15));
        assertThat(deleted.value()).contains("\"deleted_at\":\"");
        topic.close();

        member().get("/api/v1/customers/" + id).then().statusCode(404);
        member().queryParam("search", "gone").get("/api/v1/customers").then().statusCode(200).body("data.size()", equalTo(0));
        member().delete("/api/v1/customers/" + id).then().statusCode(404);
        member().body("{\"notes\":\"x\"}").patch("/api/v1/customers/" + id).then().statusCode(404);
    }

    @Test
    void contactsAreAddedListedOnTheCustomerAndRemoved() {
        String id = create("Konga Technologies Ltd", "finance@konga.com");
        String contact = member().body("{\"name\":\"Emeka Obi\",\"email\":\"Emeka.Obi@konga.com\",\"role\":\"Accounts Payable\"}")
                .post("/api/v1/customers/" + id + "/contacts").then().statusCode(201)
                .body("data.email", equalTo("emeka.obi@konga.com"))
                .extract().path("data.id");
        member().get("/api/v1/customers/" + id).then().statusCode(200)
                .body("data.contacts.id", contains(contact))
                .body("data.contacts[0].role", equalTo("Accounts Payable"));
        member().get("/api/v1/customers").then().statusCode(200).body("data[0]", not(hasKey("contacts")));

        member().body("{\"email\":\"not-an-email\",\"phone\":\"x\"}").post("/api/v1/customers/" + id + "/contacts").then().statusCode(400)
                .body("error.details.field", containsInAnyOrder("name", "email", "phone"));
        String stranger = TestIdentity.token(UUID.randomUUID(), UUID.randomUUID(), "owner", CustomerResourceTests.WRITER);
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body("{\"name\":\"X\",\"email\":\"x@y.ng\"}")
                .post("/api/v1/customers/" + id + "/contacts").then().statusCode(404);
        given().auth().oauth2(stranger).delete("/api/v1/customers/" + id + "/contacts/" + contact).then().statusCode(404);

        member().delete("/api/v1/customers/" + id + "/contacts/" + contact).then().statusCode(200)
                .body("data.message", equalTo("Contact deleted."));
        member().delete("/api/v1/customers/" + id + "/contacts/" + contact).then().statusCode(404);
        member().get("/api/v1/customers/" + id).then().statusCode(200).body("data.contacts.size()", equalTo(0));
    }

    @Test
    void eachContactAddedOrRemovedPublishesTheCustomersWholeStateWithItsContactsEmails() {
        String id = create("Konga Technologies Ltd", "finance@konga.com");
        KafkaTopicReader topic = KafkaTopicReader.fromEnd("risiti.customers.v1");
        String first = member().body("{\"name\":\"Emeka Obi\",\"email\":\"Emeka.Obi@konga.com\"}")
                .post("/api/v1/customers/" + id + "/contacts").then().statusCode(201).extract().path("data.id");
        assertThat(topic.first("customer.updated", r -> id.equals(r.key()), Duration.ofSeconds(15)).value())
                .contains("\"contact_emails\":[\"emeka.obi@konga.com\"]").contains("\"name\":\"Konga Technologies Ltd\"");
        member().body("{\"name\":\"Ada Eze\",\"email\":\"ada@konga.com\"}").post("/api/v1/customers/" + id + "/contacts")
                .then().statusCode(201);
        assertThat(topic.first("customer.updated", r -> id.equals(r.key()) && r.value().contains("ada@konga.com"), Duration.ofSeconds(15))
                .value()).contains("\"contact_emails\":[\"emeka.obi@konga.com\",\"ada@konga.com\"]");

        member().delete("/api/v1/customers/" + id + "/contacts/" + first).then().statusCode(200);
        assertThat(topic.first("customer.updated", r -> id.equals(r.key()) && !r.value().contains("emeka"), Duration.ofSeconds(15))
                .value()).contains("\"contact_emails\":[\"ada@konga.com\"]");
        // a later change to the customer itself keeps its contacts on the compacted topic
        member().body("{\"phone\":\"+2348011111111\"}").patch("/api/v1/customers/" + id).then().statusCode(200);
        assertThat(topic.first("customer.updated", r -> id.equals(r.key()) && r.value().contains("+2348011111111"), Duration.ofSeconds(15))
                .value()).contains("\"contact_emails\":[\"ada@konga.com\"]");
        topic.close();
    }

    @Test
    void listsACustomersInvoicesNewestFirstFromInvoiceEvents() {
        String id = create("Konga Technologies Ltd", "finance@konga.com");
        UUID older = new UUID(0x01900000_0000_7000L, 0x8000_0000_0000_0001L);
        UUID newer = new UUID(0x01950000_0000_7000L, 0x8000_0000_0000_0001L);
        publishInvoice(older, UUID.fromString(id), "INV-2026-001", "finalized", 15000000);
        publishInvoice(newer, UUID.fromString(id), "INV-2026-002", "draft", 5000000);
        publishInvoice(UUID.randomUUID(), UUID.randomUUID(), "INV-2026-003", "draft", 100);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> member().get("/api/v1/customers/" + id + "/invoices").then()
                .statusCode(200)
                .body("data.invoice_number", contains("INV-2026-002", "INV-2026-001"))
                .body("data[1].total_amount", equalTo("150000.00"))
                .body("data[1].status", equalTo("finalized"))
                .body("data[1].issue_date", equalTo("2026-04-01"))
                .body("meta.has_more", equalTo(false)));
        String cursor = member().queryParam("limit", 1).get("/api/v1/customers/" + id + "/invoices").then().statusCode(200)
                .body("has_more", equalTo(true)).extract().path("next_cursor");
        member().queryParam("limit", 1).queryParam("cursor", cursor).get("/api/v1/customers/" + id + "/invoices").then()
                .statusCode(200).body("data.invoice_number", contains("INV-2026-001"));

        String customersOnly = TestIdentity.token(tenantId, UUID.randomUUID(), "member", List.of("customers:read"));
        given().auth().oauth2(customersOnly).get("/api/v1/customers/" + id + "/invoices").then().statusCode(403);
        String stranger = TestIdentity.token(UUID.randomUUID(), UUID.randomUUID(), "owner", CustomerResourceTests.WRITER);
        given().auth().oauth2(stranger).get("/api/v1/customers/" + id + "/invoices").then().statusCode(404);
    }

    @Test
    void listsTwentyAPageWithTheTotalAndFiltersByCreationDate() {
        for (int i = 0; i < 21; i++) {
            create("Customer " + i, "c" + i + "@example.ng");
        }
        member().get("/api/v1/customers").then().statusCode(200)
                .body("data.size()", equalTo(20))
                .body("has_more", equalTo(true))
                .body("meta.has_more", equalTo(true))
                .body("meta.total", equalTo(21))
                .body("data[0].name", equalTo("Customer 20"));
        member().queryParam("search", "customer 1").get("/api/v1/customers").then().statusCode(200)
                .body("meta.total", equalTo(11)); // 1 and 10-19
        String today = LocalDate.now().toString();
        member().queryParam("from", today).queryParam("to", today).get("/api/v1/customers").then().statusCode(200)
                .body("meta.total", equalTo(21));
        member().queryParam("to", LocalDate.now().minusDays(1).toString()).get("/api/v1/customers").then().statusCode(200)
                .body("meta.total", equalTo(0)).body("data.size()", equalTo(0));
        member().queryParam("from", "yesterday").get("/api/v1/customers").then().statusCode(400)
                .body("error.details[0].field", equalTo("from"));
        member().queryParam("from", today).queryParam("to", LocalDate.now().minusDays(2).toString()).get("/api/v1/customers")
                .then().statusCode(400).body("error.details[0].field", equalTo("to"));
        member().queryParam("search", "100%_").get("/api/v1/customers").then().statusCode(200).body("meta.total", equalTo(0));
    }

    @Test
    void testModeCustomersAreAnotherWorld() {
        String live = create("Live Ltd", "ap@live.ng");
        String testKey = TestIdentity.testApiKey(tenantId, CustomerResourceTests.WRITER);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().header("x-api-key", testKey).get("/api/v1/customers/" + live).then().statusCode(404));
        given().header("x-api-key", testKey).contentType(ContentType.JSON).body("{\"notes\":\"x\"}")
                .patch("/api/v1/customers/" + live).then().statusCode(404);
        given().header("x-api-key", testKey).delete("/api/v1/customers/" + live).then().statusCode(404);
        given().header("x-api-key", testKey).get("/api/v1/customers/" + live + "/invoices").then().statusCode(404);
    }

    @Test
    void aDraftDeletedInTheInvoiceServiceLeavesTheCustomersInvoicesAndCountAndAnOlderEventCannotBringItBack() {
        String id = create("Deleted Drafts Ltd", "ap@drafts.ng");
        UUID kept = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        publishInvoice(kept, UUID.fromString(id), "INV-2026-001", "finalized", 15000000);
        String draft = """
                {"invoice_id":"%s","tenant_id":"%s","invoice_number":"INV-2026-002","status":"draft","customer_id":"%s",
                 "currency":"NGN","issue_date":"2026-04-01","due_date":"2026-04-30","amount_due_kobo":5000000,
                 "total_amount_kobo":5000000,"test_mode":false}""".formatted(deleted, tenantId, id);
        long created = TestEvents.nextVersion();
        long deletion = TestEvents.nextVersion();
        TestEvents.publish("risiti.invoices.v1", deleted.toString(), UUID.randomUUID().toString(), "invoice.created", tenantId, created, draft);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> member().get("/api/v1/customers/" + id).then().statusCode(200)
                .body("data.invoice_count", equalTo(2)));

        TestEvents.publish("risiti.invoices.v1", deleted.toString(), UUID.randomUUID().toString(), "invoice.deleted", tenantId, deletion, draft);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> member().get("/api/v1/customers/" + id).then().statusCode(200)
                .body("data.invoice_count", equalTo(1))
                .body("data.outstanding_balance", equalTo("150000.00")));
        member().get("/api/v1/customers/" + id + "/invoices").then().statusCode(200).body("data.invoice_number", contains("INV-2026-001"));

        // the draft's creation redelivered (an older version, a fresh event id): the tombstone wins. The kept invoice's next
        // event goes on the same key, so the same partition, after it: once that one shows, the redelivery was applied.
        TestEvents.publish("risiti.invoices.v1", deleted.toString(), UUID.randomUUID().toString(), "invoice.created", tenantId, created, draft);
        TestEvents.publish("risiti.invoices.v1", deleted.toString(), "invoice.sent", tenantId, """
                {"invoice_id":"%s","tenant_id":"%s","invoice_number":"INV-2026-001","status":"sent","customer_id":"%s",
                 "currency":"NGN","issue_date":"2026-04-01","due_date":"2026-04-30","amount_due_kobo":15000000,
                 "total_amount_kobo":15000000,"test_mode":false}""".formatted(kept, tenantId, id));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> member().get("/api/v1/customers/" + id + "/invoices").then().statusCode(200)
                .body("data.status", contains("sent")));
        member().get("/api/v1/customers/" + id).then().statusCode(200).body("data.invoice_count", equalTo(1));
    }

    private void publishInvoice(UUID invoiceId, UUID customerId, String number, String status, long totalKobo) {
        String snapshot = """
                {"invoice_id":"%s","tenant_id":"%s","invoice_number":"%s","status":"%s","customer_id":"%s",
                 "currency":"NGN","issue_date":"2026-04-01","due_date":"2026-04-30","amount_due_kobo":%d,
                 "total_amount_kobo":%d,"test_mode":false}""".formatted(invoiceId, tenantId, number, status, customerId, totalKobo, totalKobo);
        TestEvents.publish("risiti.invoices.v1", invoiceId.toString(), "invoice." + (status.equals("draft") ? "created" : status), tenantId, snapshot);
    }

    /** A customer's invoices take no filter but their page: a bad one is refused naming the parameter, never ignored (issue 12). */
    @Test
    void aBadPageOfACustomersInvoicesIsRefusedNamingItsParameter() {
        String id = create("Paging Ltd", "paging@example.ng");
        member().queryParam("limit", 0).get("/api/v1/customers/" + id + "/invoices").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details[0].field", equalTo("limit"));
        member().queryParam("cursor", "forged.cursor").get("/api/v1/customers/" + id + "/invoices").then().statusCode(400)
                .body("error.details[0].field", equalTo("cursor"));
        member().queryParam("limit", 100).get("/api/v1/customers/" + id + "/invoices").then().statusCode(200);
    }
}
