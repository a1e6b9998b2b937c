package ng.risiti.invoice.sending.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.testsupport.GreenMailResource;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.testsupport.TestMailbox;
import ng.risiti.invoice.WhatsAppStub;
import ng.risiti.invoice.sending.service.DeliveryDispatcher;
import ng.risiti.testsupport.DataExportProbe;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestEvents;
import ng.risiti.testsupport.TestIdentity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
@QuarkusTestResource(GreenMailResource.class)
@QuarkusTestResource(WhatsAppStub.class)
class InvoiceSendResourceTests {

    private static final String BUSINESS = "Adeyemi & Sons Trading Ltd";
    private static final Duration DELIVERED = Duration.ofSeconds(30);

    @Inject
    DeliveryDispatcher dispatcher;
    @Inject
    Scheduler scheduler;

    InvoiceTestFixtures tenant;
    String email;
    String phone;
    String whatsApp;
    UUID customerId;

    /** A tenant on the Free plan (sending is a Free feature) and a customer with an email and a phone of this test's own. */
    @BeforeEach
    void freeTenantWithReachableCustomer() {
        tenant = new InvoiceTestFixtures().onPlan("free");
        email = "ap-" + UUID.randomUUID().toString().substring(0, 8) + "@techventures.ng";
        String subscriber = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000));
        phone = "0803 " + subscriber.substring(0, 3) + " " + subscriber.substring(3);
        whatsApp = "+234803" + subscriber;
        customerId = customer(tenant, email, phone, false);
    }

    private Response send(String invoiceId, String body) {
        return tenant.owner().body(body).post("/api/v1/invoices/" + invoiceId + "/send");
    }

    @Test
    void aFinalizedInvoiceSentByEmailIsSentAndItsCustomerGetsTheMailWithThePdfAndTheLink() throws Exception {
        KafkaTopicReader events = KafkaTopicReader.fromEnd("risiti.invoices.v1");
        String invoiceId = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));

        Response sent = send(invoiceId, "{\"channels\":[\"email\"],\"message\":\"Thank you for the March work.\\nPlease pay by transfer.\"}");
        sent.then().statusCode(200)
                .body("data.dispatched", contains("email"))
                .body("data.message", equalTo("Invoice sent via email."))
                .body("data.deliveries", hasSize(1))
                .body("data.deliveries[0].channel", equalTo("email"))
                .body("data.deliveries[0].recipient", equalTo(email))
                .body("data.deliveries[0].status", equalTo("pending"));
        String deliveryId = sent.path("data.deliveries[0].id");

        String token = tenant.owner().get("/api/v1/invoices/" + invoiceId).then().statusCode(200)
                .body("data.status", equalTo("sent")).extract().path("data.public_token");
        ConsumerRecord<String, String> event = events.first("invoice.sent", r -> r.key().equals(invoiceId), Duration.ofSeconds(15));
        events.close();
        assertThat(event.value()).contains("\"status\":\"sent\"").contains("\"invoice_number\":\"INV-2025-001\"")
                .contains("\"amount_due_kobo\":37625000");

        TestMailbox.Mail mail = TestMailbox.awaitOne(email);
        String link = "http://localhost:8080/p/" + token;
        assertThat(mail.subject()).isEqualTo("Invoice INV-2025-001 from " + BUSINESS);
        assertThat(mail.text()).contains("Dear TechVentures Nigeria Ltd,", "Thank you for the March work.\nPlease pay by transfer.",
                "Amount due: NGN 376,250.00", "Due date: 23 April 2025", "View invoice: " + link);
        assertThat(mail.html()).contains("<a href=\"" + link + "\"", ">View invoice</a>", "NGN 376,250.00", "Adeyemi &amp; Sons");
        assertThat(mail.replyTo()).containsExactly("billing@adeyemi.ng");
        assertThat(mail.messageId()).isEqualTo("<" + deliveryId + "@risiti.ng>");
        assertThat(mail.attachments()).hasSize(1);
        TestMailbox.Attachment pdf = mail.attachments().getFirst();
        assertThat(pdf.fileName()).isEqualTo("INV-2025-001.pdf");
        assertThat(pdf.contentType()).startsWithIgnoringCase("application/pdf");
        assertThat(pdfText(pdf.content())).contains("INV-2025-001", "TechVentures Nigeria Ltd", "376,250.00");

        Map<String, Object> delivery = awaitDelivery(deliveryId, "SENT");
        assertThat(delivery.get("attempts")).isEqualTo(1);
        assertThat(delivery.get("provider_message_id")).isEqualTo("<" + deliveryId + "@risiti.ng>");
        assertThat(delivery.get("sent_at")).isNotNull();
        assertThat(delivery.get("message")).isEqualTo("Thank you for the March work.\nPlease pay by transfer.");
    }

    @Test
    void aWhatsAppSendDeliversTheApprovedTemplateWithTheBusinessTheInvoiceTheAmountAndTheLink() throws Exception {
        String invoiceId = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));

        Response sent = send(invoiceId, "{\"channels\":[\"whatsapp\"]}");
        sent.then().statusCode(200)
                .body("data.dispatched", contains("whatsapp"))
                .body("data.message", equalTo("Invoice sent via WhatsApp."))
                .body("data.deliveries[0].channel", equalTo("whatsapp"))
                .body("data.deliveries[0].recipient", equalTo(whatsApp));
        String deliveryId = sent.path("data.deliveries[0].id");
        String token = tenant.owner().get("/api/v1/invoices/" + invoiceId).then().body("data.status", equalTo("sent"))
                .extract().path("data.public_token");

        Map<String, Object> delivery = awaitDelivery(deliveryId, "SENT");
        List<Map<String, String>> calls = WhatsAppStub.calls(whatsApp);
        assertThat(calls).hasSize(1);
        Map<String, String> call = calls.getFirst();
        assertThat(call).containsEntry("world", "live").containsEntry("version", "v21.0")
                .containsEntry("phone_number_id", WhatsAppStub.PHONE_NUMBER_ID)
                .containsEntry("authorization", "Bearer " + WhatsAppStub.TOKEN);
        JsonPath message = JsonPath.from(call.get("body"));
        assertThat(message.getString("messaging_product")).isEqualTo("whatsapp");
        assertThat(message.getString("to")).isEqualTo(whatsApp.substring(1));
        assertThat(message.getString("type")).isEqualTo("template");
        assertThat(message.getString("template.name")).isEqualTo("invoice_notification");
        assertThat(message.getString("template.language.code")).isEqualTo("en");
        assertThat(message.getString("template.components[0].type")).isEqualTo("body");
        assertThat(message.getList("template.components[0].parameters.type")).containsOnly("text");
        assertThat(message.getList("template.components[0].parameters.text"))
                .containsExactly(BUSINESS, "INV-2025-001", "NGN 376,250.00", "http://localhost:8080/p/" + token);
        assertThat(message.getString("biz_opaque_callback_data")).isEqualTo(deliveryId);
        assertThat((String) delivery.get("provider_message_id")).startsWith("wamid.");
    }

    @Test
    void bothChannelsAtOnceQueueOneDeliveryEachAndBothArrive() {
        String invoiceId = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));

        Response sent = send(invoiceId, "{\"channels\":[\"whatsapp\",\"email\",\"email\"]}");
        sent.then().statusCode(200)
                .body("data.dispatched", contains("email", "whatsapp"))
                .body("data.message", equalTo("Invoice sent via email and WhatsApp."))
                .body("data.deliveries.recipient", contains(email, whatsApp));

        assertThat(TestMailbox.awaitOne(email).subject()).isEqualTo("Invoice INV-2025-001 from " + BUSINESS);
        for (String id : sent.<List<String>>path("data.deliveries.id")) {
            awaitDelivery(id, "SENT");
        }
        assertThat(WhatsAppStub.accepted(whatsApp)).hasSize(1);
    }

    @Test
    void anEmailGoesToTheCustomerAndEachOfItsContactsOnceAndWhatsAppOnlyToTheCustomer() {
        String accounts = "accounts-" + UUID.randomUUID().toString().substring(0, 8) + "@techventures.ng";
        String cfo = "cfo-" + UUID.randomUUID().toString().substring(0, 8) + "@techventures.ng";
        String now = Instant.now().toString();
        // customer-service publishes the whole state, contacts included, when a contact is added
        TestEvents.publish("risiti.customers.v1", customerId.toString(), "customer.updated", tenant.tenantId, """
                {"id":"%s","tenant_id":"%s","name":"TechVentures Nigeria Ltd","email":"%s","phone":"%s","tin":"98765432-0001",
                 "created_at":"%s","updated_at":"%s","deleted_at":null,"test_mode":false,"contact_emails":["%s","%s","%s"]}"""
                .formatted(customerId, tenant.tenantId, email, phone, now, now, accounts, cfo, email.toUpperCase(java.util.Locale.ROOT)));
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> InvoiceTestFixtures.count("select count(*) from known_customers where id = ? and cardinality(contact_emails) = 3",
                        customerId) == 1);
        String invoiceId = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));

        Response sent = send(invoiceId, "{\"channels\":[\"email\",\"whatsapp\"]}");
        sent.then().statusCode(200)
                .body("data.dispatched", contains("email", "whatsapp"))
                .body("data.deliveries.recipient", contains(email, accounts, cfo, whatsApp));

        for (String recipient : List.of(email, accounts, cfo)) {
            assertThat(TestMailbox.awaitOne(recipient).subject()).isEqualTo("Invoice INV-2025-001 from " + BUSINESS);
        }
        for (String id : sent.<List<String>>path("data.deliveries.id")) {
            awaitDelivery(id, "SENT");
        }
        assertThat(WhatsAppStub.accepted(whatsApp)).hasSize(1);
    }

    @Test
    void sendingAgainRecordsNewDeliveriesAndAPartlyPaidInvoiceStaysPartial() throws Exception {
        KafkaTopicReader events = KafkaTopicReader.fromEnd("risiti.invoices.v1");
        String invoiceId = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));
        String first = send(invoiceId, "{\"channels\":[\"email\"]}").then().statusCode(200).extract().path("data.deliveries[0].id");
        tenant.owner().body("{\"amount\":100000,\"payment_method\":\"30\",\"payment_date\":\"2025-03-25\"}")
                .post("/api/v1/invoices/" + invoiceId + "/record-payment").then().statusCode(201);
        tenant.owner().get("/api/v1/invoices/" + invoiceId).then().body("data.status", equalTo("partial"));

        String second = send(invoiceId, "{\"channels\":[\"email\"],\"message\":\"A reminder: the balance is due.\"}").then().statusCode(200)
                .body("data.message", equalTo("Invoice sent via email.")).extract().path("data.deliveries[0].id");
        assertThat(second).isNotEqualTo(first);
        tenant.owner().get("/api/v1/invoices/" + invoiceId).then().body("data.status", equalTo("partial"))
                .body("data.amount_due", equalTo("276250.00"));

        List<TestMailbox.Mail> mails = TestMailbox.await(email, 2, DELIVERED);
        assertThat(mails).hasSize(2);
        assertThat(mails).anySatisfy(mail -> assertThat(mail.text()).contains("A reminder: the balance is due.", "Amount due: NGN 276,250.00"));
        assertThat(deliveriesOf(invoiceId)).hasSize(2);

        List<ConsumerRecord<String, String>> sent = events.readUntil(all -> all.stream()
                .filter(r -> r.key().equals(invoiceId) && "invoice.sent".equals(KafkaTopicReader.header(r, "ce_type"))).count() == 2,
                Duration.ofSeconds(15)).stream()
                .filter(r -> r.key().equals(invoiceId) && "invoice.sent".equals(KafkaTopicReader.header(r, "ce_type"))).toList();
        events.close();
        assertThat(sent.get(0).value()).contains("\"status\":\"sent\"");
        assertThat(sent.get(1).value()).contains("\"status\":\"partial\"").contains("\"amount_due_kobo\":27625000");
    }

    @Test
    void onlyAFinalizedSentPartlyPaidOrPaidInvoiceIsSentAndARefusalNamesTheState() throws Exception {
        String draft = tenant.owner().body(InvoiceTestFixtures.invoiceBody(customerId)).post("/api/v1/invoices").then().statusCode(201)
                .extract().path("data.id");
        send(draft, "{\"channels\":[\"email\"]}").then().statusCode(422).body("error.code", equalTo("UNPROCESSABLE"))
                .body("error.message", equalTo("Invoice is draft; only a finalized, sent, partially paid or paid invoice can be sent."));
        tenant.owner().get("/api/v1/invoices/" + draft).then().body("data.status", equalTo("draft"));

        String refused = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));
        execute("update invoices set status = 'FIRS_SUBMISSION_FAILED' where id = ?", UUID.fromString(refused));
        send(refused, "{\"channels\":[\"email\"]}").then().statusCode(422)
                .body("error.message", equalTo("Invoice is firs_submission_failed; only a finalized, sent, partially paid or paid invoice can be sent."));

        String paid = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));
        tenant.owner().body("{\"amount\":\"376250.00\",\"method\":\"bank_transfer\"}").post("/api/v1/invoices/" + paid + "/record-payment")
                .then().statusCode(201).body("data.status", equalTo("paid"));
        send(paid, "{\"channels\":[\"email\"]}").then().statusCode(200);
        tenant.owner().get("/api/v1/invoices/" + paid).then().body("data.status", equalTo("paid"));
        assertThat(TestMailbox.awaitOne(email).text()).contains("Total: NGN 376,250.00 (paid in full, thank you)").doesNotContain("Amount due");

        // credit notes need Starter: a tenant on it cancels an invoice with a full credit note
        InvoiceTestFixtures starter = new InvoiceTestFixtures().onPlan("starter");
        UUID starterCustomer = customer(starter, email, phone, false);
        String cancelled = starter.finalizedInvoice(InvoiceTestFixtures.invoiceBody(starterCustomer));
        String note = starter.owner().body("{\"reason\":\"Order cancelled\"}").post("/api/v1/invoices/" + cancelled + "/credit-note")
                .then().statusCode(201).extract().path("data.id");
        starter.owner().body("{\"channels\":[\"email\"]}").post("/api/v1/invoices/" + cancelled + "/send").then().statusCode(422)
                .body("error.message", equalTo("Invoice is cancelled; only a finalized, sent, partially paid or paid invoice can be sent."));
        starter.owner().body("{\"channels\":[\"email\"]}").post("/api/v1/invoices/" + note + "/send").then().statusCode(422)
                .body("error.code", equalTo("UNPROCESSABLE"))
                .body("error.message", equalTo("A credit note cannot be sent; send the invoice it credits."));

        assertThat(deliveriesOf(draft)).isEmpty();
        assertThat(deliveriesOf(refused)).isEmpty();
        assertThat(deliveriesOf(cancelled)).isEmpty();
        assertThat(deliveriesOf(note)).isEmpty();
    }

    @Test
    void aCustomerWithoutAnEmailOrAPhoneCannotBeSentToOnThatChannelAndNothingIsQueued() {
        UUID unreachable = customer(tenant, null, null, false);
        String invoiceId = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(unreachable));
        send(invoiceId, "{\"channels\":[\"email\"]}").then().statusCode(422).body("error.code", equalTo("UNPROCESSABLE"))
                .body("error.message", equalTo("Invoice INV-2025-001's customer has no email address; it cannot be sent by email."));
        send(invoiceId, "{\"channels\":[\"whatsapp\"]}").then().statusCode(422)
                .body("error.message", equalTo("Invoice INV-2025-001's customer has no phone number; it cannot be sent by WhatsApp."));

        UUID emailOnly = customer(tenant, email, "12345", false);
        String other = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(emailOnly));
        send(other, "{\"channels\":[\"email\",\"whatsapp\"]}").then().statusCode(422)
                .body("error.message", equalTo("Invoice INV-2025-002's customer phone '12345' is not a number WhatsApp can reach; "
                        + "give the customer a phone with its country code (+234...)."));

        tenant.owner().get("/api/v1/invoices/" + invoiceId).then().body("data.status", equalTo("finalized"));
        tenant.owner().get("/api/v1/invoices/" + other).then().body("data.status", equalTo("finalized"));
        assertThat(deliveriesOf(invoiceId)).isEmpty();
        assertThat(deliveriesOf(other)).isEmpty();
    }

    @Test
    void badBodiesNameTheirFieldAndUnknownOrOtherTenantsInvoicesAreNotFound() {
        String invoiceId = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));
        for (String body : List.of("{}", "{\"channels\":[]}", "{\"channels\":[\"sms\"]}", "{\"channels\":[\"email\",\"fax\"]}",
                "{\"channels\":\"email\"}", "{\"channels\":[null]}", "{\"channels\":[\"EMAIL\"]}")) {
            send(invoiceId, body).then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                    .body("error.details.field", hasItem("channels"));
        }
        send(invoiceId, "{\"channels\":[\"email\"],\"message\":\"" + "x".repeat(1001) + "\"}").then().statusCode(400)
                .body("error.details.field", hasItem("message"));
        tenant.owner().post("/api/v1/invoices/" + invoiceId + "/send").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));
        tenant.owner().get("/api/v1/invoices/" + invoiceId).then().body("data.status", equalTo("finalized"));

        send(UUID.randomUUID().toString(), "{\"channels\":[\"email\"]}").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        send("not-a-uuid", "{\"channels\":[\"email\"]}").then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        InvoiceTestFixtures stranger = new InvoiceTestFixtures().onPlan("free");
        stranger.owner().body("{\"channels\":[\"email\"]}").post("/api/v1/invoices/" + invoiceId + "/send").then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));

        // the longest note there may be is taken
        send(invoiceId, "{\"channels\":[\"email\"],\"message\":\"" + "x".repeat(1000) + "\"}").then().statusCode(200);
        assertThat(deliveriesOf(invoiceId)).hasSize(1);
    }

    @Test
    void sendingNeedsCredentialsAndTheInvoicesWriteScope() {
        String invoiceId = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));
        RestAssured.given().contentType("application/json").body("{\"channels\":[\"email\"]}").post("/api/v1/invoices/" + invoiceId + "/send")
                .then().statusCode(401).body("error.code", equalTo("UNAUTHORIZED"));
        RestAssured.given().header("x-api-key", TestIdentity.apiKey(tenant.tenantId, List.of("invoices:read", "payments:write")))
                .contentType("application/json").body("{\"channels\":[\"email\"]}").post("/api/v1/invoices/" + invoiceId + "/send")
                .then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        String readonly = TestIdentity.token(tenant.tenantId, UUID.randomUUID(), "readonly", List.of("invoices:read", "customers:read", "reports:read"));
        RestAssured.given().auth().oauth2(readonly).contentType("application/json").body("{\"channels\":[\"email\"]}")
                .post("/api/v1/invoices/" + invoiceId + "/send").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        assertThat(deliveriesOf(invoiceId)).isEmpty();

        RestAssured.given().header("x-api-key", TestIdentity.apiKey(tenant.tenantId, List.of("invoices:write")))
                .contentType("application/json").body("{\"channels\":[\"email\"]}").post("/api/v1/invoices/" + invoiceId + "/send")
                .then().statusCode(200).body("data.dispatched", contains("email"));
    }

    @Test
    void theSameIdempotencyKeyQueuesTheDeliveriesOnceAndTheMailArrivesOnce() {
        String invoiceId = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));
        String key = UUID.randomUUID().toString();
        Response first = tenant.owner().header("Idempotency-Key", key).body("{\"channels\":[\"email\"]}")
                .post("/api/v1/invoices/" + invoiceId + "/send");
        first.then().statusCode(200);
        Response replay = tenant.owner().header("Idempotency-Key", key).body("{\"channels\":[\"email\"]}")
                .post("/api/v1/invoices/" + invoiceId + "/send");
        replay.then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("data.deliveries[0].id", equalTo(first.path("data.deliveries[0].id")));
        tenant.owner().header("Idempotency-Key", key).body("{\"channels\":[\"whatsapp\"]}").post("/api/v1/invoices/" + invoiceId + "/send")
                .then().statusCode(422).body("error.code", equalTo("UNPROCESSABLE"));

        awaitDelivery(first.path("data.deliveries[0].id"), "SENT");
        assertThat(deliveriesOf(invoiceId)).hasSize(1);
        assertThat(TestMailbox.read(email)).hasSize(1);
    }

    @Test
    void aMailServerThatIsDownDelaysTheMailWhichArrivesOnceWhenTheServerIsBack() {
        String invoiceId = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));
        String deliveryId;
        GreenMailResource.stopServer();
        try {
            // the send itself does not need the mail server: the delivery waits in the database
            deliveryId = send(invoiceId, "{\"channels\":[\"email\"]}").then().statusCode(200).extract().path("data.deliveries[0].id");
            tenant.owner().get("/api/v1/invoices/" + invoiceId).then().body("data.status", equalTo("sent"));
            // a claim counts its attempt before it sends: a third claim means two attempts failed and were rescheduled
            Map<String, Object> waiting = Awaitility.await().atMost(DELIVERED).pollInterval(Duration.ofMillis(50))
                    .until(() -> delivery(deliveryId), row -> ((Integer) row.get("attempts")) >= 3);
            assertThat(waiting.get("status")).isEqualTo("PENDING");
            assertThat((String) waiting.get("last_error")).contains("Connection refused");
        } finally {
            GreenMailResource.startServer();
        }
        TestMailbox.Mail mail = TestMailbox.awaitOne(email);
        assertThat(mail.messageId()).isEqualTo("<" + deliveryId + "@risiti.ng>");
        Map<String, Object> sent = awaitDelivery(deliveryId, "SENT");
        assertThat((Integer) sent.get("attempts")).isGreaterThanOrEqualTo(3);
        assertThat(TestMailbox.read(email)).hasSize(1);
    }

    @Test
    void whatsAppFailingForAWhileDeliversTheMessageOnceItRecovers() {
        String invoiceId = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));
        WhatsAppStub.failFor(whatsApp, 503);
        String deliveryId;
        try {
            deliveryId = send(invoiceId, "{\"channels\":[\"whatsapp\"]}").then().statusCode(200).extract().path("data.deliveries[0].id");
            Awaitility.await().atMost(DELIVERED).pollInterval(Duration.ofMillis(50)).until(() -> WhatsAppStub.calls(whatsApp).size() >= 2);
            Map<String, Object> waiting = delivery(deliveryId);
            assertThat(waiting.get("status")).isEqualTo("PENDING");
            assertThat((String) waiting.get("last_error")).startsWith("HTTP 503: ").contains("Something went wrong");
        } finally {
            WhatsAppStub.failFor(whatsApp, null);
        }
        awaitDelivery(deliveryId, "SENT");
        assertThat(WhatsAppStub.accepted(whatsApp)).hasSize(1);
        assertThat(WhatsAppStub.calls(whatsApp).stream().filter(call -> call.get("status").equals("503")).count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aDeliveryThatKeepsFailingIsGivenUpAfterTheLastAttemptAndARefusedNumberAtOnceWithTheErrorKept() {
        String invoiceId = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));
        WhatsAppStub.failFor(whatsApp, 503);
        try {
            String deliveryId = send(invoiceId, "{\"channels\":[\"whatsapp\"]}").then().statusCode(200).extract().path("data.deliveries[0].id");
            Map<String, Object> failed = awaitDelivery(deliveryId, "FAILED");
            assertThat(failed.get("attempts")).isEqualTo(6); // %test max-attempts
            assertThat((String) failed.get("last_error")).startsWith("HTTP 503: ").contains("(#131000) Something went wrong");
            assertThat(failed.get("next_attempt_at")).isNull();
            assertThat(WhatsAppStub.calls(whatsApp)).hasSize(6);

            // WhatsApp refusing the message itself (a 4xx other than auth or rate limits) is not tried again
            WhatsAppStub.failFor(whatsApp, 400);
            String refusedId = send(invoiceId, "{\"channels\":[\"whatsapp\"]}").then().statusCode(200).extract().path("data.deliveries[0].id");
            Map<String, Object> refused = awaitDelivery(refusedId, "FAILED");
            assertThat(refused.get("attempts")).isEqualTo(1);
            assertThat((String) refused.get("last_error")).startsWith("HTTP 400: ").contains("131009");
            assertThat(WhatsAppStub.calls(whatsApp)).hasSize(7);
        } finally {
            WhatsAppStub.failFor(whatsApp, null);
        }
        assertThat(WhatsAppStub.accepted(whatsApp)).isEmpty();
    }

    @Test
    void twoDispatchersAtOnceNeverSendOneDeliveryTwice() throws Exception {
        String invoiceId = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));
        scheduler.pause(DeliveryDispatcher.JOB);
        WhatsAppStub.delay(15); // each send takes a moment, so the two dispatchers' claims overlap
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<String> queued = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                queued.add(send(invoiceId, "{\"channels\":[\"whatsapp\"]}").then().statusCode(200).extract().path("data.deliveries[0].id"));
            }
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<List<UUID>>> dispatchers = new ArrayList<>();
            for (int d = 0; d < 2; d++) {
                dispatchers.add(pool.submit(() -> {
                    together.await();
                    List<UUID> claimed = new ArrayList<>();
                    List<UUID> batch;
                    do {
                        batch = dispatchOnce();
                        claimed.addAll(batch);
                    } while (!batch.isEmpty());
                    return claimed;
                }));
            }
            List<UUID> first = dispatchers.get(0).get();
            List<UUID> second = dispatchers.get(1).get();
            assertThat(first).as("both dispatchers took part").isNotEmpty();
            assertThat(second).as("both dispatchers took part").isNotEmpty();
            List<String> claimed = new ArrayList<>();
            first.forEach(id -> claimed.add(id.toString()));
            second.forEach(id -> claimed.add(id.toString()));
            assertThat(claimed).doesNotHaveDuplicates().containsAll(queued);

            Map<String, Integer> received = new HashMap<>();
            for (String body : WhatsAppStub.accepted(whatsApp)) {
                received.merge(JsonPath.from(body).getString("biz_opaque_callback_data"), 1, Integer::sum);
            }
            assertThat(received).hasSize(30).containsOnlyKeys(queued).allSatisfy((id, times) -> assertThat(times).isEqualTo(1));
            assertThat(deliveriesOf(invoiceId)).allSatisfy(row -> assertThat(row).containsEntry("status", "SENT").containsEntry("attempts", 1));
        } finally {
            pool.shutdownNow();
            WhatsAppStub.delay(0);
            scheduler.resume(DeliveryDispatcher.JOB);
        }
    }

    @Test
    void aTestKeySendStaysInTheTestWorld() {
        UUID testCustomer = customer(tenant, email, phone, true);
        String invoiceId = tenant.testKey().body(InvoiceTestFixtures.invoiceBody(testCustomer)).post("/api/v1/invoices").then().statusCode(201)
                .extract().path("data.id");
        tenant.testKey().post("/api/v1/invoices/" + invoiceId + "/finalize").then().statusCode(200);
        tenant.liveKey().body("{\"channels\":[\"email\"]}").post("/api/v1/invoices/" + invoiceId + "/send").then().statusCode(404);

        Response sent = tenant.testKey().body("{\"channels\":[\"email\",\"whatsapp\"]}").post("/api/v1/invoices/" + invoiceId + "/send");
        sent.then().statusCode(200).body("data.dispatched", contains("email", "whatsapp"));
        for (String id : sent.<List<String>>path("data.deliveries.id")) {
            awaitDelivery(id, "SENT");
        }
        assertThat(WhatsAppStub.calls(whatsApp)).singleElement().satisfies(call -> assertThat(call).containsEntry("world", "test"));
        assertThat(TestMailbox.awaitOne(email).subject()).isEqualTo("Invoice TEST-INV-2025-001 from " + BUSINESS);
        assertThat(deliveriesOf(invoiceId)).allSatisfy(row -> assertThat(row).containsEntry("test_mode", true));
    }

    @Test
    void theTenantsDataExportListsItsDeliveries() {
        String invoiceId = tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));
        String deliveryId = send(invoiceId, "{\"channels\":[\"email\"],\"message\":\"Hello\"}").then().statusCode(200)
                .extract().path("data.deliveries[0].id");
        awaitDelivery(deliveryId, "SENT");

        DataExportProbe.Answer answer = DataExportProbe.request(tenant.tenantId, "invoice-service");
        JsonNode row = DataExportProbe.row(answer.file("invoice_deliveries"), deliveryId);
        assertThat(answer.file("invoice_deliveries")).hasSize(1);
        assertThat(row.get("invoice_id").asText()).isEqualTo(invoiceId);
        assertThat(row.get("channel").asText()).isEqualTo("email");
        assertThat(row.get("recipient").asText()).isEqualTo(email);
        assertThat(row.get("message").asText()).isEqualTo("Hello");
        assertThat(row.get("status").asText()).isEqualTo("sent");
        assertThat(row.get("attempts").asInt()).isEqualTo(1);
    }

    /** One dispatcher's claim and sends, on a Vert.x context of its own as the scheduler would run it. */
    private List<UUID> dispatchOnce() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> dispatcher.dispatchBatch());
        } catch (Throwable failure) {
            throw new IllegalStateException(failure);
        }
    }

    /** Publishes a customer as customer-service does, with this email and phone (either may be null), and waits for the replica. */
    private static UUID customer(InvoiceTestFixtures owner, String email, String phone, boolean testMode) {
        UUID id = UUID.randomUUID();
        String now = Instant.now().toString();
        TestEvents.publish("risiti.customers.v1", id.toString(), "customer.created", owner.tenantId, """
                {"id":"%s","tenant_id":"%s","name":"TechVentures Nigeria Ltd","email":%s,"phone":%s,"tin":"98765432-0001",
                 "created_at":"%s","updated_at":"%s","deleted_at":null,"test_mode":%s}"""
                .formatted(id, owner.tenantId, quoted(email), quoted(phone), now, now, testMode));
        InvoiceTestFixtures.awaitReplicated(id);
        return id;
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static Map<String, Object> awaitDelivery(String id, String status) {
        return Awaitility.await().atMost(DELIVERED).pollInterval(Duration.ofMillis(50))
                .until(() -> delivery(id), row -> status.equals(row.get("status")));
    }

    private static Map<String, Object> delivery(String id) {
        List<Map<String, Object>> rows = rows("select * from invoice_deliveries where id = ?", UUID.fromString(id));
        assertThat(rows).hasSize(1);
        return rows.getFirst();
    }

    private static List<Map<String, Object>> deliveriesOf(String invoiceId) {
        return rows("select * from invoice_deliveries where invoice_id = ? order by id", UUID.fromString(invoiceId));
    }

    private static List<Map<String, Object>> rows(String sql, UUID id) {
        try (var connection = RisitiTestResources.postgres().connect(RisitiTestResources.databaseName("invoice"));
                var statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (var result = statement.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                        row.put(result.getMetaData().getColumnName(column), result.getObject(column));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(String sql, UUID id) throws SQLException {
        try (var connection = RisitiTestResources.postgres().connect(RisitiTestResources.databaseName("invoice"));
                var statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            statement.executeUpdate();
        }
    }
}
