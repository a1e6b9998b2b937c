package ng.risiti.nrs.submissions.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import ng.risiti.nrs.NrsSandboxStub;
import ng.risiti.nrs.NrsStub;
import ng.risiti.nrs.submissions.NrsSubmissions;
import ng.risiti.nrs.submissions.service.NrsClient;
import ng.risiti.platform.observability.Traces;
import ng.risiti.testsupport.KafkaTopicReader;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.TestIdentity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The MBS flow against the sandbox: what a submission, its attempts and its event show for each way NRS can answer. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "nrs"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(NrsStub.class)
@QuarkusTestResource(NrsSandboxStub.class)
class SubmissionFlowTests {

    static final ObjectMapper JSON = new ObjectMapper();
    final NrsSubmissions nrs = new NrsSubmissions();

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aSubmittedInvoiceWalksEveryMbsStepOnceAndEndsWithTheFirsSubmittedEvent() throws Exception {
        UUID invoice = UUID.randomUUID();
        String irn = NrsSubmissions.irn();
        try (KafkaTopicReader topic = KafkaTopicReader.fromEnd("risiti.nrs.v1")) {
            nrs.submit(invoice, irn).statusCode(202)
                    .body("job_id", equalTo("firs-submission:" + invoice))
                    .body("status", equalTo("queued"))
                    .body("queued_now", equalTo(true));

            JsonPath submission = nrs.awaitStatus(invoice, "submitted");
            assertThat(submission.getString("data.job_id")).isEqualTo("firs-submission:" + invoice);
            assertThat(submission.getString("data.irn")).isEqualTo(irn);
            assertThat(submission.getString("data.step")).isEqualTo("done");
            assertThat(submission.getString("data.submitted_at")).isNotNull();
            assertThat(submission.getList("data.attempt_log.step")).containsExactly("validate_irn", "validate", "sign", "transmit", "confirm");
            assertThat(submission.getList("data.attempt_log.outcome")).containsOnly("ok");
            assertThat(submission.getList("data.attempt_log.http_status")).containsExactly(200, 200, 201, 200, 200);
            assertThat(submission.getList("data.attempt_log.request_id")).doesNotContainNull().doesNotHaveDuplicates();
            assertThat(submission.getString("data.firs_response.status")).isEqualTo("submitted");
            assertThat(submission.getMap("data.firs_response.steps")).hasSize(5).doesNotContainValue(null);
            assertThat(submission.getBoolean("data.firs_response.nrs.transmitted")).isTrue();
            assertThat(NrsSandboxStub.signatures(irn)).isEqualTo(1);
            assertThat(NrsSandboxStub.transmitted(irn)).isTrue();

            ConsumerRecord<String, String> event = topic.first("invoice.firs_submitted", r -> r.key().equals(invoice.toString()),
                    Duration.ofSeconds(20));
            assertThat(KafkaTopicReader.header(event, "ce_tenantid")).isEqualTo(nrs.tenantId.toString());
            JsonNode data = JSON.readTree(event.value());
            assertThat(data.get("invoice_id").asText()).isEqualTo(invoice.toString());
            assertThat(data.get("status").asText()).isEqualTo("submitted");
            assertThat(data.get("test_mode").asBoolean()).isTrue();
            assertThat(OffsetDateTime.parse(data.get("firs_submitted_at").asText()).toInstant())
                    .isEqualTo(OffsetDateTime.parse(submission.getString("data.submitted_at")).toInstant());
            assertThat(data.at("/firs_response/status").asText()).isEqualTo("submitted");
        }

        // asked again once done: the same job, nothing signed twice
        nrs.submit(invoice, irn).statusCode(202).body("job_id", equalTo("firs-submission:" + invoice))
                .body("status", equalTo("submitted")).body("queued_now", equalTo(false));
        assertThat(NrsSandboxStub.signCalls(irn)).isEqualTo(1);
    }

    @Test
    void theNrsCallsOfASubmissionAreSpansInTheTraceThatQueuedItAndItsEventCarriesThatTraceOn() throws Exception {
        UUID invoice = UUID.randomUUID();
        String irn = NrsSubmissions.irn();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        try (KafkaTopicReader topic = KafkaTopicReader.fromEnd("risiti.nrs.v1")) {
            nrs.submitInTrace("00-" + traceId + "-" + traceId.substring(0, 16) + "-01", invoice, irn).statusCode(202);
            nrs.awaitStatus(invoice, "submitted");

            List<SpanData> calls = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(traceId) && span.getAttributes().get(NrsClient.STEP) != null).toList(),
                    found -> found.size() >= 5);
            assertThat(calls).extracting(SpanData::getName)
                    .containsExactly("nrs validate_irn", "nrs validate", "nrs sign", "nrs transmit", "nrs confirm");
            assertThat(calls).extracting(span -> span.getAttributes().get(NrsClient.OUTCOME)).containsOnly("ok");
            assertThat(calls).extracting(span -> span.getAttributes().get(NrsClient.HTTP_STATUS)).containsExactly(200L, 200L, 201L, 200L, 200L);
            // the calls hang off the claim's span, which continues the trace of the request that queued the submission
            SpanData claim = spans.getFinishedSpanItems().stream().filter(span -> span.getSpanId().equals(calls.getFirst().getParentSpanId()))
                    .findFirst().orElseThrow();
            assertThat(claim.getName()).isEqualTo("nrs submission");
            assertThat(claim.getTraceId()).isEqualTo(traceId);
            // under each call the REST client's HTTP span, whose traceparent NRS receives
            assertThat(spans.getFinishedSpanItems()).filteredOn(span -> span.getKind() == SpanKind.CLIENT
                    && span.getParentSpanId().equals(calls.getFirst().getSpanId())).hasSize(1);

