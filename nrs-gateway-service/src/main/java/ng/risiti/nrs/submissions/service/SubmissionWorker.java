package ng.risiti.nrs.submissions.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import ng.risiti.nrs.integrations.service.NrsCredentialStore;
import ng.risiti.nrs.submissions.config.NrsConfig;
import ng.risiti.nrs.submissions.domain.ClaimedSubmission;
import ng.risiti.nrs.submissions.domain.MbsStep;
import ng.risiti.nrs.submissions.domain.NrsAnswer;
import ng.risiti.nrs.submissions.domain.NrsCredentials;
import ng.risiti.nrs.submissions.domain.RetrySchedule;
import ng.risiti.nrs.submissions.repository.AttemptRepository;
import ng.risiti.nrs.submissions.repository.SubmissionRepository;
import ng.risiti.platform.concurrent.OwnContext;
import ng.risiti.platform.events.EventTypes;
import ng.risiti.platform.events.Outbox;
import ng.risiti.platform.events.Topics;
import ng.risiti.platform.events.contract.FirsSubmissionOutcome;
import ng.risiti.platform.observability.Traces;
import ng.risiti.platform.security.Tenancy;
import ng.risiti.platform.time.Clocks;
import org.jboss.logging.Logger;

/**
 * Walks queued submissions through NRS's MBS sequence: validate IRN, validate, sign, transmit, confirm
 * (docs/specification.md, NRS submission). Every replica runs it; a claim takes a batch of due submissions with
 * {@code for update skip locked} and a lease, and at most {@code max-concurrency} of them talk to NRS at once. Each
 * step is recorded as done before the next starts, so a worker that dies resumes at the step it was on.
 *
 * <p>Never two signatures for one IRN: the moment before the sign call goes out is committed ({@code sign_sent_at});
 * a worker that finds it set (the last one died between NRS signing and our record of it) asks NRS for the IRN first
 * and signs only if NRS does not have it. A 409 from sign is answered the same way: if NRS has the IRN, it is ours.
 *
 * <p>Commits are what a submission waits on, so each step's outcome is one transaction: the attempts of its calls,
 * the step's advance, and what follows from it (the sign mark when the next step is sign; the end and its event after
 * confirm). A worker that dies before that commit loses the log of a call it made, never the rule above.
 */
@ApplicationScoped
public class SubmissionWorker {

    public static final String JOB = "nrs-submissions";
    private static final Logger LOG = Logger.getLogger(SubmissionWorker.class);
    private static final int MAX_BATCHES_PER_RUN = 20;

    private final SubmissionRepository submissions;
    private final AttemptRepository attempts;
    private final NrsCredentialStore credentials;
    private final NrsClient nrs;
    private final CircuitBreakers breakers;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final NrsConfig.Submissions config;
    private final RetrySchedule retries;
    private final Clock clock;
    private final Vertx vertx;
    private final Traces traces;
    private final AtomicBoolean kicked = new AtomicBoolean();
    private final AtomicBoolean kickWanted = new AtomicBoolean();

    public SubmissionWorker(SubmissionRepository submissions, AttemptRepository attempts, NrsCredentialStore credentials, NrsClient nrs,
            CircuitBreakers breakers, Outbox outbox, ObjectMapper json, NrsConfig config, Clock clock, Vertx vertx, Traces traces) {
        this.submissions = submissions;
        this.attempts = attempts;
        this.credentials = credentials;
        this.nrs = nrs;
        this.breakers = breakers;
        this.outbox = outbox;
        this.json = json;
        this.config = config.submissions();
        this.retries = new RetrySchedule(this.config.initialBackoff(), this.config.maxBackoff(), this.config.maxAttempts());
        this.clock = clock;
        this.vertx = vertx;
        this.traces = traces;
    }

