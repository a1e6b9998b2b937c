package ng.risiti.nrs.submissions.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import ng.risiti.nrs.NrsSandboxStub;
import ng.risiti.nrs.NrsStub;
import ng.risiti.nrs.submissions.NrsSubmissions;
import ng.risiti.testsupport.RisitiTestResources;
import ng.risiti.testsupport.ScrapedMetrics;
import ng.risiti.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

/** Crashes, concurrency, the circuit breaker and the live world's credentials. */
@QuarkusTest
@QuarkusTestResource(value = RisitiTestResources.class, initArgs = @ResourceArg(name = "service", value = "nrs"))
@QuarkusTestResource(TestIdentity.Resource.class)
@QuarkusTestResource(NrsStub.class)
@QuarkusTestResource(NrsSandboxStub.class)
class SubmissionResilienceTests {

    final NrsSubmissions nrs = new NrsSubmissions();

    /**
     * The worker dies after NRS signed but before the signature was recorded (the record's transaction fails, as a
     * kill -9 would leave it): the next claim asks NRS first, finds the IRN signed and carries on without signing again.
     */
    @Test
    void aWorkerDyingBetweenSignAndItsRecordNeverMakesNrsSignTwice() throws Exception {
        UUID invoice = UUID.randomUUID();
        String irn = NrsSubmissions.irn();
        sql("drop trigger if exists crash_after_sign on submissions",
                "drop sequence if exists crash_after_sign_seq",
                "create sequence crash_after_sign_seq",
                // a sequence is not rolled back, so only the first record of this IRN's signature fails
                """
                create or replace function crash_after_sign() returns trigger language plpgsql as $$
                begin
                  if new.irn = '%s' and new.signed_at is not null and old.signed_at is null and nextval('crash_after_sign_seq') = 1 then
                    raise exception 'worker died between sign and record';
                  end if;
                  return new;
                end $$""".formatted(irn),
                "create trigger crash_after_sign before update on submissions for each row execute function crash_after_sign()");
        try {
            nrs.submit(invoice, irn).statusCode(202);
            JsonPath submitted = nrs.awaitStatus(invoice, "submitted");
            // the sign call's log went down with the transaction that failed to record it (as it would with a killed
            // worker); the next claim asked NRS (sign_lookup) instead of signing again
            assertThat(submitted.getList("data.attempt_log.step"))
                    .containsExactly("validate_irn", "validate", "sign_lookup", "transmit", "confirm");
            assertThat(submitted.getList("data.attempt_log.outcome")).containsOnly("ok");
            assertThat(submitted.getInt("data.attempts")).isEqualTo(2);
            assertThat(NrsSandboxStub.signCalls(irn)).isEqualTo(1);
            assertThat(NrsSandboxStub.signatures(irn)).isEqualTo(1);
        } finally {
            sql("drop trigger if exists crash_after_sign on submissions", "drop sequence if exists crash_after_sign_seq");
        }
    }

    @Test
    void theSameSubmissionAskedTwiceAtOnceIsOneJobSignedOnce() throws Exception {
        UUID invoice = UUID.randomUUID();
        String irn = NrsSubmissions.irn();
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<Boolean>> calls = List.of(1, 2).stream().map(i -> CompletableFuture.supplyAsync(() -> {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return nrs.submit(invoice, irn).statusCode(202).body("job_id", equalTo("firs-submission:" + invoice))
                    .extract().<Boolean>path("queued_now");
        })).toList();
        List<Boolean> queuedNow = calls.stream().map(CompletableFuture::join).toList();
        assertThat(queuedNow).containsExactlyInAnyOrder(true, false);
        nrs.awaitStatus(invoice, "submitted");
        nrs.asTestKey().queryParam("invoice_id", invoice).get("/api/v1/nrs/submissions").then().body("data.size()", equalTo(1));
        assertThat(NrsSandboxStub.signCalls(irn)).isEqualTo(1);
    }

    @Test
    void aTenantsCircuitOpensAfterFailuresInARowKeepsItsSubmissionsAwayFromNrsThenClosesOnSuccess() {
        UUID failing = UUID.randomUUID();
        String failingIrn = NrsSubmissions.irn();
        NrsSandboxStub.fault(failingIrn, "validate_irn", 503, 3, 0, null);
        nrs.submit(failing, failingIrn).statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> nrs.detail(failing).getList("data.attempt_log").size() == 3);

