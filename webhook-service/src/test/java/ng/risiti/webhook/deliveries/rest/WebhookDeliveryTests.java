package ng.risiti.webhook.deliveries.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ng.risiti.testsupport.GreenMailResource;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.ScrapedMetrics;
import ng.risiti.testsupport.TestIdentity;
import ng.risiti.webhook.Events;
import ng.risiti.webhook.Signed;
import ng.risiti.webhook.WebhookFixtures.Endpoint;
import ng.risiti.webhook.WebhookFixtures;
import ng.risiti.webhook.WebhookReceiver.Received;
import ng.risiti.webhook.deliveries.service.DeliveryDispatcher;
import org.junit.jupiter.api.Test;

/**
 * Deliveries as an integrator sees them, at a real HTTP receiver: the events on Kafka as their producers publish them,
 * the envelope, both signatures, the retry schedule (shortened: 1 s, 2 s, 3 s; 3 s per attempt), the delivery log,
 * manual retries and test events.
 */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "webhook"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(GreenMailResource.class)
class WebhookDeliveryTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration ARRIVES = Duration.ofSeconds(20);
    static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    final WebhookFixtures tenant = new WebhookFixtures();

    @Inject
    InMemorySpanExporter spans;

    private List<Received> awaitReceived(Endpoint endpoint, int count) {
        await().atMost(ARRIVES).pollInterval(Duration.ofMillis(50)).until(() -> tenant.receiver.at(endpoint.path()).size() >= count);
        return tenant.receiver.at(endpoint.path());
    }

    private JsonPath log(Endpoint endpoint) {
        return tenant.owner().get("/api/v1/webhooks/" + endpoint.id() + "/deliveries").then().statusCode(200).extract().jsonPath();
    }

    private JsonPath awaitLog(Endpoint endpoint, java.util.function.Predicate<JsonPath> done) {
        List<JsonPath> last = new ArrayList<>(List.of(log(endpoint)));
        await().atMost(ARRIVES).pollInterval(Duration.ofMillis(100)).until(() -> {
            last.set(0, log(endpoint));
            return done.test(last.getFirst());
        });
        return last.getFirst();
    }

    @Test
    void everyWebhookEventReachesAWildcardSubscriberInTheSeedsEnvelopeSignedBothWays() throws Exception {
        Endpoint endpoint = tenant.endpoint("*");
        UUID t = tenant.tenantId;
        UUID invoice = UUID.randomUUID();
        UUID creditNote = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        String open = Events.invoice(t, invoice, "finalized", "376250.00", 37625000);
        String paid = Events.invoice(t, invoice, "paid", "0.00", 0);
        String note = Events.invoice(t, creditNote, "finalized", "0.00", 0).replace("\"original_invoice_id\":null",
                "\"original_invoice_id\":\"" + invoice + "\"").replace("INV-2025-001", "CN-2025-001");
        Map<String, String> published = new LinkedHashMap<>();
        published.put(Events.publish("risiti.invoices.v1", invoice.toString(), "invoice.created", t, open.replace("finalized", "draft")), "invoice.created");
        published.put(Events.publish("risiti.invoices.v1", invoice.toString(), "invoice.updated", t, open), "-");
        published.put(Events.publish("risiti.invoices.v1", invoice.toString(), "invoice.finalized", t, open), "invoice.finalized");
        published.put(Events.publish("risiti.invoices.v1", invoice.toString(), "invoice.sent", t, open.replace("finalized", "sent")), "invoice.sent");
        published.put(Events.publish("risiti.invoices.v1", invoice.toString(), "invoice.overdue", t, open), "invoice.overdue");
        published.put(Events.publish("risiti.nrs.v1", invoice.toString(), "invoice.firs_submitted", t, open), "invoice.firs_submitted");
        published.put(Events.publish("risiti.nrs.v1", invoice.toString(), "invoice.firs_submission_failed", t, open), "invoice.firs_submission_failed");
        published.put(Events.publish("risiti.invoices.v1", invoice.toString(), "payment.received", t, Events.payment(t, invoice, payment)), "payment.received");
        published.put(Events.publish("risiti.invoices.v1", invoice.toString(), "invoice.paid", t, paid), "invoice.paid");
        published.put(Events.publish("risiti.invoices.v1", creditNote.toString(), "credit_note.issued", t, note), "credit_note.issued");
        published.put(Events.publish("risiti.invoices.v1", invoice.toString(), "invoice.credited", t, paid), "invoice.credited");
        published.put(Events.publish("risiti.invoices.v1", invoice.toString(), "invoice.voided", t, paid), "invoice.voided");
        published.put(Events.publish("risiti.customers.v1", customer.toString(), "customer.created", t, Events.customer(t, customer)), "customer.created");
        published.put(Events.publish("risiti.customers.v1", customer.toString(), "customer.updated", t, Events.customer(t, customer)), "-");
        published.put(Events.publish("risiti.billing.v1", t.toString(), "subscription.upgraded", t,
                "{\"tenant_id\":\"" + t + "\",\"plan\":\"growth\",\"previous_plan\":\"starter\",\"amount\":\"45000.00\",\"amount_kobo\":4500000}"),
                "subscription.upgraded");
        published.put(Events.publish("risiti.billing.v1", t.toString(), "subscription.payment_failed", t,
                "{\"tenant_id\":\"" + t + "\",\"plan\":\"growth\",\"reason\":\"Insufficient funds\"}"), "subscription.payment_failed");
        List<String> expected = published.values().stream().filter(type -> !type.equals("-")).toList();
        assertThat(expected).hasSize(14);

        List<Received> received = awaitReceived(endpoint, expected.size());
        Map<String, Received> byEvent = new LinkedHashMap<>();
        for (Received request : received) {
            JsonNode body = JSON.readTree(request.body());
            byEvent.put(body.get("event").asText(), request);
            List<String> fields = new ArrayList<>();
            body.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("event", "tenant_id", "timestamp", "data");
            assertThat(body.get("tenant_id").asText()).isEqualTo(t.toString());
            assertThat(body.get("timestamp").asText()).matches(TIMESTAMP);
            assertThat(body.get("data").has("tenant_id")).isFalse();
            assertThat(body.get("data").has("test_mode")).isFalse();
            assertThat(request.header("Content-Type")).startsWith("application/json");
            assertThat(request.header("X-Risiti-Event")).isEqualTo(body.get("event").asText());
            assertThat(published).containsKey(request.header("X-Risiti-Event-Id"));
            Signed.assertVerifies(request, endpoint.secret());
        }
        assertThat(byEvent.keySet()).containsExactlyInAnyOrderElementsOf(expected);

        JsonNode invoicePaid = JSON.readTree(byEvent.get("invoice.paid").body()).get("data");
        assertThat(invoicePaid.get("invoice_id").asText()).isEqualTo(invoice.toString());
        assertThat(invoicePaid.get("invoice_number").asText()).isEqualTo("INV-2025-001");
        assertThat(invoicePaid.get("total_amount").asText()).isEqualTo("376250.00");
        assertThat(invoicePaid.get("total_amount_kobo").asLong()).isEqualTo(37625000L);
        assertThat(invoicePaid.get("amount_due").asText()).isEqualTo("0.00");
        assertThat(invoicePaid.get("paid_at").asText()).matches(TIMESTAMP);
        assertThat(invoicePaid.get("status").asText()).isEqualTo("paid");

        JsonNode paymentData = JSON.readTree(byEvent.get("payment.received").body()).get("data");
        assertThat(paymentData.get("payment_id").asText()).isEqualTo(payment.toString());
        assertThat(paymentData.get("invoice_id").asText()).isEqualTo(invoice.toString());
        assertThat(paymentData.get("amount").asText()).isEqualTo("376250.00");
        assertThat(paymentData.get("method").asText()).isEqualTo("bank_transfer");
        assertThat(paymentData.get("paid_at").asText()).isEqualTo("2025-03-24T14:32:00Z");
        assertThat(paymentData.get("amount_due").asText()).isEqualTo("0.00");

        JsonNode noteData = JSON.readTree(byEvent.get("credit_note.issued").body()).get("data");
        assertThat(noteData.get("credit_note_id").asText()).isEqualTo(creditNote.toString());
        assertThat(noteData.get("credit_note_number").asText()).isEqualTo("CN-2025-001");
        assertThat(noteData.get("invoice_id").asText()).isEqualTo(invoice.toString());

        JsonNode customerData = JSON.readTree(byEvent.get("customer.created").body()).get("data");
        assertThat(customerData.get("customer_id").asText()).isEqualTo(customer.toString());
        assertThat(customerData.get("name").asText()).isEqualTo("Konga Technologies Ltd");

        JsonNode upgraded = JSON.readTree(byEvent.get("subscription.upgraded").body()).get("data");
        assertThat(upgraded.get("plan").asText()).isEqualTo("growth");
        assertThat(JSON.readTree(byEvent.get("invoice.firs_submitted").body()).get("data").get("irn").asText())
                .isEqualTo("INV2025001-94ND90NR-20250324");

        JsonPath delivered = awaitLog(endpoint, log -> log.getList("data.status").stream().allMatch("succeeded"::equals)
                && log.getList("data").size() == expected.size());
        assertThat(delivered.getList("data.attempts[0].status_code", Integer.class)).containsOnly(200);
        assertThat(delivered.getList("data.attempt_count", Integer.class)).containsOnly(1);
        assertThat(delivered.getList("data.attempts[0].response_excerpt", String.class)).containsOnly("{\"received\":true}");
        assertThat(delivered.getList("data.next_retry_at")).containsOnly((Object) null);
    }

    @Test
    void everyAttemptIsASpanInTheEventsTraceAndTellsTheReceiverThatTraceInTheTraceparentHeader() {
        Endpoint endpoint = tenant.endpoint("invoice.paid");
        tenant.receiver.on(endpoint.path()).answer(500, 200);
        UUID invoice = UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String eventId = Events.publishInTrace("00-" + traceId + "-" + traceId.substring(16) + "-01", "risiti.invoices.v1",
                invoice.toString(), "invoice.paid", tenant.tenantId, Events.invoice(tenant.tenantId, invoice, "paid", "0.00", 0));

        List<Received> received = awaitReceived(endpoint, 2);
        assertThat(received).extracting(request -> request.header("X-Risiti-Event-Id")).containsOnly(eventId);
        assertThat(received).extracting(request -> request.header("traceparent"))
                .allMatch(header -> header.matches("00-" + traceId + "-[0-9a-f]{16}-01"));
        List<SpanData> attempts = await().atMost(ARRIVES).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId) && span.getName().equals("webhook delivery")).toList(), found -> found.size() == 2);
        assertThat(attempts).extracting(span -> span.getAttributes().get(DeliveryDispatcher.ATTEMPT)).containsExactly(1L, 2L);
        assertThat(attempts).extracting(span -> span.getAttributes().get(DeliveryDispatcher.OUTCOME)).containsExactly("retrying", "delivered");
        assertThat(attempts).extracting(span -> span.getAttributes().get(DeliveryDispatcher.HTTP_STATUS)).containsExactly(500L, 200L);
        // each attempt told the receiver its own span, so the receiver's spans hang off the attempt that reached them
        assertThat(received).extracting(request -> request.header("traceparent").split("-")[2])
                .containsExactly(attempts.get(0).getSpanId(), attempts.get(1).getSpanId());
        // both continue the consumer span that applied the event
        SpanData consumer = spans.getFinishedSpanItems().stream().filter(span -> span.getSpanId().equals(attempts.getFirst().getParentSpanId()))
                .findFirst().orElseThrow();
        assertThat(consumer.getName()).isEqualTo("risiti.invoices.v1 process");
        assertThat(attempts.get(1).getParentSpanId()).isEqualTo(consumer.getSpanId());
    }

    @Test
    void anEndpointGetsOnlyWhatItSubscribesToInItsOwnTenantAndWorld() throws Exception {
        Endpoint paidOnly = tenant.endpoint("invoice.paid");
        Endpoint testWorld = tenant.endpoint(tenant.testKey(), "*");
        WebhookFixtures stranger = new WebhookFixtures();
        Endpoint strangers = stranger.endpoint("*");
        UUID invoice = UUID.randomUUID();
        UUID t = tenant.tenantId;
        Events.publish("risiti.invoices.v1", invoice.toString(), "invoice.created", t, Events.invoice(t, invoice, "draft", "376250.00", 37625000));
        String livePaid = Events.publish("risiti.invoices.v1", invoice.toString(), "invoice.paid", t, Events.invoice(t, invoice, "paid", "0.00", 0), "live");
        UUID testInvoice = UUID.randomUUID();
        String testPaid = Events.publish("risiti.invoices.v1", testInvoice.toString(), "invoice.paid", t,
                Events.invoice(t, testInvoice, "paid", "0.00", 0).replace("\"test_mode\":false", "\"test_mode\":true"), "test");

        assertThat(awaitReceived(paidOnly, 1)).extracting(request -> request.header("X-Risiti-Event-Id")).containsExactly(livePaid);
        assertThat(awaitReceived(testWorld, 1)).extracting(request -> request.header("X-Risiti-Event-Id")).containsExactly(testPaid);
        // a later marker event shows the earlier ones were all taken in: nothing else arrived meanwhile
        String marker = Events.publish("risiti.invoices.v1", invoice.toString(), "invoice.paid", t, Events.invoice(t, invoice, "paid", "0.00", 0));
        await().atMost(ARRIVES).until(() -> tenant.receiver.at(paidOnly.path()).size() == 2);
        assertThat(tenant.receiver.at(paidOnly.path()).get(1).header("X-Risiti-Event-Id")).isEqualTo(marker);
        assertThat(tenant.receiver.at(testWorld.path())).hasSize(1);
        assertThat(tenant.receiver.at(strangers.path())).isEmpty();
    }

    @Test
    void aFailingEndpointIsRetriedOnTheScheduleWithTheSameBodyThenTheDeliveryFails() throws Exception {
        Endpoint endpoint = tenant.endpoint("invoice.paid");
        tenant.receiver.on(endpoint.path()).answer(500).body("{\"error\":\"database is down\"}");
        ScrapedMetrics before = ScrapedMetrics.scrape();
        UUID invoice = UUID.randomUUID();
        Events.publish("risiti.invoices.v1", invoice.toString(), "invoice.paid", tenant.tenantId,
                Events.invoice(tenant.tenantId, invoice, "paid", "0.00", 0));

        // after the first failure the log says when the next attempt is due
        JsonPath waiting = awaitLog(endpoint, log -> !log.getList("data").isEmpty()
                && !log.getList("data[0].attempts").isEmpty() && log.get("data[0].next_retry_at") != null);
        assertThat(waiting.getString("data[0].status")).isEqualTo("pending");

        JsonPath failed = awaitLog(endpoint, log -> "failed".equals(log.getString("data[0].status")));
        assertThat(failed.getInt("data[0].attempt_count")).isEqualTo(4);
        assertThat(failed.getList("data[0].attempts.status_code", Integer.class)).containsExactly(500, 500, 500, 500);
        assertThat(failed.getList("data[0].attempts.attempt", Integer.class)).containsExactly(1, 2, 3, 4);
        assertThat(failed.getList("data[0].attempts.response_excerpt", String.class)).containsOnly("{\"error\":\"database is down\"}");
        assertThat(failed.getInt("data[0].last_status_code")).isEqualTo(500);
        assertThat(failed.getString("data[0].last_error")).isEqualTo("HTTP 500");
        assertThat(failed.getString("data[0].next_retry_at")).isNull();
        assertThat(failed.getString("data[0].completed_at")).isNotNull();

        List<Received> attempts = tenant.receiver.at(endpoint.path());
        assertThat(attempts).hasSize(4);
        assertThat(attempts).extracting(Received::body).containsOnly(attempts.getFirst().body());
        assertThat(attempts).extracting(request -> request.header("webhook-id")).containsOnly(failed.getString("data[0].id"));
        // 1 s, 2 s and 3 s between the attempts (the shortened 30 s, 5 min, 30 min)
        List<OffsetDateTime> times = failed.getList("data[0].attempts.attempted_at", String.class).stream().map(OffsetDateTime::parse).toList();
        assertThat(Duration.between(times.get(0), times.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(Duration.between(times.get(1), times.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(1950));
        assertThat(Duration.between(times.get(2), times.get(3))).isGreaterThanOrEqualTo(Duration.ofMillis(2950));
        for (Received request : attempts) {
            Signed.assertVerifies(request, endpoint.secret());
        }
        assertThat(deliveries(ScrapedMetrics.scrape(), "failed") - deliveries(before, "failed")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aRetryThatGetsA2xxEndsTheDeliveryAsSucceeded() {
        Endpoint endpoint = tenant.endpoint("invoice.sent");
        tenant.receiver.on(endpoint.path()).answer(503, 204);
        ScrapedMetrics before = ScrapedMetrics.scrape();
        UUID invoice = UUID.randomUUID();
        Events.publish("risiti.invoices.v1", invoice.toString(), "invoice.sent", tenant.tenantId,
                Events.invoice(tenant.tenantId, invoice, "sent", "376250.00", 37625000));
        JsonPath done = awaitLog(endpoint, log -> "succeeded".equals(log.getString("data[0].status")));
        assertThat(done.getList("data[0].attempts.status_code", Integer.class)).containsExactly(503, 204);
        assertThat(done.getString("data[0].last_error")).isNull();
        assertThat(tenant.receiver.at(endpoint.path())).hasSize(2);
        // what the dashboard's deliveries-by-outcome panel counts
        ScrapedMetrics after = ScrapedMetrics.scrape();
        assertThat(deliveries(after, "retrying") - deliveries(before, "retrying")).isGreaterThanOrEqualTo(1);
        assertThat(deliveries(after, "delivered") - deliveries(before, "delivered")).isGreaterThanOrEqualTo(1);
        ScrapedMetrics.awaitPlatformSeries("GET", "/api/v1/webhooks/{id}/deliveries", "invoices");
    }

    private static double deliveries(ScrapedMetrics metrics, String outcome) {
        return metrics.value("risiti_webhook_deliveries_seconds_count", "outcome", outcome);
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsAFailedAttemptAndTriedAgain() {
        Endpoint endpoint = tenant.endpoint("invoice.sent");
        tenant.receiver.on(endpoint.path()).delay(4_500);
        UUID invoice = UUID.randomUUID();
        Events.publish("risiti.invoices.v1", invoice.toString(), "invoice.sent", tenant.tenantId,
                Events.invoice(tenant.tenantId, invoice, "sent", "376250.00", 37625000));
        awaitReceived(endpoint, 1);
        tenant.receiver.on(endpoint.path()).delay(0);
        JsonPath done = awaitLog(endpoint, log -> "succeeded".equals(log.getString("data[0].status")));
        assertThat(done.getString("data[0].attempts[0].status_code")).isNull();
        assertThat(done.getString("data[0].attempts[0].error")).startsWith("timeout");
        assertThat(done.getInt("data[0].attempts[0].latency_ms")).isBetween(2_900, 4_400);
        assertThat(done.getInt("data[0].attempts[1].status_code")).isEqualTo(200);
    }

    @Test
    void aRedirectIsNotFollowedAndTheAnswerIsLoggedToOneKilobyte() {
        Endpoint endpoint = tenant.endpoint("invoice.sent");
        tenant.receiver.on(endpoint.path()).answer(302, 200).body("x".repeat(5_000));
        UUID invoice = UUID.randomUUID();
        Events.publish("risiti.invoices.v1", invoice.toString(), "invoice.sent", tenant.tenantId,
                Events.invoice(tenant.tenantId, invoice, "sent", "376250.00", 37625000));
        JsonPath done = awaitLog(endpoint, log -> "succeeded".equals(log.getString("data[0].status")));
        assertThat(done.getList("data[0].attempts.status_code", Integer.class)).containsExactly(302, 200);
        assertThat(done.getString("data[0].attempts[0].response_excerpt")).hasSize(1024);
        assertThat(tenant.receiver.at(endpoint.path() + "/moved")).isEmpty();
    }

    @Test
    void aPausedEndpointReceivesNothingAndItsEventsAreLoggedAsSkipped() {
        Endpoint endpoint = tenant.endpoint("invoice.paid");
        tenant.owner().body("{\"status\":\"paused\"}").patch("/api/v1/webhooks/" + endpoint.id()).then().statusCode(200);
        UUID invoice = UUID.randomUUID();
        String skipped = Events.publish("risiti.invoices.v1", invoice.toString(), "invoice.paid", tenant.tenantId,
                Events.invoice(tenant.tenantId, invoice, "paid", "0.00", 0));
        JsonPath log = awaitLog(endpoint, page -> page.getList("data").size() == 1);
        assertThat(log.getString("data[0].status")).isEqualTo("skipped");
        assertThat(log.getString("data[0].event_id")).isEqualTo(skipped);
        assertThat(log.getList("data[0].attempts")).isEmpty();
        tenant.owner().post("/api/v1/webhooks/" + endpoint.id() + "/test").then().statusCode(422).body("error.code", equalTo("UNPROCESSABLE"));
        tenant.owner().post("/api/v1/webhooks/" + endpoint.id() + "/deliveries/" + log.getString("data[0].id") + "/retry").then()
                .statusCode(422);

        tenant.owner().body("{\"status\":\"active\"}").patch("/api/v1/webhooks/" + endpoint.id()).then().statusCode(200);
        String delivered = Events.publish("risiti.invoices.v1", invoice.toString(), "invoice.paid", tenant.tenantId,
                Events.invoice(tenant.tenantId, invoice, "paid", "0.00", 0));
        assertThat(awaitReceived(endpoint, 1)).extracting(request -> request.header("X-Risiti-Event-Id")).containsExactly(delivered);
    }

    @Test
    void pausingAnEndpointSkipsTheRetriesItWasWaitingFor() {
        Endpoint endpoint = tenant.endpoint("invoice.paid");
        tenant.receiver.on(endpoint.path()).answer(500);
        UUID invoice = UUID.randomUUID();
        Events.publish("risiti.invoices.v1", invoice.toString(), "invoice.paid", tenant.tenantId, Events.invoice(tenant.tenantId, invoice, "paid", "0.00", 0));
        awaitReceived(endpoint, 1);
        tenant.owner().body("{\"status\":\"paused\"}").patch("/api/v1/webhooks/" + endpoint.id()).then().statusCode(200);
        JsonPath log = awaitLog(endpoint, page -> "skipped".equals(page.getString("data[0].status")));
        int attempts = log.getInt("data[0].attempt_count");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> tenant.receiver.at(endpoint.path()).size() == attempts);
    }

    @Test
    void aDeletedEndpointGetsNothingMoreAtOnce() {
        Endpoint endpoint = tenant.endpoint("invoice.paid");
        tenant.receiver.on(endpoint.path()).answer(500);
        UUID invoice = UUID.randomUUID();
        Events.publish("risiti.invoices.v1", invoice.toString(), "invoice.paid", tenant.tenantId, Events.invoice(tenant.tenantId, invoice, "paid", "0.00", 0));
        awaitReceived(endpoint, 1);
        tenant.owner().delete("/api/v1/webhooks/" + endpoint.id()).then().statusCode(200);
        int before = tenant.receiver.at(endpoint.path()).size();
        assertThat(WebhookFixtures.count("select count(*) from webhook_deliveries where endpoint_id = ?::uuid", endpoint.id())).isZero();
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> tenant.receiver.at(endpoint.path()).size() == before);
    }

    @Test
    void theTestEventIsDeliveredSignedAndLoggedLikeAnyOther() throws Exception {
        Endpoint endpoint = tenant.endpoint("invoice.paid");
        Response queued = tenant.owner().post("/api/v1/webhooks/" + endpoint.id() + "/test");
        queued.then().statusCode(202).body("data.event", equalTo("webhook.test")).body("data.status", equalTo("pending"))
                .body("data.id", matchesPattern("[0-9a-f-]{36}"));
        Received request = awaitReceived(endpoint, 1).getFirst();
        JsonNode body = JSON.readTree(request.body());
        assertThat(body.get("event").asText()).isEqualTo("webhook.test");
        assertThat(body.get("tenant_id").asText()).isEqualTo(tenant.tenantId.toString());
        assertThat(body.get("data").get("invoice_number").asText()).isEqualTo("INV-TEST-0001");
        assertThat(request.header("webhook-id")).isEqualTo(queued.path("data.id"));
        Signed.assertVerifies(request, endpoint.secret());
        JsonPath log = awaitLog(endpoint, page -> "succeeded".equals(page.getString("data[0].status")));
        assertThat(log.getString("data[0].event")).isEqualTo("webhook.test");
        assertThat(log.getString("data[0].id")).isEqualTo(queued.path("data.id"));
    }

    @Test
    void aManualRetrySendsAFailedDeliveryOnceMore() {
        Endpoint endpoint = tenant.endpoint("invoice.paid");
        tenant.receiver.on(endpoint.path()).answer(410);
        tenant.owner().post("/api/v1/webhooks/" + endpoint.id() + "/test").then().statusCode(202);
        JsonPath failed = awaitLog(endpoint, log -> "failed".equals(log.getString("data[0].status")));
        String delivery = failed.getString("data[0].id");
        tenant.receiver.on(endpoint.path()).answer(200);

        tenant.owner().post("/api/v1/webhooks/" + endpoint.id() + "/deliveries/" + delivery + "/retry").then().statusCode(202)
                .body("data.id", equalTo(delivery)).body("data.status", equalTo("pending")).body("data.event", equalTo("webhook.test"));
        JsonPath done = awaitLog(endpoint, log -> "succeeded".equals(log.getString("data[0].status")));
        assertThat(done.getList("data[0].attempts.status_code", Integer.class)).containsExactly(410, 410, 410, 410, 200);
        assertThat(tenant.receiver.at(endpoint.path())).extracting(request -> request.header("webhook-id")).containsOnly(delivery);
    }

    @Test
    void aManualRetryOfAPendingOrUnknownDeliveryIsRefused() {
        Endpoint endpoint = tenant.endpoint("invoice.paid");
        tenant.receiver.on(endpoint.path()).delay(2_000);
        String delivery = tenant.owner().post("/api/v1/webhooks/" + endpoint.id() + "/test").then().statusCode(202).extract().path("data.id");
        tenant.owner().post("/api/v1/webhooks/" + endpoint.id() + "/deliveries/" + delivery + "/retry").then().statusCode(409)
                .body("error.code", equalTo("CONFLICT"));
        // while the receiver holds the attempt, the log shows it pending with no retry due
        awaitReceived(endpoint, 1);
        tenant.owner().get("/api/v1/webhooks/" + endpoint.id() + "/deliveries").then().statusCode(200)
                .body("data[0].status", equalTo("pending")).body("data[0].next_retry_at", nullValue());
        tenant.owner().post("/api/v1/webhooks/" + endpoint.id() + "/deliveries/" + UUID.randomUUID() + "/retry").then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        tenant.owner().post("/api/v1/webhooks/" + endpoint.id() + "/deliveries/nope/retry").then().statusCode(404);
        Endpoint other = tenant.endpoint("invoice.paid");
        tenant.owner().post("/api/v1/webhooks/" + other.id() + "/deliveries/" + delivery + "/retry").then().statusCode(404);
        awaitLog(endpoint, log -> "succeeded".equals(log.getString("data[0].status")));
    }

    @Test
    void theDeliveryLogPagesNewestFirst() {
        Endpoint endpoint = tenant.endpoint("invoice.paid");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(tenant.owner().post("/api/v1/webhooks/" + endpoint.id() + "/test").then().statusCode(202).extract().path("data.id"));
        }
        Response first = tenant.owner().get("/api/v1/webhooks/" + endpoint.id() + "/deliveries?limit=2");
        first.then().statusCode(200).body("data", hasSize(2)).body("has_more", equalTo(true))
                .body("data.id", equalTo(List.of(ids.get(2), ids.get(1))));
        tenant.owner().queryParam("cursor", (String) first.path("next_cursor")).get("/api/v1/webhooks/" + endpoint.id() + "/deliveries")
                .then().statusCode(200).body("data.id", equalTo(List.of(ids.get(0)))).body("has_more", equalTo(false))
                .body("next_cursor", nullValue());
        tenant.owner().get("/api/v1/webhooks/" + endpoint.id() + "/deliveries?limit=101").then().statusCode(400)
                .body("error.details[0].field", equalTo("limit"));
    }

    @Test
    void aSlowEndpointHoldsOnlyItsOwnSlotsAndNeverDelaysAnotherTenant() {
        Endpoint slow = tenant.endpoint("invoice.sent");
        tenant.receiver.on(slow.path()).delay(2_500);
        WebhookFixtures other = new WebhookFixtures();
        Endpoint fast = other.endpoint("invoice.sent");
        for (int i = 0; i < 8; i++) {
            UUID invoice = UUID.randomUUID();
            Events.publish("risiti.invoices.v1", invoice.toString(), "invoice.sent", tenant.tenantId,
                    Events.invoice(tenant.tenantId, invoice, "sent", "376250.00", 37625000));
        }
        awaitReceived(slow, 1);
        UUID invoice = UUID.randomUUID();
        Instant published = Instant.now();
        Events.publish("risiti.invoices.v1", invoice.toString(), "invoice.sent", other.tenantId,
                Events.invoice(other.tenantId, invoice, "sent", "376250.00", 37625000));
        Received arrived = awaitReceived(fast, 1).getFirst();
        assertThat(Duration.between(published, arrived.at())).isLessThan(Duration.ofMillis(2_000));
        await().atMost(Duration.ofSeconds(30)).until(() -> tenant.receiver.at(slow.path()).size() == 8);
        assertThat(tenant.receiver.on(slow.path()).maxInFlight()).isBetween(2, 4);
    }

    @Test
    void theAddressIsCheckedAgainBeforeEveryDeliverySoDnsRebindingReachesNothing() {
        String path = tenant.receiver.path();
        String url = tenant.receiver.url(path).replace("127.0.0.1", ng.risiti.webhook.TestHostResolver.REBINDING_NAME);
        String id = tenant.owner().body("{\"url\":\"" + url + "\",\"events\":[\"invoice.paid\"]}").post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("data.id");
        Endpoint endpoint = new Endpoint(id, null, path);
        tenant.owner().post("/api/v1/webhooks/" + id + "/test").then().statusCode(202);
        // delivered to the address the name had, under the name
        assertThat(awaitReceived(endpoint, 1).getFirst().header("Host")).startsWith(ng.risiti.webhook.TestHostResolver.REBINDING_NAME + ":");
        try {
            ng.risiti.webhook.TestHostResolver.rebind(true);
            tenant.owner().post("/api/v1/webhooks/" + id + "/test").then().statusCode(202);
            JsonPath log = awaitLog(endpoint, page -> page.getList("data").size() == 2 && !page.getList("data[0].attempts").isEmpty());
            assertThat(log.getString("data[0].attempts[0].error"))
                    .isEqualTo("refused: url host 'rebinding.example.test' resolves to 169.254.169.254, a link-local address (cloud metadata "
                            + "lives there), which webhooks never call");
            assertThat(log.getString("data[0].attempts[0].status_code")).isNull();
            assertThat(tenant.receiver.at(path)).hasSize(1);
        } finally {
            ng.risiti.webhook.TestHostResolver.rebind(false);
        }
    }

    @Test
    void anEventKafkaDeliversSeveralTimesIsDeliveredToTheEndpointOnce() {
        Endpoint endpoint = tenant.endpoint("*");
        UUID invoice = UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        String data = Events.invoice(tenant.tenantId, invoice, "paid", "0.00", 0);
        for (int i = 0; i < 3; i++) {
            ng.risiti.testsupport.TestEvents.publish("risiti.invoices.v1", invoice.toString(), id, "invoice.paid", tenant.tenantId, data);
        }
        String marker = Events.publish("risiti.invoices.v1", invoice.toString(), "invoice.sent", tenant.tenantId, data);
        await().atMost(ARRIVES).until(() -> tenant.receiver.at(endpoint.path()).stream()
                .anyMatch(request -> marker.equals(request.header("X-Risiti-Event-Id"))));
        assertThat(tenant.receiver.at(endpoint.path())).extracting(request -> request.header("X-Risiti-Event-Id"))
                .containsExactlyInAnyOrder(id, marker);
        assertThat(WebhookFixtures.count("select count(*) from webhook_deliveries where event_id = ?", id)).isEqualTo(1);
    }
}
