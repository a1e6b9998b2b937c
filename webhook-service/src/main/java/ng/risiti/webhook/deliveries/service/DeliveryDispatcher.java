package ng.risiti.webhook.deliveries.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import ng.risiti.platform.concurrent.OwnContext;
import ng.risiti.platform.observability.Traces;
import ng.risiti.platform.time.Clocks;
import ng.risiti.webhook.deliveries.config.DeliveryConfig;
import ng.risiti.webhook.deliveries.domain.AttemptOutcome;
import ng.risiti.webhook.deliveries.domain.ClaimedDelivery;
import ng.risiti.webhook.deliveries.domain.RetrySchedule;
import ng.risiti.webhook.deliveries.repository.DeliveryRepository;
import ng.risiti.webhook.endpoints.service.EndpointService;
import org.jboss.logging.Logger;

/**
 * Delivers what the fan-out queued (docs/webhooks.md, Delivery). Every replica runs it, on a schedule and whenever new
 * deliveries were committed ({@link #wake}). A claim takes due deliveries with {@code for update skip locked} and
 * leases them, at most {@code per-endpoint-concurrency} in flight per endpoint, so two dispatchers never hold one
 * delivery and a slow endpoint holds only its own slots. Each attempt is started and not waited for: its outcome is
 * recorded when its answer (or timeout) comes, so one slow endpoint never holds up the next claim.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    /** The scheduled job's identity, for pausing it (tests, an operator's console). */
    public static final String JOB = "webhook-deliveries";
    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    /** Span attributes of an attempt (the outcome as the risiti.webhook.deliveries metric names it). */
    public static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("risiti.webhook.attempt");
    public static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("risiti.webhook.outcome");
    public static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");

    private final DeliveryRepository deliveries;
    private final WebhookSender sender;
    private final EndpointService endpoints;
    private final EndpointPauses pauses;
    private final DeliveryConfig config;
    private final RetrySchedule retries;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final Traces traces;
    private final Vertx vertx;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopping;

    public DeliveryDispatcher(DeliveryRepository deliveries, WebhookSender sender, EndpointService endpoints, EndpointPauses pauses,
            DeliveryConfig config, Clock clock, MeterRegistry metrics, Traces traces, Vertx vertx) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.endpoints = endpoints;
        this.pauses = pauses;
        this.config = config;
        this.retries = new RetrySchedule(config.retryDelays());
        this.clock = clock;
        this.metrics = metrics;
        this.traces = traces;
        this.vertx = vertx;
        Gauge.builder("risiti.webhook.deliveries.in.flight", inFlight, AtomicInteger::get)
                .description("Webhook deliveries this replica is sending now").register(metrics);
    }

    /** A replica shutting down claims nothing more: what it does not send, another replica (or its successor) will. */
    void stop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping = true;
    }

    public RetrySchedule retries() {
        return retries;
    }

    @Scheduled(identity = JOB, every = "${risiti.webhooks.delivery.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return dispatch().onFailure().recoverWithItem(failure -> {
            // the database is away: nothing was claimed, or what was claims again once its lease passes
            LOG.warnf("Webhook deliveries could not be dispatched: %s", failure.toString());
            return List.of();
        }).replaceWithVoid();
    }

    /** Dispatches as soon as possible: new deliveries were committed. A dispatch under way runs once more afterwards. */
    public void wake() {
        again.set(true);
        if (running.compareAndSet(false, true)) {
            dispatchWhileWoken();
        }
    }

    private void dispatchWhileWoken() {
        again.set(false);
        dispatch().subscribe().with(ignored -> afterWake(), failure -> {
            LOG.warnf("Webhook deliveries could not be dispatched: %s", failure.toString());
            afterWake();
        });
    }

    private void afterWake() {
        if (again.get()) {
            dispatchWhileWoken();
        } else {
            running.set(false);
            if (again.get() && running.compareAndSet(false, true)) {
                dispatchWhileWoken();
            }
        }
    }

    /**
     * Claims due deliveries while there are some and this replica has room, and starts each; the ids it started. Safe
     * to call from any number of replicas and threads at once.
     */
    public Uni<List<UUID>> dispatch() {
        OffsetDateTime now = Clocks.now(clock);
        int room = config.maxInFlight() - inFlight.get();
        if (room <= 0 || stopping) {
            return Uni.createFrom().item(List.of());
        }
        return deliveries.settle(now)
                .flatMap(ignored -> deliveries.claim(now, now.plus(config.claimLease()), config.perEndpointConcurrency(), room))
                .invoke(claimed -> claimed.forEach(this::start))
                .map(claimed -> claimed.stream().map(ClaimedDelivery::id).toList());
    }

    private void start(ClaimedDelivery delivery) {
        inFlight.incrementAndGet();
        // each attempt on a Vert.x context of its own: its span (and the pause check's session) is its alone
        OwnContext.run(vertx, () -> traced(delivery)).subscribe().with(ignored -> finished(), failure -> {
            // the outcome could not be recorded: the lease passes and it is tried again, the one duplicate we cannot rule out
            LOG.errorf("Could not record the outcome of webhook delivery %s (attempt %d): %s", delivery.id(), delivery.attempts(), failure);
            finished();
        });
    }

    private void finished() {
        inFlight.decrementAndGet();
        // a slot freed up: deliveries held back by the per-endpoint or replica bound may go now
        wake();
    }

    /**
     * The attempt as a span in the trace of what queued the delivery (the event's consumer span), on any replica and
     * however many retries later; the sender passes it to the receiver as the {@code traceparent} header.
     */
    private Uni<Void> traced(ClaimedDelivery delivery) {
        Attributes attributes = Attributes.builder().put("risiti.webhook.delivery_id", delivery.id().toString())
                .put("risiti.webhook.endpoint_id", delivery.endpointId().toString()).put("risiti.webhook.event_id", delivery.eventId())
                .put("risiti.webhook.event_type", delivery.eventType()).put(ATTEMPT, delivery.attempts()).build();
        return traces.inSpan(delivery.traceParent(), "webhook delivery", SpanKind.CLIENT, attributes, null, () -> deliver(delivery));
    }

    private Uni<Void> deliver(ClaimedDelivery delivery) {
        return Uni.createFrom().item(() -> endpoints.secretOf(delivery.endpointId(), delivery.sealedSecret()))
                .flatMap(secret -> sender.send(delivery, secret)).flatMap(outcome -> {
            OffsetDateTime at = Clocks.now(clock);
            OffsetDateTime retryAt = outcome.succeeded() || delivery.attempts() >= delivery.maxAttempts() ? null
                    : at.plus(retries.delayAfter(delivery.attempts()));
            log(delivery, outcome, retryAt);
            measure(outcome, retryAt);
            describe(Span.current(), outcome, retryAt);
            return deliveries.record(delivery, at, outcome, retryAt)
                    .flatMap(changed -> {
                        if (changed == 0) {
                            LOG.warnf("Webhook delivery %s was claimed again before attempt %d reported; the newer attempt's outcome stands",
                                    delivery.id(), delivery.attempts());
                        }
                        return outcome.succeeded() ? Uni.createFrom().voidItem() : pauses.pauseIfFailingTooLong(delivery.endpointId(), at);
                    });
        });
    }

    /** outcome: delivered, retrying (failed, another attempt is scheduled) or failed (the last attempt failed). */
    private static String result(AttemptOutcome outcome, OffsetDateTime retryAt) {
        return outcome.succeeded() ? "delivered" : retryAt != null ? "retrying" : "failed";
    }

    private void measure(AttemptOutcome outcome, OffsetDateTime retryAt) {
        Timer.builder("risiti.webhook.deliveries").description("Webhook delivery attempts by outcome, with the receiver's latency")
                .tag("outcome", result(outcome, retryAt)).register(metrics).record(outcome.latencyMs(), TimeUnit.MILLISECONDS);
    }

    /** The attempt's span (current on the attempt's own context) says what the metric and the delivery log say. */
    private static void describe(Span span, AttemptOutcome outcome, OffsetDateTime retryAt) {
        span.setAttribute(OUTCOME, result(outcome, retryAt));
        if (outcome.statusCode() != null) {
            span.setAttribute(HTTP_STATUS, outcome.statusCode().longValue());
        }
        if (!outcome.succeeded()) {
            span.setStatus(StatusCode.ERROR, outcome.summary());
        }
    }

    private static void log(ClaimedDelivery delivery, AttemptOutcome outcome, OffsetDateTime retryAt) {
        if (outcome.succeeded()) {
            LOG.debugf("Delivered %s %s to endpoint %s (HTTP %d, %d ms)", delivery.eventType(), delivery.id(), delivery.endpointId(),
                    outcome.statusCode(), outcome.latencyMs());
        } else if (retryAt != null) {
            LOG.infof("Webhook delivery %s to endpoint %s failed (attempt %d: %s); next attempt at %s", delivery.id(),
                    delivery.endpointId(), delivery.attempts(), outcome.summary(), retryAt);
        } else {
            LOG.warnf("Webhook delivery %s to endpoint %s failed for good after %d attempt(s): %s", delivery.id(), delivery.endpointId(),
                    delivery.attempts(), outcome.summary());
        }
    }
}