        // open: the tenant's next submission waits without calling NRS
        UUID waiting = UUID.randomUUID();
        String waitingIrn = NrsSubmissions.irn();
        nrs.submit(waiting, waitingIrn).statusCode(202);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> nrs.asTestKey().queryParam("invoice_id", waiting)
                .get("/api/v1/nrs/submissions").then().body("data[0].last_error", containsString("circuit is open")));
        assertThat(NrsSandboxStub.calls(waitingIrn)).isZero();

        // another tenant's circuit is its own
        NrsSubmissions other = new NrsSubmissions();
        UUID elsewhere = UUID.randomUUID();
        other.submit(elsewhere, NrsSubmissions.irn()).statusCode(202);
        other.awaitStatus(elsewhere, "submitted");

        // after the open window one trial call goes through, succeeds, and the circuit closes for both
        nrs.awaitStatus(failing, "submitted");
        JsonPath waited = nrs.awaitStatus(waiting, "submitted");
        assertThat(waited.getInt("data.attempts")).isEqualTo(1);
        assertThat(NrsSandboxStub.signatures(waitingIrn)).isEqualTo(1);
    }

    @Test
    void aLiveSubmissionWithoutTheTenantsNrsCredentialsIs422NamingWhatIsMissing() {
        UUID invoice = UUID.randomUUID();
        String irn = NrsSubmissions.irn();
        nrs.submit(invoice, irn, NrsSubmissions.payload(irn), false).statusCode(422)
                .body("error.code", equalTo("UNPROCESSABLE"))
                .body("error.message", containsString("api_key, api_secret, business_id"));
        assertThat(NrsSandboxStub.calls(irn)).isZero();
    }

    @Test
    void aSubmissionIsOnlyVisibleInItsOwnTenantAndWorld() {
        UUID invoice = UUID.randomUUID();
        nrs.submit(invoice, NrsSubmissions.irn()).statusCode(202);
        String id = nrs.asTestKey().queryParam("invoice_id", invoice).get("/api/v1/nrs/submissions").then().statusCode(200)
                .extract().path("data[0].id");
        nrs.asTestKey().get("/api/v1/nrs/submissions/" + id).then().statusCode(200).body("data.invoice_id", equalTo(invoice.toString()));
        // the same tenant's live world does not see test submissions
        io.restassured.RestAssured.given().auth().oauth2(nrs.token).get("/api/v1/nrs/submissions/" + id).then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        NrsSubmissions stranger = new NrsSubmissions();
        stranger.asTestKey().get("/api/v1/nrs/submissions/" + id).then().statusCode(404);
        stranger.asTestKey().get("/api/v1/nrs/submissions/not-an-id").then().statusCode(404);
    }

    /** What the NRS dashboard panels and the failure-rate alert read: calls timed per MBS step, by outcome and world. */
    @Test
    void everyNrsCallIsTimedByStepAndOneNrsCouldNotAnswerCountsAsFailed() {
        UUID invoice = UUID.randomUUID();
        String irn = NrsSubmissions.irn();
        NrsSandboxStub.fault(irn, "transmit", 503, 1, 0, null);
        ScrapedMetrics before = ScrapedMetrics.scrape();

        nrs.submit(invoice, irn).statusCode(202);
        nrs.awaitStatus(invoice, "submitted");

        ScrapedMetrics after = ScrapedMetrics.scrape();
        assertThat(calls(after, "transmit", "failed") - calls(before, "transmit", "failed")).isGreaterThanOrEqualTo(1);
        for (String step : List.of("validate_irn", "validate", "sign", "transmit", "confirm")) {
            assertThat(calls(after, step, "ok") - calls(before, step, "ok")).as(step).isGreaterThanOrEqualTo(1);
        }
        // latency buckets exist for p99 panels (a few fixed ones, not one per millisecond)
        assertThat(after.value("risiti_nrs_calls_seconds_bucket", "step", "sign", "outcome", "ok", "le", "10.0")).isGreaterThanOrEqualTo(1);
        ScrapedMetrics.awaitPlatformSeries("GET", "/api/v1/nrs/submissions/{id}", "invoices");
    }

    private static double calls(ScrapedMetrics metrics, String step, String outcome) {
        return metrics.value("risiti_nrs_calls_seconds_count", "step", step, "outcome", outcome, "mode", "test");
    }

    private static void sql(String... statements) throws Exception {
        try (Connection db = RisitiTestResources.postgres().connect(RisitiTestResources.databaseName("nrs")); Statement st = db.createStatement()) {
            for (String statement : statements) {
                st.execute(statement);
            }
        }
    }
}