    @Scheduled(identity = JOB, every = "${risiti.nrs.submissions.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return drain(MAX_BATCHES_PER_RUN).flatMap(ignored -> syncPayments()).onFailure().recoverWithItem(failure -> {
            // the database is away: nothing was claimed, or what was is claimed again once its lease passes
            LOG.warnf("NRS submissions could not be worked on: %s", failure.toString());
            return null;
        }).replaceWithVoid();
    }

    /**
     * Works a batch now rather than at the next tick, so a fresh submission reaches NRS in milliseconds. At most one
     * kicked batch runs at a time beside the scheduled one; a kick while one runs is remembered and runs right after.
     */
    public void kick() {
        kickWanted.set(true);
        if (kicked.compareAndSet(false, true)) {
            kickWanted.set(false);
            OwnContext.run(vertx, () -> drain(1)).onTermination().invoke(() -> {
                kicked.set(false);
                if (kickWanted.get()) {
                    kick();
                }
            }).subscribe().with(ignored -> { }, failure -> LOG.warnf("A kicked NRS batch failed: %s", failure.toString()));
        }
    }

    private Uni<Void> drain(int batches) {
        return workBatch().flatMap(claimed -> claimed.size() == config.batchSize() && batches > 1
                ? drain(batches - 1) : Uni.createFrom().voidItem());
    }

    /** Claims one batch of due submissions and walks each as far as NRS lets it; the ids it claimed. */
    public Uni<List<UUID>> workBatch() {
        OffsetDateTime now = Clocks.now(clock);
        return Panache.withTransaction(() -> submissions.claim(now, now.plus(config.claimLease()), config.batchSize()))
                .flatMap(claimed -> Multi.createFrom().iterable(claimed)
                        .onItem().transformToUni(job -> OwnContext.run(vertx, () -> traced(job)).onFailure().recoverWithItem(failure -> {
                            // e.g. the database went away mid-flow: the lease passes and the next claim resumes at the recorded step
                            LOG.errorf("Submission %s (invoice %s) stopped at claim %d: %s", job.id(), job.invoiceId(), job.attempts(), failure);
                            return null;
                        }))
                        .merge(config.maxConcurrency())
                        .collect().asList().map(done -> claimed.stream().map(ClaimedSubmission::id).toList()));
    }

    /**
     * Tells NRS the payment status of submitted invoices that were paid, partially paid or cancelled
     * ({@code PATCH /api/v1/invoice/update/{irn}}); the same claim, lease and backoff as submissions, one call each.
     */
    public Uni<Void> syncPayments() {
        OffsetDateTime now = Clocks.now(clock);
        return Panache.withTransaction(() -> submissions.claimPaymentUpdates(now, now.plus(config.claimLease()), config.batchSize()))
                .flatMap(claimed -> Multi.createFrom().iterable(claimed)
                        .onItem().transformToUni(row -> OwnContext.run(vertx, () -> updatePayment(row)).onFailure().recoverWithItem(failure -> {
                            LOG.errorf("Payment status update of submission %s stopped: %s", row[0], failure);
                            return null;
                        }))
                        .merge(config.maxConcurrency())
                        .collect().asList().replaceWithVoid());
    }

    private Uni<Void> updatePayment(Object[] row) {
        UUID id = (UUID) row[0];
        UUID tenantId = (UUID) row[1];
        boolean test = (Boolean) row[2];
        String irn = (String) row[3];
        String status = (String) row[4];
        String reference = (String) row[5];
        long version = ((Number) row[6]).longValue();
        int attempt = ((Number) row[7]).intValue();
        return credentials.forCall(tenantId, test).flatMap(creds -> {
            if (creds == null) {
                return Panache.withTransaction(() -> submissions.paymentRefused(id, version, "NRS credentials are not configured",
                        Clocks.now(clock))).replaceWithVoid();
            }
            ObjectNode body = json.createObjectNode().put("payment_status", status);
            if (reference != null) {
                body.put("reference", reference);
            }
            return nrs.call(test, "update_payment", (api, requestId) -> api.update(creds.apiKey(), creds.apiSecret(), requestId, irn, body)).flatMap(answer -> {
                if (answer.transientFailure()) {
                    breakers.failed(tenantId, test);
                } else {
                    breakers.succeeded(tenantId, test);
                }
                OffsetDateTime now = Clocks.now(clock);
                String outcome = answer.ok() ? "ok" : answer.transientFailure() ? "retryable" : "refused";
                // built inside the transaction: a statement takes the session of the moment it is made
                Supplier<Uni<Integer>> record;
                if (answer.ok()) {
                    record = () -> submissions.paymentSent(id, status, version, now);
                } else if (answer.transientFailure() && !retries.exhausted(attempt)) {
                    OffsetDateTime next = now.plus(retries.delayAfter(attempt, ThreadLocalRandom.current()::nextDouble));
                    record = () -> submissions.paymentRetry(id, version, next, answer.message(), now);
                } else {
                    record = () -> submissions.paymentRefused(id, version, answer.message(), now);
                }
                return Panache.withTransaction(() -> attempts.record(id, "update_payment", answer.requestId(), answer.status(), outcome,
                        answer.latencyMillis(), answer.ok() ? null : answer.message(), now).flatMap(ignored -> record.get())).replaceWithVoid();
            });
        });
    }

    /**
     * The claim's work in a span continuing the trace of the request that queued the submission: its NRS calls are
     * spans in it and the event it ends with carries it on to the event's consumers.
     */
    private Uni<Void> traced(ClaimedSubmission job) {
        Attributes attributes = Attributes.builder().put("risiti.submission.id", job.id().toString())
                .put("risiti.invoice.id", job.invoiceId().toString()).put("risiti.submission.step", job.step().wireName())
                .put("risiti.nrs.claim", job.attempts()).put("risiti.mode", job.testMode() ? "test" : "live").build();
        return traces.inSpan(job.traceParent(), "nrs submission", SpanKind.INTERNAL, attributes, null, () -> process(job));
    }

    private Uni<Void> process(ClaimedSubmission job) {
        if (job.attempts() > config.maxAttempts()) {
            return finishFailed(job, job.step(), null, "NRS_UNAVAILABLE",
                    "Gave up after " + (job.attempts() - 1) + " attempts; the last one never reported back.");
        }
        Instant blocked = breakers.blockedUntil(job.tenantId(), job.testMode());
        if (blocked != null) {
            return Panache.withTransaction(() -> submissions.deferForCircuit(job, blocked.atOffset(ZoneOffset.UTC),
                    "NRS keeps failing for this business; its circuit is open until " + blocked + ".", Clocks.now(clock))).replaceWithVoid();
        }
        return credentials.forCall(job.tenantId(), job.testMode()).flatMap(creds -> {
            if (creds == null) {
                return finishFailed(job, job.step(), null, "NRS_CREDENTIALS_MISSING",
                        "NRS credentials are not configured for live submissions (PATCH /api/v1/settings/integrations).");
            }
            ObjectNode payload;
            try {
                payload = (ObjectNode) json.readTree(job.payload());
            } catch (Exception e) {
                return finishFailed(job, job.step(), null, "INVALID_PAYLOAD", "The stored NRS payload is not JSON: " + e.getMessage());
            }
            payload.put("business_id", creds.businessId());
            // DONE but still queued: the last claim died between NRS's confirmation and recording the end; confirm again
            return walk(job, job.step() == MbsStep.DONE ? MbsStep.CONFIRM : job.step(), creds, payload, new CallLog(), job.signSentAt() != null);
        });
    }

    /**
     * {@code signSent}: a sign call for this IRN may have gone out (committed), so signing again must ask NRS first; the
     * advance to sign commits the mark itself, so the sign call needs no commit of its own.
     */
    private Uni<Void> walk(ClaimedSubmission job, MbsStep step, NrsCredentials creds, ObjectNode payload, CallLog log, boolean signSent) {
        return perform(job, step, creds, payload, log, signSent).flatMap(result -> switch (result) {
            case Done done when step == MbsStep.CONFIRM -> finishSubmitted(job, done.answer(), log);
            case Done done -> Panache.withTransaction(() -> log.flush().flatMap(ignored -> submissions.advance(job, step, Clocks.now(clock)))
                    .flatMap(changed -> changed == 0 || step.next() != MbsStep.SIGN || signSent ? Uni.createFrom().item(changed)
                            : submissions.markSignSent(job, Clocks.now(clock))))
                    .flatMap(changed -> {
                        if (changed == 0) {
                            LOG.warnf("Submission %s was claimed again before claim %d recorded %s; the newer claim goes on", job.id(),
                                    job.attempts(), step.wireName());
                            return Uni.createFrom().voidItem();
                        }
                        return walk(job, step.next(), creds, payload, log, signSent || step.next() == MbsStep.SIGN);
                    });
            case Retry retry -> retryLater(job, step, retry.answer(), log);
            case Rejected rejected -> finishFailed(job, step, rejected.answer(), rejected.code(), rejected.answer().message(), log);
        });
    }

    /** The calls of this claim not yet written: written in the transaction that records what they led to. */
    private final class CallLog {
        private final List<Supplier<Uni<Integer>>> pending = new java.util.ArrayList<>();

        void add(UUID submissionId, String step, NrsAnswer answer) {
            String outcome = answer.ok() ? "ok" : answer.transientFailure() ? "retryable" : "refused";
            String error = answer.ok() ? null : answer.message();
            OffsetDateTime at = Clocks.now(clock);
            pending.add(() -> attempts.record(submissionId, step, answer.requestId(), answer.status(), outcome, answer.latencyMillis(), error, at));
        }

        /** Inside a transaction: writes the pending attempts in the order they were made. */
        Uni<Void> flush() {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Supplier<Uni<Integer>> insert : pending) {
                chain = chain.flatMap(ignored -> insert.get()).replaceWithVoid();
            }
            pending.clear();
            return chain;
        }
    }

    private sealed interface StepResult permits Done, Retry, Rejected {
    }

    private record Done(NrsAnswer answer) implements StepResult {
    }

    private record Retry(NrsAnswer answer) implements StepResult {
    }

    private record Rejected(NrsAnswer answer, String code) implements StepResult {
    }

    private Uni<StepResult> perform(ClaimedSubmission job, MbsStep step, NrsCredentials creds, ObjectNode payload, CallLog log,
            boolean signSent) {
        String irn = job.irn();
        return switch (step) {
            case VALIDATE_IRN -> {
                ObjectNode body = json.createObjectNode().put("invoice_reference", irn.substring(0, Math.max(0, irn.indexOf('-'))))
                        .put("business_id", creds.businessId()).put("irn", irn);
                yield call(job, log, "validate_irn", (api, id) -> api.validateIrn(creds.apiKey(), creds.apiSecret(), id, body)).map(this::judge);
            }
            case VALIDATE -> call(job, log, "validate", (api, id) -> api.validate(creds.apiKey(), creds.apiSecret(), id, payload)).map(this::judge);
            // marked in this walk (the advance to sign committed it): nothing can have been sent before
            case SIGN -> signSent && job.signSentAt() == null ? signMarked(job, creds, payload, log)
                    : job.signSentAt() == null ? sign(job, creds, payload, log) : lookup(job, creds, log).flatMap(found -> switch (found) {
                case Done done -> Uni.createFrom().<StepResult>item(done);
                case Retry retry -> Uni.createFrom().<StepResult>item(retry);
                // NRS has no signature for it: the last sign call never reached NRS (or NRS refused it)
                case Rejected notSigned -> signMarked(job, creds, payload, log);
            });
            case TRANSMIT -> call(job, log, "transmit", (api, id) -> api.transmit(creds.apiKey(), creds.apiSecret(), id, irn)).map(this::judge);
            case CONFIRM -> call(job, log, "confirm", (api, id) -> api.confirm(creds.apiKey(), creds.apiSecret(), id, irn)).map(this::judge);
            case DONE -> throw new IllegalStateException("a submission at DONE is not queued");
        };
    }

    /** Commits that a sign call is going out (with the calls before it), then makes it. */
    private Uni<StepResult> sign(ClaimedSubmission job, NrsCredentials creds, ObjectNode payload, CallLog log) {
        return Panache.withTransaction(() -> log.flush().flatMap(ignored -> submissions.markSignSent(job, Clocks.now(clock)))).flatMap(changed -> {
            if (changed == 0) {
                return Uni.createFrom().<StepResult>failure(new IllegalStateException("claim " + job.attempts() + " was lost before signing"));
            }
            return signMarked(job, creds, payload, log);
        });
    }

    /** The sign call, its going out already committed; a 409 means NRS has the IRN: it is ours if NRS says so. */
    private Uni<StepResult> signMarked(ClaimedSubmission job, NrsCredentials creds, ObjectNode payload, CallLog log) {
        return call(job, log, "sign", (api, id) -> api.sign(creds.apiKey(), creds.apiSecret(), id, payload)).flatMap(answer -> {
            if (answer.status() != 409) {
                return Uni.createFrom().item(judge(answer));
            }
            return lookup(job, creds, log).map(found -> found instanceof Rejected ? new Rejected(answer, "NRS_DUPLICATE_IRN") : found);
        });
    }

    /** Asks NRS whether it signed the IRN: Done if it did, Rejected if it does not know it, Retry if NRS did not say. */
    private Uni<StepResult> lookup(ClaimedSubmission job, NrsCredentials creds, CallLog log) {
        return call(job, log, "sign_lookup", (api, id) -> api.confirm(creds.apiKey(), creds.apiSecret(), id, job.irn()))
                .map(answer -> answer.ok() ? new Done(answer) : answer.transientFailure() ? new Retry(answer) : new Rejected(answer, "NRS_NOT_FOUND"));
    }

    private StepResult judge(NrsAnswer answer) {
        if (answer.ok()) {
            return new Done(answer);
        }
        if (answer.transientFailure()) {
            return new Retry(answer);
        }
        return new Rejected(answer, switch (answer.status()) {
            case 400, 422 -> "NRS_VALIDATION_FAILED";
            case 401, 403 -> "NRS_UNAUTHORIZED";
            case 404 -> "NRS_NOT_FOUND";
            case 409 -> "NRS_DUPLICATE_IRN";
            default -> "NRS_REJECTED";
        });
    }

    /** One call to NRS, logged as an attempt (written with what it led to) and counted by the tenant's circuit. */
    private Uni<NrsAnswer> call(ClaimedSubmission job, CallLog log, String step, NrsClient.CallWith call) {
        return nrs.call(job.testMode(), step, call).invoke(answer -> {
            if (answer.transientFailure()) {
                breakers.failed(job.tenantId(), job.testMode());
            } else {
                breakers.succeeded(job.tenantId(), job.testMode());
            }
            log.add(job.id(), step, answer);
        });
    }

    private Uni<Void> retryLater(ClaimedSubmission job, MbsStep step, NrsAnswer answer, CallLog log) {
        if (retries.exhausted(job.attempts())) {
            return finishFailed(job, step, answer, exhaustedCode(answer), answer.message() + " (gave up after " + job.attempts() + " attempts)",
                    log);
        }
        Duration delay = retries.delayAfter(job.attempts(), ThreadLocalRandom.current()::nextDouble);
        if (answer.retryAfter() != null && answer.retryAfter().compareTo(delay) > 0) {
            delay = answer.retryAfter();
        }
        OffsetDateTime now = Clocks.now(clock);
        OffsetDateTime next = now.plus(delay);
        LOG.warnf("Submission %s: NRS %s failed (attempt %d), trying again at %s: %s", job.id(), step.wireName(), job.attempts(), next,
                answer.message());
        return Panache.withTransaction(() -> log.flush().flatMap(ignored -> submissions.reschedule(job, next, step.wireName() + ": " + answer.message(),
                now))).replaceWithVoid();
    }

    private static String exhaustedCode(NrsAnswer answer) {
        if (answer.status() == 0) {
            return NrsClient.timedOut(answer) ? "NRS_TIMEOUT" : "NRS_UNREACHABLE";
        }
        return answer.status() == 429 ? "NRS_RATE_LIMITED" : "NRS_UNAVAILABLE";
    }

    /** Confirm's advance, the end and its event in one transaction. */
    private Uni<Void> finishSubmitted(ClaimedSubmission job, NrsAnswer confirmation, CallLog log) {
        OffsetDateTime now = Clocks.now(clock);
        return Panache.withTransaction(() -> log.flush().flatMap(ignored -> submissions.advance(job, MbsStep.CONFIRM, now)).flatMap(advanced -> {
            if (advanced == 0) {
                LOG.warnf("Submission %s was claimed again before claim %d recorded confirm; the newer claim goes on", job.id(), job.attempts());
                return Uni.createFrom().voidItem();
            }
            return submissions.stepTimes(job.id()).flatMap(times -> {
                ObjectNode response = firsResponse("submitted", job, times);
                response.putNull("error");
                response.putArray("details");
                response.set("nrs", confirmation.data());
                return submissions.submitted(job, response.toString(), now)
                        .flatMap(changed -> changed == 0 ? Uni.createFrom().voidItem()
                                : emit(job, EventTypes.INVOICE_FIRS_SUBMITTED, "submitted", now, response));
            });
        })).invoke(() -> LOG.infof("Invoice %s (IRN %s) submitted to NRS", job.invoiceId(), job.irn()));
    }

    private Uni<Void> finishFailed(ClaimedSubmission job, MbsStep step, NrsAnswer answer, String code, String message) {
        return finishFailed(job, step, answer, code, message, new CallLog());
    }

    private Uni<Void> finishFailed(ClaimedSubmission job, MbsStep step, NrsAnswer answer, String code, String message, CallLog log) {
        OffsetDateTime now = Clocks.now(clock);
        return Panache.withTransaction(() -> log.flush().flatMap(ignored -> submissions.stepTimes(job.id())).flatMap(times -> {
            ObjectNode response = firsResponse("failed", job, times);
            ObjectNode error = response.putObject("error").put("code", code).put("message", message).put("step", step.wireName());
            if (answer != null && answer.status() != 0) {
                error.put("http_status", answer.status());
            }
            if (answer != null) {
                error.put("request_id", answer.requestId());
            }
            ArrayNode details = response.putArray("details");
            if (answer != null) {
                answer.details().forEach(details::add);
            }
            return submissions.fail(job, response.toString(), step.wireName() + ": " + message, now)
                    .flatMap(changed -> changed == 0 ? Uni.createFrom().voidItem()
                            : emit(job, EventTypes.INVOICE_FIRS_SUBMISSION_FAILED, "failed", null, response));
        })).invoke(() -> LOG.warnf("Submission of invoice %s (IRN %s) failed at %s: %s %s", job.invoiceId(), job.irn(), step.wireName(),
                code, message));
    }

    private ObjectNode firsResponse(String status, ClaimedSubmission job, Object[] times) {
        ObjectNode response = json.createObjectNode().put("status", status).put("job_id", SubmissionService.jobId(job.invoiceId()))
                .put("irn", job.irn());
        ObjectNode steps = response.putObject("steps");
        MbsStep[] order = {MbsStep.VALIDATE_IRN, MbsStep.VALIDATE, MbsStep.SIGN, MbsStep.TRANSMIT, MbsStep.CONFIRM};
        for (int i = 0; i < order.length; i++) {
            if (times[i] == null) {
                steps.putNull(order[i].doneColumn());
            } else {
                steps.put(order[i].doneColumn(), SubmissionRepository.toOffset(times[i]).toString());
            }
        }
        return response;
    }

    private Uni<Void> emit(ClaimedSubmission job, String type, String status, OffsetDateTime submittedAt, JsonNode response) {
        FirsSubmissionOutcome outcome = new FirsSubmissionOutcome(job.invoiceId(), job.tenantId(), job.id(), SubmissionService.jobId(job.invoiceId()),
                job.invoiceNumber(), job.irn(), status, job.testMode(), submittedAt, response);
        return outbox.emit(Topics.NRS, type, job.invoiceId().toString(), new Tenancy(job.tenantId(), job.testMode()), outcome);
    }
}