            ConsumerRecord<String, String> event = topic.first("invoice.firs_submitted", r -> r.key().equals(invoice.toString()),
                    Duration.ofSeconds(20));
            assertThat(KafkaTopicReader.header(event, Traces.TRACEPARENT)).startsWith("00-" + traceId + "-");
        }
    }

    @Test
    void nrsRefusingTheInvoiceFailsAtOnceWithItsFieldDetailsAndAFixedOneCanBeSubmittedAgain() throws Exception {
        UUID invoice = UUID.randomUUID();
        String irn = NrsSubmissions.irn();
        String broken = NrsSubmissions.payload(irn).replace("\"hsn_code\":\"9983.11\",", "");
        try (KafkaTopicReader topic = KafkaTopicReader.fromEnd("risiti.nrs.v1")) {
            nrs.submit(invoice, irn, broken, true).statusCode(202);
            JsonPath failed = nrs.awaitStatus(invoice, "failed");
            assertThat(failed.getString("data.firs_response.status")).isEqualTo("failed");
            assertThat(failed.getString("data.firs_response.error.code")).isEqualTo("NRS_VALIDATION_FAILED");
            assertThat(failed.getString("data.firs_response.error.step")).isEqualTo("validate");
            assertThat(failed.getInt("data.firs_response.error.http_status")).isEqualTo(400);
            assertThat(failed.getList("data.firs_response.details", String.class)).contains("invoice_line[0].hsn_code: is required");
            assertThat(failed.getString("data.firs_response.steps.irn_validated_at")).isNotNull();
            assertThat(failed.getString("data.firs_response.steps.validated_at")).isNull();
            // a validation error is final: no retry
            assertThat(failed.getList("data.attempt_log.step")).containsExactly("validate_irn", "validate");
            assertThat(failed.getList("data.attempt_log.outcome")).containsExactly("ok", "refused");
            ConsumerRecord<String, String> event = topic.first("invoice.firs_submission_failed", r -> r.key().equals(invoice.toString()),
                    Duration.ofSeconds(20));
            assertThat(JSON.readTree(event.value()).at("/firs_response/error/code").asText()).isEqualTo("NRS_VALIDATION_FAILED");
        }

        nrs.submit(invoice, irn).statusCode(202).body("job_id", equalTo("firs-submission:" + invoice)).body("queued_now", equalTo(true));
        JsonPath submitted = nrs.awaitStatus(invoice, "submitted");
        assertThat(submitted.getString("data.firs_response.error")).isNull();
        assertThat(NrsSandboxStub.signatures(irn)).isEqualTo(1);
    }

    @Test
    void badCredentialsAtNrsAreFinalAndSayUnauthorized() {
        UUID invoice = UUID.randomUUID();
        String irn = NrsSubmissions.irn();
        NrsSandboxStub.fault(irn, "validate_irn", 401, 5, 0, null);
        nrs.submit(invoice, irn).statusCode(202);
        JsonPath failed = nrs.awaitStatus(invoice, "failed");
        assertThat(failed.getString("data.firs_response.error.code")).isEqualTo("NRS_UNAUTHORIZED");
        assertThat(failed.getInt("data.firs_response.error.http_status")).isEqualTo(401);
        assertThat(failed.getList("data.attempt_log.step")).containsExactly("validate_irn");
        assertThat(NrsSandboxStub.calls(irn)).isEqualTo(1);
    }

    @Test
    void aDuplicateIrnNrsDoesNotHaveIsAFailureButOneNrsSignedAlreadyIsOursAndNotSignedAgain() {
        UUID refused = UUID.randomUUID();
        String refusedIrn = NrsSubmissions.irn();
        NrsSandboxStub.fault(refusedIrn, "sign", 409, 1, 0, null);
        nrs.submit(refused, refusedIrn).statusCode(202);
        JsonPath failed = nrs.awaitStatus(refused, "failed");
        assertThat(failed.getString("data.firs_response.error.code")).isEqualTo("NRS_DUPLICATE_IRN");
        assertThat(failed.getInt("data.firs_response.error.http_status")).isEqualTo(409);
        assertThat(failed.getList("data.attempt_log.step")).containsExactly("validate_irn", "validate", "sign", "sign_lookup");

        UUID signedBefore = UUID.randomUUID();
        String signedIrn = NrsSubmissions.irn();
        NrsSandboxStub.presign(signedIrn);
        nrs.submit(signedBefore, signedIrn).statusCode(202);
        JsonPath submitted = nrs.awaitStatus(signedBefore, "submitted");
        assertThat(submitted.getList("data.attempt_log.step")).containsExactly("validate_irn", "validate", "sign", "sign_lookup", "transmit", "confirm");
        assertThat(submitted.getList("data.attempt_log.http_status")).containsExactly(200, 200, 409, 200, 200, 200);
        assertThat(NrsSandboxStub.signatures(signedIrn)).isZero();
    }

    @Test
    void aRateLimitIsWaitedOutForAtLeastItsRetryAfterThenTheSubmissionGoesThrough() {
        UUID invoice = UUID.randomUUID();
        String irn = NrsSubmissions.irn();
        NrsSandboxStub.fault(irn, "validate", 429, 1, 0, 2);
        String traceId = UUID.randomUUID().toString().replace("-", "");
        nrs.submitInTrace("00-" + traceId + "-" + traceId.substring(16) + "-01", invoice, irn).statusCode(202);
        JsonPath submitted = nrs.awaitStatus(invoice, "submitted");
        List<Map<String, Object>> log = submitted.getList("data.attempt_log");
        assertThat(log).extracting(a -> a.get("step") + ":" + a.get("outcome"))
                .containsExactly("validate_irn:ok", "validate:retryable", "validate:ok", "sign:ok", "transmit:ok", "confirm:ok");
        OffsetDateTime limited = OffsetDateTime.parse((String) log.get(1).get("created_at"));
        OffsetDateTime again = OffsetDateTime.parse((String) log.get(2).get("created_at"));
        assertThat(Duration.between(limited, again)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(submitted.getInt("data.attempts")).isEqualTo(2);

        // the claim after the wait continues the same trace; the refused call says so in its span
        List<SpanData> traced = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId)).toList(), found -> found.stream().filter(span -> span.getName().equals("nrs confirm")).count() == 1);
        assertThat(traced).filteredOn(span -> span.getName().equals("nrs submission")).hasSize(2);
        assertThat(traced).filteredOn(span -> span.getName().equals("nrs validate"))
                .extracting(span -> span.getAttributes().get(NrsClient.OUTCOME) + ":" + span.getAttributes().get(NrsClient.HTTP_STATUS) + ":"
                        + span.getStatus().getStatusCode())
                .containsExactly("failed:429:ERROR", "ok:200:UNSET");
    }

    @Test
    void serverErrorsAndTimeoutsAreRetriedWithBackoffUntilNrsAnswers() {
        UUID invoice = UUID.randomUUID();
        String irn = NrsSubmissions.irn();
        NrsSandboxStub.fault(irn, "transmit", 503, 1, 0, null);
        NrsSandboxStub.fault(irn, "confirm", 500, 1, 2_500, null);
        nrs.submit(invoice, irn).statusCode(202);
        JsonPath submitted = nrs.awaitStatus(invoice, "submitted");
        List<Map<String, Object>> log = submitted.getList("data.attempt_log");
        assertThat(log).extracting(a -> a.get("step") + ":" + a.get("outcome"))
                .containsExactly("validate_irn:ok", "validate:ok", "sign:ok", "transmit:retryable", "transmit:ok", "confirm:retryable", "confirm:ok");
        assertThat(log.get(3).get("http_status")).isEqualTo(503);
        // the slow confirm was given up on at the 1 s timeout, without a status
        assertThat(log.get(5).get("http_status")).isNull();
        assertThat((String) log.get(5).get("error")).startsWith("NRS did not answer in time");
        assertThat(NrsSandboxStub.signatures(irn)).isEqualTo(1);
    }

    @Test
    void failuresThatOutlastTheRetriesEndTheSubmissionAsUnavailable() {
        UUID invoice = UUID.randomUUID();
        String irn = NrsSubmissions.irn();
        NrsSandboxStub.fault(irn, "validate_irn", 502, 100, 0, null);
        nrs.submit(invoice, irn).statusCode(202);
        JsonPath failed = nrs.awaitStatus(invoice, "failed");
        assertThat(failed.getString("data.firs_response.error.code")).isEqualTo("NRS_UNAVAILABLE");
        assertThat(failed.getInt("data.firs_response.error.http_status")).isEqualTo(502);
        // max-attempts 4 in tests, each a retryable call (the open circuit's waits are not attempts)
        assertThat(failed.getList("data.attempt_log.outcome")).hasSize(4).containsOnly("retryable");
    }
}
