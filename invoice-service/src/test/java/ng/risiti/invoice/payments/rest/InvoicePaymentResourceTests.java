package ng.risiti.invoice.payments.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import ng.risiti.invoice.CustomerServiceStub;
import ng.risiti.invoice.InvoiceTestFixtures;
import ng.risiti.platform.events.contract.InvoiceSnapshot;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/invoices/{id}/record-payment} over real HTTP, PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "invoice"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(CustomerServiceStub.class)
class InvoicePaymentResourceTests {

    /** How customer-service reads every event of risiti.invoices.v1 (Quarkus's defaults: snake_case, unknown fields ignored). */
    private static final ObjectMapper CONSUMER_JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    InvoiceTestFixtures tenant;
    UUID customerId;

    @BeforeEach
    void tenantWithCustomer() {
        tenant = new InvoiceTestFixtures();
        customerId = tenant.customer("TechVentures Nigeria Ltd", "98765432-0001");
    }

    /** 10 × 35,000 at 7.5% VAT: NGN 376,250.00, numbered INV-2025-001. */
    private String finalizedInvoice() {
        return tenant.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customerId));
    }

    private Response pay(String invoiceId, String body) {
        return tenant.owner().body(body).post("/api/v1/invoices/" + invoiceId + "/record-payment");
    }

    @Test
    void aPaymentInTheInvoicesFormMakesTheInvoicePartialAndOneInThePaymentsFormPaysTheRest() throws Exception {
        KafkaTopicReader events = KafkaTopicReader.fromEnd("risiti.invoices.v1");
        String invoiceId = finalizedInvoice();

        Response first = pay(invoiceId, """
                {"amount":100000,"payment_method":"30","payment_date":"2026-03-24","reference":"TXN-123456","notes":"First instalment"}""");
        first.then().statusCode(201)
                .body("data.id", equalTo(invoiceId))
                .body("data.invoice_number", equalTo("INV-2025-001"))
                .body("data.status", equalTo("partial"))
                .body("data.total_amount", equalTo("376250.00"))
                .body("data.amount_due", equalTo("276250.00"))
                .body("data.amount_due_kobo", equalTo(27625000))
                .body("data.amount_paid", equalTo("100000.00"))
                .body("data.payment_method", equalTo("bank_transfer"))
                .body("data.payment_reference", equalTo("TXN-123456"))
                .body("data.paid_at", equalTo("2026-03-24T00:00:00Z"))
                .body("data.payment.amount", equalTo("100000.00"))
                .body("data.payment.amount_kobo", equalTo(10000000))
                .body("data.payment.payment_method", equalTo("30"))
                .body("data.payment.method", equalTo("bank_transfer"))
                .body("data.payment.payment_date", equalTo("2026-03-24"))
                .body("data.payment.reference", equalTo("TXN-123456"))
                .body("data.payment.notes", equalTo("First instalment"))
                .body("data.payment.invoice_id", equalTo(invoiceId))
                .body("data.payment.id", matchesPattern("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"))
                .body("data.payments", hasSize(1))
                .body("data", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("matched_by")));
        String firstPayment = first.path("data.payment.id");

        Response second = pay(invoiceId, """
                {"amount":"276250.00","method":"cash","paid_at":"2026-04-09T23:30:00Z","reference":"TRF-20260409-001"}""");
        second.then().statusCode(201)
                .body("data.status", equalTo("paid"))
                .body("data.amount_due", equalTo("0.00"))
                .body("data.amount_paid", equalTo("376250.00"))
                .body("data.amount_paid_kobo", equalTo(37625000))
                .body("data.payment_method", equalTo("cash"))
                .body("data.payment.payment_method", equalTo("10"))
                // 23:30 UTC is 00:30 the next day in Lagos: the day the money arrived there
                .body("data.payment.payment_date", equalTo("2026-04-10"))
                .body("data.paid_at", equalTo("2026-04-10T00:00:00Z"))
                .body("data.payments.id", org.hamcrest.Matchers.contains(firstPayment, second.path("data.payment.id")));
        String secondPayment = second.path("data.payment.id");

        tenant.owner().get("/api/v1/invoices/" + invoiceId).then().statusCode(200)
                .body("data.status", equalTo("paid"))
                .body("data.amount_due", equalTo("0.00"))
                .body("data.payments", hasSize(2))
                .body("data.payments[0].id", equalTo(firstPayment))
                .body("data.payments[0].amount", equalTo("100000.00"))
                .body("data.payments[0].amount_kobo", equalTo(10000000))
                .body("data.payments[0].payment_method", equalTo("30"))
                .body("data.payments[0].method", equalTo("bank_transfer"))
                .body("data.payments[0].reference", equalTo("TXN-123456"))
                .body("data.payments[0].payment_date", equalTo("2026-03-24"))
                .body("data.payments[0].paid_at", equalTo("2026-03-24T00:00:00Z"))
                .body("data.payments[0].created_at", matchesPattern("\\d{4}-\\d{2}-\\d{2}T.*"))
                .body("data.payments[1].method", equalTo("cash"));

        List<ConsumerRecord<String, String>> records = events.readUntil(seen -> count(seen, "payment.received", invoiceId) == 2
                && count(seen, "invoice.paid", invoiceId) == 1, Duration.ofSeconds(20));
        events.close();
        List<ConsumerRecord<String, String>> received = of(records, "payment.received", invoiceId);
        assertThat(received.get(0).value()).contains("\"payment_id\":\"" + firstPayment + "\"").contains("\"amount\":\"100000.00\"")
                .contains("\"amount_kobo\":10000000").contains("\"payment_method\":\"30\"").contains("\"method\":\"bank_transfer\"")
                .contains("\"reference\":\"TXN-123456\"").contains("\"invoice_number\":\"INV-2025-001\"")
                .contains("\"amount_due\":\"276250.00\"").contains("\"amount_due_kobo\":27625000").contains("\"status\":\"partial\"");
        assertThat(received.get(1).value()).contains("\"payment_id\":\"" + secondPayment + "\"").contains("\"payment_date\":\"2026-04-10\"");
        ConsumerRecord<String, String> paid = of(records, "invoice.paid", invoiceId).getFirst();
        assertThat(paid.value()).contains("\"status\":\"paid\"").contains("\"amount_due_kobo\":0").contains("\"total_amount\":\"376250.00\"");
        // keyed by the invoice, in order: the second payment, then the invoice it paid
        assertThat(received.get(1).offset()).isLessThan(paid.offset());
        assertThat(Long.parseLong(KafkaTopicReader.header(paid, "ce_aggregateversion")))
                .isEqualTo(Long.parseLong(KafkaTopicReader.header(received.get(1), "ce_aggregateversion")) + 1);
        assertThat(KafkaTopicReader.header(received.get(0), "ce_mode")).isEqualTo("live");

        // customer-service reads every invoice event as the invoice's state: a payment reads as the invoice after it
        InvoiceSnapshot asState = CONSUMER_JSON.readValue(received.get(0).value(), InvoiceSnapshot.class);
        assertThat(asState.invoiceId()).hasToString(invoiceId);
        assertThat(asState.customerId()).isEqualTo(customerId);
        assertThat(asState.tenantId()).isEqualTo(tenant.tenantId);
        assertThat(asState.status()).isEqualTo("partial");
        assertThat(asState.amountDueKobo()).isEqualTo(27625000);
        assertThat(asState.totalAmountKobo()).isEqualTo(37625000);
        assertThat(asState.type()).isEqualTo("invoice");
        // every field of the snapshot travels, the ones added after payments too (WHT)
        com.fasterxml.jackson.databind.JsonNode tree = CONSUMER_JSON.readTree(received.get(0).value());
        for (java.lang.reflect.RecordComponent field : InvoiceSnapshot.class.getRecordComponents()) {
            String name = field.getName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
            assertThat(tree.has(name)).as("payment.received carries the snapshot's " + name).isTrue();
        }
    }

    @Test
    void withoutADateThePaymentIsDatedTodayInLagos() {
        String invoiceId = finalizedInvoice();
        pay(invoiceId, "{\"amount\":1000,\"method\":\"card\"}").then().statusCode(201)
                .body("data.payment.payment_date", equalTo(LocalDate.now(ZoneId.of("Africa/Lagos")).toString()))
                .body("data.payment.payment_method", equalTo("48"))
                .body("data.payment.reference", nullValue())
                .body("data.payment_reference", nullValue());
        // the Invoices section's code may come as a JSON number too
        pay(invoiceId, "{\"amount\":1000,\"payment_method\":30,\"payment_date\":\"2026-04-09\"}").then().statusCode(201)
                .body("data.payment.payment_method", equalTo("30")).body("data.payment.method", equalTo("bank_transfer"));
    }

    @Test
    void eachBodyFormIsValidatedNamingTheBadField() {
        String invoiceId = finalizedInvoice();
        String tomorrow = LocalDate.now(ZoneId.of("Africa/Lagos")).plusDays(1).toString();
        assertBadField(invoiceId, "{}", "amount");
        assertBadField(invoiceId, "{\"payment_method\":\"30\"}", "amount");
        assertBadField(invoiceId, "{\"amount\":0,\"payment_method\":\"30\"}", "amount");
        assertBadField(invoiceId, "{\"amount\":-5,\"method\":\"cash\"}", "amount");
        assertBadField(invoiceId, "{\"amount\":\"10.001\",\"method\":\"cash\"}", "amount");
        assertBadField(invoiceId, "{\"amount\":\"ten naira\",\"method\":\"cash\"}", "amount");
        assertBadField(invoiceId, "{\"amount\":\"150,000.00\",\"method\":\"cash\"}", "amount");
        assertBadField(invoiceId, "{\"amount\":1000}", "payment_method");
        assertBadField(invoiceId, "{\"amount\":1000,\"payment_method\":\"99\"}", "payment_method");
        assertBadField(invoiceId, "{\"amount\":1000,\"method\":\"bitcoin\"}", "method");
        assertBadField(invoiceId, "{\"amount\":1000,\"payment_method\":\"30\",\"method\":\"cash\"}", "method");
        assertBadField(invoiceId, "{\"amount\":1000,\"payment_method\":\"10\",\"payment_date\":\"24/03/2026\"}", "payment_date");
        assertBadField(invoiceId, "{\"amount\":1000,\"payment_method\":\"10\",\"payment_date\":\"" + tomorrow + "\"}", "payment_date");
        assertBadField(invoiceId, "{\"amount\":1000,\"method\":\"cash\",\"paid_at\":\"yesterday\"}", "paid_at");
        assertBadField(invoiceId, "{\"amount\":1000,\"method\":\"cash\",\"paid_at\":\"2026-04-01\",\"payment_date\":\"2026-04-02\"}", "paid_at");
        assertBadField(invoiceId, "{\"amount\":1000,\"method\":\"cash\",\"reference\":\"" + "R".repeat(101) + "\"}", "reference");
        pay(invoiceId, "{\"amount\":1000,\"payment_method\":\"99\",\"paid_at\":\"soon\"}").then().statusCode(400)
                .body("error.details.field", hasItems("payment_method", "paid_at"))
                .body("error.details.message", hasItems("payment_method must be one of 1 (other), 10 (cash), 20 (cheque), 30 (bank_transfer), "
                        + "48 (card), 49 (direct_debit), 68 (online)"));
        pay(invoiceId, "not json").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"));

        tenant.owner().get("/api/v1/invoices/" + invoiceId).then()
                .body("data.amount_due", equalTo("376250.00")).body("data.status", equalTo("finalized")).body("data.payments", hasSize(0));
    }

    private void assertBadField(String invoiceId, String body, String field) {
        pay(invoiceId, body).then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", hasItems(field));
    }

    @Test
    void moreThanTheAmountDueIsRefusedAsAnOverpayment() {
        String invoiceId = finalizedInvoice();
        pay(invoiceId, "{\"amount\":\"376250.01\",\"payment_method\":\"30\"}").then().statusCode(422)
                .body("error.code", equalTo("UNPROCESSABLE"))
                .body("error.message", equalTo("Invoice INV-2025-001 has NGN 376250.00 due; a payment of NGN 376250.01 would overpay it."));
        pay(invoiceId, "{\"amount\":\"300000\",\"payment_method\":\"30\"}").then().statusCode(201);
        pay(invoiceId, "{\"amount\":\"76250.01\",\"payment_method\":\"30\"}").then().statusCode(422)
                .body("error.message", equalTo("Invoice INV-2025-001 has NGN 76250.00 due; a payment of NGN 76250.01 would overpay it."));
        tenant.owner().get("/api/v1/invoices/" + invoiceId).then()
                .body("data.amount_due", equalTo("76250.00")).body("data.status", equalTo("partial")).body("data.payments", hasSize(1));
    }

    @Test
    void onlyAFinalizedSentOrPartlyPaidInvoiceTakesAPaymentAndTheRefusalSaysItsState() {
        InvoiceTestFixtures starter = new InvoiceTestFixtures().onPlan("starter");
        UUID customer = starter.customer("Konga Ltd", "22222222-0001");
        String draft = starter.owner().body(InvoiceTestFixtures.invoiceBody(customer)).post("/api/v1/invoices").then().statusCode(201)
                .extract().path("data.id");
        payAs(starter, draft, "{\"amount\":1000,\"method\":\"cash\"}").then().statusCode(422).body("error.code", equalTo("UNPROCESSABLE"))
                .body("error.message", equalTo("Invoice is draft; only a finalized, sent or partially paid invoice can take a payment."));

        String cancelled = starter.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customer));
        String noteId = starter.owner().body("{\"reason\":\"Order cancelled\"}").post("/api/v1/invoices/" + cancelled + "/credit-note").then()
                .statusCode(201).extract().path("data.id");
        payAs(starter, cancelled, "{\"amount\":1000,\"method\":\"cash\"}").then().statusCode(422)
                .body("error.message", equalTo("Invoice is cancelled; only a finalized, sent or partially paid invoice can take a payment."));
        payAs(starter, noteId, "{\"amount\":1000,\"method\":\"cash\"}").then().statusCode(422)
                .body("error.message", equalTo("A credit note cannot take a payment."));

        String paid = starter.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customer));
        payAs(starter, paid, "{\"amount\":376250,\"method\":\"cash\"}").then().statusCode(201).body("data.status", equalTo("paid"));
        payAs(starter, paid, "{\"amount\":1,\"method\":\"cash\"}").then().statusCode(422)
                .body("error.message", equalTo("Invoice is paid; only a finalized, sent or partially paid invoice can take a payment."));
    }

    private static Response payAs(InvoiceTestFixtures who, String invoiceId, String body) {
        return who.owner().body(body).post("/api/v1/invoices/" + invoiceId + "/record-payment");
    }

    @Test
    void aReferenceTheTenantAlreadyRecordedIsAConflictButAnotherTenantOrTheTestWorldMayUseIt() {
        String one = finalizedInvoice();
        String two = finalizedInvoice();
        pay(one, "{\"amount\":1000,\"method\":\"bank_transfer\",\"reference\":\"TRF-0001\"}").then().statusCode(201);
        pay(two, "{\"amount\":1000,\"method\":\"bank_transfer\",\"reference\":\"TRF-0001\"}").then().statusCode(409)
                .body("error.code", equalTo("CONFLICT"))
                .body("error.message", equalTo("A payment with reference 'TRF-0001' has already been recorded."));
        // also when the invoice could not take it anyway: a retry learns the payment was recorded
        pay(one, "{\"amount\":\"375250.00\",\"method\":\"bank_transfer\",\"reference\":\"TRF-0002\"}").then().statusCode(201)
                .body("data.status", equalTo("paid"));
        pay(one, "{\"amount\":\"375250.00\",\"method\":\"bank_transfer\",\"reference\":\"TRF-0002\"}").then().statusCode(409);
        tenant.owner().get("/api/v1/invoices/" + two).then().body("data.amount_due", equalTo("376250.00")).body("data.payments", hasSize(0));

        InvoiceTestFixtures stranger = new InvoiceTestFixtures();
        UUID theirCustomer = stranger.customer("Stranger Ltd", "33333333-0001");
        String theirs = stranger.finalizedInvoice(InvoiceTestFixtures.invoiceBody(theirCustomer));
        payAs(stranger, theirs, "{\"amount\":1000,\"method\":\"bank_transfer\",\"reference\":\"TRF-0001\"}").then().statusCode(201);

        UUID testCustomer = tenant.customer("Test Customer", "44444444-0001", true);
        String testInvoice = tenant.testKey().body(InvoiceTestFixtures.invoiceBody(testCustomer)).post("/api/v1/invoices").then()
                .statusCode(201).extract().path("data.id");
        tenant.testKey().post("/api/v1/invoices/" + testInvoice + "/finalize").then().statusCode(200);
        tenant.testKey().body("{\"amount\":1000,\"method\":\"bank_transfer\",\"reference\":\"TRF-0001\"}")
                .post("/api/v1/invoices/" + testInvoice + "/record-payment").then().statusCode(201).body("data.status", equalTo("partial"));
    }

    @Test
    void unknownInvoicesAndOtherTenantsOrWorldsInvoicesAreNotFound() {
        String invoiceId = finalizedInvoice();
        String body = "{\"amount\":1000,\"method\":\"cash\"}";
        pay(UUID.randomUUID().toString(), body).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        pay("not-a-uuid", body).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));

        InvoiceTestFixtures stranger = new InvoiceTestFixtures();
        payAs(stranger, invoiceId, body).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        tenant.testKey().body(body).post("/api/v1/invoices/" + invoiceId + "/record-payment").then().statusCode(404);
        tenant.owner().get("/api/v1/invoices/" + invoiceId).then().body("data.payments", hasSize(0));
    }

    @Test
    void recordingNeedsPaymentsWriteOrInvoicesWriteAndCredentials() {
        String invoiceId = finalizedInvoice();
        String body = "{\"amount\":1000,\"method\":\"cash\"}";
        given().header("x-api-key", TestIdentity.apiKey(tenant.tenantId, List.of("invoices:read", "customers:write"))).contentType("application/json")
                .body(body).post("/api/v1/invoices/" + invoiceId + "/record-payment").then().statusCode(403).body("error.code", equalTo("FORBIDDEN"));
        given().auth().oauth2(TestIdentity.token(tenant.tenantId, UUID.randomUUID(), "readonly", List.of("invoices:read", "reports:read")))
                .contentType("application/json").body(body).post("/api/v1/invoices/" + invoiceId + "/record-payment").then().statusCode(403);
        given().contentType("application/json").body(body).post("/api/v1/invoices/" + invoiceId + "/record-payment").then().statusCode(401)
                .body("error.code", equalTo("UNAUTHORIZED"));
        given().header("x-api-key", TestIdentity.apiKey(tenant.tenantId, List.of("payments:write"))).contentType("application/json")
                .body(body).post("/api/v1/invoices/" + invoiceId + "/record-payment").then().statusCode(201);
        given().header("x-api-key", TestIdentity.apiKey(tenant.tenantId, List.of("invoices:write"))).contentType("application/json")
                .body(body).post("/api/v1/invoices/" + invoiceId + "/record-payment").then().statusCode(201).body("data.payments", hasSize(2));
    }

    @Test
    void theSameIdempotencyKeyRecordsThePaymentOnce() {
        String invoiceId = finalizedInvoice();
        String key = UUID.randomUUID().toString();
        String body = "{\"amount\":\"1000.50\",\"method\":\"bank_transfer\",\"reference\":\"ONCE-1\"}";
        String first = tenant.owner().header("Idempotency-Key", key).body(body).post("/api/v1/invoices/" + invoiceId + "/record-payment")
                .then().statusCode(201).extract().path("data.payment.id");
        tenant.owner().header("Idempotency-Key", key).body(body).post("/api/v1/invoices/" + invoiceId + "/record-payment").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("data.payment.id", equalTo(first));
        tenant.owner().header("Idempotency-Key", key).body("{\"amount\":\"2000\",\"method\":\"cash\"}")
                .post("/api/v1/invoices/" + invoiceId + "/record-payment").then().statusCode(422).body("error.code", equalTo("UNPROCESSABLE"));
        tenant.owner().get("/api/v1/invoices/" + invoiceId).then()
                .body("data.amount_due", equalTo("375249.50")).body("data.payments", hasSize(1));
    }

    @Test
    void fiftyParallelPaymentsNeverOverpayAndWhatTheyTookOffTheAmountDueIsWhatWasAccepted() throws Exception {
        KafkaTopicReader events = KafkaTopicReader.fromEnd("risiti.invoices.v1");
        String invoiceId = finalizedInvoice();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            // 5,000.00 to 14,000.00, 475,000.00 in all: more than the 376,250.00 due, so some must be refused
            String amount = (5000 + (i % 10) * 1000) + ".00";
            String reference = "PAR-" + i;
            calls.add(() -> pay(invoiceId, "{\"amount\":\"" + amount + "\",\"method\":\"bank_transfer\",\"reference\":\"" + reference + "\"}"));
        }
        List<Response> responses = new ArrayList<>();
        for (Future<Response> future : pool.invokeAll(calls)) {
            responses.add(future.get());
        }
        pool.shutdown();

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isIn(201, 422));
        List<Response> accepted = responses.stream().filter(r -> r.statusCode() == 201).toList();
        List<Response> refused = responses.stream().filter(r -> r.statusCode() == 422).toList();
        assertThat(refused).isNotEmpty().allSatisfy(r -> assertThat(r.<String>path("error.message")).contains("would overpay it"));
        long acceptedKobo = accepted.stream().mapToLong(r -> r.<Integer>path("data.payment.amount_kobo")).sum();

        Response invoice = tenant.owner().get("/api/v1/invoices/" + invoiceId);
        long due = invoice.<Integer>path("data.amount_due_kobo");
        assertThat(due).isBetween(0L, 37625000L);
        assertThat(acceptedKobo).isEqualTo(37625000L - due);
        assertThat(invoice.<List<?>>path("data.payments")).hasSize(accepted.size());
        assertThat(invoice.<String>path("data.status")).isEqualTo(due == 0 ? "paid" : "partial");
        // each refused payment was more than what was left when its turn came
        long smallestRefused = refused.stream().mapToLong(r -> new BigDecimal(r.<String>path("error.message")
                .replaceAll(".*a payment of NGN ([0-9.]+) would.*", "$1")).movePointRight(2).longValueExact()).min().orElseThrow();
        assertThat(smallestRefused).isGreaterThan(due);
        assertThat(InvoiceTestFixtures.count("select coalesce(sum(amount_kobo), 0) from payments where invoice_id = ?",
                UUID.fromString(invoiceId))).isEqualTo(acceptedKobo);

        List<ConsumerRecord<String, String>> records = events.readUntil(seen -> count(seen, "payment.received", invoiceId) >= accepted.size(),
                Duration.ofSeconds(30));
        events.close();
        assertThat(count(records, "payment.received", invoiceId)).isEqualTo(accepted.size());
        // versions of the invoice's events follow commit order
        List<Long> versions = of(records, "payment.received", invoiceId).stream()
                .map(r -> Long.parseLong(KafkaTopicReader.header(r, "ce_aggregateversion"))).toList();
        assertThat(versions).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void creditNotesAndPaymentsTogetherNeverTakeMoreThanTheTotal() {
        InvoiceTestFixtures starter = new InvoiceTestFixtures().onPlan("starter");
        UUID customer = starter.customer("Jumia Ltd", "55555555-0001");
        KafkaTopicReader events = KafkaTopicReader.fromEnd("risiti.invoices.v1");

        // a credit first: the payment can take only what the credit left
        String creditedFirst = starter.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customer));
        starter.owner().body("{\"reason\":\"Discount agreed\",\"amount\":\"76250.00\"}").post("/api/v1/invoices/" + creditedFirst + "/credit-note")
                .then().statusCode(201);
        payAs(starter, creditedFirst, "{\"amount\":\"300000.01\",\"method\":\"cash\"}").then().statusCode(422);
        payAs(starter, creditedFirst, "{\"amount\":\"300000.00\",\"method\":\"cash\"}").then().statusCode(201)
                .body("data.status", equalTo("paid")).body("data.amount_due", equalTo("0.00")).body("data.amount_paid", equalTo("300000.00"));

        // a payment first: a credit beyond what is still due settles it, and the rest is the customer's credit
        String paidFirst = starter.finalizedInvoice(InvoiceTestFixtures.invoiceBody(customer));
        payAs(starter, paidFirst, "{\"amount\":\"300000.00\",\"method\":\"bank_transfer\"}").then().statusCode(201)
                .body("data.status", equalTo("partial"));
        String noteId = starter.owner().body("{\"reason\":\"Returned goods\",\"amount\":\"100000.00\"}")
                .post("/api/v1/invoices/" + paidFirst + "/credit-note").then().statusCode(201).extract().path("data.id");
        starter.owner().get("/api/v1/invoices/" + paidFirst).then()
                .body("data.status", equalTo("paid")).body("data.amount_due", equalTo("0.00"))
                .body("data.credited_amount", equalTo("100000.00")).body("data.payments", hasSize(1));
        payAs(starter, paidFirst, "{\"amount\":1,\"method\":\"cash\"}").then().statusCode(422);

        List<ConsumerRecord<String, String>> records = events.readUntil(seen -> count(seen, "invoice.paid", creditedFirst) == 1
                && count(seen, "invoice.paid", paidFirst) == 1 && count(seen, "credit_note.issued", noteId) == 1, Duration.ofSeconds(20));
        events.close();
        // 76,250.00 was due when the 100,000.00 credit came: 23,750.00 of it goes back to the customer
        assertThat(of(records, "credit_note.issued", noteId).getFirst().value()).contains("\"customer_credit_kobo\":2375000");
        assertThat(of(records, "invoice.paid", paidFirst).getFirst().value()).contains("\"credited_kobo\":10000000");
    }

    private static long count(List<ConsumerRecord<String, String>> records, String type, String key) {
        return of(records, type, key).size();
    }

    private static List<ConsumerRecord<String, String>> of(List<ConsumerRecord<String, String>> records, String type, String key) {
        return records.stream().filter(r -> type.equals(KafkaTopicReader.header(r, "ce_type")) && key.equals(r.key())).toList();
    }
}
